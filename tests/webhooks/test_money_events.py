"""The money events of the payments work reach webhooks: a refund, a correction and a void send
the payment as the payments API shows it; an overdue instalment sends its booking."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from crm.bookings import payments as payment_services
from crm.bookings import schedules
from crm.bookings import services as booking_services
from crm.clients import services as client_services
from crm.webhooks.catalogue import FROM_ACTIVITY, TYPES
from tests.webhooks.conftest import make_endpoint

pytestmark = pytest.mark.django_db


def bodies(receiver, event_type):
    found = [json.loads(request.body) for request in receiver.requests]
    return [body for body in found if body["type"] == event_type]


def api_get(client, token, path):
    response = client.get(path, HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 200, response.content
    return response.json()["data"]


def test_the_money_events_are_webhook_types():
    for name in ("payment.refunded", "payment.updated", "payment.voided", "instalment.overdue"):
        assert FROM_ACTIVITY[name] == name and name in TYPES


def test_refunds_corrections_and_voids_send_the_payment_as_the_api_shows_it(
    agency, alice, alice_token, receiver, run_jobs, client
):
    _, token = alice_token
    make_endpoint(agency, alice, receiver.url)
    with run_jobs():
        ada = client_services.client_create(agency=agency, created_by=alice, name="Ada")
        booking = booking_services.booking_create(
            agency=agency, created_by=alice, client=ada, currency="EUR", total_price="900.00"
        )
        paid = payment_services.payment_record(
            booking=booking, amount=Decimal("500.00"), method="card", recorded_by=alice
        )
        refund = payment_services.payment_record(
            booking=booking, amount=Decimal("100.00"), kind="refund", recorded_by=alice
        )
    with run_jobs():
        payment_services.payment_void(payment=refund, actor=alice, reason="Typed twice")
    base = f"/api/v1/bookings/{booking.pk}/payments"
    [refunded] = bodies(receiver, "payment.refunded")
    [voided] = bodies(receiver, "payment.voided")
    assert voided["data"] == api_get(client, token, f"{base}/{refund.pk}")
    assert voided["data"]["id"] == refunded["data"]["id"] == refund.pk
    [recorded] = bodies(receiver, "payment.recorded")
    assert recorded["data"] == api_get(client, token, f"{base}/{paid.pk}")


def test_an_overdue_instalment_sends_its_booking_once(
    agency, alice, alice_token, receiver, run_jobs, client
):
    _, token = alice_token
    ada = client_services.client_create(agency=agency, created_by=alice, name="Ada")
    booking = booking_services.booking_create(
        agency=agency, created_by=alice, client=ada, currency="EUR", total_price="900.00"
    )
    late = dt.date.today() - dt.timedelta(days=3)
    [instalment] = schedules.schedule_set(
        booking=booking, instalments=[{"label": "Balance", "due_date": late, "amount": "900.00"}]
    )
    make_endpoint(agency, alice, receiver.url, event_types=["instalment.overdue"])
    with run_jobs():
        assert schedules.instalment_record_overdue(
            instalment=instalment, outstanding=Decimal("900.00")
        )
        assert not schedules.instalment_record_overdue(
            instalment=instalment, outstanding=Decimal("900.00")
        )
    [sent] = bodies(receiver, "instalment.overdue")
    assert sent["data"] == api_get(client, token, f"/api/v1/bookings/{booking.pk}")
    assert sent["data"]["schedule"]["instalments"][0]["id"] == instalment.pk


def test_a_commission_receipt_sends_commission_received_as_the_api_shows_it(
    agency, alice, alice_token, receiver, run_jobs, client
):
    from crm.bookings import booked_services
    from crm.bookings.commission import commission_receipt_record, commission_receipt_void

    _, token = alice_token
    assert FROM_ACTIVITY["commission.received"] == "commission.received"
    ada = client_services.client_create(agency=agency, created_by=alice, name="Ada")
    booking = booking_services.booking_create(
        agency=agency, created_by=alice, client=ada, currency="EUR", total_price="900.00"
    )
    service = booked_services.booking_service_add(
        booking=booking, description="Lodge", price="900.00", commission_expected="90.00"
    )
    make_endpoint(
        agency, alice, receiver.url, event_types=["commission.received", "commission.voided"]
    )
    with run_jobs():
        receipt = commission_receipt_record(service=service, amount="40.00", recorded_by=alice)
    with run_jobs():
        commission_receipt_void(receipt=receipt, actor=alice, reason="Bounced")

    [received] = bodies(receiver, "commission.received")
    [voided] = bodies(receiver, "commission.voided")
    assert received["data"]["id"] == voided["data"]["id"] == receipt.pk
    assert received["data"]["amount"] == "40.00"
    assert voided["data"] == api_get(client, token, f"/api/v1/commission-receipts/{receipt.pk}")
