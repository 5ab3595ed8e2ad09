"""amount_paid is read-only in the API: it is the sum of the booking's payments, and a write
that sends it is a 422 that says so (it used to be saved, against the payments)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from crm.bookings.services import payment_record
from crm.models import Booking
from tests.api.conftest import Api
from tests.factories import BookingFactory, ClientFactory

DERIVED = ["Derived from the booking's payments: record a payment to change it."]


@pytest.fixture
def booking(agency) -> Booking:
    booking = BookingFactory(client=ClientFactory(agency=agency), amount_paid=Decimal("0"))
    payment_record(booking=booking, amount=Decimal("100"))
    return booking


@pytest.mark.parametrize("method", ["PATCH", "PUT"])
def test_writing_amount_paid_is_a_422_and_changes_nothing(api: Api, booking, method):
    before = Booking.objects.filter(pk=booking.pk).values().get()
    body = {"client_id": booking.client_id, "notes": "x", "amount_paid": "900.00"}
    response = api.request(method, f"/bookings/{booking.pk}", body)
    assert response.status_code == 422
    assert response.json() == {"message": "Validation failed.", "errors": {"amount_paid": DERIVED}}
    assert Booking.objects.filter(pk=booking.pk).values().get() == before


def test_creating_with_amount_paid_is_a_422(api: Api, agency):
    client = ClientFactory(agency=agency)
    response = api.post("/bookings", {"client_id": client.pk, "amount_paid": "10"})
    assert response.status_code == 422
    assert response.json()["errors"] == {"amount_paid": DERIVED}
    assert not Booking.objects.exists()


def test_amount_paid_reads_as_the_sum_of_the_payments(api: Api, booking):
    payment_record(booking=booking, amount=Decimal("23.45"))
    data = api.get(f"/bookings/{booking.pk}").json()["data"]
    assert data["amount_paid"] == "123.45"
    assert sum(Decimal(p["amount"]) for p in data["payments"]) == Decimal("123.45")


def test_the_schema_has_no_writable_amount_paid(anonymous: Api):
    import orjson

    response = anonymous.get(
        "/api/v1/schema", headers={"Accept": "application/vnd.oai.openapi+json"}
    )
    schemas = orjson.loads(response.content)["components"]["schemas"]
    inputs = [name for name in schemas if name.startswith(("BookingInput", "PatchedBookingInput"))]
    assert inputs
    for name in inputs:
        assert "amount_paid" not in schemas[name]["properties"], name
    assert "read-only" in schemas["Booking"]["properties"]["amount_paid"]["description"]
