"""Itinerary templates: an itinerary's plan saved without dates or client, and new
itineraries started from it with the days dated from a start date."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from accounts.models import Activity
from crm.models import Itinerary, ItineraryTemplate, Supplier
from crm.trips.templates import (
    itinerary_from_template,
    template_delete,
    template_from_itinerary,
    template_update,
)
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
        start_date=dt.date(2027, 3, 1),
        end_date=dt.date(2027, 3, 3),
        travellers=3,
    )
    day = ItineraryDayFactory(itinerary=trip, day_number=1, date=dt.date(2027, 3, 1), title="In")
    ItineraryItemFactory(
        day=day,
        title="Flight",
        kind="flight",
        position=0,
        start_time=dt.time(9, 30),
        supplier=SupplierFactory(agency=agency, name="TAP"),
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
            [
                (i.title, i.kind, i.start_time, i.supplier_id)
                for i in day.items.order_by("position")
            ],
        )
        for day in itinerary.days.order_by("day_number")
    ]


def test_a_template_holds_the_days_and_items_without_dates_or_client(trip, alice):
    template = template_from_itinerary(itinerary=trip, name="Lisbon long weekend", actor=alice)

    template.refresh_from_db()
    assert (template.agency_id, template.name, template.created_by) == (
        trip.agency_id,
        "Lisbon long weekend",
        alice,
    )
    assert not hasattr(template, "client_id")
    assert [d["day_number"] for d in template.days] == [1, 3]
    assert all("date" not in day for day in template.days)
    assert [i["title"] for i in template.days[0]["items"]] == ["Flight", "Hotel"]
    assert template.days[0]["items"][0]["start_time"] == "09:30:00"
    assert (template.day_count, template.item_count) == (2, 2)
    event = Activity.objects.get(event="itinerarytemplate.created")
    assert (event.object_id, event.data, event.client_id) == (
        template.pk,
        {"itinerary_id": trip.pk},
        None,
    )


def test_an_itinerary_from_a_template_dates_its_days_by_day_number(trip, agency, alice):
    template = template_from_itinerary(itinerary=trip, name="Lisbon")
    grace = ClientFactory(agency=agency, name="Grace")

    new = itinerary_from_template(
        template=template, client=grace, start_date=dt.date(2027, 9, 10), actor=alice
    )

    assert (new.client_id, new.status, new.title, new.travellers) == (
        grace.pk,
        "draft",
        "Lisbon",
        1,
    )
    assert (new.start_date, new.end_date) == (dt.date(2027, 9, 10), dt.date(2027, 9, 12))
    supplier = Supplier.objects.get(name="TAP")
    assert _plan(new) == [
        (
            1,
            dt.date(2027, 9, 10),
            "In",
            [
                ("Flight", "flight", dt.time(9, 30), supplier.pk),
                ("Hotel", "accommodation", None, None),
            ],
        ),
        (3, dt.date(2027, 9, 12), "Out", []),
    ]
    used = Activity.objects.get(event="itinerarytemplate.used")
    assert (used.object_id, used.data["itinerary_id"], used.client_id) == (
        template.pk,
        new.pk,
        grace.pk,
    )
    assert Activity.objects.filter(event="itinerary.created", object_id=new.pk).exists()


def test_without_a_start_date_the_days_stay_undated_and_a_title_wins(trip, agency):
    template = template_from_itinerary(itinerary=trip, name="Lisbon")

    new = itinerary_from_template(template=template, client=trip.client, title="Ada's Lisbon")

    assert (new.title, new.start_date, new.end_date) == ("Ada's Lisbon", None, None)
    assert [d for _, d, _, _ in _plan(new)] == [None, None]


def test_another_agencys_client_is_refused_and_nothing_is_made(trip, other_agency):
    template = template_from_itinerary(itinerary=trip, name="Lisbon")
    foreign = ClientFactory(agency=other_agency)

    with pytest.raises(ValidationError) as raised:
        itinerary_from_template(template=template, client=foreign.pk)

    assert "client_id" in raised.value.message_dict
    assert Itinerary.objects.count() == 1


def test_a_supplier_deleted_since_leaves_its_item_without_one(trip):
    template = template_from_itinerary(itinerary=trip, name="Lisbon")
    trip.delete()
    Supplier.objects.filter(name="TAP").delete()

    new = itinerary_from_template(template=template, client=ClientFactory(agency=trip.agency))

    assert _plan(new)[0][3] == [
        ("Flight", "flight", dt.time(9, 30), None),
        ("Hotel", "accommodation", None, None),
    ]


def test_an_itinerary_id_of_another_agency_is_a_field_error(trip, other_agency):
    with pytest.raises(ValidationError) as raised:
        template_from_itinerary(itinerary=trip.pk, agency=other_agency, name="Stolen")
    assert "itinerary_id" in raised.value.message_dict
    assert not ItineraryTemplate.objects.exists()


def test_a_blank_name_is_refused(trip):
    with pytest.raises(ValidationError) as raised:
        template_from_itinerary(itinerary=trip, name="  ")
    assert "name" in raised.value.message_dict
    assert not ItineraryTemplate.objects.exists()


def test_update_renames_and_delete_removes_with_events(trip):
    template = template_from_itinerary(itinerary=trip, name="Lisbon")

    template_update(template=template, name="Lisbon in spring", description="3 days")
    template.refresh_from_db()
    assert (template.name, template.description) == ("Lisbon in spring", "3 days")
    with pytest.raises(ValidationError):
        template_update(template=template, days=[])
    pk = template.pk
    template_delete(template=template)

    assert not ItineraryTemplate.objects.exists()
    assert Itinerary.objects.filter(pk=trip.pk).exists()
    assert set(
        Activity.objects.filter(object_id=pk, object_type="itinerarytemplate").values_list(
            "event", flat=True
        )
    ) == {"itinerarytemplate.created", "itinerarytemplate.updated", "itinerarytemplate.deleted"}
