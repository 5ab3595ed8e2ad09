"""The raw ceilings of the detail reads (bench/detail_ceilings.py) answer, byte for byte, what
the API answers for the same record, so the detail ratios in bench/README.md compare like
with like."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client as DjangoClient

from crm.models import PaymentInstalment
from tests.api.conftest import warm
from tests.factories import (
    BookingFactory,
    BookingServiceFactory,
    ClientFactory,
    ItineraryDayFactory,
    ItineraryFactory,
    ItineraryItemFactory,
    PaymentFactory,
    SupplierFactory,
    TravellerFactory,
    make_token,
)

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("_close_raw_connection"),
]


def _api(alice):
    issued = make_token(alice)
    warm(issued.token)
    return DjangoClient(headers={"Authorization": f"Bearer {issued.plaintext}"})


@pytest.fixture
def client_record(agency):
    return ClientFactory(agency=agency, name="Ana Lima")


@pytest.fixture
def itinerary(agency, client_record):
    trip = ItineraryFactory(
        agency=agency,
        client=client_record,
        start_date=dt.date(2027, 5, 1),
        end_date=dt.date(2027, 5, 3),
        notes="Anniversary",
    )
    hotel = SupplierFactory(agency=agency, name="Hotel Aurora")
    for number in (2, 1, 3):  # created out of order: the days come back in order
        day = ItineraryDayFactory(itinerary=trip, day_number=number, date=dt.date(2027, 5, number))
        if number == 3:
            continue  # a day without items
        ItineraryItemFactory(day=day, position=1, title="Dinner", start_time=dt.time(20, 30))
        ItineraryItemFactory(
            day=day, position=0, title="Check in", supplier=hotel, reference="HA-1", kind="hotel"
        )
    return trip


def test_the_raw_itinerary_ceiling_answers_what_the_api_answers(settings, agency, alice, itinerary):
    settings.ROOT_URLCONF = "bench.urls"
    expected = _api(alice).get(f"/api/v1/itineraries/{itinerary.pk}")
    got = DjangoClient().get(f"/bench/raw/itineraries/{itinerary.pk}?agency={agency.pk}")
    assert got.status_code == expected.status_code == 200
    assert got.content == expected.content
    assert [len(day["items"]) for day in got.json()["data"]["days"]] == [2, 2, 0]


def test_the_raw_itinerary_ceiling_is_scoped_and_refuses_what_it_does_not_measure(
    settings, agency, other_agency, itinerary, client_record
):
    settings.ROOT_URLCONF = "bench.urls"
    raw = DjangoClient()
    path = f"/bench/raw/itineraries/{itinerary.pk}"
    assert raw.get(f"{path}?agency={other_agency.pk}").status_code == 404
    assert raw.get(path).status_code == 400
    itinerary.named_travellers.add(TravellerFactory(client=client_record))
    assert raw.get(f"{path}?agency={agency.pk}").status_code == 501


@pytest.fixture
def booking(agency, client_record):
    hotel = SupplierFactory(agency=agency, name="Hotel Aurora")
    record = BookingFactory(
        agency=agency,
        client=client_record,
        total_price=Decimal("1500.00"),
        amount_paid=Decimal("700.00"),
        supplier=hotel,
        notes="Window seats",
    )
    BookingServiceFactory(booking=record, position=1, supplier=hotel, start_time=dt.time(15))
    BookingServiceFactory(
        booking=record,
        position=0,
        price=Decimal("900.00"),
        commission_expected=Decimal("45.00"),
        commission_received=Decimal("50.00"),  # more than expected: nothing outstanding
    )
    BookingServiceFactory(booking=record, position=2, status="cancelled")
    PaymentFactory(booking=record, amount=Decimal("800.00"), method="card")
    PaymentFactory(booking=record, amount=Decimal("100.00"), kind="refund")
    PaymentFactory(
        booking=record,
        amount=Decimal("50.00"),
        voided_at=dt.datetime(2026, 11, 2, tzinfo=dt.UTC),
        void_reason="Typed twice",
    )
    for position, (due, amount) in enumerate(
        [
            (dt.date(2026, 1, 10), "500.00"),
            (dt.date(2030, 1, 10), "600.00"),
            (dt.date(2031, 1, 1), "100.00"),
        ]
    ):
        PaymentInstalment.objects.create(
            agency=agency, booking=record, position=position, due_date=due, amount=Decimal(amount)
        )
    return record


def test_the_raw_booking_ceiling_answers_what_the_api_answers(settings, agency, alice, booking):
    settings.ROOT_URLCONF = "bench.urls"
    expected = _api(alice).get(f"/api/v1/bookings/{booking.pk}")
    got = DjangoClient().get(f"/bench/raw/bookings/{booking.pk}?agency={agency.pk}")
    assert got.status_code == expected.status_code == 200
    assert got.content == expected.content
    data = got.json()["data"]
    # The derived parts are there, not empty: states, a schedule that does not match, figures.
    assert [i["state"] for i in data["schedule"]["instalments"]] == ["paid", "part_paid", "due"]
    assert data["schedule"]["warning"] and data["financials"]["priced_by"] == "services"
    assert len(data["services"]) == 3 and len(data["payments"]) == 3


def test_the_raw_booking_ceiling_is_scoped_and_refuses_what_it_does_not_measure(
    settings, agency, other_agency, booking, client_record
):
    settings.ROOT_URLCONF = "bench.urls"
    raw = DjangoClient()
    path = f"/bench/raw/bookings/{booking.pk}"
    assert raw.get(f"{path}?agency={other_agency.pk}").status_code == 404
    booking.named_travellers.add(TravellerFactory(client=client_record))
    assert raw.get(f"{path}?agency={agency.pk}").status_code == 501
