"""What the all-checks schema fuzzing (issue #19) still found after its third round, each fixed in
the schema or the server and pinned here: what the schema admits, the server takes, and a
refusal that depends on a record's state is a 409 (which a schema-valid request may meet)."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

import orjson
import pytest

from crm.bookings import booked_services
from crm.models import Booking, PaymentInstalment
from tests.api.conftest import Api
from tests.api.test_commission_receipts import _service
from tests.factories import BookingFactory, ClientFactory, ItineraryFactory

pytestmark = pytest.mark.django_db

# What Python's str.strip() removes, each alone: DRF trims text before it checks blankness.
STRIPPED = [chr(c) for c in range(0x110000) if chr(c).isspace()]


@pytest.fixture
def openapi(anonymous: Api) -> dict[str, Any]:
    response = anonymous.get(
        "/api/v1/schema", headers={"Accept": "application/vnd.oai.openapi+json"}
    )
    return orjson.loads(response.content)


def text_pattern(openapi: dict[str, Any], component: str, field: str) -> re.Pattern[str]:
    return re.compile(openapi["components"]["schemas"][component]["properties"][field]["pattern"])


@pytest.mark.parametrize(
    ("component", "field"),
    [
        ("ClientInputRequest", "name"),
        ("ItineraryItemInputRequest", "title"),
        ("LoyaltyRequest", "programme"),
        ("TaskInputRequest", "title"),
    ],
)
def test_a_text_that_may_not_be_blank_refuses_whitespace_alone_in_the_schema(
    openapi, component, field
):
    pattern = text_pattern(openapi, component, field)

    assert [c for c in STRIPPED if pattern.search(c * 3)] == []
    assert pattern.search("\x1c a \u3000") and pattern.search("\ufeff")  # str.strip keeps U+FEFF
    assert pattern.search("a\x00") is None


def test_the_server_refuses_the_whitespace_the_schema_refuses_and_takes_what_it_admits(
    openapi, api: Api, agency
):
    plan = ItineraryFactory(client=ClientFactory(agency=agency))
    pattern = text_pattern(openapi, "ItineraryItemInputRequest", "title")

    def day_with(title: str) -> int:
        body = {"days": [{"day_number": 1, "items": [{"kind": "activity", "title": title}]}]}
        return api.patch(f"/itineraries/{plan.pk}", body).status_code

    for blank in ("   ", "\x1c\x1f", "\u2028\u3000"):
        assert pattern.search(blank) is None and day_with(blank) == 422
    for text in (" Vatican ", "\x1cx"):
        assert pattern.search(text) and day_with(text) == 200


@pytest.fixture
def booking(agency) -> Booking:
    return BookingFactory(
        client=ClientFactory(agency=agency),
        total_price=Decimal("500.00"),
        currency="GBP",
        start_date=None,
        end_date=None,
    )


def test_monthly_instalments_default_to_three_when_the_count_is_omitted(api: Api, booking):
    response = api.put(f"/bookings/{booking.pk}/schedule", {"template": "deposit_monthly"})

    assert response.status_code == 200, response.json()
    labels = [row["label"] for row in response.json()["data"]["instalments"]]
    assert labels == [
        "Deposit (30%)",
        "Instalment 1 of 3",
        "Instalment 2 of 3",
        "Instalment 3 of 3",
    ]


def test_a_count_out_of_range_is_refused_under_its_own_name(api: Api, booking):
    # The service named it `instalments`, the name of the other body's list.
    response = api.put(
        f"/bookings/{booking.pk}/schedule", {"template": "deposit_monthly", "instalments_count": 36}
    )

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["instalments_count"]


def test_a_balance_before_departure_needs_a_departure_a_409_until_the_booking_has_one(
    api: Api, booking
):
    body = {"template": "deposit_balance"}
    refused = api.put(f"/bookings/{booking.pk}/schedule", body)
    assert refused.status_code == 409
    assert refused.json()["errors"] == {
        "template": ["The booking has no departure date to count the balance from."]
    }
    assert not PaymentInstalment.objects.exists()

    Booking.objects.filter(pk=booking.pk).update(start_date=dt.date.today() + dt.timedelta(days=90))
    assert api.put(f"/bookings/{booking.pk}/schedule", body).status_code == 200


def test_a_commission_receipt_for_a_cancelled_service_is_a_409(api: Api, agency):
    service = _service(agency, "20.00")
    booked_services.booking_service_cancel(service=service)

    response = api.post("/commission-receipts", {"service_id": service.pk, "amount": "5.00"})

    assert response.status_code == 409
    assert response.json()["errors"] == {
        "service": ["This service is cancelled: it expects no commission."]
    }


def test_a_text_is_at_most_its_max_length_as_sent_spaces_around_it_included(
    openapi, api: Api, agency
):
    # DRF measures after trimming: "  " + 255 characters was taken as a 255-character name,
    # which the schema's maxLength (what a generated client checks) refuses.
    most = openapi["components"]["schemas"]["ClientInputRequest"]["properties"]["name"]
    client = ClientFactory(agency=agency, name="Before")
    padded = "  " + "x" * most["maxLength"]

    response = api.patch(f"/clients/{client.pk}", {"name": padded})
    fits = api.patch(f"/clients/{client.pk}", {"name": " " + "x" * (most["maxLength"] - 1)})

    assert response.status_code == 422
    assert response.json()["errors"] == {
        "name": [f"Ensure this field has no more than {most['maxLength']} characters."]
    }
    assert fits.status_code == 200
    assert fits.json()["data"]["name"] == "x" * (most["maxLength"] - 1)


def test_an_import_mapping_is_typed_as_positions_to_client_fields(openapi, api: Api):
    from tests.api.test_client_imports import upload

    mapping = openapi["components"]["schemas"]["ImportStartRequest"]["properties"]["mapping"]
    names = re.compile(mapping["propertyNames"]["pattern"])
    assert (
        names.search("0") and names.search("12") and not names.search("a") and not names.search("")
    )
    assert "name" in mapping["additionalProperties"]["enum"]
    assert "" in mapping["additionalProperties"]["enum"]  # a column skipped
    assert "passport" not in mapping["additionalProperties"]["enum"]

    run = upload(api).json()["data"]
    start = f"/client-imports/{run['id']}/start"
    # What the schema refuses, the server refuses as input (a 422), not as a state (a 409).
    word = api.post(start, {"mapping": {"first": "name"}})
    unknown = api.post(start, {"mapping": {"0": "passport"}})
    # What it admits but the file does not have meets the file: a 409.
    beyond = api.post(start, {"mapping": {"0": "name", "7": "email"}})

    assert word.status_code == 422
    assert word.json()["errors"] == {"mapping": ["'first' is not a column number (from 0)."]}
    assert unknown.status_code == 422
    assert beyond.status_code == 409
    assert beyond.json()["errors"] == {"mapping": ["The file has no column 7."]}
