"""Reads of bookings, scoped to the agency."""

from __future__ import annotations

import datetime as dt

from django.db.models import F, QuerySet
from django.utils import timezone

from accounts.models import Agency
from core.filters import Filters, apply_filters, hide_archived
from crm.bookings.filters import BookingFilter
from crm.bookings.models import Booking


def booking_list(*, agency: Agency, filters: Filters = None) -> QuerySet[Booking]:
    """The agency's bookings; archived ones only when ``filters`` ask (``archived=true|only``)."""
    bookings = hide_archived(Booking.objects.for_agency(agency), filters)
    return apply_filters(BookingFilter, bookings, filters)


def booking_get(*, agency: Agency, booking_id: int) -> Booking:
    return (
        Booking.objects.for_agency(agency)
        .select_related("client", "proposal", "itinerary", "archived_by")
        .prefetch_related("payments")
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
