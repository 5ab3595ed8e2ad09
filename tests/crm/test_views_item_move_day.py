"""The builder's "Move to day…" control: a select of the plan's other days (a day number on a
long plan) posting to the item's move URL; the builder lands on the day it went to, at the item;
a day that is not this itinerary's is a 400 with a message and moves nothing."""

from __future__ import annotations

import re

import pytest

from crm.dashboard.views.plan_page import MOVE_SELECT_DAYS
from tests.factories import (
    ClientFactory,
    ItineraryDayFactory,
    ItineraryFactory,
    ItineraryItemFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def trip(agency):
    return ItineraryFactory(client=ClientFactory(agency=agency, name="Ada"), title="Lisbon")


@pytest.fixture
def two_days(trip):
    one = ItineraryDayFactory(itinerary=trip, day_number=1, title="Arrival")
    two = ItineraryDayFactory(itinerary=trip, day_number=2, title="Sintra")
    ItineraryItemFactory(day=one, title="Flight", position=0)
    ItineraryItemFactory(day=one, title="Transfer", position=1)
    ItineraryItemFactory(day=two, title="Palace", position=0)
    return one, two


def _items(day):
    return list(day.items.order_by("position").values_list("title", "position"))


def _move_form(html: str, item_pk: int) -> str:
    match = re.search(
        rf'<form method="post" action="[^"]*/items/{item_pk}/move/" class="item__move".*?</form>',
        html,
        re.S,
    )
    assert match, "no Move to day form for the item"
    return match.group(0)


def test_each_item_offers_the_other_days_of_the_plan_with_a_label(as_alice, trip, two_days):
    one, two = two_days
    flight = one.items.get(title="Flight")
    html = as_alice.get(f"/itineraries/{trip.pk}/").content.decode()
    form = _move_form(html, flight.pk)
    assert f'<label for="item{flight.pk}-day">Move to</label>' in form
    assert f'<option value="{two.pk}">Day 2: Sintra</option>' in form
    assert f'value="{one.pk}"' not in form  # not its own day
    assert 'aria-label="Move Flight to the chosen day"' in form


def test_a_plan_of_one_day_has_no_move_to_day_control(as_alice, trip):
    day = ItineraryDayFactory(itinerary=trip, day_number=1)
    ItineraryItemFactory(day=day, title="Alone")
    assert 'class="item__move"' not in as_alice.get(f"/itineraries/{trip.pk}/").content.decode()


def test_moving_an_item_to_another_day_lands_on_that_day_at_the_item(as_alice, trip, two_days):
    one, two = two_days
    flight = one.items.get(title="Flight")
    response = as_alice.post(f"/itineraries/{trip.pk}/items/{flight.pk}/move/", {"day": two.pk})
    assert response.status_code == 302
    assert response["Location"] == f"/itineraries/{trip.pk}/?day=2#item-{flight.pk}"
    assert _items(one) == [("Transfer", 0)]
    assert _items(two) == [("Palace", 0), ("Flight", 1)]


def test_a_long_plan_asks_for_a_day_number_instead(as_alice, trip):
    days = [
        ItineraryDayFactory(itinerary=trip, day_number=n) for n in range(1, MOVE_SELECT_DAYS + 2)
    ]
    item = ItineraryItemFactory(day=days[0], title="Flight")
    form = _move_form(as_alice.get(f"/itineraries/{trip.pk}/").content.decode(), item.pk)
    assert "<select" not in form
    assert f'name="day_number" id="item{item.pk}-day" min="1" max="{len(days)}"' in form
    response = as_alice.post(f"/itineraries/{trip.pk}/items/{item.pk}/move/", {"day_number": 30})
    assert response.status_code == 302
    assert _items(days[29]) == [("Flight", 0)]


@pytest.mark.parametrize("field", ["day", "day_number"])
def test_a_day_of_another_itinerary_or_none_is_a_400_and_nothing_moves(
    as_alice, other_agency, trip, two_days, field
):
    one, two = two_days
    flight = one.items.get(title="Flight")
    mine_elsewhere = ItineraryDayFactory(itinerary=ItineraryFactory(client=trip.client))
    theirs = ItineraryDayFactory(
        itinerary=ItineraryFactory(client=ClientFactory(agency=other_agency))
    )
    values = [mine_elsewhere.pk, theirs.pk, "", "two"] if field == "day" else [3, 0, "", "two"]
    for value in values:
        response = as_alice.post(f"/itineraries/{trip.pk}/items/{flight.pk}/move/", {field: value})
        assert response.status_code == 400, value
        assert "Choose a day of this itinerary to move the item to." in response.content.decode()
    assert _items(one) == [("Flight", 0), ("Transfer", 1)]
    assert _items(two) == [("Palace", 0)]
    assert not mine_elsewhere.items.exists() and not theirs.items.exists()


def test_another_agencys_item_cannot_be_moved_into_my_day(as_alice, other_agency, trip, two_days):
    _, two = two_days
    theirs = ItineraryFactory(client=ClientFactory(agency=other_agency))
    their_item = ItineraryItemFactory(day=ItineraryDayFactory(itinerary=theirs), title="Theirs")
    for itinerary in (theirs, trip):
        response = as_alice.post(
            f"/itineraries/{itinerary.pk}/items/{their_item.pk}/move/", {"day": two.pk}
        )
        assert response.status_code == 404
    assert _items(two) == [("Palace", 0)]
