from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone

from crm.models import Client
from tests.api.battery import ResourceBattery
from tests.api.conftest import Api
from tests.factories import ClientFactory

TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$")


class TestClients(ResourceBattery):
    path = "/clients"
    model = Client

    def make(self, agency, **fields):
        return ClientFactory(agency=agency, **fields)

    def write_body(self, agency):
        return {"name": "Aisha Khan", "email": "aisha@example.com", "country": "United Kingdom"}


def test_a_client_has_every_documented_field(api: Api, agency, amir):
    client = ClientFactory(
        agency=agency,
        name="Aisha Khan",
        email="aisha@example.com",
        phone="+44 20 7946 0000",
        company="Khan & Co",
        city="London",
        country="United Kingdom",
        nationality="British",
        notes="Prefers aisle seats",
        tags=["honeymoon"],
        status="active",
        assigned_to=amir,
    )
    Client.objects.filter(pk=client.pk).update(
        created_at=dt.datetime(2026, 6, 1, 10, 22, 0, 123456, tzinfo=dt.UTC)
    )
    data = api.get(f"/clients/{client.pk}").json()["data"]
    assert data == {
        "id": client.pk,
        "kind": "person",
        "name": "Aisha Khan",
        "company_client_id": None,
        "email": "aisha@example.com",
        "phone": "+44 20 7946 0000",
        "phone_e164": "+442079460000",
        "company": "Khan & Co",
        "city": "London",
        "country": "United Kingdom",
        "nationality": "British",
        "notes": "Prefers aisle seats",
        "tags": ["honeymoon"],
        "status": "active",
        "source": "dashboard",
        "assigned_to_id": amir.pk,
        "created_at": "2026-06-01T10:22:00+00:00",
        "updated_at": data["updated_at"],
        "archived_at": None,
        "archived_by_id": None,
    }
    assert TIMESTAMP.match(data["updated_at"])


def test_the_seed_lead_is_created_as_a_lead_from_the_api(api: Api, agency, alice):
    # The body of the document's "Create a lead" example, byte for byte.
    seed = '{"name":"New Lead","email":"lead@site.com","phone":"+1...","notes":"From website form"}'
    response = api.post("/clients", raw=seed)
    assert response.status_code == 201
    data = response.json()["data"]
    assert data["name"] == "New Lead"
    assert data["phone"] == "+1..."
    assert data["status"] == "lead"
    assert data["source"] == "api"
    assert TIMESTAMP.match(data["created_at"])
    client = Client.objects.get(pk=data["id"])
    assert (client.agency, client.created_by, client.phone) == (agency, alice, "+1...")


def test_a_created_client_keeps_a_status_the_body_gives(api: Api):
    data = api.post("/clients", {"name": "Returning", "status": "active"}).json()["data"]
    assert data["status"] == "active"


def test_a_create_without_a_name_is_422_and_creates_nothing(api: Api):
    response = api.post("/clients", {"email": "no-name@example.com"})
    assert response.status_code == 422
    assert response.json() == {
        "message": "Validation failed.",
        "errors": {"name": ["This field is required."]},
    }
    assert not Client.objects.exists()


def test_a_blank_name_and_a_bad_email_are_reported_together(api: Api):
    response = api.post("/clients", {"name": "  ", "email": "not-an-email"})
    assert response.status_code == 422
    assert set(response.json()["errors"]) == {"name", "email"}


def test_a_lead_with_nulls_is_still_captured(api: Api):
    body = {"name": "Lenient", "company": None, "tags": None}
    response = api.post("/clients", body)
    assert response.status_code == 201
    assert response.json()["data"]["company"] == ""
    assert response.json()["data"]["tags"] == []


def test_tags_are_stored_as_a_clean_list(api: Api):
    data = api.post("/clients", {"name": "T", "tags": [" vip ", "vip", "family"]}).json()["data"]
    assert data["tags"] == ["vip", "family"]


def test_a_client_may_be_assigned_to_an_agent_of_the_agency(api: Api, amir):
    data = api.post("/clients", {"name": "A", "assigned_to_id": amir.pk}).json()["data"]
    assert data["assigned_to_id"] == amir.pk


def test_assigning_a_user_of_another_agency_is_422(api: Api, bob):
    response = api.post("/clients", {"name": "A", "assigned_to_id": bob.pk})
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["assigned_to_id"]
    assert not Client.objects.exists()


def test_patch_changes_only_the_fields_it_sends(api: Api, agency):
    client = ClientFactory(agency=agency, name="Before", email="keep@example.com")
    response = api.patch(f"/clients/{client.pk}", {"name": "After"})
    assert response.status_code == 200
    client.refresh_from_db()
    assert (client.name, client.email) == ("After", "keep@example.com")


def test_put_requires_the_name(api: Api, agency):
    client = ClientFactory(agency=agency, name="Kept")
    response = api.put(f"/clients/{client.pk}", {"email": "x@example.com"})
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["name"]
    client.refresh_from_db()
    assert client.name == "Kept"


def test_posting_to_the_documented_path_does_not_redirect(api: Api):
    response = api.post("/api/v1/clients", {"name": "No redirect"})
    assert response.status_code == 201


def test_a_lead_is_created_in_at_most_seven_queries(api: Api, django_assert_max_num_queries):
    # The agency's client count (its quota, accounts/quotas.py) is read once per 10 minutes;
    # the sixth: the webhook fan-out's subscriber asks whether the agency has an endpoint on;
    # the seventh: the duplicate check (same email or phone, crm.clients.duplicates).
    api.post("/clients", {"name": "Earlier"})
    with django_assert_max_num_queries(7):
        response = api.post("/clients", {"name": "Fast", "email": "fast@example.com"})
    assert response.status_code == 201


def test_timestamps_have_whole_seconds_and_an_explicit_offset(api: Api, agency):
    ClientFactory(agency=agency)
    row = api.get("/clients").json()["data"][0]
    assert TIMESTAMP.match(row["created_at"])
    assert TIMESTAMP.match(row["updated_at"])


@pytest.mark.parametrize("field", ["created_at", "updated_at"])
def test_timestamps_are_in_utc_whatever_the_time_zone(api: Api, agency, settings, field):
    settings.TIME_ZONE = "Asia/Tokyo"
    client = ClientFactory(agency=agency)
    moment = dt.datetime(2026, 6, 1, 19, 22, 5, tzinfo=dt.timezone(dt.timedelta(hours=9)))
    Client.objects.filter(pk=client.pk).update(**{field: moment})
    with timezone.override("Asia/Tokyo"):
        data = api.get(f"/clients/{client.pk}").json()["data"]
    assert data[field] == "2026-06-01T10:22:05+00:00"


def test_a_long_phone_as_typed_by_a_person_is_kept_as_given(api):
    phone = "+44 20 7946 0958 ext. 1234 (office hours only, ask for Maria at reception)"
    assert 50 < len(phone) <= 100
    response = api.post("/clients", {"name": "Long Phone", "phone": phone})
    assert response.status_code == 201
    assert response.json()["data"]["phone"] == phone
