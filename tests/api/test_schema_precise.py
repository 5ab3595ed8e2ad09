"""The schema is precise enough to generate a typed client from (#19): it documents exactly the
query parameters the server takes, integer ids, exact patterns, the shared headers once, the
503, and the rule fuzz_hooks.py applies."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import orjson
import pytest
from django.test import RequestFactory
from django.urls import resolve
from rest_framework.request import Request

from api.strict import ALWAYS_ALLOWED, allowed_query_names
from core.ssrf import PUBLIC_ONLY
from tests.api.conftest import Api

README = Path(__file__).resolve().parents[2] / "README.md"


@pytest.fixture
def openapi(anonymous: Api) -> dict[str, Any]:
    response = anonymous.get(
        "/api/v1/schema", headers={"Accept": "application/vnd.oai.openapi+json"}
    )
    return orjson.loads(response.content)


def operations(openapi: dict[str, Any]):
    for template, item in openapi["paths"].items():
        for method, operation in item.items():
            if method in ("get", "post", "put", "patch", "delete"):
                yield template, method.upper(), operation


def view_for(template: str, method: str) -> Any:
    """The view instance that serves ``method template`` (ids filled with 1), as DRF makes it."""
    path = re.sub(r"\{[^}]+\}", "1", template)
    match = resolve(path)
    callback: Any = match.func
    django_request = RequestFactory().generic(method, path)
    if hasattr(callback, "actions"):  # a viewset
        view = callback.cls(**callback.initkwargs)
        view.action_map = callback.actions
        view.action = callback.actions[method.lower()]
    else:
        view = callback.view_class(**getattr(callback, "view_initkwargs", {}))
    view.request = Request(django_request)
    view.args, view.kwargs, view.format_kwarg = (), match.kwargs, None
    view.headers = {}
    return view


def test_every_operation_takes_exactly_the_query_parameters_it_documents(openapi):
    checked = 0
    for template, method, operation in operations(openapi):
        documented = {p["name"] for p in operation.get("parameters", []) if p["in"] == "query"}
        allowed = allowed_query_names(view_for(template, method), method) - ALWAYS_ALLOWED
        assert allowed == documented, f"{method} {template}"
        checked += 1
    assert checked > 80


def test_path_ids_are_integers_as_the_urls_take_them(openapi):
    for template, method, operation in operations(openapi):
        for parameter in operation.get("parameters", []):
            if parameter["in"] == "path":
                assert parameter["schema"] == {
                    "type": "integer",
                    "minimum": 0,
                    "maximum": 10**18 - 1,
                }, f"{method} {template} {parameter['name']}"


def test_id_filters_are_integers_and_date_bounds_admit_a_date(openapi):
    parameters = {
        p["name"]: p["schema"] for p in openapi["paths"]["/api/v1/bookings"]["get"]["parameters"]
    }
    for name in ("client", "client_id", "consultant_id", "supplier_id", "proposal_id"):
        assert parameters[name] == {"type": "integer", "minimum": 0, "maximum": 2147483647}
    assert parameters["created_after"]["anyOf"] == [
        {"type": "string", "format": "date"},
        {"type": "string", "format": "date-time"},
    ]
    assert parameters["sort"]["type"] == "array"


def test_request_money_currencies_and_ids_say_what_the_server_accepts(openapi):
    schemas = openapi["components"]["schemas"]
    booking = schemas["BookingInputRequest"]["properties"]
    price = re.compile(booking["total_price"]["pattern"])
    assert price.search("1250.00") and price.search("0") and price.search("7.5")
    for refused in ("", ".", "-1.00", "1.234", "12345678901"):
        assert not price.search(refused), refused
    amount = re.compile(schemas["PaymentInputRequest"]["properties"]["amount"]["pattern"])
    assert amount.search("0.01") and not amount.search("0.00") and not amount.search("0")
    assert booking["currency"] == {"$ref": "#/components/schemas/CurrencyCode"}
    codes = schemas["CurrencyCode"]["enum"]
    assert "GBP" in codes and "000" not in codes
    assert "which ids exist" in booking["client_id"]["description"]


def test_the_shared_headers_are_components_and_every_operation_documents_its_503(openapi):
    headers = openapi["components"]["headers"]
    assert set(headers) >= {"X-RateLimit-Limit", "Retry-After", "Idempotent-Replayed"}
    for template, _method, operation in operations(openapi):
        unavailable = operation["responses"]["503"]
        assert unavailable["headers"] == {
            "Retry-After": {"$ref": "#/components/headers/Retry-After"}
        }
        for response in operation["responses"].values():
            for name, header in response.get("headers", {}).items():
                if name in headers and not (headers[name].get("required") and "$ref" not in header):
                    assert header == {"$ref": f"#/components/headers/{name}"}, (template, name)
                elif name in headers:  # inline only where it may be missing (a 409's Retry-After)
                    assert header.get("required") is not True, (template, name)
    created = openapi["paths"]["/api/v1/clients"]["post"]["responses"]["201"]["headers"]
    assert "Idempotent-Replayed" in created
    # The headers written once: the schema is well smaller than with each inline (it was 492 KB
    # inline, 412 KB with components, when the API had 25 operations fewer).
    inline = orjson.dumps(openapi)
    for name, header in headers.items():
        inline = inline.replace(
            orjson.dumps({"$ref": f"#/components/headers/{name}"}), orjson.dumps(header)
        )
    assert len(orjson.dumps(openapi)) < 0.85 * len(inline)


def test_summaries_use_the_right_article(openapi):
    summaries = [operation.get("summary", "") for _, _, operation in operations(openapi)]
    assert "Create an itinerary" in summaries
    assert "Create a client" in summaries
    assert not [s for s in summaries if re.search(r"\ba [aeio]", s)]


def test_readme_and_schema_say_the_same_about_x_ratelimit_reset(openapi):
    said = openapi["components"]["headers"]["X-RateLimit-Reset"]["description"]
    assert "oldest request counted in the window leaves it" in said
    readme = " ".join(README.read_text().split())
    assert "`X-RateLimit-Reset` (seconds until the oldest request counted in the window" in readme
    assert "seconds until one more request is available" not in readme
    assert "seconds until one more request is available" not in openapi["info"]["description"]


def test_a_real_503_matches_its_documented_body(api: Api, monkeypatch):
    from django.db import OperationalError

    from api.v1 import me

    def down(*args: Any, **kwargs: Any) -> None:
        raise OperationalError("connection refused")

    monkeypatch.setattr(me.MeView, "get", down)
    response = api.get("/me")
    assert response.status_code == 503
    assert int(response["Retry-After"]) >= 1
    assert set(response.json()) == {"message"}


def test_the_fuzzing_rule_lets_only_missing_references_through():
    from tests.hardening.fuzz_hooks import only_missing_references

    class Answer:
        def __init__(self, status: int, body: dict[str, Any]) -> None:
            self.status_code, self.content = status, orjson.dumps(body)

    def errors(**found: list[str]) -> Answer:
        return Answer(422, {"message": "Validation failed.", "errors": found})

    assert only_missing_references(errors(client_id=["No client with id 0."]))
    assert only_missing_references(errors(assignee_id=["No agent with id 7 in this agency."]))
    assert only_missing_references(
        errors(**{"days[0].items[1].supplier_id": ["No supplier with id 3."]})
    )
    assert only_missing_references(
        errors(itinerary_id=["This itinerary belongs to another client."])
    )
    assert only_missing_references(errors(day_id=["No day with id 4 in this itinerary."]))
    assert only_missing_references(errors(traveller_ids=["Not a traveller of this client: 0, -3."]))
    assert only_missing_references(errors(payment_id=["No payment with id 9 on this booking."]))
    # A host name DNS does not know, or that points inside a network: the world's state.
    assert only_missing_references(errors(url=["The host name a.example could not be found."]))
    assert only_missing_references(
        errors(url=[f"a.example resolves to a private address: {PUBLIC_ONLY}."])
    )
    # An order between two values, or a value and today.
    assert only_missing_references(
        errors(end_date=["The end date cannot be before the start date."])
    )
    assert only_missing_references(errors(**{"from": ["At most 36 months at a time."]}))
    assert only_missing_references(
        errors(passport_expires_on=["The expiry date must be after the issue date."])
    )
    # What an uploaded file holds.
    assert only_missing_references(
        errors(file=["This is not a CSV text file: it holds binary data."])
    )
    assert only_missing_references(errors(file=["The submitted file is empty."]))
    assert only_missing_references(errors(paid_on=["A payment cannot be received in the future."]))
    assert not only_missing_references(errors(file=["The submitted data was not a file."]))
    # Anything else still fails the check.
    https_only = "Use an https:// URL: webhooks carry your clients' data."
    assert not only_missing_references(errors(url=[https_only]))
    assert not only_missing_references(errors(end_date=["Enter a valid date."]))
    assert not only_missing_references(errors(client_id=["No client with id 0."], name=["Bad."]))
    assert not only_missing_references(errors(currency=["Use a three-letter ISO 4217 code."]))
    assert not only_missing_references(Answer(404, {"message": "Not found."}))
    assert not only_missing_references(Answer(400, {"message": "No client with id 0."}))


def test_request_text_admits_no_nul_character_as_the_server_refuses_it(openapi, api: Api):
    name = openapi["components"]["schemas"]["ClientInputRequest"]["properties"]["name"]
    assert re.search(name["pattern"], "a\x00b") is None
    assert api.post("/clients", {"name": "a\x00b"}).status_code == 422
    notes = openapi["components"]["schemas"]["ClientInputRequest"]["properties"]["notes"]
    assert notes["pattern"] == "^[^\\x00]*$"


def test_report_months_and_days_are_typed_as_the_server_reads_them(openapi, api: Api):
    def parameter(template: str, name: str) -> dict[str, Any]:
        found = openapi["paths"][template]["get"]["parameters"]
        return next(p["schema"] for p in found if p["name"] == name)

    month = parameter("/api/v1/reports/monthly", "from")
    assert parameter("/api/v1/reports/commission-outstanding", "month") == month
    assert re.fullmatch(month["pattern"], "2026-06")
    assert not re.search(month["pattern"], "2026-13") and not re.search(month["pattern"], "")
    days = parameter("/api/v1/reports/payments-due", "days")
    assert (days["type"], days["minimum"], days["maximum"]) == ("integer", 1, 366)
    # The years the pattern leaves out would overflow the month arithmetic (a 500): a 422.
    for far in ("9999-12", "0001-01"):
        assert api.get(f"/reports/monthly?to={far}").status_code == 422, far
        assert api.get(f"/reports/commission-outstanding?month={far}").status_code == 422


def test_a_schedule_says_the_bounds_its_service_checks(openapi, api: Api, agency):
    from tests.factories import BookingFactory

    schedule = openapi["components"]["schemas"]["ScheduleInputRequest"]["properties"]
    assert (schedule["instalments"]["minItems"], schedule["instalments"]["maxItems"]) == (1, 36)
    assert (
        schedule["balance_days_before"]["minimum"],
        schedule["balance_days_before"]["maximum"],
    ) == (0, 730)
    assert (schedule["instalments_count"]["minimum"], schedule["instalments_count"]["maximum"]) == (
        1,
        35,
    )
    percent = schedule["deposit_percent"]["pattern"]
    for value in ("1", "30", "98.99", "99", "99.00", "1.5"):
        assert re.fullmatch(percent, value), value
    for value in ("0", "0.5", "99.01", "100", "-1"):
        assert not re.fullmatch(percent, value), value
    due = openapi["components"]["schemas"]["InstalmentInputRequest"]["properties"]["due_date"]
    assert re.match(due["pattern"], "2000-01-01") and not re.match(due["pattern"], "1999-12-31")
    for name in ("PaymentInputRequest", "PatchedPaymentUpdateRequest"):
        paid_on = openapi["components"]["schemas"][name]["properties"]["paid_on"]
        assert paid_on["pattern"] == due["pattern"] and paid_on["format"] == "date"
    booking = BookingFactory(agency=agency)
    response = api.put(f"/bookings/{booking.pk}/schedule", {"instalments": []})
    assert response.status_code == 422
    assert response.json()["errors"] == {
        "instalments": ["Give at least one instalment, or clear the schedule."]
    }
    response = api.put(
        f"/bookings/{booking.pk}/schedule",
        {"template": "deposit_monthly", "deposit_percent": "100"},
    )
    assert "deposit_percent" in response.json()["errors"]


def test_a_country_is_an_iso_code_in_the_schema_and_every_code_is_accepted(openapi, api: Api):
    from core.iso import COUNTRIES

    codes = openapi["components"]["schemas"]["CountryCode"]["enum"]
    assert codes == sorted(COUNTRIES) and "GB" in codes
    schemas = openapi["components"]["schemas"]
    country = schemas["ClientInputRequest"]["properties"]["country"]
    assert country["anyOf"][0] == {"$ref": "#/components/schemas/CountryCode"}
    assert {"type": "null"} in country["anyOf"]
    assert "English name" in country["description"]
    for name in ("nationality", "passport_country"):
        assert {"$ref": "#/components/schemas/CountryCode"} in (
            schemas["TravellerInputRequest"]["properties"][name]["anyOf"]
        )
    from api.v1.clients import ClientInputSerializer
    from core.iso import country_code

    for code in codes:  # what the client's serializer and the traveller's service accept
        serializer = ClientInputSerializer(data={"name": "x", "country": code})
        assert serializer.is_valid() and country_code(code) == code, code
    assert api.post("/clients", {"name": "Somewhere", "country": "GB"}).status_code == 201
    assert api.post("/clients", {"name": "Nowhere", "country": "Atlantis"}).status_code == 422


def test_only_the_exporting_lists_take_format_and_only_their_200_is_csv(openapi, api: Api):
    exporting = set()
    for template, method, operation in operations(openapi):
        if any(p["name"] == "format" for p in operation.get("parameters", [])):
            exporting.add((method, template))
        for code, response in operation["responses"].items():
            content = response.get("content", {})
            if "text/csv" in content:
                assert code == "200" and method == "GET", (method, template, code)
    assert exporting == {
        ("GET", f"/api/v1/{path}")
        for path in (
            "clients",
            "itineraries",
            "proposals",
            "bookings",
            "bookings/{booking_id}/payments",
        )
    }
    refused = api.get("/clients/1?format=csv")
    assert refused.status_code in (404, 422)
    assert api.get("/clients?format=csv").status_code == 200


def test_ids_in_bodies_are_bounded_as_path_ids(openapi):
    service = openapi["components"]["schemas"]["BookingServiceInputRequest"]["properties"]
    supplier = service["supplier_id"]
    assert (supplier["minimum"], supplier["maximum"]) == (-(10**18 - 1), 10**18 - 1)
    travellers = openapi["components"]["schemas"]["BookingInputRequest"]["properties"]
    items = travellers["traveller_ids"]["items"]
    assert (items["minimum"], items["maximum"]) == (-(10**18 - 1), 10**18 - 1)


def test_exactly_one_of_two_fields_is_said_so_the_sdk_keeps_its_typed_body(openapi, api: Api):
    """A token is asked for by ``email`` or ``username`` and a schedule is ``instalments`` or a
    ``template``: never both, never neither. The schema says it with a ``not`` (a ``oneOf``
    beside the properties had the SDK generator type both bodies as Any), and the server agrees
    with the schema on each of the four shapes."""
    import jsonschema  # type: ignore[import-untyped]  # no stubs (as in test_schema.py)
    from referencing import Registry
    from referencing.jsonschema import DRAFT4

    registry = Registry().with_resource("urn:openapi", DRAFT4.create_resource(openapi))

    def valid(name: str, body: dict[str, Any]) -> bool:
        schema = {"$ref": f"urn:openapi#/components/schemas/{name}"}
        validator = jsonschema.Draft4Validator(schema, registry=registry)
        return validator.is_valid(body)

    for name in ("TokenRequestRequest", "ScheduleInputRequest"):
        assert "oneOf" not in openapi["components"]["schemas"][name], name
    token = {"password": "not-the-password", "name": "script"}
    for body, ok in [
        ({**token, "email": "a@example.com"}, True),
        ({**token, "username": "alice"}, True),
        ({**token, "email": "a@example.com", "username": "alice"}, False),
        (token, False),
    ]:
        assert valid("TokenRequestRequest", body) is ok, body
        response = api.post("/auth/token", body)
        assert (response.status_code != 422) is ok, (body, response.content)
    schedules: list[tuple[dict[str, Any], bool]] = [
        ({"template": "full"}, True),
        ({"instalments": [{"due_date": "2027-01-01", "amount": "10.00"}]}, True),
        ({"template": "full", "instalments": [{"due_date": "2027-01-01", "amount": "1"}]}, False),
        ({"deposit_percent": "30"}, False),
    ]
    for schedule, ok in schedules:
        assert valid("ScheduleInputRequest", schedule) is ok, schedule


def test_a_line_price_has_the_whole_digits_its_maximum_allows(openapi):
    from api.v1.proposal_parts import LineItemInputSerializer

    schema = openapi["components"]["schemas"]["LineItemInputRequest"]["properties"]
    price = re.compile(schema["unit_price"]["pattern"])
    for value, ok in [
        ("9999999.99", True),
        ("0", True),
        ("10000000", False),
        ("12345678.5", False),
    ]:
        assert bool(price.search(value)) is ok, value
        line = LineItemInputSerializer(data={"description": "Hotel", "unit_price": value})
        assert line.is_valid() is ok, (value, line.errors)  # the server says the same


def test_a_travellers_document_fields_are_the_names_the_server_takes(openapi, api: Api, agency):
    from tests.factories import ClientFactory, TravellerFactory

    operation = openapi["paths"]["/api/v1/clients/{client_id}/travellers/{id}/documents"]["get"]
    (fields,) = [p for p in operation["parameters"] if p["name"] == "fields"]
    pattern = re.compile(fields["schema"]["pattern"])
    traveller = TravellerFactory(client=ClientFactory(agency=agency))
    url = f"/clients/{traveller.client_id}/travellers/{traveller.pk}/documents"
    for value, ok in [
        ("passport_number", True),
        ("redress_number,passport_number", True),
        ("passport_number, redress_number", False),  # a space: not a name
        ("passport_number,", False),
        ("notes", False),
        ("", False),
    ]:
        assert bool(pattern.search(value)) is ok, value
        response = api.get(f"{url}?fields={value}")
        assert (response.status_code == 200) is ok, (value, response.content)


def test_every_operation_documents_the_422_strict_input_can_answer(openapi, api: Api, agency):
    for template, method, operation in operations(openapi):
        assert "422" in operation["responses"], f"{method} {template}"
    # One that takes no input at all answers it, with the documented body.
    response = api.get("/lookups/currencies?lang=pt")
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["lang"]


def test_a_duplicate_clients_409_is_not_promised_a_retry_after(openapi, api: Api, agency):
    from tests.factories import ClientFactory

    conflict = openapi["paths"]["/api/v1/clients"]["post"]["responses"]["409"]
    header = conflict["headers"]["Retry-After"]
    assert "$ref" not in header and not header.get("required")  # only a key in progress has it
    ClientFactory(agency=agency, email="lea@example.com")
    response = api.post("/clients", {"name": "Lea", "email": "lea@example.com"})
    assert response.status_code == 409 and "Retry-After" not in response


def test_a_travellers_documents_answer_only_what_was_asked(openapi, api: Api, agency):
    from tests.factories import ClientFactory, TravellerFactory

    schema = openapi["components"]["schemas"]["TravellerDocuments"]
    assert not schema.get("required")  # ?fields=passport_number answers that one alone
    traveller = TravellerFactory(client=ClientFactory(agency=agency))
    url = f"/clients/{traveller.client_id}/travellers/{traveller.pk}/documents"
    assert list(api.get(f"{url}?fields=passport_number").json()["data"]) == ["passport_number"]
