"""Moving an item to another day of its itinerary (``crm.trips.plan.itinerary_item_move`` with
``day``): both days' positions stay 0..n-1, the move is in the history, a refused move changes
nothing."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from accounts.models import Activity
from crm.trips import plan
from crm.trips.services import MAX_ITEMS_PER_DAY
from tests.factories import ClientFactory, ItineraryFactory
from tests.factories import ItineraryDayFactory as DayFactory
from tests.factories import ItineraryItemFactory as ItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def trip(agency):
    return ItineraryFactory(client=ClientFactory(agency=agency, name="Ada"), title="Lisbon")


@pytest.fixture
def days(trip):
    one = DayFactory(itinerary=trip, day_number=1, title="Arrival")
    two = DayFactory(itinerary=trip, day_number=2, title="Sintra")
    for position, title in enumerate(["Flight", "Transfer", "Hotel"]):
        ItemFactory(day=one, position=position, title=title)
    for position, title in enumerate(["Palace", "Lunch"]):
        ItemFactory(day=two, position=position, title=title)
    return one, two


def _titles(day):
    return list(day.items.order_by("position").values_list("title", "position"))


def test_an_item_moved_to_another_day_goes_last_there_and_both_days_close_up(days):
    one, two = days
    transfer = one.items.get(title="Transfer")
    plan.itinerary_item_move(item=transfer, day=two)
    assert _titles(one) == [("Flight", 0), ("Hotel", 1)]
    assert _titles(two) == [("Palace", 0), ("Lunch", 1), ("Transfer", 2)]


def test_an_item_moved_to_a_place_of_another_day_makes_room_there(days):
    one, two = days
    flight = one.items.get(title="Flight")
    plan.itinerary_item_move(item=flight, day=two, to=1)
    assert _titles(one) == [("Transfer", 0), ("Hotel", 1)]
    assert _titles(two) == [("Flight", 0), ("Palace", 1), ("Lunch", 2)]
    plan.itinerary_item_move(item=two.items.get(title="Lunch"), day=one, to=99)  # clamped
    assert _titles(one) == [("Transfer", 0), ("Hotel", 1), ("Lunch", 2)]


def test_the_move_to_another_day_is_in_the_history_with_both_days(trip, days):
    one, two = days
    plan.itinerary_item_move(item=one.items.get(title="Hotel"), day=two, to=2)
    event = Activity.objects.get(object_id=trip.pk, event="itinerary.item_moved_to_day")
    assert event.data == {
        "day_number": 2,
        "from_day": 1,
        "item_title": "Hotel",
        "kind": "activity",
        "from": 3,
        "to": 2,
    }
    assert event.client_id == trip.client_id


def test_a_day_of_another_itinerary_is_refused_and_nothing_moves(agency, trip, days):
    one, _ = days
    elsewhere = DayFactory(itinerary=ItineraryFactory(client=trip.client), day_number=1)
    with pytest.raises(ValidationError) as raised:
        plan.itinerary_item_move(item=one.items.get(title="Flight"), day=elsewhere)
    assert "day" in raised.value.message_dict
    assert _titles(one) == [("Flight", 0), ("Transfer", 1), ("Hotel", 2)]
    assert not elsewhere.items.exists()
    assert not Activity.objects.filter(event="itinerary.item_moved_to_day").exists()


def test_a_full_day_refuses_one_more_item(days):
    one, two = days
    for position in range(2, MAX_ITEMS_PER_DAY):
        ItemFactory(day=two, position=position)
    with pytest.raises(ValidationError, match="already has"):
        plan.itinerary_item_move(item=one.items.get(title="Flight"), day=two)
    assert one.items.count() == 3


def test_naming_its_own_day_moves_it_within_the_day(days):
    one, _ = days
    plan.itinerary_item_move(item=one.items.get(title="Hotel"), day=one, to=1)
    assert _titles(one) == [("Hotel", 0), ("Flight", 1), ("Transfer", 2)]
    assert Activity.objects.filter(event="itinerary.item_moved").count() == 1
