"""Every change of an itinerary's plan is an event of the itinerary, in the client's history,
written in the change's transaction (SECURITY.md: every change of an itinerary is recorded)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from accounts.audit import audit_context
from accounts.models import Activity
from crm.trips import plan
from crm.trips import services as trip_services
from tests.factories import ClientFactory, ItineraryFactory
from tests.factories import ItineraryDayFactory as DayFactory
from tests.factories import ItineraryItemFactory as ItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def trip(agency):
    return ItineraryFactory(client=ClientFactory(agency=agency, name="Ada"), title="Lisbon")


def _plan_events(trip):
    return list(
        Activity.objects.for_agency(trip.agency)
        .filter(object_type="itinerary", object_id=trip.pk, event__startswith="itinerary.")
        .exclude(event__in=["itinerary.created", "itinerary.updated"])
        .order_by("id")
    )


def _only_event(trip, name):
    events = [e for e in _plan_events(trip) if e.event == name]
    assert len(events) == 1, [e.event for e in _plan_events(trip)]
    return events[0]


def test_replacing_the_plan_records_the_days_and_items_before_and_after(agency, alice, trip):
    day = DayFactory(itinerary=trip, day_number=1)
    ItemFactory(day=day, position=0)
    ItemFactory(day=day, position=1)
    with audit_context(channel="api", actor=alice):
        trip_services.itinerary_update(
            itinerary=trip,
            days=[
                {"title": "Arrival", "items": [{"title": "Flight", "kind": "flight"}]},
                {"title": "Sintra"},
            ],
        )
    event = _only_event(trip, "itinerary.plan_replaced")
    assert event.data == {"days_before": 1, "days_after": 2, "items_before": 2, "items_after": 1}
    assert event.client_id == trip.client_id
    assert event.actor == alice
    assert event.channel == "api"


def test_the_plan_of_a_new_itinerary_is_recorded_as_set_from_nothing(agency):
    client = ClientFactory(agency=agency)
    itinerary = trip_services.itinerary_create(
        agency=agency, client=client, title="Japan", days=[{"title": "Tokyo"}]
    )
    event = _only_event(itinerary, "itinerary.plan_replaced")
    assert event.data == {"days_before": 0, "days_after": 1, "items_before": 0, "items_after": 0}


def test_an_itinerary_without_a_plan_records_no_plan_event(agency, trip):
    trip_services.itinerary_update(itinerary=trip, days=[])
    assert _plan_events(trip) == []


def test_a_refused_plan_leaves_no_event_and_keeps_the_old_plan(agency, trip):
    DayFactory(itinerary=trip, day_number=1, title="Kept")
    with pytest.raises(ValidationError):
        trip_services.itinerary_update(itinerary=trip, days=[{"title": "x", "colour": "red"}])
    assert _plan_events(trip) == []
    assert list(trip.days.values_list("title", flat=True)) == ["Kept"]


def test_adding_a_day_records_its_number_and_title(trip, amir):
    with audit_context(channel="dashboard", actor=amir):
        plan.itinerary_day_add(itinerary=trip, title=" Arrival ", date=dt.date(2027, 3, 1))
    event = _only_event(trip, "itinerary.day_added")
    assert event.data == {"day_number": 1, "day_title": "Arrival", "date": "2027-03-01"}
    assert event.actor == amir
    assert event.client_id == trip.client_id
    assert event.object_repr == "Lisbon"


def test_editing_a_day_records_only_the_fields_that_changed(trip):
    day = DayFactory(itinerary=trip, day_number=1, title="Arrival", location="")
    plan.itinerary_day_update(day=day, title="Arrival", location="Lisbon", date=None)
    event = _only_event(trip, "itinerary.day_updated")
    assert event.changes == {"location": ["", "Lisbon"]}
    assert event.data == {"day_number": 1, "day_title": "Arrival"}


def test_an_edit_that_changes_nothing_records_nothing(trip):
    day = DayFactory(itinerary=trip, day_number=1, title="Arrival")
    plan.itinerary_day_update(day=day, title="Arrival")
    item = ItemFactory(day=day, title="Tram 28")
    plan.itinerary_item_update(item=item, title="Tram 28")
    assert _plan_events(trip) == []


def test_moving_a_day_records_where_from_and_where_to(trip):
    first = DayFactory(itinerary=trip, day_number=1, title="One")
    DayFactory(itinerary=trip, day_number=2, title="Two")
    DayFactory(itinerary=trip, day_number=3, title="Three")
    plan.itinerary_day_move(day=first, to=3)
    event = _only_event(trip, "itinerary.day_moved")
    assert event.data == {"day_title": "One", "from": 1, "to": 3}


def test_a_move_to_where_it_already_is_records_nothing(trip):
    day = DayFactory(itinerary=trip, day_number=1)
    plan.itinerary_day_move(day=day, to=5)  # clamped to 1: nowhere to go
    item = ItemFactory(day=day, position=0)
    plan.itinerary_item_move(item=item, to=1)
    assert _plan_events(trip) == []


def test_removing_a_day_records_it_with_how_many_items_went(trip):
    day = DayFactory(itinerary=trip, day_number=1, title="Sintra")
    ItemFactory(day=day)
    DayFactory(itinerary=trip, day_number=2)
    plan.itinerary_day_remove(day=day)
    event = _only_event(trip, "itinerary.day_removed")
    assert event.data == {"day_number": 1, "day_title": "Sintra", "items": 1}


def test_adding_an_item_records_the_item_and_its_day(trip):
    day = DayFactory(itinerary=trip, day_number=2)
    plan.itinerary_item_add(day=day, title="Pastéis de Belém", kind="meal")
    event = _only_event(trip, "itinerary.item_added")
    assert event.data == {"day_number": 2, "item_title": "Pastéis de Belém", "kind": "meal"}


def test_editing_an_item_records_the_changed_fields(trip):
    day = DayFactory(itinerary=trip, day_number=1)
    item = ItemFactory(day=day, title="Tram", start_time=None)
    plan.itinerary_item_update(item=item, title="Tram 28", start_time=dt.time(9, 30))
    event = _only_event(trip, "itinerary.item_updated")
    assert event.changes == {"title": ["Tram", "Tram 28"], "start_time": [None, "09:30:00"]}
    assert event.data["item_title"] == "Tram 28"


def test_moving_an_item_records_its_positions(trip):
    day = DayFactory(itinerary=trip, day_number=1)
    ItemFactory(day=day, position=0, title="A")
    last = ItemFactory(day=day, position=1, title="B")
    plan.itinerary_item_move(item=last, to=1)
    event = _only_event(trip, "itinerary.item_moved")
    assert (event.data["item_title"], event.data["from"], event.data["to"]) == ("B", 2, 1)


def test_removing_an_item_records_it(trip):
    day = DayFactory(itinerary=trip, day_number=1)
    item = ItemFactory(day=day, title="Fado night", kind="activity")
    plan.itinerary_item_remove(item=item)
    event = _only_event(trip, "itinerary.item_removed")
    assert event.data == {"day_number": 1, "item_title": "Fado night", "kind": "activity"}


def test_a_refused_edit_records_nothing(trip):
    day = DayFactory(itinerary=trip, day_number=1)
    with pytest.raises(ValidationError):
        plan.itinerary_item_add(day=day, title="x", kind="spaceship")
    with pytest.raises(ValidationError):
        plan.itinerary_day_update(day=day, title="x" * 201)
    assert _plan_events(trip) == []


def test_an_edit_rolled_back_with_its_transaction_leaves_no_event(trip):
    day = DayFactory(itinerary=trip, day_number=1)
    item = ItemFactory(day=day)

    class Abort(Exception):
        pass

    with pytest.raises(Abort), transaction.atomic():
        plan.itinerary_day_add(itinerary=trip, title="Gone")
        plan.itinerary_item_remove(item=item)
        raise Abort
    assert _plan_events(trip) == []
    assert trip.days.count() == 1


def test_plan_events_show_in_the_clients_history_and_nowhere_else(trip, other_agency):
    plan.itinerary_day_add(itinerary=trip, title="Arrival")
    assert Activity.objects.filter(event="itinerary.day_added").get().agency_id == trip.agency_id
    assert not Activity.objects.for_agency(other_agency).exists()
