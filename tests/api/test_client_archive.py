"""``DELETE /clients/{id}`` never destroys money for an agent; archive and restore instead."""

from __future__ import annotations

import pytest

from accounts.models import Activity
from crm.models import Client
from tests.factories import BookingFactory, ClientFactory, PaymentFactory


@pytest.fixture
def with_money(agency):
    client = ClientFactory(agency=agency, name="Moneyed Client")
    PaymentFactory(booking=BookingFactory(client=client))
    return client


def test_an_agents_token_cannot_delete_a_client_with_bookings(agent_api, with_money):
    response = agent_api.delete(f"/clients/{with_money.pk}")

    assert response.status_code == 403
    assert "archive" in response.json()["message"].lower()
    assert Client.objects.filter(pk=with_money.pk).exists()


def test_an_agents_token_may_delete_a_client_without_money(agent_api, agency):
    client = ClientFactory(agency=agency)

    assert agent_api.delete(f"/clients/{client.pk}").status_code == 204
    assert not Client.objects.filter(pk=client.pk).exists()


def test_the_owners_token_deletes_a_client_with_bookings_and_records_the_counts(api, with_money):
    client_id = with_money.pk

    assert api.delete(f"/clients/{client_id}").status_code == 204

    assert not Client.objects.filter(pk=client_id).exists()
    event = Activity.objects.get(event="client.deleted", object_id=client_id)
    assert event.data["bookings"] == 1 and event.data["payments"] == 1


def test_archive_hides_a_client_from_the_list_until_restored(agent_api, agency, amir):
    client = ClientFactory(agency=agency, name="Hidden")
    ClientFactory(agency=agency, name="Shown")

    archived = agent_api.post(f"/clients/{client.pk}/archive")

    assert archived.status_code == 200
    assert archived.json()["data"]["archived_at"] is not None
    assert archived.json()["data"]["archived_by_id"] == amir.pk
    names = [c["name"] for c in agent_api.get("/clients").json()["data"]]
    assert names == ["Shown"]
    only = agent_api.get("/clients?archived=only").json()["data"]
    assert [c["name"] for c in only] == ["Hidden"]
    assert agent_api.get("/clients?archived=true").json()["meta"]["total"] == 2
    assert agent_api.get(f"/clients/{client.pk}").status_code == 200

    restored = agent_api.post(f"/clients/{client.pk}/restore")

    assert restored.status_code == 200
    assert restored.json()["data"]["archived_at"] is None
    assert agent_api.get("/clients").json()["meta"]["total"] == 2


def test_an_unknown_archived_value_is_a_422(api):
    response = api.get("/clients?archived=sometimes")

    assert response.status_code == 422
    assert "archived" in response.json()["errors"]


def test_another_agencys_client_cannot_be_archived_or_restored(api, other_agency):
    theirs = ClientFactory(agency=other_agency)

    assert api.post(f"/clients/{theirs.pk}/archive").status_code == 404
    assert api.post(f"/clients/{theirs.pk}/restore").status_code == 404
    theirs.refresh_from_db()
    assert theirs.archived_at is None


def test_archive_and_restore_are_in_the_schema(api):
    paths = api.get("/api/v1/schema?format=json").json()["paths"]

    assert "post" in paths["/api/v1/clients/{id}/archive"]
    assert "post" in paths["/api/v1/clients/{id}/restore"]
    assert "403" in paths["/api/v1/clients/{id}"]["delete"]["responses"]
