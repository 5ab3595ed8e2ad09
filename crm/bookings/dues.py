"""Reads of what clients owe: instalments due and overdue, and their totals. An instalment's
unpaid part is what the booking's payments leave of it, allocated in due-date order exactly as
``allocation.allocate`` does, on live bookings (pending or confirmed, not archived); each read
is one query (``reports`` holds the other money reads)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import F, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Greatest, Least

from accounts.models import Agency
from crm.bookings.models import BookingStatus, PaymentInstalment
from crm.bookings.reports import DUE_WINDOWS, MAX_DAYS, MONEY_FIELD, ZERO, cents

# Instalments due and overdue ------------------------------------------------------------------

# What the lists show of each row (the API, the Reports page and its CSV alike): reading only
# these keeps a page of 50 rows from decoding ~60 columns of bookings and clients it never shows.
SHOWN_COLUMNS = (
    "id", "agency_id", "booking_id", "position", "label", "due_date", "amount",
    "booking__id", "booking__agency_id", "booking__reference", "booking__currency",
    "booking__amount_paid", "booking__client_id", "booking__client__id",
    "booking__client__agency_id", "booking__client__name",
)  # fmt: skip


def _with_outstanding(agency: Agency) -> QuerySet[PaymentInstalment]:
    """Live bookings' instalments annotated ``outstanding``: min(amount, max(0, the amounts
    due up to and including this one - the booking's paid amount)), which is what
    ``allocation.allocate`` leaves unpaid of it."""
    up_to_here = (
        PaymentInstalment.objects.filter(
            agency_id=OuterRef("agency_id"), booking_id=OuterRef("booking_id")
        )
        .filter(
            Q(due_date__lt=OuterRef("due_date"))
            | Q(due_date=OuterRef("due_date"), position__lt=OuterRef("position"))
            | Q(
                due_date=OuterRef("due_date"), position=OuterRef("position"), id__lte=OuterRef("id")
            )
        )
        .values("booking_id")
        .annotate(total=Sum("amount"))
        .values("total")
    )
    zero = Value(ZERO, output_field=MONEY_FIELD)
    unpaid = Subquery(up_to_here, output_field=MONEY_FIELD) - F("booking__amount_paid")
    return (
        PaymentInstalment.objects.for_agency(agency)
        .filter(booking__status__in=[BookingStatus.PENDING, BookingStatus.CONFIRMED])
        .filter(booking__archived_at__isnull=True)
        .annotate(outstanding=Least(F("amount"), Greatest(unpaid, zero), output_field=MONEY_FIELD))
        .filter(outstanding__gt=0)
    )


def instalments_due(*, agency: Agency, today: dt.date, days: int) -> QuerySet[PaymentInstalment]:
    """Instalments falling due from ``today`` to ``today + days`` with something unpaid, with
    their booking and client, soonest first; one query."""
    if not 1 <= days <= MAX_DAYS:
        raise ValidationError({"days": [f"A number of days from 1 to {MAX_DAYS}."]})
    return (
        _with_outstanding(agency)
        .filter(due_date__gte=today, due_date__lte=today + dt.timedelta(days=days))
        # The bookings' agency too (the same rows): without it PostgreSQL hashed every agency's
        # live bookings to join a few hundred instalments (14 -> 2.6 ms at 1M). The overdue
        # list is better without it: it walks the due-date index and stops after a page.
        .filter(booking__agency=agency)
        .select_related("booking", "booking__client")
        .only(*SHOWN_COLUMNS)
        .order_by("due_date", "booking__reference", "position", "id")
    )


def instalments_overdue(*, agency: Agency, today: dt.date) -> QuerySet[PaymentInstalment]:
    """Instalments past their due date with something unpaid, oldest first; one query."""
    return (
        _with_outstanding(agency)
        .filter(due_date__lt=today)
        .select_related("booking", "booking__client")
        .only(*SHOWN_COLUMNS)
        .order_by("due_date", "booking__reference", "position", "id")
    )


@dataclass(frozen=True)
class DueTotals:
    currency: str
    overdue: Decimal
    windows: dict[int, Decimal]  # days -> unpaid falling due within them (from today)


def instalment_totals(*, agency: Agency, today: dt.date) -> list[DueTotals]:
    """Per currency: what is overdue, and what falls due within 30, 60 and 90 days; one query.

    Payments go to the instalments in due-date order, so what a booking leaves unpaid of its
    instalments due by a date is max(0, their sum - paid): overdue is that before today, and
    the unpaid falling due within d days is that by today + d minus the overdue. The bookings'
    sums are the ORM's (scoped to the agency); the sum over bookings, per currency, wraps them.
    """
    zero = Value(ZERO, output_field=MONEY_FIELD)
    by = {days: today + dt.timedelta(days=days) for days in DUE_WINDOWS}
    per_booking = (
        PaymentInstalment.objects.for_agency(agency)
        .filter(booking__status__in=[BookingStatus.PENDING, BookingStatus.CONFIRMED])
        # The bookings' agency too (the same rows): PostgreSQL then hashes the agency's live
        # bookings, not every agency's (25 -> 22 ms at 1M).
        .filter(booking__agency=agency)
        .filter(booking__archived_at__isnull=True, due_date__lte=by[max(DUE_WINDOWS)])
        .values("booking_id")
        .annotate(
            cur=F("booking__currency"),
            paid=F("booking__amount_paid"),
            due_before=Sum("amount", filter=Q(due_date__lt=today), default=zero),
            **{
                f"due_by_{days}": Sum("amount", filter=Q(due_date__lte=day), default=zero)
                for days, day in by.items()
            },
        )
        .order_by()
    )
    inner, params = per_booking.query.sql_with_params()
    q = connection.ops.quote_name

    def unpaid(column: str) -> str:
        return f"SUM(CASE WHEN {q(column)} > {q('paid')} THEN {q(column)} - {q('paid')} ELSE 0 END)"

    columns = ", ".join(unpaid(f"due_by_{days}") for days in DUE_WINDOWS)
    sql = (
        f"SELECT {q('cur')}, {unpaid('due_before')}, {columns} "
        f"FROM ({inner}) per_booking GROUP BY {q('cur')} ORDER BY {q('cur')}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    totals = []
    for currency, before, *windows in rows:
        overdue = cents(before)
        totals.append(
            DueTotals(
                currency=currency,
                overdue=overdue,
                windows={
                    days: cents(value) - overdue
                    for days, value in zip(DUE_WINDOWS, windows, strict=True)
                },
            )
        )
    return [t for t in totals if t.overdue or any(t.windows.values())]
