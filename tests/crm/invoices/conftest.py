"""A booking worth invoicing: two services, a two-instalment schedule, one payment."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from crm.bookings import booked_services, payments, schedules
from crm.models import Booking
from tests.factories import BookingFactory, ClientFactory


@pytest.fixture
def booking(agency, alice) -> Booking:
    client = ClientFactory(agency=agency, name="Ada Lovelace", email="ada@example.com")
    booking = BookingFactory(client=client, reference="BK-ADA1", total_price=Decimal("0.00"))
    booked_services.booking_service_add(
        booking=booking,
        created_by=alice,
        description="Hotel Aurora, 3 nights",
        kind="hotel",
        price=Decimal("900.00"),
        cost=Decimal("700.00"),
    )
    booked_services.booking_service_add(
        booking=booking,
        created_by=alice,
        description="Whale watching",
        kind="activity",
        price=Decimal("350.50"),
        cost=Decimal("300.00"),
    )
    booking.refresh_from_db()
    schedules.schedule_set(
        booking=booking,
        instalments=[
            {"label": "Deposit", "due_date": dt.date(2026, 12, 15), "amount": Decimal("250.50")},
            {"label": "Balance", "due_date": dt.date(2027, 2, 1), "amount": Decimal("1000.00")},
        ],
    )
    payments.payment_record(
        booking=booking, amount=Decimal("250.50"), paid_on=dt.date(2026, 11, 20)
    )
    booking.refresh_from_db()
    return booking
