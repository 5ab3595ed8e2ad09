"""What an issued document freezes: the booking's lines, totals and schedule, the client and
the agency, exactly as they were at issue. Plain JSON (strings for money and dates), so a
document reads the same in ten years whatever the booking has become since."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from crm.bookings.financials import booking_financials
from crm.bookings.models import Booking, Payment
from crm.bookings.schedules import booking_schedule
from crm.clients.models import Client
from crm.invoices.letterhead import agency_letterhead


def _money(value: Decimal) -> str:
    return f"{value:.2f}"


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _client(client: Client) -> dict[str, str]:
    return {
        "name": client.name,
        "email": client.email or "",
        "phone": client.phone or "",
        "company": client.company or "",
        "city": client.city or "",
        "country": client.country or "",
    }


def _booking(booking: Booking) -> dict[str, Any]:
    return {
        "id": booking.pk,
        "reference": booking.reference,
        "start_date": _date(booking.start_date),
        "end_date": _date(booking.end_date),
    }


def invoice_snapshot(booking: Booking, *, today: dt.date) -> dict[str, Any]:
    """The frozen content of an invoice for ``booking`` (its services, or the booking's own
    total as one line when it has none), with the schedule's states as of ``today``."""
    services = [s for s in booking.services.all() if not s.is_cancelled]
    figures = booking_financials(booking)
    if services:
        lines = [
            {
                "description": s.description,
                "kind": s.get_kind_display(),
                "start_date": _date(s.start_date),
                "end_date": _date(s.end_date),
                "amount": _money(s.price),
            }
            for s in services
        ]
    else:
        title = booking.itinerary.title if booking.itinerary else f"Booking {booking.reference}"
        lines = [
            {
                "description": title,
                "kind": "Travel",
                "start_date": _date(booking.start_date),
                "end_date": _date(booking.end_date),
                "amount": _money(figures.total_price),
            }
        ]
    schedule = booking_schedule(booking=booking, today=today)
    return {
        "agency": dict(agency_letterhead(booking.agency)),
        "client": _client(booking.client),
        "booking": _booking(booking),
        "currency": booking.currency,
        "lines": lines,
        "totals": {
            "total": _money(figures.total_price),
            "paid": _money(figures.amount_paid),
            "balance_due": _money(figures.balance_due),
            "credit": _money(figures.credit_balance),
        },
        "schedule": [
            {
                "label": row.label,
                "due_date": _date(row.due_date),
                "amount": _money(row.amount),
                "paid": _money(row.paid),
                "state": row.state,
            }
            for row in schedule.instalments
        ],
    }


def receipt_snapshot(payment: Payment, booking: Booking) -> dict[str, Any]:
    """The frozen content of a receipt for ``payment`` (money received against ``booking``)."""
    figures = booking_financials(booking)
    return {
        "agency": dict(agency_letterhead(booking.agency)),
        "client": _client(booking.client),
        "booking": _booking(booking),
        "currency": payment.currency,
        "payment": {
            "id": payment.pk,
            "amount": _money(payment.amount),
            "paid_on": _date(payment.paid_on),
            "method": payment.get_method_display() if payment.method else "",
            "reference": payment.reference,
        },
        "totals": {
            "total": _money(figures.total_price),
            "paid": _money(figures.amount_paid),
            "balance_due": _money(figures.balance_due),
            "credit": _money(figures.credit_balance),
        },
    }
