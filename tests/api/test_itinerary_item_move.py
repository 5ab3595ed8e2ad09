"""``POST /itineraries/{id}/items/{item_id}/move``: an item to a place of its day or another
day of the same itinerary, positions gapless in both; another itinerary's or agency's day is a
422 on ``day_id``, another itinerary's item a 404, and neither moves anything."""

from __future__ import annotations

import pytest

from accounts.models import Activity
from tests.api.conftest import Api
from tests.factories import (
    ClientFactory,
    ItineraryDayFactory,
    ItineraryFactory,
    ItineraryItemFactory,
    make_token,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def trip(agency):
    trip = ItineraryFactory(client=ClientFactory(agency=agency), title="Lisbon")
    one = ItineraryDayFactory(itinerary=trip, day_number=1)
    two = ItineraryDayFactory(itinerary=trip, day_number=2)
    for position, title in enumerate(["Flight", "Transfer", "Hotel"]):
        ItineraryItemFactory(day=one, title=title, position=position)
    ItineraryItemFactory(day=two, title="Palace", position=0)
    return trip


def _plan(body) -> list[list[tuple[str, int]]]:
    return [[(i["title"], i["position"]) for i in day["items"]] for day in body["data"]["days"]]


def _item(trip, title):
    return trip.days.get(day_number=1).items.get(title=title)


def _url(trip, item) -> str:
    return f"/itineraries/{trip.pk}/items/{item.pk}/move"


def test_an_item_moves_to_a_place_of_another_day(api: Api, trip):
    transfer = _item(trip, "Transfer")
    two = trip.days.get(day_number=2)
    response = api.post(_url(trip, transfer), {"day_id": two.pk, "position": 0})
    assert response.status_code == 200, response.content
    assert _plan(response.json()) == [
        [("Flight", 0), ("Hotel", 1)],
        [("Transfer", 0), ("Palace", 1)],
    ]
    assert Activity.objects.filter(event="itinerary.item_moved_to_day", channel="api").exists()


def test_without_a_position_it_goes_last_and_without_a_day_it_stays_in_its_own(api: Api, trip):
    flight = _item(trip, "Flight")
    response = api.post(_url(trip, flight), {})
    assert _plan(response.json())[0] == [("Transfer", 0), ("Hotel", 1), ("Flight", 2)]
    response = api.post(_url(trip, flight), {"position": 0})
    assert _plan(response.json())[0] == [("Flight", 0), ("Transfer", 1), ("Hotel", 2)]
    two = trip.days.get(day_number=2)
    response = api.post(_url(trip, flight), {"day_id": two.pk, "position": 40})
    assert _plan(response.json()) == [
        [("Transfer", 0), ("Hotel", 1)],
        [("Palace", 0), ("Flight", 1)],
    ]


def test_a_day_of_another_itinerary_or_agency_is_a_422_and_nothing_moves(
    api: Api, trip, other_agency
):
    flight = _item(trip, "Flight")
    mine = ItineraryDayFactory(itinerary=ItineraryFactory(client=trip.client))
    theirs = ItineraryDayFactory(
        itinerary=ItineraryFactory(client=ClientFactory(agency=other_agency))
    )
    for day_id in (mine.pk, theirs.pk, 10**9):
        response = api.post(_url(trip, flight), {"day_id": day_id})
        assert response.status_code == 422, response.content
        assert response.json()["errors"] == {
            "day_id": [f"No day with id {day_id} in this itinerary."]
        }
    assert not mine.items.exists() and not theirs.items.exists()
    assert _item(trip, "Flight").position == 0


@pytest.mark.parametrize(
    "body", [{"day_id": "two"}, {"position": -1}, {"position": "first"}, {"day_id": None}]
)
def test_a_malformed_move_is_a_422_naming_the_field(api: Api, trip, body):
    response = api.post(_url(trip, _item(trip, "Flight")), body)
    assert response.status_code == 422
    assert set(response.json()["errors"]) == set(body)
    assert _item(trip, "Flight").position == 0


def test_another_itinerarys_or_agencys_item_is_a_404(api: Api, trip, other_agency):
    theirs = ItineraryFactory(client=ClientFactory(agency=other_agency))
    their_item = ItineraryItemFactory(day=ItineraryDayFactory(itinerary=theirs), title="Theirs")
    other_trip = ItineraryFactory(client=trip.client)
    flight = _item(trip, "Flight")
    for itinerary, item in ((trip, their_item), (theirs, their_item), (other_trip, flight)):
        response = api.post(f"/itineraries/{itinerary.pk}/items/{item.pk}/move", {})
        assert response.status_code == 404
        assert response.json() == {"message": "Not found."}


def test_a_read_only_token_cannot_move(alice, trip):
    flight = _item(trip, "Flight")
    read_only_api = Api(make_token(alice, read_only=True).plaintext)
    assert read_only_api.post(_url(trip, flight), {"position": 2}).status_code == 403
    assert _item(trip, "Flight").position == 0
