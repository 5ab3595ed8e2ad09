"""Reads of bookings, scoped to the agency."""

from __future__ import annotations

import datetime as dt

from django.db.models import F, Prefetch, QuerySet
from django.utils import timezone

from accounts.models import Agency
from core.filters import Filters, apply_filters, hide_archived
from crm.bookings.filters import BookingFilter, PaymentFilter, with_due_before_today
from crm.bookings.models import Booking, BookingService, Payment
from crm.bookings.payments import agency_today


def booking_list(*, agency: Agency, filters: Filters = None) -> QuerySet[Booking]:
    """The agency's bookings; archived ones only when ``filters`` ask (``archived=true|only``)."""
    bookings = hide_archived(Booking.objects.for_agency(agency), filters)
    if (filters or {}).get("overdue"):
        bookings = with_due_before_today(bookings, today=agency_today(agency))
    return apply_filters(BookingFilter, bookings, filters).select_related("supplier")


def _services() -> Prefetch:
    return Prefetch(
        "services",
        queryset=BookingService.objects.select_related("supplier").order_by("position", "id"),
    )


def booking_get(*, agency: Agency, booking_id: int) -> Booking:
    """The booking with its client, supplier, services (and their suppliers) and payments, in
    a constant number of queries whatever it holds."""
    return (
        Booking.objects.for_agency(agency)
        .select_related("agency", "client", "proposal", "itinerary", "archived_by", "supplier")
        .prefetch_related(_services(), "payments", "instalments", "named_travellers")
        .get(pk=booking_id)
    )


def booking_detail(*, agency: Agency, booking_id: int) -> Booking:
    """The booking as the API's detail shows it: its services (and their suppliers), schedule,
    payments and named travellers, and of its relations only the two it reads, the agency (the
    schedule's today is the agency's) and the supplier (its name); the client, proposal and
    itinerary are shown as ids, read off the row. Joining those too (``booking_get``, for the
    pages that show them) made PostgreSQL plan a 7-table join on every request: 3-4.5 ms of
    planning for 0.2 ms of execution at 1M clients (bench/README.md)."""
    return (
        Booking.objects.for_agency(agency)
        .select_related("agency", "supplier")
        .prefetch_related(_services(), "payments", "instalments", "named_travellers")
        .get(pk=booking_id)
    )


def booking_service_list(*, agency: Agency, booking_id: int) -> QuerySet[BookingService]:
    """A booking's services in order (the booking already found in the agency)."""
    return (
        BookingService.objects.for_agency(agency)
        .filter(booking_id=booking_id)
        .select_related("supplier")
        .order_by("position", "id")
    )


def booking_service_get(*, agency: Agency, booking_id: int, service_id: int) -> BookingService:
    """``DoesNotExist`` for another agency's or another booking's service alike."""
    return (
        BookingService.objects.for_agency(agency)
        .select_related("supplier", "booking", "booking__agency")
        .get(pk=service_id, booking_id=booking_id)
    )


def booking_service_by_id(*, agency: Agency, service_id: int) -> BookingService:
    """A service of the agency by its id alone (the commission page), with its booking and
    supplier; ``DoesNotExist`` for another agency's."""
    return (
        BookingService.objects.for_agency(agency)
        .select_related("supplier", "booking", "booking__agency")
        .get(pk=service_id)
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
        .select_related("client", "supplier")
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
