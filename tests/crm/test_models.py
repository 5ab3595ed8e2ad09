import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from crm.bookings import services as booking_services
from crm.clients import services as client_services
from crm.models import Booking, Client, Proposal
from crm.trips import selectors as trip_selectors
from crm.trips import services as trip_services
from tests.factories import (
    BookingFactory,
    ClientFactory,
    ItineraryDayFactory,
    ItineraryFactory,
    ItineraryItemFactory,
    ProposalFactory,
)

pytestmark = pytest.mark.django_db


def test_itinerary_days_and_items_keep_their_order(agency, alice):
    client = ClientFactory(agency=agency)
    itinerary = trip_services.itinerary_create(
        agency=agency,
        created_by=alice,
        client=client,
        title="Portugal",
        days=[
            {
                "title": "Lisbon",
                "items": [
                    {"title": "Tram 28"},
                    {"title": "Belém", "kind": "activity"},
                    {"title": "Fado dinner", "kind": "meal"},
                ],
            },
            {"title": "Sintra", "items": [{"title": "Pena Palace"}]},
            {"title": "Porto", "items": []},
        ],
    )
    loaded = trip_selectors.itinerary_get(agency=agency, itinerary_id=itinerary.pk)
    days = list(loaded.days.all())
    assert [d.title for d in days] == ["Lisbon", "Sintra", "Porto"]
    assert [d.day_number for d in days] == [1, 2, 3]
    assert [i.title for i in days[0].items.all()] == ["Tram 28", "Belém", "Fado dinner"]


def test_days_are_ordered_by_day_number_not_by_insertion(agency):
    itinerary = ItineraryFactory(client__agency=agency)
    ItineraryDayFactory(itinerary=itinerary, day_number=3, title="third")
    ItineraryDayFactory(itinerary=itinerary, day_number=1, title="first")
    day2 = ItineraryDayFactory(itinerary=itinerary, day_number=2, title="second")
    ItineraryItemFactory(day=day2, position=2, title="b")
    ItineraryItemFactory(day=day2, position=1, title="a")
    loaded = trip_selectors.itinerary_get(agency=agency, itinerary_id=itinerary.pk)
    assert [d.title for d in loaded.days.all()] == ["first", "second", "third"]
    assert [i.title for i in loaded.days.all()[1].items.all()] == ["a", "b"]


def test_money_round_trips_as_decimal(agency):
    proposal = ProposalFactory(client__agency=agency, total_price=Decimal("1250.10"))
    booking = BookingFactory(
        client__agency=agency, total_price=Decimal("99999.99"), amount_paid=Decimal("0.01")
    )
    proposal = Proposal.objects.get(pk=proposal.pk)
    booking = Booking.objects.get(pk=booking.pk)
    assert proposal.total_price == Decimal("1250.10")
    assert isinstance(proposal.total_price, Decimal)
    assert booking.balance_due == Decimal("99999.98")
    assert str(booking.amount_paid) == "0.01"


def test_booking_references_are_unique_per_agency(agency, other_agency):
    client = ClientFactory(agency=agency)
    booking_services.booking_create(agency=agency, client=client, reference="HZ-1")
    with pytest.raises(ValidationError) as exc:
        booking_services.booking_create(agency=agency, client=client, reference="HZ-1")
    assert "reference" in exc.value.message_dict
    assert Booking.objects.for_agency(agency).count() == 1
    # Another agency may use the same reference.
    other_client = ClientFactory(agency=other_agency)
    booking_services.booking_create(agency=other_agency, client=other_client, reference="HZ-1")
    assert Booking.objects.filter(reference="HZ-1").count() == 2


def test_the_database_enforces_unique_references_too(agency):
    from django.db import IntegrityError, transaction

    BookingFactory(client__agency=agency, agency=agency, reference="DUP-1")
    with pytest.raises(IntegrityError), transaction.atomic():
        BookingFactory(client__agency=agency, agency=agency, reference="DUP-1")


def test_a_generated_reference_is_assigned_when_none_is_given(agency):
    booking = booking_services.booking_create(agency=agency, client=ClientFactory(agency=agency))
    assert booking.reference.startswith("BK-")
    assert len(booking.reference) == 9


def test_an_end_date_before_the_start_is_refused(agency):
    with pytest.raises(ValidationError) as exc:
        trip_services.itinerary_create(
            agency=agency,
            client=ClientFactory(agency=agency),
            title="x",
            start_date=dt.date(2027, 5, 2),
            end_date=dt.date(2027, 5, 1),
        )
    assert "end_date" in exc.value.message_dict


def test_a_client_defaults_to_lead_and_keeps_a_phone_as_given(agency):
    client = client_services.client_create(agency=agency, name="New Lead", phone="+1...")
    client.refresh_from_db()
    assert client.status == "lead"
    assert client.phone == "+1..."


def test_tags_are_trimmed_and_deduplicated(agency):
    client = client_services.client_create(
        agency=agency, name="T", tags=[" beach", "beach", "vip "]
    )
    assert Client.objects.get(pk=client.pk).tags == ["beach", "vip"]


def test_a_bad_value_changes_nothing(agency):
    client = client_services.client_create(agency=agency, name="Keep", email="keep@example.com")
    with pytest.raises(ValidationError):
        client_services.client_update(client=client, email="not-an-email")
    assert Client.objects.get(pk=client.pk).email == "keep@example.com"


def test_a_payment_updates_the_amount_paid(agency, alice):
    booking = BookingFactory(
        client__agency=agency,
        agency=agency,
        total_price=Decimal("1000.00"),
        amount_paid=Decimal("0.00"),
    )
    booking_services.payment_record(booking=booking, amount=Decimal("300.00"), recorded_by=alice)
    booking_services.payment_record(booking=booking, amount=Decimal("200.50"), recorded_by=alice)
    booking.refresh_from_db()
    assert booking.amount_paid == Decimal("500.50")
    assert booking.balance_due == Decimal("499.50")
