"""Issue #12, item 6: one itinerary cannot grow without bound, the builder page stays bounded
for a plan at the cap, and each agency has quotas with a clear error when one is reached."""

from __future__ import annotations

import pytest
from django.urls import reverse

from crm.models import ItineraryDay, ItineraryItem
from crm.trips import plan as trip_plan
from crm.trips.services import MAX_ITEMS_PER_DAY
from tests.factories import ClientFactory, ItineraryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(alice_token):
    from tests.api.conftest import Api

    return Api(alice_token[1])


def _plan(days: int, per_day: int) -> list[dict]:
    return [
        {"title": f"Day {d + 1}", "items": [{"title": f"Item {i}"} for i in range(per_day)]}
        for d in range(days)
    ]


def _fill(itinerary, days: int, per_day: int, *, first_day: int = 1) -> list[ItineraryDay]:
    """A stored plan, written in bulk (the services' caps are what is under test)."""
    rows = ItineraryDay.objects.bulk_create(
        ItineraryDay(itinerary=itinerary, day_number=first_day + n) for n in range(days)
    )
    ItineraryItem.objects.bulk_create(
        ItineraryItem(day=day, position=p, title=f"Item {p}")
        for day in rows
        for p in range(per_day)
    )
    return rows


# Items per itinerary -----------------------------------------------------------------------


def test_the_api_refuses_a_plan_past_the_item_cap_naming_it(api, agency):
    client = ClientFactory(agency=agency)
    body = {"client_id": client.pk, "title": "Too big", "days": _plan(21, 48)}  # 1,008 items
    response = api.post("/itineraries", body)
    assert response.status_code == 422
    message = response.json()["errors"]["days"][0]
    assert "at most 1,000 items" in message and "1,008" in message
    assert not ItineraryItem.objects.exists()


def test_the_api_takes_a_plan_at_the_cap(api, agency):
    client = ClientFactory(agency=agency)
    body = {"client_id": client.pk, "title": "Full", "days": _plan(20, 50)}
    response = api.post("/itineraries", body)
    assert response.status_code == 201, response.content
    assert ItineraryItem.objects.count() == 1_000


def test_replacing_the_plan_past_the_cap_keeps_the_old_one(api, agency):
    itinerary = ItineraryFactory(client=ClientFactory(agency=agency))
    _fill(itinerary, 2, 3)
    response = api.patch(f"/itineraries/{itinerary.pk}", {"days": _plan(30, 40)})
    assert response.status_code == 422
    assert ItineraryItem.objects.filter(day__itinerary=itinerary).count() == 6


def test_the_cap_follows_its_setting(api, agency, settings):
    settings.ITINERARY_MAX_ITEMS = 10
    client = ClientFactory(agency=agency)
    response = api.post("/itineraries", {"client_id": client.pk, "title": "x", "days": _plan(3, 4)})
    assert response.status_code == 422
    assert "at most 10 items" in response.json()["errors"]["days"][0]


def test_the_builder_refuses_an_item_past_the_cap(as_amir, agency):
    itinerary = ItineraryFactory(client=ClientFactory(agency=agency))
    _fill(itinerary, 20, 50)
    spare = ItineraryDay.objects.create(itinerary=itinerary, day_number=21)
    url = reverse("item_add", args=[itinerary.pk, spare.pk])
    response = as_amir.post(url, {"title": "One more", "kind": "activity"})
    assert response.status_code == 200
    assert "at most 1,000 items" in response.content.decode()
    assert ItineraryItem.objects.filter(day__itinerary=itinerary).count() == 1_000


def test_the_service_refuses_an_item_past_the_cap(agency, settings):
    from django.core.exceptions import ValidationError

    settings.ITINERARY_MAX_ITEMS = 5
    itinerary = ItineraryFactory(client=ClientFactory(agency=agency))
    day = _fill(itinerary, 1, 5)[0]
    other = ItineraryDay.objects.create(itinerary=itinerary, day_number=2)
    with pytest.raises(ValidationError, match="at most 5 items"):
        trip_plan.itinerary_item_add(day=other, title="Sixth")
    assert day.items.count() == 5


def test_a_day_still_holds_at_most_its_own_cap(agency):
    from django.core.exceptions import ValidationError

    itinerary = ItineraryFactory(client=ClientFactory(agency=agency))
    day = _fill(itinerary, 1, MAX_ITEMS_PER_DAY)[0]
    with pytest.raises(ValidationError, match=f"at most {MAX_ITEMS_PER_DAY} items"):
        trip_plan.itinerary_item_add(day=day, title="51st")
