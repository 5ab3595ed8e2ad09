"""Reads of bookings, scoped to the agency."""

from __future__ import annotations

import datetime as dt

from django.db.models import F, QuerySet
from django.utils import timezone

from accounts.models import Agency
from core.filters import Filters, apply_filters, hide_archived
from crm.bookings.filters import BookingFilter, PaymentFilter, with_due_before_today
from crm.bookings.models import Booking, Payment
from crm.bookings.payments import agency_today


def booking_list(*, agency: Agency, filters: Filters = None) -> QuerySet[Booking]:
    """The agency's bookings; archived ones only when ``filters`` ask (``archived=true|only``)."""
    bookings = hide_archived(Booking.objects.for_agency(agency), filters)
    if (filters or {}).get("overdue"):
        bookings = with_due_before_today(bookings, today=agency_today(agency))
    return apply_filters(BookingFilter, bookings, filters)


def booking_get(*, agency: Agency, booking_id: int) -> Booking:
    return (
        Booking.objects.for_agency(agency)
        .select_related("agency", "client", "proposal", "itinerary", "archived_by")
        .prefetch_related("payments", "instalments", "named_travellers")
        .get(pk=booking_id)
    )


def bookings_with_balance_due(*, agency: Agency) -> QuerySet[Booking]:
    return (
        Booking.objects.for_agency(agency)
        .exclude(status="cancelled")
        .filter(total_price__gt=F("amount_paid"))
        .select_related("client")
        .order_by("start_date", "id")
    )


def upcoming_departures(*, agency: Agency, days: int = 30) -> QuerySet[Booking]:
    today = timezone.localdate()
    return (
        Booking.objects.for_agency(agency)
        .filter(status__in=["pending", "confirmed"], start_date__gte=today)
        .filter(start_date__lte=today + dt.timedelta(days=days))
        .select_related("client")
        .order_by("start_date", "id")
    )


def payment_list(*, agency: Agency, booking: Booking, filters: Filters = None) -> QuerySet[Payment]:
    """The booking's payments and refunds in date order, voided ones included (they stay
    listed, counting for nothing)."""
    payments = Payment.objects.for_agency(agency).filter(booking_id=booking.pk)
    return apply_filters(PaymentFilter, payments, filters)


def payment_get(*, agency: Agency, booking: Booking, payment_id: int) -> Payment:
    payment = Payment.objects.for_agency(agency).filter(booking_id=booking.pk).get(pk=payment_id)
    payment.booking = booking
    return payment
