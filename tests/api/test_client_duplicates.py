"""Creating a client through the API that looks like an existing one: a 409 naming it, unless
the caller sends ``allow_duplicate: true``."""

from __future__ import annotations

import orjson
import pytest

from crm.models import Client
from tests.api.conftest import Api
from tests.factories import ClientFactory

pytestmark = pytest.mark.django_db


def test_a_create_with_a_known_email_in_another_case_answers_409_naming_the_client(
    api: Api, agency
):
    known = ClientFactory(agency=agency, name="Ada", email="Ada@Example.com", phone="")

    response = api.post("/clients", {"name": "Ada L.", "email": "ada@example.COM"})

    assert response.status_code == 409
    body = response.json()
    assert "allow_duplicate" in body["message"]
    assert body["duplicates"] == [
        {
            "id": known.pk,
            "name": "Ada",
            "email": "Ada@Example.com",
            "phone": "",
            "archived": False,
            "matched_on": ["email"],
        }
    ]
    assert Client.objects.count() == 1


def test_a_create_with_the_same_phone_written_otherwise_answers_409(api: Api, agency):
    agency.timezone = "Europe/London"  # national numbers are read in the agency's country
    agency.save()
    known = ClientFactory(agency=agency, email="", phone="+44 7700 900123")

    response = api.post("/clients", {"name": "Nadia", "phone": "07700-900-123"})

    assert response.status_code == 409
    assert [(m["id"], m["matched_on"]) for m in response.json()["duplicates"]] == [
        (known.pk, ["phone"])
    ]


def test_allow_duplicate_creates_the_client_anyway(api: Api, agency):
    ClientFactory(agency=agency, email="ada@example.com")

    response = api.post(
        "/clients", {"name": "Ada again", "email": "ada@example.com", "allow_duplicate": True}
    )

    assert response.status_code == 201
    assert "allow_duplicate" not in response.json()["data"]
    assert Client.objects.filter(email="ada@example.com").count() == 2


def test_another_agencys_client_is_never_a_duplicate(api: Api, other_agency):
    ClientFactory(agency=other_agency, email="ada@example.com")

    assert api.post("/clients", {"name": "Ada", "email": "ada@example.com"}).status_code == 201


def test_an_update_is_never_refused_as_a_duplicate(api: Api, agency):
    ClientFactory(agency=agency, email="ada@example.com")
    other = ClientFactory(agency=agency, email="grace@example.com")

    response = api.patch(
        f"/clients/{other.pk}", {"email": "ada@example.com", "allow_duplicate": False}
    )

    assert response.status_code == 200


def test_the_schema_documents_the_duplicate_409_and_the_flag(anonymous: Api):
    response = anonymous.get(
        "/api/v1/schema", headers={"Accept": "application/vnd.oai.openapi+json"}
    )
    post = orjson.loads(response.content)["paths"]["/api/v1/clients"]["post"]
    assert "allow_duplicate" in post["responses"]["409"]["description"]
    schema = post["responses"]["409"]["content"]["application/json"]["schema"]["$ref"]
    assert schema.endswith("/DuplicateConflict")
