"""The webhook routes in the OpenAPI schema: every answer documented, real answers valid
against it, and the signing secret only where it is really shown (create, rotate)."""

from __future__ import annotations

from typing import Any

import pytest

from tests import webhook_support
from tests.api.conftest import Api
from tests.api.test_schema import Contract, openapi  # noqa: F401  # the fixture
from tests.factories import make_token
from tests.webhook_support import make_delivery, make_endpoint

pytestmark = pytest.mark.usefixtures("fake_dns", "drains")
# The shared fixtures, by name.
fake_dns, drains = webhook_support.fake_dns, webhook_support.drains
URL = "https://hooks.example.com/itinera"


def component(document: dict[str, Any], ref: str) -> dict[str, Any]:
    return document["components"]["schemas"][ref.rsplit("/", 1)[1]]


def success_schema(document, path: str, method: str) -> tuple[str, dict[str, Any]]:
    responses = document["paths"][path][method]["responses"]
    (code,) = [c for c in responses if c.startswith("2")]
    content = responses[code].get("content")
    return code, component(document, content["application/json"]["schema"]["$ref"])


def test_each_webhook_operation_documents_its_success_and_errors(openapi):  # noqa: F811
    expected = {
        ("/api/v1/webhooks", "get"): ("200", {"401", "403", "422", "429"}),
        ("/api/v1/webhooks", "post"): ("201", {"400", "401", "403", "409", "422", "429"}),
        ("/api/v1/webhooks/{id}", "get"): ("200", {"401", "403", "404", "429"}),
        ("/api/v1/webhooks/{id}", "patch"): ("200", {"401", "403", "404", "422", "429"}),
        ("/api/v1/webhooks/{id}", "put"): ("200", {"401", "403", "404", "422", "429"}),
        ("/api/v1/webhooks/{id}", "delete"): ("204", {"401", "403", "404", "429"}),
        ("/api/v1/webhooks/{id}/rotate-secret", "post"): ("200", {"401", "403", "404", "429"}),
        ("/api/v1/webhooks/{id}/test", "post"): ("202", {"401", "403", "404", "422", "429"}),
        ("/api/v1/webhooks/{id}/deliveries", "get"): ("200", {"401", "403", "404", "422"}),
        ("/api/v1/webhooks/{id}/deliveries/{delivery_id}", "get"): ("200", {"403", "404"}),
        ("/api/v1/webhooks/{id}/deliveries/{delivery_id}/replay", "post"): (
            "202",
            {"401", "403", "404", "422", "429"},
        ),
        ("/api/v1/webhooks/event-types", "get"): ("200", {"401", "403", "429"}),
    }
    for (path, method), (success, errors) in expected.items():
        responses = set(openapi["paths"][path][method]["responses"])
        assert success in responses and errors <= responses, (path, method, responses)
        assert not {c for c in responses if c.startswith("2")} - {success}, (path, method)


def test_the_secret_is_documented_only_in_the_create_and_rotate_answers(openapi):  # noqa: F811
    with_secret = {("/api/v1/webhooks", "post"), ("/api/v1/webhooks/{id}/rotate-secret", "post")}
    for path, operations in openapi["paths"].items():
        if not path.startswith("/api/v1/webhooks"):
            continue
        for method in operations:
            responses = operations[method]["responses"]
            code = next(c for c in responses if c.startswith("2"))
            content = responses[code].get("content")
            if content is None:
                continue
            body = component(openapi, content["application/json"]["schema"]["$ref"])
            data = body["properties"]["data"]
            ref = data.get("$ref") or data.get("items", {}).get("$ref")
            fields = component(openapi, ref)["properties"]
            assert ("secret" in fields) == ((path, method) in with_secret), (path, method)
            if ref.endswith(("/Webhook", "/WebhookWithSecret")):
                assert "secret_hint" in fields


def test_the_delivery_log_documents_its_filters_and_pages(openapi):  # noqa: F811
    operation = openapi["paths"]["/api/v1/webhooks/{id}/deliveries"]["get"]
    params = {p["name"]: p for p in operation["parameters"]}
    assert {"status", "event_type", "page", "per_page", "id"} <= set(params)
    assert set(params["status"]["schema"]["enum"]) == {
        "pending",
        "retrying",
        "succeeded",
        "failed",
        "cancelled",
    }
    assert "webhook.test" in params["event_type"]["schema"]["enum"]
    _, listing = success_schema(openapi, "/api/v1/webhooks/{id}/deliveries", "get")
    assert listing["required"] == ["data", "meta"]
    detail = openapi["paths"]["/api/v1/webhooks/{id}/deliveries/{delivery_id}"]["get"]
    delivery_id = next(p for p in detail["parameters"] if p["name"] == "delivery_id")
    assert delivery_id["in"] == "path" and delivery_id["schema"]["type"] == "integer"


def test_real_webhook_answers_match_the_schema(openapi, api: Api, agency, alice, agent_api):  # noqa: F811
    contract = Contract(openapi)
    endpoint = make_endpoint(agency)
    delivery = make_delivery(endpoint, attempts=2)
    reader = Api(make_token(alice, read_only=True).plaintext)
    base = "/api/v1/webhooks"
    checks = [
        (api.get("/webhooks"), base, "GET"),
        (api.post("/webhooks", {"url": URL, "event_types": ["booking.created"]}), base, "POST"),
        (api.post("/webhooks", {"url": "http://hooks.example.com/"}), base, "POST"),
        (agent_api.get("/webhooks"), base, "GET"),
        (reader.post("/webhooks", {"url": URL}), base, "POST"),
        (api.get(f"/webhooks/{endpoint.pk}"), base + "/{id}", "GET"),
        (api.get("/webhooks/987654321"), base + "/{id}", "GET"),
        (api.patch(f"/webhooks/{endpoint.pk}", {"description": "x"}), base + "/{id}", "PATCH"),
        (api.put(f"/webhooks/{endpoint.pk}", {"url": URL}), base + "/{id}", "PUT"),
        (api.post(f"/webhooks/{endpoint.pk}/rotate-secret"), base + "/{id}/rotate-secret", "POST"),
        (api.post(f"/webhooks/{endpoint.pk}/test"), base + "/{id}/test", "POST"),
        (api.get(f"/webhooks/{endpoint.pk}/deliveries"), base + "/{id}/deliveries", "GET"),
        (
            api.get(f"/webhooks/{endpoint.pk}/deliveries?status=lost"),
            base + "/{id}/deliveries",
            "GET",
        ),
        (
            api.get(f"/webhooks/{endpoint.pk}/deliveries/{delivery.pk}"),
            base + "/{id}/deliveries/{delivery_id}",
            "GET",
        ),
        (
            api.post(f"/webhooks/{endpoint.pk}/deliveries/{delivery.pk}/replay"),
            base + "/{id}/deliveries/{delivery_id}/replay",
            "POST",
        ),
        (api.get("/webhooks/event-types"), base + "/event-types", "GET"),
    ]
    off = make_endpoint(agency, is_active=False)
    checks.append((api.post(f"/webhooks/{off.pk}/test"), base + "/{id}/test", "POST"))
    checks.append((api.delete(f"/webhooks/{off.pk}"), base + "/{id}", "DELETE"))
    statuses = set()
    for response, template, method in checks:
        contract.check(response, template, method)
        statuses.add(response.status_code)
    assert statuses == {200, 201, 202, 204, 403, 404, 422}
