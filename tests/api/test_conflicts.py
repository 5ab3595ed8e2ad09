"""A well-formed request that the record's current state refuses is a 409 (``core.errors
.Conflict``), with the same ``errors`` a 422 has; a 422 stays for input that is wrong whatever
the state (#19: the schema describes the input, the 409 the state). Every write operation
documents the 409."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import orjson
import pytest

from crm.bookings import payments
from crm.models import Booking, Payment, Supplier
from tests.api.conftest import Api
from tests.factories import BookingFactory, ClientFactory, ProposalFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def booking(agency) -> Booking:
    return BookingFactory(
        client=ClientFactory(agency=agency),
        total_price=Decimal("1000.00"),
        currency="GBP",
        start_date=dt.date(2027, 6, 1),
        end_date=dt.date(2027, 6, 10),
    )


def assert_conflict(response, field: str, words: str) -> None:
    assert response.status_code == 409, response.content
    body = response.json()
    assert words in body["errors"][field][0]
    assert body["message"] == body["errors"][field][0]  # the refusal itself, not a generic line


def test_a_voided_payment_that_would_change_is_a_409(api: Api, booking):
    payment = payments.payment_record(booking=booking, amount=Decimal("100"))
    url = f"/bookings/{booking.pk}/payments/{payment.pk}"
    assert api.post(f"{url}/void", {"reason": "bounced"}).status_code == 200
    assert_conflict(api.post(f"{url}/void", {"reason": "again"}), "payment", "already voided")
    changed = api.patch(url, {"amount": "150.00", "reason": "typo"})
    assert_conflict(changed, "payment", "voided")
    assert Payment.objects.get(pk=payment.pk).amount == Decimal("100.00")


def test_a_payment_in_another_currency_is_a_409_while_a_bad_amount_stays_a_422(api: Api, booking):
    url = f"/bookings/{booking.pk}/payments"
    other = api.post(url, {"amount": "10.00", "currency": "EUR"})
    assert_conflict(other, "currency", "GBP")
    assert api.post(url, {"amount": "-10.00"}).status_code == 422
    assert not Payment.objects.exists()


def test_a_status_step_off_the_lifecycle_is_a_409_and_an_unknown_status_a_422(api: Api, agency):
    booking = BookingFactory(client=ClientFactory(agency=agency), status="confirmed")
    assert_conflict(api.patch(f"/bookings/{booking.pk}", {"status": "pending"}), "status", "")
    assert api.patch(f"/bookings/{booking.pk}", {"status": "lost"}).status_code == 422
    booking.refresh_from_db()
    assert booking.status == "confirmed"


def test_a_supplier_name_taken_is_a_409(api: Api):
    assert api.post("/suppliers", {"name": "LATAM", "type": "airline"}).status_code == 201
    again = api.post("/suppliers", {"name": "latam", "type": "airline"})
    assert_conflict(again, "name", "already has a supplier")
    assert Supplier.objects.count() == 1


def test_an_idempotency_key_used_again_with_another_body_is_a_409(api: Api, agency):
    headers = {"Idempotency-Key": "order-77"}
    first = api.post("/clients", {"name": "Ana Lima"}, headers=headers)
    assert first.status_code == 201
    second = api.post("/clients", {"name": "Bruno Díaz"}, headers=headers)
    assert_conflict(second, "Idempotency-Key", "different request body")


def test_a_certificate_before_the_signature_is_a_409(api: Api, agency):
    proposal = ProposalFactory(client=ClientFactory(agency=agency))
    response = api.get(f"/proposals/{proposal.pk}/certificate")
    assert_conflict(response, "acceptance", "not signed")


def test_every_write_operation_documents_the_409(anonymous: Api):
    response = anonymous.get(
        "/api/v1/schema", headers={"Accept": "application/vnd.oai.openapi+json"}
    )
    schema = orjson.loads(response.content)
    writes = [
        (path, method, operation)
        for path, item in schema["paths"].items()
        for method, operation in item.items()
        if method in ("post", "put", "patch", "delete")
    ]
    assert len(writes) > 50
    missing = [f"{m.upper()} {path}" for path, m, op in writes if "409" not in op["responses"]]
    assert missing == []
    conflict = schema["components"]["schemas"]["Conflict"]
    assert conflict["required"] == ["message"]  # errors too, but not while a key is in progress
    assert "errors" in conflict["properties"]


def test_a_payment_never_deleted_does_not_offer_delete(api: Api, booking):
    payment = payments.payment_record(booking=booking, amount=Decimal("100"))
    url = f"/bookings/{booking.pk}/payments/{payment.pk}"
    response = api.request("OPTIONS", url)
    assert response.status_code in (200, 204)
    assert "PATCH" in response["Allow"] and "DELETE" not in response["Allow"]
    assert api.delete(url).status_code == 405  # still answered, pointing at void
