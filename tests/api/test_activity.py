"""GET /api/v1/clients/{id}/activity: a client's history, scoped like everything else."""

import pytest

from accounts.models import Activity
from tests.factories import ClientFactory

pytestmark = pytest.mark.django_db


def test_it_lists_who_changed_what_through_the_api_newest_first(api, alice):
    client_id = api.post("/clients", {"name": "Aisha", "email": "a@example.com"}).json()["data"][
        "id"
    ]
    api.patch(f"/clients/{client_id}", {"status": "active"})
    itinerary = api.post("/itineraries", {"client_id": client_id, "title": "Maldives"})
    assert itinerary.status_code == 201

    response = api.get(f"/clients/{client_id}/activity")
    assert response.status_code == 200
    body = response.json()
    assert body["meta"] == {"current_page": 1, "last_page": 1, "per_page": 25, "total": 3}
    entries = body["data"]
    assert [(e["action"], e["object_type"]) for e in entries] == [
        ("create", "itinerary"),
        ("update", "client"),
        ("create", "client"),
    ]
    update = entries[1]
    assert update["changes"] == {"status": ["lead", "active"]}
    assert update["channel"] == "api"
    assert update["actor_id"] == alice.pk
    assert update["actor_name"] == alice.display_name
    assert update["created_at"].endswith("+00:00")
    assert update["event"] == "client.updated"
    assert update["summary"] == f"{alice.display_name} updated the client Aisha"
    assert update["details"] == ["Status: Lead → Active"]
    assert update["data"] == {}
    assert [e["event"] for e in entries] == [
        "itinerary.created",
        "client.updated",
        "client.created",
    ]


def test_plan_edits_and_names_behind_ids_show_in_words(api, agency, alice, amir):
    client_id = api.post("/clients", {"name": "Noor"}).json()["data"]["id"]
    assert api.patch(f"/clients/{client_id}", {"assigned_to_id": amir.pk}).status_code == 200
    itinerary = api.post("/itineraries", {"client_id": client_id, "title": "Lisbon"}).json()
    api.patch(f"/itineraries/{itinerary['data']['id']}", {"days": [{"title": "Arrival"}]})

    entries = api.get(f"/clients/{client_id}/activity").json()["data"]
    replaced = entries[0]
    assert replaced["event"] == "itinerary.plan_replaced"
    assert replaced["summary"] == f"{alice.display_name} replaced the day-by-day plan of Lisbon"
    assert replaced["data"] == {
        "days_before": 0,
        "days_after": 1,
        "items_before": 0,
        "items_after": 0,
    }
    assigned = next(e for e in entries if e["changes"].get("assigned_to_id"))
    assert assigned["details"] == ["Assigned to: — → Amir Agent"]


def test_another_agencys_client_history_is_a_404(api, other_agency):
    theirs = ClientFactory(agency=other_agency)
    response = api.get(f"/clients/{theirs.pk}/activity")
    assert response.status_code == 404
    assert response.json() == {"message": "Not found."}


def test_it_needs_a_token(anonymous, agency):
    client = ClientFactory(agency=agency)
    assert anonymous.get(f"/clients/{client.pk}/activity").status_code == 401


def test_it_is_paginated(api, agency):
    client_id = api.post("/clients", {"name": "Many changes"}).json()["data"]["id"]
    for n in range(4):
        api.patch(f"/clients/{client_id}", {"notes": f"note {n}"})
    body = api.get(f"/clients/{client_id}/activity?per_page=2&page=3").json()
    assert body["meta"] == {"current_page": 3, "last_page": 3, "per_page": 2, "total": 5}
    assert [e["action"] for e in body["data"]] == ["create"]
    assert api.get(f"/clients/{client_id}/activity?page=0").status_code == 422


@pytest.mark.parametrize("entries", [3, 30])
def test_it_runs_a_constant_number_of_queries(api, agency, entries, django_assert_num_queries):
    client = _client_with_history(agency, entries, {"notes": ["a", "b"]})
    with django_assert_num_queries(4):  # token, client, count, page
        response = api.get(f"/clients/{client.pk}/activity?per_page=100")
    assert len(response.json()["data"]) == entries + 1  # and the factory's own "create"


@pytest.mark.parametrize("entries", [3, 30])
def test_names_in_diffs_cost_one_query_per_kind_not_per_row(
    api, agency, alice, amir, entries, django_assert_num_queries
):
    client = _client_with_history(agency, entries, {"assigned_to_id": [alice.pk, amir.pk]})
    with django_assert_num_queries(5):  # token, client, count, page, the members named
        response = api.get(f"/clients/{client.pk}/activity?per_page=100")
    details = [e["details"] for e in response.json()["data"][:entries]]
    assert details == [["Assigned to: Alice Owner → Amir Agent"]] * entries


def _client_with_history(agency, entries, changes):
    """A client with ``entries`` updates in its history, each with the same diff."""
    client = ClientFactory(agency=agency)
    Activity.objects.bulk_create(
        Activity(
            agency=agency,
            channel="api",
            event="client.updated",
            action="update",
            object_type="client",
            object_id=client.pk,
            client_id=client.pk,
            changes=changes,
        )
        for _ in range(entries)
    )
    return client
