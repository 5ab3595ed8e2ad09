"""Reads of the agency's money: commission outstanding and received, sales, margin and
commission by month, payments due and overdue. Every figure is aggregated in SQL (GROUP BY)
from the derived columns ``financials.booking_recompute`` writes, in a fixed number of queries
whatever the agency holds; months are the agency's (its timezone).

- **Sales** of a month: the bookings created that month (the sale), cancelled ones left out,
  archived ones in (money is money); their total, cost, margin and commission.
- **Commission outstanding**: services not cancelled, on bookings not cancelled, whose
  commission expected is above what was received; a service's month is its start date's (its
  booking's when it has none).
- **Instalments** due or overdue: what the booking's payments leave unpaid of each, allocated in
  due-date order exactly as ``allocation.allocate`` does, on live bookings (pending or
  confirmed, not archived).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import (
    Count,
    DecimalField,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, Greatest, Least, TruncMonth

from accounts.models import Agency
from core.filters import Filters, apply_filters
from core.money import MONEY
from core.validation import parse_int
from crm.bookings.allocation import local_today
from crm.bookings.filters import CommissionReceiptFilter
from crm.bookings.models import (
    Booking,
    BookingService,
    BookingStatus,
    CommissionReceipt,
    PaymentInstalment,
    ServiceStatus,
)

__all__ = ["local_today"]  # re-exported for the layers above: today where the agency works
CENT = Decimal("0.01")
ZERO = Decimal("0.00")
DUE_WINDOWS = (30, 60, 90)
MAX_DAYS = 366
MAX_MONTHS = 36
_MONEY: DecimalField[Decimal, Decimal] = DecimalField(**MONEY)


def cents(value: object) -> Decimal:
    # SQLite sums decimals in floating point: back to cents.
    return Decimal(str(value or 0)).quantize(CENT)


def agency_zone(agency: Agency) -> ZoneInfo:
    try:
        return ZoneInfo(agency.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def next_month(day: dt.date) -> dt.date:
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def parse_month(value: str | None, *, field: str) -> dt.date | None:
    """``YYYY-MM`` (or a date, whose month it is) as the month's first day; None when empty."""
    text = (value or "").strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text if len(text) > 7 else f"{text}-01").replace(day=1)
    except ValueError:
        raise ValidationError({field: ["Enter a month as YYYY-MM, e.g. 2026-06."]}) from None


def parse_days(value: str | None, *, default: int = DUE_WINDOWS[0]) -> int:
    """A number of days ahead typed in a query string (1 to 366); ``default`` when empty."""
    text = (value or "").strip()
    if not text:
        return default
    days = parse_int(text, maximum=MAX_DAYS)
    if not days:
        raise ValidationError({"days": [f"A number of days from 1 to {MAX_DAYS}."]})
    return days


def parse_id(value: str | None, *, field: str) -> int | None:
    text = (value or "").strip()
    if not text:
        return None
    number = parse_int(text)
    if number is None:
        raise ValidationError({field: ["Enter a whole number."]})
    return number


# Commission -----------------------------------------------------------------------------------


def commission_receipt_list(*, agency: Agency, filters: Filters = None) -> QuerySet:
    """The agency's commission receipts, newest first, voided ones included."""
    receipts = CommissionReceipt.objects.for_agency(agency).select_related(
        "booking", "service", "supplier"
    )
    return apply_filters(CommissionReceiptFilter, receipts, filters)


def commission_receipt_get(*, agency: Agency, commission_receipt_id: int) -> CommissionReceipt:
    """``DoesNotExist`` for another agency's receipt, as for a missing one."""
    return (
        CommissionReceipt.objects.for_agency(agency)
        .select_related("booking", "booking__agency", "service", "service__booking", "supplier")
        .get(pk=commission_receipt_id)
    )


def _owed(agency: Agency) -> QuerySet[Any]:
    # QuerySet[Any]: the ``month`` and ``outstanding`` annotations are filtered on below.
    return (
        BookingService.objects.for_agency(agency)
        .exclude(status=ServiceStatus.CANCELLED)
        .exclude(booking__status=BookingStatus.CANCELLED)
        .filter(commission_expected__gt=F("commission_received"))
        .annotate(
            outstanding=F("commission_expected") - F("commission_received"),
            month=TruncMonth(Coalesce("start_date", "booking__start_date")),
        )
    )


def commission_outstanding_services(
    *, agency: Agency, supplier_id: int | None = None, month: dt.date | None = None
) -> QuerySet[Any]:
    """The services with commission outstanding (annotated ``outstanding`` and ``month``),
    with their booking, client and supplier, by month then booking; one query."""
    services = _owed(agency).select_related("booking", "booking__client", "supplier")
    if supplier_id is not None:
        services = services.filter(supplier_id=supplier_id)
    if month is not None:
        services = services.filter(month=month)
    return services.order_by(F("month").asc(nulls_last=True), "booking__reference", "position")


@dataclass(frozen=True)
class SupplierCommission:
    supplier_id: int | None
    supplier: str
    currency: str
    services: int
    expected: Decimal
    received: Decimal
    outstanding: Decimal


def commission_by_supplier(
    *, agency: Agency, month: dt.date | None = None
) -> list[SupplierCommission]:
    """Outstanding commission per supplier (and currency), largest first; one query."""
    rows = _owed(agency)
    if month is not None:
        rows = rows.filter(month=month)
    grouped = (
        rows.values("supplier_id", "supplier__name", "currency")
        .annotate(
            n=Count("id"),
            expected=Sum("commission_expected"),
            received=Sum("commission_received"),
            owed=Sum("outstanding"),
        )
        .order_by("-owed", "supplier__name", "currency")
    )
    return [
        SupplierCommission(
            supplier_id=row["supplier_id"],
            supplier=row["supplier__name"] or "(no supplier)",
            currency=row["currency"],
            services=row["n"],
            expected=cents(row["expected"]),
            received=cents(row["received"]),
            outstanding=cents(row["owed"]),
        )
        for row in grouped
    ]


@dataclass(frozen=True)
class MonthCommission:
    month: dt.date | None  # None: services without any date
    currency: str
    services: int
    outstanding: Decimal


def commission_by_month(*, agency: Agency, supplier_id: int | None = None) -> list[MonthCommission]:
    """Outstanding commission per month of travel (and currency), oldest first; one query."""
    rows = _owed(agency)
    if supplier_id is not None:
        rows = rows.filter(supplier_id=supplier_id)
    grouped = (
        rows.values("month", "currency")
        .annotate(n=Count("id"), owed=Sum("outstanding"))
        .order_by(F("month").asc(nulls_last=True), "currency")
    )
    return [
        MonthCommission(
            month=row["month"],
            currency=row["currency"],
            services=row["n"],
            outstanding=cents(row["owed"]),
        )
        for row in grouped
    ]


# Sales, margin and commission by month --------------------------------------------------------


@dataclass(frozen=True)
class MonthFigures:
    month: dt.date
    currency: str
    bookings: int
    sales: Decimal
    cost: Decimal
    commission_expected: Decimal
    commission_received: Decimal

    @property
    def margin(self) -> Decimal:
        return self.sales - self.cost

    @property
    def commission_outstanding(self) -> Decimal:
        return self.commission_expected - self.commission_received


def month_range(
    *, today: dt.date, date_from: dt.date | None, date_to: dt.date | None
) -> tuple[dt.date, dt.date]:
    """The months asked for (first days, inclusive); the last 12 months by default."""
    last = month_start(date_to or today)
    first = month_start(date_from) if date_from else month_start(last - dt.timedelta(days=334))
    if first > last:
        raise ValidationError({"from": ["`from` is a month on or before `to`."]})
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if months > MAX_MONTHS:
        raise ValidationError({"from": [f"At most {MAX_MONTHS} months at a time."]})
    return first, last


def monthly_figures(*, agency: Agency, first: dt.date, last: dt.date) -> list[MonthFigures]:
    """Sales, cost, margin and commission per month from ``first`` to ``last`` (first days),
    every month present (zeros in the agency's currency when nothing was sold); one query."""
    zone = agency_zone(agency)
    start = dt.datetime.combine(first, dt.time.min, tzinfo=zone)
    end = dt.datetime.combine(next_month(last), dt.time.min, tzinfo=zone)
    grouped = (
        Booking.objects.for_agency(agency)
        .exclude(status=BookingStatus.CANCELLED)
        .filter(created_at__gte=start, created_at__lt=end)
        .annotate(month=TruncMonth("created_at", tzinfo=zone))
        .values("month", "currency")
        .annotate(
            n=Count("id"),
            sales=Sum("total_price"),
            cost=Sum("total_cost"),
            expected=Sum("commission_expected"),
            received=Sum("commission_received"),
        )
        .order_by("month", "currency")
    )
    found: dict[tuple[dt.date, str], MonthFigures] = {}
    for row in grouped:
        month = row["month"]
        month = month.date() if isinstance(month, dt.datetime) else month
        found[(month, row["currency"])] = MonthFigures(
            month=month,
            currency=row["currency"],
            bookings=row["n"],
            sales=cents(row["sales"]),
            cost=cents(row["cost"]),
            commission_expected=cents(row["expected"]),
            commission_received=cents(row["received"]),
        )
    out: list[MonthFigures] = []
    month = first
    while month <= last:
        rows = [found[key] for key in sorted(found) if key[0] == month]
        out.extend(
            rows or [MonthFigures(month, agency.default_currency, 0, ZERO, ZERO, ZERO, ZERO)]
        )
        month = next_month(month)
    return out


# Instalments due and overdue ------------------------------------------------------------------


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
    zero = Value(ZERO, output_field=_MONEY)
    unpaid = Subquery(up_to_here, output_field=_MONEY) - F("booking__amount_paid")
    return (
        PaymentInstalment.objects.for_agency(agency)
        .filter(booking__status__in=[BookingStatus.PENDING, BookingStatus.CONFIRMED])
        .filter(booking__archived_at__isnull=True)
        .annotate(outstanding=Least(F("amount"), Greatest(unpaid, zero), output_field=_MONEY))
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
        .select_related("booking", "booking__client")
        .order_by("due_date", "booking__reference", "position", "id")
    )


def instalments_overdue(*, agency: Agency, today: dt.date) -> QuerySet[PaymentInstalment]:
    """Instalments past their due date with something unpaid, oldest first; one query."""
    return (
        _with_outstanding(agency)
        .filter(due_date__lt=today)
        .select_related("booking", "booking__client")
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
    zero = Value(ZERO, output_field=_MONEY)
    by = {days: today + dt.timedelta(days=days) for days in DUE_WINDOWS}
    per_booking = (
        PaymentInstalment.objects.for_agency(agency)
        .filter(booking__status__in=[BookingStatus.PENDING, BookingStatus.CONFIRMED])
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
