"""Duplicating an itinerary: the same plan for the same or another client, dates shifted."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from crm.models import Itinerary
from crm.trips.copies import itinerary_duplicate
from tests.factories import (
    ClientFactory,
    ItineraryDayFactory,
    ItineraryFactory,
    ItineraryItemFactory,
    SupplierFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def trip(agency):
    client = ClientFactory(agency=agency, name="Ada")
    trip = ItineraryFactory(
        client=client,
        title="Lisbon",
        status="confirmed",
        start_date=dt.date(2027, 3, 1),
        end_date=dt.date(2027, 3, 3),
        travellers=3,
    )
    day = ItineraryDayFactory(itinerary=trip, day_number=1, date=dt.date(2027, 3, 1), title="In")
    ItineraryItemFactory(
        day=day, title="Flight", kind="flight", position=0, supplier=SupplierFactory(agency=agency)
    )
    ItineraryItemFactory(day=day, title="Hotel", kind="accommodation", position=1)
    ItineraryDayFactory(itinerary=trip, day_number=3, date=dt.date(2027, 3, 3), title="Out")
    return trip


def _plan(itinerary: Itinerary) -> list[tuple]:
    return [
        (
            day.day_number,
            day.date,
            day.title,
            [(i.title, i.kind, i.supplier_id) for i in day.items.order_by("position")],
        )
        for day in itinerary.days.order_by("day_number")
    ]


def test_a_copy_for_another_client_shifts_every_date(trip, agency):
    other = ClientFactory(agency=agency, name="Grace")

    copy = itinerary_duplicate(itinerary=trip, client=other, start_date=dt.date(2027, 9, 10))

    assert (copy.client_id, copy.status, copy.travellers) == (other.pk, "draft", 3)
    assert (copy.start_date, copy.end_date) == (dt.date(2027, 9, 10), dt.date(2027, 9, 12))
    original = _plan(trip)
    assert [(n, d, t) for n, d, t, _ in _plan(copy)] == [
        (1, dt.date(2027, 9, 10), "In"),
        (3, dt.date(2027, 9, 12), "Out"),
    ]
    assert [items for *_, items in _plan(copy)] == [items for *_, items in original]
    assert Itinerary.objects.get(pk=trip.pk).title == "Lisbon"  # the original is untouched


def test_a_copy_without_a_new_date_keeps_the_dates_and_the_client(trip):
    copy = itinerary_duplicate(itinerary=trip, title="Lisbon (copy)")

    assert (copy.client_id, copy.title, copy.start_date) == (
        trip.client_id,
        "Lisbon (copy)",
        trip.start_date,
    )
    assert _plan(copy) == _plan(trip)


def test_another_agencys_client_is_refused(trip, other_agency):
    stranger = ClientFactory(agency=other_agency)

    with pytest.raises(ValidationError) as error:
        itinerary_duplicate(itinerary=trip, client=stranger.pk)

    assert "client_id" in error.value.message_dict
    assert Itinerary.objects.count() == 1


def test_the_dashboard_duplicates_for_another_client(as_alice, trip, agency):
    other = ClientFactory(agency=agency, name="Grace")
    url = f"/itineraries/{trip.pk}/duplicate/"
    assert "Lisbon (copy)" in as_alice.get(url).content.decode()

    response = as_alice.post(
        url, {"client": other.pk, "start_date": "2027-09-10", "title": "Lisbon for Grace"}
    )

    copy = Itinerary.objects.get(title="Lisbon for Grace")
    assert response.status_code == 302 and response["Location"] == f"/itineraries/{copy.pk}/"
    assert (copy.client_id, copy.start_date) == (other.pk, dt.date(2027, 9, 10))


def test_the_dashboard_refuses_another_agencys_itinerary_and_client(client, bob, trip, agency):
    client.force_login(bob)

    assert client.get(f"/itineraries/{trip.pk}/duplicate/").status_code == 404
    assert Itinerary.objects.count() == 1
