"""``/itinerary-templates``: CRUD of an agency's saved plans and ``/{id}/use``."""

from __future__ import annotations

import datetime as dt

import pytest

from crm.models import Itinerary, ItineraryTemplate
from crm.trips.templates import template_from_itinerary
from tests.api.conftest import Api
from tests.api.test_schema import Contract, openapi  # noqa: F401  (the fixture)
from tests.factories import (
    ClientFactory,
    ItineraryDayFactory,
    ItineraryFactory,
    ItineraryItemFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def trip(agency):
    trip = ItineraryFactory(client=ClientFactory(agency=agency), title="Lisbon")
    day = ItineraryDayFactory(itinerary=trip, day_number=1, date=dt.date(2027, 3, 1), title="In")
    ItineraryItemFactory(day=day, title="Flight", kind="flight", start_time=dt.time(9, 30))
    ItineraryDayFactory(itinerary=trip, day_number=2, title="Out")
    return trip


def test_create_from_an_itinerary_then_list_retrieve_patch_delete(api: Api, trip):
    created = api.post("/itinerary-templates", {"itinerary_id": trip.pk, "name": "Lisbon"})
    assert created.status_code == 201, created.content
    data = created.json()["data"]
    assert (data["name"], data["day_count"], data["item_count"]) == ("Lisbon", 2, 1)
    assert [d["day_number"] for d in data["days"]] == [1, 2]
    assert data["days"][0]["items"][0]["start_time"] == "09:30:00"
    assert "date" not in data["days"][0] and "client_id" not in data
    pk = data["id"]

    rows = api.get("/itinerary-templates?q=lisb").json()["data"]
    assert [row["id"] for row in rows] == [pk] and "days" not in rows[0]
    assert api.get("/itinerary-templates?q=rome").json()["data"] == []
    assert api.get(f"/itinerary-templates/{pk}").json()["data"]["days"][1]["title"] == "Out"

    patched = api.patch(f"/itinerary-templates/{pk}", {"description": "Two days"})
    assert patched.status_code == 200
    assert patched.json()["data"]["description"] == "Two days"
    assert patched.json()["data"]["name"] == "Lisbon"

    other = ItineraryFactory(client=trip.client, title="Rome")
    ItineraryDayFactory(itinerary=other, day_number=1, title="Colosseum")
    replanned = api.patch(f"/itinerary-templates/{pk}", {"itinerary_id": other.pk})
    assert replanned.status_code == 200, replanned.content
    assert [d["title"] for d in replanned.json()["data"]["days"]] == ["Colosseum"]

    assert api.delete(f"/itinerary-templates/{pk}").status_code == 204
    assert not ItineraryTemplate.objects.exists()
    assert Itinerary.objects.filter(pk=trip.pk).exists()


def test_use_starts_an_itinerary_dated_from_the_start(api: Api, trip, agency):
    template = template_from_itinerary(itinerary=trip, name="Lisbon")
    grace = ClientFactory(agency=agency)

    response = api.post(
        f"/itinerary-templates/{template.pk}/use",
        {"client_id": grace.pk, "start_date": "2027-10-01", "title": "Grace in Lisbon"},
    )

    assert response.status_code == 201, response.content
    data = response.json()["data"]
    assert (data["client_id"], data["title"], data["status"]) == (
        grace.pk,
        "Grace in Lisbon",
        "draft",
    )
    assert (data["start_date"], data["end_date"]) == ("2027-10-01", "2027-10-02")
    assert [d["date"] for d in data["days"]] == ["2027-10-01", "2027-10-02"]
    assert data["days"][0]["items"][0]["title"] == "Flight"


def test_use_with_another_agencys_client_is_422_and_makes_nothing(api: Api, trip, other_agency):
    template = template_from_itinerary(itinerary=trip, name="Lisbon")
    foreign = ClientFactory(agency=other_agency)

    response = api.post(f"/itinerary-templates/{template.pk}/use", {"client_id": foreign.pk})

    assert response.status_code == 422
    assert response.json()["errors"] == {"client_id": [f"No client with id {foreign.pk}."]}
    assert Itinerary.objects.count() == 1


def test_use_without_a_client_is_a_field_error(api: Api, trip):
    template = template_from_itinerary(itinerary=trip, name="Lisbon")
    response = api.post(f"/itinerary-templates/{template.pk}/use", {"start_date": "2027-10-01"})
    assert response.status_code in (400, 422)
    assert "client_id" in response.json()["errors"]
    assert Itinerary.objects.count() == 1


def test_another_agencys_itinerary_is_422_on_create_and_patch(api: Api, trip, other_agency):
    foreign = ItineraryFactory(client=ClientFactory(agency=other_agency))
    response = api.post("/itinerary-templates", {"itinerary_id": foreign.pk, "name": "Stolen"})
    assert response.status_code == 422
    assert "itinerary_id" in response.json()["errors"]
    assert not ItineraryTemplate.objects.exists()
    template = template_from_itinerary(itinerary=trip, name="Lisbon")
    response = api.patch(f"/itinerary-templates/{template.pk}", {"itinerary_id": foreign.pk})
    assert response.status_code == 422
    assert "itinerary_id" in response.json()["errors"]
    template.refresh_from_db()
    assert [d["title"] for d in template.days] == ["In", "Out"]


def test_a_blank_name_is_refused(api: Api, trip):
    for body in ({"itinerary_id": trip.pk, "name": ""}, {"itinerary_id": trip.pk, "name": " "}):
        response = api.post("/itinerary-templates", body)
        assert response.status_code in (400, 422)
        assert "name" in response.json()["errors"]
    assert not ItineraryTemplate.objects.exists()


def test_another_agencys_template_is_404_everywhere(bob_api: Api, trip, other_agency):
    template = template_from_itinerary(itinerary=trip, name="Lisbon")
    mine = ClientFactory(agency=other_agency)
    base = f"/itinerary-templates/{template.pk}"

    assert bob_api.get("/itinerary-templates").json()["data"] == []
    assert bob_api.get(base).status_code == 404
    assert bob_api.patch(base, {"name": "Mine"}).status_code == 404
    assert bob_api.post(f"{base}/use", {"client_id": mine.pk}).status_code == 404
    assert bob_api.delete(base).status_code == 404
    template.refresh_from_db()
    assert template.name == "Lisbon"
    assert Itinerary.objects.count() == 1


def test_template_responses_match_the_schema(openapi, api: Api, trip, other_agency):  # noqa: F811
    contract = Contract(openapi)
    lst, one, use = (
        "/api/v1/itinerary-templates",
        "/api/v1/itinerary-templates/{id}",
        "/api/v1/itinerary-templates/{id}/use",
    )
    made = api.post("/itinerary-templates", {"itinerary_id": trip.pk, "name": "Lisbon"})
    pk = made.json()["data"]["id"]
    foreign = ClientFactory(agency=other_agency)
    checks = [
        (made, lst, "POST"),
        (api.post("/itinerary-templates", {"itinerary_id": 999999, "name": "X"}), lst, "POST"),
        (api.get("/itinerary-templates"), lst, "GET"),
        (api.get(f"/itinerary-templates/{pk}"), one, "GET"),
        (api.get("/itinerary-templates/999999"), one, "GET"),
        (api.patch(f"/itinerary-templates/{pk}", {"name": "Lisbon 2"}), one, "PATCH"),
        (api.post(f"/itinerary-templates/{pk}/use", {"client_id": trip.client_id}), use, "POST"),
        (api.post(f"/itinerary-templates/{pk}/use", {"client_id": foreign.pk}), use, "POST"),
        (api.delete(f"/itinerary-templates/{pk}"), one, "DELETE"),
    ]
    for response, template, method in checks:
        contract.check(response, template, method)
    assert [r.status_code for r, *_ in checks] == [201, 422, 200, 200, 404, 200, 201, 422, 204]
