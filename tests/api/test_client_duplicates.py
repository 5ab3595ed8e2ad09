"""Creating a client through the API that looks like an existing one: a 409 naming it, unless
the caller sends ``allow_duplicate: true``."""

from __future__ import annotations

import orjson
import pytest

from crm.models import Client
from tests.api.conftest import Api
from tests.factories import BookingFactory, ClientFactory

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


# Checking, listing and merging --------------------------------------------------------------


def test_the_check_lists_what_a_create_would_duplicate(api: Api, agency):
    known = ClientFactory(agency=agency, email="ada@example.com")

    response = api.get("/clients/duplicates/check?email=ADA%40example.com")

    assert response.status_code == 200
    assert [m["id"] for m in response.json()["data"]["duplicates"]] == [known.pk]


def test_the_duplicates_list_pairs_the_older_client_first(api: Api, agency, other_agency):
    older = ClientFactory(agency=agency, name="Ada", email="ada@example.com")
    newer = ClientFactory(agency=agency, name="Ada 2", email="Ada@Example.com")
    ClientFactory(agency=other_agency, email="ada@example.com")

    pairs = api.get("/clients/duplicates").json()["data"]["pairs"]

    assert pairs == [
        {
            "client_id": older.pk,
            "client_name": "Ada",
            "duplicate_id": newer.pk,
            "duplicate_name": "Ada 2",
            "matched_on": ["email"],
        }
    ]


def test_a_merge_moves_the_bookings_and_answers_the_survivor(api: Api, agency):
    survivor = ClientFactory(agency=agency, email="ada@example.com", city="")
    duplicate = ClientFactory(agency=agency, email="ADA@example.com", city="Leeds")
    booking = BookingFactory(client=duplicate)

    response = api.post(f"/clients/{survivor.pk}/merge", {"duplicate_id": duplicate.pk})

    assert response.status_code == 200
    data = response.json()["data"]
    assert data["merged_id"] == duplicate.pk
    assert data["moved"]["bookings"] == 1
    assert data["client"]["id"] == survivor.pk and data["client"]["city"] == "Leeds"
    booking.refresh_from_db()
    assert booking.client_id == survivor.pk
    assert api.get(f"/clients/{duplicate.pk}").status_code == 404
    events = [row["event"] for row in api.get(f"/clients/{survivor.pk}/activity").json()["data"]]
    assert "client.merged" in events


def test_merging_another_agencys_client_is_a_404_and_changes_nothing(
    api: Api, agency, other_agency
):
    survivor = ClientFactory(agency=agency)
    theirs = ClientFactory(agency=other_agency)
    BookingFactory(client=theirs)

    assert api.post(f"/clients/{survivor.pk}/merge", {"duplicate_id": theirs.pk}).status_code == 404
    assert api.post(f"/clients/{theirs.pk}/merge", {"duplicate_id": survivor.pk}).status_code == 404
    assert Client.objects.filter(pk__in=[survivor.pk, theirs.pk]).count() == 2


def test_a_merge_into_itself_or_without_a_duplicate_is_a_422(api: Api, agency):
    client = ClientFactory(agency=agency)

    itself = api.post(f"/clients/{client.pk}/merge", {"duplicate_id": client.pk})
    missing = api.post(f"/clients/{client.pk}/merge", {})

    assert itself.status_code == 422 and "duplicate_id" in itself.json()["errors"]
    assert missing.status_code == 422 and "duplicate_id" in missing.json()["errors"]


# The same name and birth date (the lead traveller's) ---------------------------------------


def _person(agency, name: str, first: str, last: str):
    import datetime as dt

    from tests.factories import TravellerFactory

    client = ClientFactory(agency=agency, name=name)
    TravellerFactory(
        client=client,
        first_name=first,
        last_name=last,
        date_of_birth=dt.date(1984, 2, 29),
        is_lead=True,
    )
    return client


def test_the_duplicates_list_pairs_clients_by_name_and_birth_date(api: Api, agency):
    eleanor = _person(agency, "Eleanor Rigby", "Eleanor", "Rigby")
    again = _person(agency, "E. Rigby", "ELEANOR", "rigby")

    pairs = api.get("/clients/duplicates").json()["data"]["pairs"]

    assert [(p["client_id"], p["duplicate_id"], p["matched_on"]) for p in pairs] == [
        (eleanor.pk, again.pk, ["name_and_birth_date"])
    ]


def test_the_check_finds_a_client_by_name_and_birth_date(api: Api, agency):
    eleanor = _person(agency, "Eleanor Rigby", "Eleanor", "Rigby")

    response = api.get(
        "/clients/duplicates/check?first_name=eleanor&last_name=RIGBY&date_of_birth=1984-02-29"
    )

    assert response.status_code == 200
    assert [(m["id"], m["matched_on"]) for m in response.json()["data"]["duplicates"]] == [
        (eleanor.pk, ["name_and_birth_date"])
    ]


def test_the_check_answers_a_bad_birth_date_with_a_422(api: Api, agency):
    response = api.get("/clients/duplicates/check?first_name=A&last_name=B&date_of_birth=29/02")

    assert response.status_code == 422
    assert "YYYY-MM-DD" in response.json()["errors"]["date_of_birth"][0]


def test_the_schema_names_the_name_and_birth_date_reason(anonymous: Api):
    response = anonymous.get(
        "/api/v1/schema", headers={"Accept": "application/vnd.oai.openapi+json"}
    )
    schema = orjson.loads(response.content)
    check = schema["paths"]["/api/v1/clients/duplicates/check"]["get"]
    assert {"first_name", "last_name", "date_of_birth"} <= {p["name"] for p in check["parameters"]}
    assert "name_and_birth_date" in orjson.dumps(schema["components"]["schemas"]).decode()


def test_a_null_character_in_the_check_is_a_422_naming_the_parameter(api: Api, agency):
    # PostgreSQL refuses a NUL in any text it is sent: the check answered 500 (schema fuzzing).
    response = api.get("/clients/duplicates/check?email=a%00b@example.com&phone=1")

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["email"]
