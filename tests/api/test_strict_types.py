"""A JSON body's values have the schema's types, and a yes/no filter is ``true`` or ``false``
(#19: schemathesis's negative checks found ``{"notes": 0}``, ``{"allow_duplicate": 0}`` and
``?voided=AAA`` accepted). A form upload's values are all text and are not type-checked."""

from __future__ import annotations

from typing import Any

import orjson
import pytest

from crm.models import Client, Itinerary
from tests.api.conftest import Api
from tests.factories import BookingFactory, ClientFactory

pytestmark = pytest.mark.django_db


def errors(response) -> dict[str, list[str]]:
    assert response.status_code == 422, response.content
    return response.json()["errors"]


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({"notes": 0}, "notes", "Must be a string."),
        ({"name": 12}, "name", "Must be a string."),
        ({"status": 1}, "status", "Must be a string."),
        ({"allow_duplicate": 0}, "allow_duplicate", "Must be true or false."),
        ({"allow_duplicate": "true"}, "allow_duplicate", "Must be true or false."),
        ({"assigned_to_id": "1"}, "assigned_to_id", "Must be a whole number."),
        ({"assigned_to_id": True}, "assigned_to_id", "Must be a whole number."),
        ({"tags": ["vip", 7]}, "tags", "Each item: must be a string."),
    ],
)
def test_a_value_of_the_wrong_json_type_is_a_422_and_changes_nothing(
    api: Api, agency, body, field, message
):
    client = ClientFactory(agency=agency, name="Ana Lima", notes="kept")
    assert errors(api.patch(f"/clients/{client.pk}", body)) == {field: [message]}
    client.refresh_from_db()
    assert (client.name, client.notes) == ("Ana Lima", "kept")


def test_a_nested_value_of_the_wrong_type_is_named_by_its_path(api: Api, agency):
    client = ClientFactory(agency=agency)
    item: dict[str, Any] = {"title": "Hotel", "kind": "note", "notes": 0}
    body = {"client_id": client.pk, "title": "Rome", "days": [{"title": "D1", "items": [item]}]}
    assert errors(api.post("/itineraries", body)) == {
        "days[0].items[0].notes": ["Must be a string."]
    }
    assert not Itinerary.objects.exists()


def test_values_of_the_right_types_are_taken(api: Api, agency):
    client = ClientFactory(agency=agency)
    body = {"notes": "0", "tags": ["vip"], "allow_duplicate": False, "assigned_to_id": None}
    response = api.patch(f"/clients/{client.pk}", body)
    assert response.status_code == 200, response.content
    # A whole number written as 2.0 is an integer in JSON Schema, as in the schema.
    assert Client.objects.get(pk=client.pk).notes == "0"


def test_a_form_upload_is_not_type_checked(api: Api):
    csv = b"name,email\nAna Lima,ana@example.com\n"
    response = api.client.post(
        "/api/v1/client-imports",
        {"file": _upload(csv)},
        headers={"Authorization": f"Bearer {api.token}"},
    )
    assert response.status_code == 201, response.content


def _upload(content: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("clients.csv", content, content_type="text/csv")


@pytest.mark.parametrize("value", ["AAA", "yes", "1", "True"])
def test_a_yes_no_filter_takes_true_or_false_only(api: Api, agency, value):
    BookingFactory(client=ClientFactory(agency=agency))
    found = errors(api.get(f"/bookings?balance_due={value}"))
    assert found == {"balance_due": ["Enter true or false."]}
    assert errors(api.get(f"/webhooks?is_active={value}")) == {
        "is_active": ["Enter true or false."]
    }


def test_a_yes_no_filter_filters(api: Api, agency):
    BookingFactory(client=ClientFactory(agency=agency), total_price="100.00", amount_paid="0.00")
    assert api.get("/bookings?balance_due=true").json()["meta"]["total"] == 1
    assert api.get("/bookings?balance_due=false").json()["meta"]["total"] == 0


def _openapi(anonymous: Api) -> dict[str, Any]:
    response = anonymous.get(
        "/api/v1/schema", headers={"Accept": "application/vnd.oai.openapi+json"}
    )
    return orjson.loads(response.content)


def _parameter(schema: dict[str, Any], path: str, name: str) -> dict[str, Any]:
    for parameter in schema["paths"][path]["get"]["parameters"]:
        if parameter.get("name") == name:
            return parameter["schema"]
    raise AssertionError(f"{path} has no {name}")


def test_the_schema_says_what_the_filters_refuse(anonymous: Api):
    schema = _openapi(anonymous)
    assert _parameter(schema, "/api/v1/bookings", "balance_due")["type"] == "boolean"
    within = _parameter(schema, "/api/v1/bookings", "departing_within")
    assert (within["minimum"], within["maximum"]) == (0, 3660)
    currency = _parameter(schema, "/api/v1/suppliers", "currency")
    assert currency["maxLength"] == 3
    q = _parameter(schema, "/api/v1/itineraries", "q")
    assert q["pattern"] == "^[^\\x00]*$"


def test_a_create_that_names_no_client_is_refused_by_the_schema_too(anonymous: Api, api: Api):
    schema = _openapi(anonymous)
    body = schema["paths"]["/api/v1/proposals"]["post"]["requestBody"]["content"]
    ref = body["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
    rule = schema["components"]["schemas"][ref]["not"]["allOf"]
    assert [next(iter(r["not"]["properties"])) for r in rule] == ["client_id", "itinerary_id"]
    assert errors(api.post("/proposals", {"title": "Rome"})) == {
        "client_id": ["This field is required."]
    }


def test_a_new_service_cannot_start_cancelled_and_the_schema_says_so(
    anonymous: Api, api: Api, agency
):
    schema = _openapi(anonymous)
    body = schema["paths"]["/api/v1/bookings/{id}/services"]["post"]["requestBody"]["content"]
    ref = body["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
    status = schema["components"]["schemas"][ref]["properties"]["status"]
    assert "cancelled" not in str(status)
    booking = BookingFactory(client=ClientFactory(agency=agency), currency="EUR")
    refused = api.post(
        f"/bookings/{booking.pk}/services",
        {"kind": "hotel", "description": "Pena", "status": "cancelled"},
    )
    assert "status" in errors(refused)
