"""What the all-checks schema fuzzing (issue #19) found after its second round, each fixed in the
schema or the server and pinned here: the schema and the server say the same thing."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

import orjson
import pytest

from api.v1.webhooks import URL_PATTERN
from crm.models import Booking, Supplier
from tests.api.conftest import Api
from tests.factories import (
    BookingFactory,
    ClientFactory,
    ItineraryFactory,
    PaymentFactory,
    SupplierFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def openapi(anonymous: Api) -> dict[str, Any]:
    response = anonymous.get(
        "/api/v1/schema", headers={"Accept": "application/vnd.oai.openapi+json"}
    )
    return orjson.loads(response.content)


def component(openapi: dict[str, Any], name: str) -> dict[str, Any]:
    return openapi["components"]["schemas"][name]


@pytest.fixture
def booking(agency) -> Booking:
    return BookingFactory(
        client=ClientFactory(agency=agency),
        total_price=Decimal("500.00"),
        currency="GBP",
        start_date=dt.date(2027, 6, 1),
        end_date=dt.date(2027, 6, 10),
    )


def test_a_patch_of_proposal_options_needs_whole_lines(api: Api, agency):
    client = ClientFactory(agency=agency)
    created = api.post("/proposals", {"client_id": client.pk, "title": "Amalfi"})
    proposal_id = created.json()["data"]["id"]
    # The lines replace the old ones: a line without its price is no line (it was taken as one).
    response = api.patch(
        f"/proposals/{proposal_id}",
        {"options": [{"title": "A", "lines": [{"description": "Hotel", "quantity": 1}]}]},
    )
    assert response.status_code == 422, response.json()
    assert response.json()["errors"] == {
        "options[0].lines[0].unit_price": ["This field is required."]
    }
    whole = {"title": "A", "lines": [{"description": "Hotel", "unit_price": "10.00"}]}
    assert api.patch(f"/proposals/{proposal_id}", {"options": [whole]}).status_code == 200
    # The PATCH itself stays partial: its own fields may be left out.
    assert api.patch(f"/proposals/{proposal_id}", {"message": "Hello"}).status_code == 200


def test_a_patch_of_itinerary_days_needs_whole_items(api: Api, agency):
    itinerary = ItineraryFactory(client=ClientFactory(agency=agency))
    response = api.patch(
        f"/itineraries/{itinerary.pk}", {"days": [{"items": [{"kind": "accommodation"}]}]}
    )
    assert response.status_code == 422, response.json()
    assert response.json()["errors"] == {"days[0].items[0].title": ["This field is required."]}
    itinerary.refresh_from_db()
    assert itinerary.days.count() == 0


def test_an_optional_text_with_a_pattern_offers_the_empty_string_once(openapi, api: Api, agency):
    middle = component(openapi, "PatchedTravellerInputRequest")["properties"]["middle_name"]
    # Its pattern admits "": a oneOf with a blank alternative refused "" (both matched).
    assert "oneOf" not in middle
    assert re.fullmatch(middle["pattern"], "")
    client = ClientFactory(agency=agency)
    created = api.post(
        f"/clients/{client.pk}/travellers", {"first_name": "Ada", "last_name": "Byron"}
    )
    traveller = created.json()["data"]["id"]
    response = api.patch(f"/clients/{client.pk}/travellers/{traveller}", {"middle_name": ""})
    assert response.status_code == 200


def test_an_optional_date_admits_the_empty_string_the_server_reads_as_null(
    openapi, api: Api, agency
):
    date = component(openapi, "ItineraryDayInputRequest")["properties"]["date"]
    assert date["oneOf"] == [
        {"type": ["string", "null"], "format": "date"},
        {"type": "string", "maxLength": 0},
    ]
    itinerary = ItineraryFactory(client=ClientFactory(agency=agency))
    response = api.patch(f"/itineraries/{itinerary.pk}", {"days": [{"date": ""}]})
    assert response.status_code == 200, response.json()
    assert response.json()["data"]["days"][0]["date"] is None


def test_a_body_of_one_of_two_fields_is_required(openapi, api: Api, booking):
    operation = openapi["paths"]["/api/v1/bookings/{id}/schedule"]["put"]
    assert operation["requestBody"]["required"] is True
    assert api.put(f"/bookings/{booking.pk}/schedule").status_code == 422


def test_a_refund_sent_as_a_credit_is_outside_the_schema_too(openapi, api: Api, booking):
    rule = component(openapi, "PaymentInputRequest")["not"]
    assert rule == {
        "required": ["as_credit", "kind"],
        "properties": {"kind": {"const": "refund"}, "as_credit": {"const": True}},
    }
    response = api.post(
        f"/bookings/{booking.pk}/payments",
        {"kind": "refund", "amount": "5.00", "as_credit": True},
    )
    assert response.status_code == 422
    assert response.json()["errors"] == {"as_credit": ["A refund is not a credit: leave it off."]}


def test_a_receipt_for_a_payment_not_on_the_booking_names_the_id(api: Api, booking):
    PaymentFactory(booking=BookingFactory(client=booking.client))
    response = api.post(f"/bookings/{booking.pk}/receipts", {"payment_id": 999})
    assert response.status_code == 422
    assert response.json()["errors"] == {"payment_id": ["No payment with id 999 on this booking."]}


def test_a_supplier_website_is_no_longer_than_a_host_name_can_be(openapi, api: Api, agency):
    website = component(openapi, "SupplierInputRequest")["properties"]["website"]
    assert website["oneOf"][0]["maxLength"] == 255
    supplier = SupplierFactory(agency=agency)
    longest = "https://" + ".".join(["a" * 63] * 3) + "." + "b" * (255 - 8 - 192 - 1) + ".com"
    assert len(longest) > 255
    response = api.patch(f"/suppliers/{supplier.pk}", {"website": longest})
    assert response.status_code == 422
    assert "website" in response.json()["errors"]
    fits = "https://" + "a" * 60 + ".example.com/" + "p" * 100
    assert api.patch(f"/suppliers/{supplier.pk}", {"website": fits}).status_code == 200
    assert Supplier.objects.get(pk=supplier.pk).website == fits


def test_a_webhook_url_has_the_pattern_the_guard_reads(openapi, api: Api):
    url = component(openapi, "WebhookInputRequest")["properties"]["url"]
    assert url["pattern"] == URL_PATTERN
    for refused in ("0", "http://example.com/hook", "https://u@example.com", "https://x/#a"):
        assert not re.fullmatch(URL_PATTERN, refused), refused
        assert api.post("/webhooks", {"url": refused}).status_code == 422
    assert re.fullmatch(URL_PATTERN, "https://hooks.example.com/itinera?v=1")


def test_a_monthly_report_from_a_month_alone_is_at_most_36_months(api: Api):
    response = api.get("/reports/monthly?from=1900-01")
    assert response.status_code == 200, response.json()
    body = response.json()["data"]
    assert (body["date_from"], body["date_to"], len(body["months"])) == ("1900-01", "1902-12", 36)
    # Both given: their order and distance are still checked.
    assert api.get("/reports/monthly?from=1900-01&to=2026-01").status_code == 422
