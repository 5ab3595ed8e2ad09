"""Webhook payloads never carry a traveller's document numbers, in clear or encrypted."""

from __future__ import annotations

import datetime as dt

import pytest

from crm.bookings import services as booking_services
from crm.clients import services as client_services
from crm.clients import travellers as traveller_services
from tests.webhooks.conftest import make_endpoint

pytestmark = pytest.mark.django_db

PASSPORT = "987654321"


def test_webhook_bodies_hold_no_document_number(agency, alice, receiver, run_jobs):
    make_endpoint(agency, alice, receiver.url)
    with run_jobs():
        ada = client_services.client_create(agency=agency, created_by=alice, name="Ada")
        traveller = traveller_services.traveller_create(
            client=ada,
            created_by=alice,
            first_name="Ada",
            last_name="Byron",
            passport_number=PASSPORT,
            known_traveller_number="KTN55443322",
            passport_expires_on=dt.date(2027, 1, 1),
        )
        booking = booking_services.booking_create(
            agency=agency,
            created_by=alice,
            client=ada,
            end_date=dt.date(2026, 12, 20),
            traveller_ids=[traveller.pk],
        )
        booking_services.booking_update(booking=booking, notes="Window seats")
        traveller_services.traveller_update(traveller=traveller, passport_number="111222333")
    bodies = [request.body.decode() for request in receiver.requests]
    assert bodies, "the endpoint received the events"
    for body in bodies:
        for secret in (PASSPORT, "KTN55443322", "111222333", "gAAAAA"):
            assert secret not in body
