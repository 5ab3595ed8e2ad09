"""Every error is JSON with a ``message`` (and ``errors`` on 422), with DEBUG on or off."""

from __future__ import annotations

import pytest
from django.test import override_settings

from api.v1.clients import ClientViewSet
from crm.models import Client
from tests.api.conftest import Api
from tests.factories import ClientFactory

DEBUG_ON_AND_OFF = pytest.mark.parametrize("debug", [False, True], ids=["debug-off", "debug-on"])


def assert_json_error(response, status: int) -> dict:
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert isinstance(body["message"], str) and body["message"]
    assert "Traceback" not in response.content.decode()
    return body


@DEBUG_ON_AND_OFF
def test_a_malformed_json_body_is_400(api: Api, debug):
    with override_settings(DEBUG=debug):
        response = api.post("/clients", raw='{"name": "Broken",')
    body = assert_json_error(response, 400)
    assert body["message"].startswith("Malformed JSON body")
    assert not Client.objects.exists()


@DEBUG_ON_AND_OFF
@pytest.mark.parametrize(
    "path",
    [
        "/api/v2/x",
        "/api/v1/nope",
        "/api/",
        "/api/v1/clients/",
        "/api/v1/clients/abc",
        "/api/v1/clients/12/extra",
        "/api/v1/me/",
    ],
)
def test_an_unknown_path_under_api_is_a_json_404(api: Api, path, debug):
    with override_settings(DEBUG=debug):
        response = api.get(path)
    assert assert_json_error(response, 404) == {"message": "Not found."}


def test_an_unknown_path_is_404_for_any_method_and_without_a_token(anonymous: Api):
    for method in ("GET", "POST", "PUT", "PATCH", "DELETE"):
        response = anonymous.request(method, "/api/v1/nope", {})
        assert assert_json_error(response, 404) == {"message": "Not found."}
        assert "Allow" not in response


@DEBUG_ON_AND_OFF
def test_a_method_the_path_does_not_have_is_405(api: Api, debug):
    with override_settings(DEBUG=debug):
        response = api.put("/clients", {"name": "x"})
        me = api.post("/me", {})
    body = assert_json_error(response, 405)
    assert body == {"message": 'Method "PUT" not allowed.'}
    assert response["Allow"] == "GET, POST, HEAD, OPTIONS"
    assert_json_error(me, 405)


@DEBUG_ON_AND_OFF
def test_a_body_over_the_upload_limit_is_413(api: Api, debug):
    with override_settings(DEBUG=debug, DATA_UPLOAD_MAX_MEMORY_SIZE=1000):
        response = api.post("/clients", {"name": "Big", "notes": "x" * 2000})
    body = assert_json_error(response, 413)
    assert "1000 bytes" in body["message"]
    assert not Client.objects.exists()


def test_a_body_that_is_not_json_is_415(api: Api):
    response = api.post(
        "/clients", raw="name=Form", content_type="application/x-www-form-urlencoded"
    )
    assert_json_error(response, 415)


@DEBUG_ON_AND_OFF
def test_validation_errors_are_422_with_errors_by_field(api: Api, debug):
    with override_settings(DEBUG=debug):
        response = api.post("/clients", {"name": "", "tags": "not-a-list"})
    body = assert_json_error(response, 422)
    assert body["message"] == "Validation failed."
    assert set(body["errors"]) == {"name", "tags"}
    assert all(
        isinstance(m, list) and all(isinstance(x, str) for x in m) for m in body["errors"].values()
    )


def test_a_rule_broken_inside_a_service_is_422_too(api: Api, agency):
    client = ClientFactory(agency=agency)
    response = api.post(
        "/itineraries",
        {
            "client_id": client.pk,
            "title": "Backwards",
            "start_date": "2027-03-10",
            "end_date": "2027-03-01",
        },
    )
    body = assert_json_error(response, 422)
    assert body["errors"] == {"end_date": ["The end date cannot be before the start date."]}


def test_a_body_that_is_a_list_is_422(api: Api):
    body = assert_json_error(api.post("/clients", [{"name": "x"}]), 422)
    assert list(body["errors"]) == ["non_field_errors"]


@DEBUG_ON_AND_OFF
def test_an_unexpected_failure_is_a_json_500_without_a_traceback(
    api: Api, monkeypatch, debug, caplog, settings
):
    def explode(**kwargs):
        raise RuntimeError("secret internals")

    # The view's own handling: the fast path compiled its shapes (with the real selector) in
    # earlier tests, and hands its own failures to the view (tests/api/test_fast_list.py).
    settings.API_FAST_LISTS = False

    monkeypatch.setattr(ClientViewSet, "list_selector", staticmethod(explode))
    with override_settings(DEBUG=debug):
        response = api.get("/clients")
    assert assert_json_error(response, 500) == {"message": "Internal server error."}
    assert b"secret internals" not in response.content
    assert "secret internals" in caplog.text  # logged for the operators, not sent to the caller
    assert response["X-RateLimit-Limit"] == "60"


def test_options_answers_204_with_the_allowed_methods(api: Api):
    response = api.request("OPTIONS", "/clients/1")
    assert response.status_code == 204
    assert response.content == b""
    assert response["Allow"] == "GET, PUT, PATCH, DELETE, HEAD, OPTIONS"


def test_errors_carry_no_html_even_when_the_client_asks_for_it(api: Api):
    response = api.get("/clients/999", headers={"Accept": "text/html"})
    assert_json_error(response, 404)
