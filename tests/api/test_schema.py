"""The OpenAPI schema is valid, and true to what the API really answers: real responses are
validated against it (no field missing, none undocumented), headers included."""

from __future__ import annotations

import copy
import re
from decimal import Decimal
from typing import Any

import orjson
import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from jsonschema import (  # type: ignore[import-untyped]  # no stubs: types-jsonschema is not a dependency
    Draft202012Validator,
    FormatChecker,
)
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from api.v1.lookups import LOOKUPS
from crm.bookings.services import payment_record
from tests.api.conftest import Api
from tests.factories import (
    BookingFactory,
    ClientFactory,
    ItineraryDayFactory,
    ItineraryFactory,
    ItineraryItemFactory,
    ProposalFactory,
    make_token,
)


@pytest.fixture
def openapi(anonymous: Api) -> dict[str, Any]:
    response = anonymous.get(
        "/api/v1/schema", headers={"Accept": "application/vnd.oai.openapi+json"}
    )
    assert response.status_code == 200
    return orjson.loads(response.content)


def strict(document: dict[str, Any]) -> dict[str, Any]:
    """The schema with ``additionalProperties: false`` on every object that lists its
    properties, so an undocumented field in a real body fails validation."""
    document = copy.deepcopy(document)

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if "properties" in node and "additionalProperties" not in node:
                node["additionalProperties"] = False
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(document)
    return document


class Contract:
    """Checks a real response against the operation's documented response."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = strict(document)
        resource = Resource.from_contents(self.document, default_specification=DRAFT202012)
        self.registry = Registry().with_resource("urn:openapi", resource)

    def check(self, response, template: str, method: str, body: Any = None) -> None:
        operation = self.document["paths"][template][method.lower()]
        documented = operation["responses"][str(response.status_code)]
        for name, header in documented.get("headers", {}).items():
            if "$ref" in header:  # the shared headers are components
                header = self.document["components"]["headers"][header["$ref"].rsplit("/", 1)[1]]
            if header.get("required"):
                assert name in response, f"{method} {template} {response.status_code}: no {name}"
        if "content" not in documented:
            assert response.content == b""
            return
        pointer = "/".join(
            part.replace("~", "~0").replace("/", "~1")
            for part in (
                "paths",
                template,
                method.lower(),
                "responses",
                str(response.status_code),
                "content",
                "application/json",
                "schema",
            )
        )
        validator = Draft202012Validator(
            {"$ref": f"urn:openapi#/{pointer}"},
            registry=self.registry,
            format_checker=FormatChecker(),
        )
        body = response.json() if body is None else body
        errors = [e.message for e in validator.iter_errors(body)]
        assert not errors, f"{method} {template} {response.status_code}: {errors}"


def test_the_generated_schema_is_valid_openapi_without_warnings(tmp_path):
    target = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))
    assert target.read_text().startswith("openapi: 3.1.0")


def test_every_documented_path_is_v1_without_a_trailing_slash(openapi):
    assert set(openapi["paths"]) == {
        "/api/v1/me",
        "/api/v1/clients",
        "/api/v1/clients/{id}",
        "/api/v1/clients/{id}/activity",
        "/api/v1/clients/{id}/archive",
        "/api/v1/clients/{id}/restore",
        "/api/v1/clients/{client_id}/travellers",
        "/api/v1/clients/{client_id}/travellers/{id}",
        "/api/v1/clients/{client_id}/travellers/{id}/documents",
        "/api/v1/clients/{id}/merge",
        "/api/v1/client-imports",
        "/api/v1/client-imports/{id}",
        "/api/v1/client-imports/{id}/preview",
        "/api/v1/client-imports/{id}/start",
        "/api/v1/client-imports/{id}/failures",
        "/api/v1/clients/{id}/gdpr-export",
        "/api/v1/clients/{id}/erase",
        "/api/v1/clients/{id}/contacts",
        "/api/v1/clients/{id}/contacts/add",
        "/api/v1/clients/{id}/contacts/remove",
        "/api/v1/clients/duplicates",
        "/api/v1/clients/duplicates/check",
        "/api/v1/itineraries",
        "/api/v1/itineraries/{id}",
        "/api/v1/itineraries/{id}/pdf",
        "/api/v1/itineraries/{id}/duplicate",
        "/api/v1/itinerary-templates",
        "/api/v1/itinerary-templates/{id}",
        "/api/v1/itinerary-templates/{id}/use",
        "/api/v1/itineraries/{id}/items/{item_id}/move",
        "/api/v1/itineraries/{id}/items/from-library",
        "/api/v1/library-items",
        "/api/v1/library-items/{id}",
        "/api/v1/proposals",
        "/api/v1/proposals/{id}",
        "/api/v1/proposals/{id}/send",
        "/api/v1/proposals/{id}/versions",
        "/api/v1/proposals/{id}/versions/{n}",
        "/api/v1/proposals/{id}/versions/{n}/pdf",
        "/api/v1/proposals/{id}/certificate",
        "/api/v1/bookings",
        "/api/v1/bookings/{id}",
        "/api/v1/bookings/{id}/archive",
        "/api/v1/bookings/{id}/restore",
        "/api/v1/enquiries",
        "/api/v1/enquiries/{id}",
        "/api/v1/profile",
        "/api/v1/auth/token",
        "/api/v1/auth/logout",
        "/api/v1/tokens/current/usage",
        *(f"/api/v1/lookups/{name}" for name in LOOKUPS),
        "/api/v1/webhooks",
        "/api/v1/webhooks/event-types",
        "/api/v1/webhooks/{id}",
        "/api/v1/webhooks/{id}/rotate-secret",
        "/api/v1/webhooks/{id}/test",
        "/api/v1/webhooks/{id}/deliveries",
        "/api/v1/webhooks/{id}/deliveries/{delivery_id}",
        "/api/v1/webhooks/{id}/deliveries/{delivery_id}/replay",
        "/api/v1/bookings/{id}/schedule",
        "/api/v1/bookings/{booking_id}/payments",
        "/api/v1/bookings/{booking_id}/payments/{id}",
        "/api/v1/bookings/{booking_id}/payments/{id}/void",
        "/api/v1/bookings/{id}/services",
        "/api/v1/bookings/{id}/services/{service_id}",
        "/api/v1/suppliers",
        "/api/v1/suppliers/{id}",
        "/api/v1/suppliers/{id}/archive",
        "/api/v1/suppliers/{id}/restore",
        "/api/v1/tasks",
        "/api/v1/tasks/{id}",
        "/api/v1/tasks/{id}/complete",
        "/api/v1/tasks/{id}/reopen",
        "/api/v1/bookings/{booking_id}/invoices",
        "/api/v1/bookings/{booking_id}/receipts",
        "/api/v1/invoices",
        "/api/v1/invoices/{id}",
        "/api/v1/invoices/{id}/pdf",
        "/api/v1/invoices/{id}/void",
        "/api/v1/invoices/{id}/email",
        "/api/v1/receipts",
        "/api/v1/receipts/{id}",
        "/api/v1/receipts/{id}/pdf",
        "/api/v1/receipts/{id}/void",
        "/api/v1/receipts/{id}/email",
        "/api/v1/commission-receipts",
        "/api/v1/commission-receipts/{id}",
        "/api/v1/commission-receipts/{id}/void",
        "/api/v1/reports/monthly",
        "/api/v1/reports/commission-outstanding",
        "/api/v1/reports/payments-due",
        "/api/v1/reports/overdue-instalments",
    }


def test_the_schema_declares_bearer_auth_on_every_operation(openapi):
    assert openapi["components"]["securitySchemes"]["bearerAuth"] == {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "itn_<key>.<secret>",
        "description": "A personal access token, shown once when it is created.",
    }
    assert openapi["components"]["securitySchemes"]["apiTokenAuth"]["in"] == "header"
    assert openapi["components"]["securitySchemes"]["apiTokenAuth"]["name"] == "X-Api-Token"
    for template, path in openapi["paths"].items():
        for operation in path.values():
            if template == "/api/v1/auth/token":  # the sign-in that gives a token needs none
                assert "security" not in operation
                continue
            # Either header (alternatives), not both.
            assert operation["security"] == [{"bearerAuth": []}, {"apiTokenAuth": []}]


def test_lists_are_documented_as_data_and_meta_with_page_parameters(openapi):
    operation = openapi["paths"]["/api/v1/clients"]["get"]
    ref = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    listing = openapi["components"]["schemas"][ref.rsplit("/", 1)[1]]
    assert listing["required"] == ["data", "meta"]
    assert listing["properties"]["data"] == {
        "type": "array",
        "items": {"$ref": "#/components/schemas/Client"},
    }
    assert listing["properties"]["meta"] == {"$ref": "#/components/schemas/PageMeta"}
    params = {p["name"] for p in operation["parameters"]}
    assert {"page", "per_page", "q", "status", "tag", "assigned_to", "sort"} <= params


def test_errors_and_rate_limit_headers_are_documented(openapi):
    operation = openapi["paths"]["/api/v1/clients/{id}"]["patch"]
    responses = operation["responses"]
    assert {"200", "400", "401", "403", "404", "413", "422", "429"} <= set(responses)
    ref = responses["422"]["content"]["application/json"]["schema"]["$ref"]
    assert ref == "#/components/schemas/ValidationError"
    assert set(responses["429"]["headers"]) >= {"Retry-After", "X-RateLimit-Limit"}
    assert "WWW-Authenticate" in responses["401"]["headers"]
    for code, response in responses.items():
        if code == "503":  # may come before the rate limit ran (config.errors): Retry-After only
            assert set(response["headers"]) == {"Retry-After"}
            continue
        assert {"X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"} <= set(
            response["headers"]
        )
    assert (
        openapi["paths"]["/api/v1/clients/{id}"]["delete"]["responses"]["204"].get("content")
        is None
    )


def test_real_responses_match_the_schema(openapi, api: Api, agency, alice):
    contract = Contract(openapi)
    client = ClientFactory(agency=agency, tags=["vip"])
    itinerary = ItineraryFactory(client=client)
    ItineraryItemFactory(day=ItineraryDayFactory(itinerary=itinerary, day_number=1))
    proposal = ProposalFactory(client=client, itinerary=itinerary)
    booking = BookingFactory(client=client, amount_paid="0")
    payment_record(booking=booking, amount=Decimal("100"))

    checks = [
        (api.get("/me"), "/api/v1/me", "GET"),
        (api.get("/clients"), "/api/v1/clients", "GET"),
        (api.get(f"/clients/{client.pk}"), "/api/v1/clients/{id}", "GET"),
        (api.post("/clients", {"name": "Lead"}), "/api/v1/clients", "POST"),
        (api.post("/clients", {"name": ""}), "/api/v1/clients", "POST"),
        (api.post("/clients", raw="{"), "/api/v1/clients", "POST"),
        (api.patch(f"/clients/{client.pk}", {"city": "Porto"}), "/api/v1/clients/{id}", "PATCH"),
        (api.get("/clients/999999"), "/api/v1/clients/{id}", "GET"),
        (api.get("/itineraries"), "/api/v1/itineraries", "GET"),
        (api.get(f"/itineraries/{itinerary.pk}"), "/api/v1/itineraries/{id}", "GET"),
        (
            api.post("/itineraries", {"client_id": client.pk, "title": "T", "days": [{}]}),
            "/api/v1/itineraries",
            "POST",
        ),
        (api.get("/proposals"), "/api/v1/proposals", "GET"),
        (api.get(f"/proposals/{proposal.pk}"), "/api/v1/proposals/{id}", "GET"),
        (api.get("/bookings?page=0"), "/api/v1/bookings", "GET"),
        (api.get("/bookings"), "/api/v1/bookings", "GET"),
        (api.get(f"/bookings/{booking.pk}"), "/api/v1/bookings/{id}", "GET"),
        (api.delete(f"/proposals/{proposal.pk}"), "/api/v1/proposals/{id}", "DELETE"),
        (Api(None).get("/clients"), "/api/v1/clients", "GET"),
    ]
    reader = Api(make_token(alice, read_only=True, rate_limit=1).plaintext)
    checks.append((reader.post("/clients", {"name": "x"}), "/api/v1/clients", "POST"))
    checks.append((reader.get("/clients"), "/api/v1/clients", "GET"))
    statuses = set()
    for response, template, method in checks:
        contract.check(response, template, method)
        statuses.add(response.status_code)
    assert statuses == {200, 201, 204, 400, 401, 403, 404, 422, 429}


def test_the_docs_page_serves_its_assets_locally(anonymous: Api):
    response = anonymous.get("/api/v1/docs", headers={"Accept": "text/html"})
    assert response.status_code == 200
    html = response.content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert assets
    # Its own start-up script is served by the docs view (no inline script: see its CSP).
    assert "/api/v1/docs?script=" in assets
    for asset in (a for a in assets if a != "/api/v1/docs?script="):
        # Swagger UI from the sidecar, and our stylesheet over it (WCAG contrast, #21).
        assert asset.startswith("/static/drf_spectacular_sidecar/") or asset == (
            "/static/css/swagger-a11y.css"
        ), asset
        assert finders.find(asset.removeprefix("/static/"))
    assert '<html lang="en">' in html
    script = anonymous.get("/api/v1/docs?script=", headers={"Accept": "*/*"})
    assert "/api/v1/schema" in script.content.decode()


def test_the_contract_check_catches_an_undocumented_or_missing_field(openapi, api: Api, agency):
    contract = Contract(openapi)
    client = ClientFactory(agency=agency)
    response = api.get(f"/clients/{client.pk}")
    body = response.json()
    for tampered in (
        {"data": {**body["data"], "secret": 1}},
        {"data": {k: v for k, v in body["data"].items() if k != "status"}},
        {"data": {**body["data"], "created_at": 5}},
        body["data"],
    ):
        with pytest.raises(AssertionError):
            contract.check(response, "/api/v1/clients/{id}", "GET", body=tampered)
    contract.check(response, "/api/v1/clients/{id}", "GET", body=body)


def test_the_idempotent_client_create_documents_its_409(openapi):
    responses = openapi["paths"]["/api/v1/clients"]["post"]["responses"]
    assert "duplicates" in str(responses["409"])  # its own 409, naming the matches
    # Any other write documents the state's 409 (core.errors.Conflict), without them.
    other = openapi["paths"]["/api/v1/itineraries"]["post"]["responses"]["409"]
    assert "duplicates" not in str(other) and "Conflict" in str(other)


def test_payment_and_schedule_responses_match_the_schema(openapi, api: Api, agency, amir):
    contract = Contract(openapi)
    booking = BookingFactory(client=ClientFactory(agency=agency), total_price=Decimal("1000.00"))
    base = f"/bookings/{booking.pk}"
    payments = "/api/v1/bookings/{booking_id}/payments"
    payment = payments + "/{id}"
    made = api.post(f"{base}/payments", {"amount": "100.00", "method": "card"})
    pid = made.json()["data"]["id"]
    agent = Api(make_token(amir).plaintext)
    checks = [
        (made, payments, "POST"),
        (api.post(f"{base}/payments", {"amount": "5000.00"}), payments, "POST"),
        (api.get(f"{base}/payments"), payments, "GET"),
        (api.get("/bookings/999999/payments"), payments, "GET"),  # no such parent
        (api.post("/bookings/999999/payments", {"amount": "1"}), payments, "POST"),
        (api.get(f"{base}/payments/{pid}"), payment, "GET"),
        (api.get(f"{base}/payments/999999"), payment, "GET"),
        (
            api.patch(f"{base}/payments/{pid}", {"amount": "90.00", "reason": "typo"}),
            payment,
            "PATCH",
        ),
        (
            agent.patch(f"{base}/payments/{pid}", {"amount": "80.00", "reason": "x"}),
            payment,
            "PATCH",
        ),
        (api.patch(f"{base}/payments/{pid}", {"amount": "80.00"}), payment, "PATCH"),
        (
            api.put(f"{base}/schedule", {"template": "full"}),
            "/api/v1/bookings/{id}/schedule",
            "PUT",
        ),
        (
            api.put(
                f"{base}/schedule",
                {"instalments": [{"due_date": "2027-01-01", "amount": "10.00"}]},
            ),
            "/api/v1/bookings/{id}/schedule",
            "PUT",
        ),
        (api.get(f"{base}/schedule"), "/api/v1/bookings/{id}/schedule", "GET"),
        (api.get(base), "/api/v1/bookings/{id}", "GET"),
        (api.post(f"{base}/payments/{pid}/void", {"reason": "bounced"}), payment + "/void", "POST"),
        (api.delete(f"{base}/schedule"), "/api/v1/bookings/{id}/schedule", "DELETE"),
    ]
    statuses = set()
    for response, template, method in checks:
        contract.check(response, template, method)
        statuses.add(response.status_code)
    assert statuses == {200, 201, 403, 404, 409, 422}
    # Payments are voided, never deleted: no DELETE in the schema, a 405 naming what is allowed.
    assert "delete" not in openapi["paths"][payment]
    refused = api.delete(f"{base}/payments/{pid}")
    assert refused.status_code == 405
    assert "void" in refused.json()["message"]
    # A correction always gives its reason: the PATCH body's schema says so.
    patch = openapi["paths"][payment]["patch"]["requestBody"]["content"]["application/json"]
    name = patch["schema"]["$ref"].rsplit("/", 1)[1]
    assert openapi["components"]["schemas"][name]["required"] == ["reason"]


def test_supplier_and_booking_service_responses_match_the_schema(openapi, api: Api, agency):
    from crm.bookings import booked_services
    from tests.factories import BookingServiceFactory, SupplierFactory

    contract = Contract(openapi)
    supplier = SupplierFactory(agency=agency)
    supplier.contacts.create(name="Desk", email="desk@example.com")
    booking = BookingFactory(client=ClientFactory(agency=agency))
    service = booked_services.booking_service_add(
        booking=booking, description="Lodge", supplier=supplier, price="100", cost="80"
    )
    used = SupplierFactory(agency=agency)
    BookingServiceFactory(booking=booking, supplier=used)
    services = f"/bookings/{booking.pk}/services"
    one = f"{services}/{service.pk}"
    checks = [
        (api.get("/suppliers"), "/api/v1/suppliers", "GET"),
        (api.post("/suppliers", {"name": "New"}), "/api/v1/suppliers", "POST"),
        (api.post("/suppliers", {"name": supplier.name}), "/api/v1/suppliers", "POST"),
        (api.get(f"/suppliers/{supplier.pk}"), "/api/v1/suppliers/{id}", "GET"),
        (api.patch(f"/suppliers/{supplier.pk}", {"notes": "n"}), "/api/v1/suppliers/{id}", "PATCH"),
        (api.delete(f"/suppliers/{used.pk}"), "/api/v1/suppliers/{id}", "DELETE"),
        (api.post(f"/suppliers/{used.pk}/archive"), "/api/v1/suppliers/{id}/archive", "POST"),
        (api.get(f"/bookings/{booking.pk}"), "/api/v1/bookings/{id}", "GET"),
        (api.get(services), "/api/v1/bookings/{id}/services", "GET"),
        (api.post(services, {"description": "Tram"}), "/api/v1/bookings/{id}/services", "POST"),
        (
            api.post(services, {"description": "X", "currency": "USD"}),
            "/api/v1/bookings/{id}/services",
            "POST",
        ),
        (api.get(one), "/api/v1/bookings/{id}/services/{service_id}", "GET"),
        (api.patch(one, {"price": "90"}), "/api/v1/bookings/{id}/services/{service_id}", "PATCH"),
        (
            api.put(one, {"description": "Lodge 2"}),
            "/api/v1/bookings/{id}/services/{service_id}",
            "PUT",
        ),
        (api.delete(one), "/api/v1/bookings/{id}/services/{service_id}", "DELETE"),
        (api.get(one), "/api/v1/bookings/{id}/services/{service_id}", "GET"),
    ]
    statuses = set()
    for response, template, method in checks:
        contract.check(response, template, method)
        statuses.add(response.status_code)
    assert statuses == {200, 201, 204, 404, 409}
