"""The one JSON error body (core/errors.py): ``{"message"}``, plus ``errors`` when given."""

from __future__ import annotations

import json

from core.errors import error_body, json_error


def test_an_error_without_field_errors_is_a_message_alone():
    response = json_error(404, "Not found.")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == {"message": "Not found."}


def test_field_errors_and_headers_come_with_the_message():
    response = json_error(
        429, "Too many.", {"email": ["Enter a valid email address."]}, {"Retry-After": "7"}
    )
    assert json.loads(response.content) == {
        "message": "Too many.",
        "errors": {"email": ["Enter a valid email address."]},
    }
    assert response["Retry-After"] == "7"


def test_the_api_and_the_website_forms_build_the_same_body(client, agency, alice_token):
    from tests.api.conftest import Api, warm
    from tests.factories import EnquiryFormFactory

    token, plaintext = alice_token
    warm(token)
    api = Api(plaintext)
    form = EnquiryFormFactory(agency=agency, allowed_origins=[])
    invalid = {"name": ""}
    from_form = client.post(
        f"/forms/{form.public_key}", json.dumps(invalid), content_type="application/json"
    )
    from_api = api.post("/clients", invalid)

    for response in (from_form, from_api):
        assert response.status_code == 422
        body = response.json()
        assert set(body) == {"message", "errors"}
        assert body == error_body(body["message"], body["errors"])
