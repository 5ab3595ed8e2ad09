"""The Reports page: sales, margin and commission by month (a server-drawn SVG chart with its
table), payments due in the next 30/60/90 days, overdue instalments and commission outstanding
by supplier; each section downloads as CSV (``?export=<section>``, streamed, cells escaped by
``core.csv``). Every member of the agency sees it; the figures are ``crm.bookings.reports``'."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpResponseBase, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse

from accounts.tenancy import AgencyRequest, agency_required
from core.csv import csv_response
from crm.bookings import dues, reports
from crm.dashboard.charts import Series, bar_chart

SHOWN = 50  # rows of a list on the page; the CSV has them all
EXPORTS = ("monthly", "due", "overdue", "commission")


def _params(request: AgencyRequest, today: dt.date) -> tuple[dt.date, dt.date, int]:
    first, last = reports.month_range(
        today=today,
        date_from=reports.parse_month(request.GET.get("from"), field="from"),
        date_to=reports.parse_month(request.GET.get("to"), field="to"),
    )
    days = reports.parse_days(request.GET.get("days"))
    if days not in reports.DUE_WINDOWS:
        raise ValidationError({"days": ["Choose 30, 60 or 90 days."]})
    return first, last, days


# The guard is typed for pages; this one may also answer a streamed CSV download.
@agency_required  # type: ignore[arg-type]
def reports_page(request: AgencyRequest) -> HttpResponseBase:
    agency = request.agency
    today = reports.local_today(agency.timezone)
    try:
        first, last, days = _params(request, today)
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
        return HttpResponseRedirect(reverse("reports"))
    export = request.GET.get("export")
    if export in EXPORTS:
        return _export(request, export, first=first, last=last, days=days, today=today)
    months = reports.monthly_figures(agency=agency, first=first, last=last)
    currency = agency.default_currency
    charted = [m for m in months if m.currency == currency]
    chart = bar_chart(
        [f"{m.month:%b}" + (f" {m.month:%y}" if m.month.month == 1 else "") for m in charted],
        [
            Series("Sales", "bar--sales", [m.sales for m in charted]),
            Series("Margin", "bar--margin", [m.margin for m in charted]),
            Series("Commission", "bar--commission", [m.commission_expected for m in charted]),
        ],
        names=[f"{m.month:%B %Y}" for m in charted],
        currency=currency,
    )
    due = dues.instalments_due(agency=agency, today=today, days=days)
    overdue = dues.instalments_overdue(agency=agency, today=today)
    due_rows, overdue_rows = list(due[: SHOWN + 1]), list(overdue[: SHOWN + 1])
    context: dict[str, Any] = {
        "months": months,
        "chart": chart,
        "currency": currency,
        "first": first,
        "last": last,
        "days": days,
        "windows": reports.DUE_WINDOWS,
        "totals": dues.instalment_totals(agency=agency, today=today),
        "due": due_rows[:SHOWN],
        "due_more": len(due_rows) > SHOWN,
        "overdue": overdue_rows[:SHOWN],
        "overdue_more": len(overdue_rows) > SHOWN,
        "by_supplier": reports.commission_by_supplier(agency=agency),
        "query": f"from={first:%Y-%m}&to={last:%Y-%m}&days={days}",
        "shown": SHOWN,
    }
    return render(request, "crm/reports/page.html", context)


def _instalment_rows(rows: QuerySet[Any]) -> Iterator[list[Any]]:
    for row in rows.iterator(chunk_size=500):
        yield [
            row.booking.reference,
            row.booking.client.name,
            row.label,
            row.due_date,
            row.booking.currency,
            row.amount,
            reports.cents(row.outstanding),
        ]


INSTALMENT_HEADER = ["Booking", "Client", "Instalment", "Due", "Currency", "Amount", "Unpaid"]


def _export(
    request: AgencyRequest, export: str, *, first: dt.date, last: dt.date, days: int, today: dt.date
) -> HttpResponseBase:
    agency = request.agency
    if export == "monthly":
        months = reports.monthly_figures(agency=agency, first=first, last=last)
        header = [
            "Month",
            "Currency",
            "Bookings",
            "Sales",
            "Cost",
            "Margin",
            "Commission expected",
            "Commission received",
            "Commission outstanding",
        ]
        rows = (
            [
                f"{m.month:%Y-%m}",
                m.currency,
                m.bookings,
                m.sales,
                m.cost,
                m.margin,
                m.commission_expected,
                m.commission_received,
                m.commission_outstanding,
            ]
            for m in months
        )
        return csv_response(f"sales-{first:%Y-%m}-to-{last:%Y-%m}.csv", header, rows)
    if export == "due":
        due = dues.instalments_due(agency=agency, today=today, days=days)
        return csv_response(
            f"payments-due-{days}-days.csv", INSTALMENT_HEADER, _instalment_rows(due)
        )
    if export == "overdue":
        overdue = dues.instalments_overdue(agency=agency, today=today)
        return csv_response("overdue-instalments.csv", INSTALMENT_HEADER, _instalment_rows(overdue))
    suppliers = reports.commission_by_supplier(agency=agency)
    header = ["Supplier", "Currency", "Services", "Expected", "Received", "Outstanding"]
    rows = (
        [s.supplier, s.currency, s.services, s.expected, s.received, s.outstanding]
        for s in suppliers
    )
    return csv_response("commission-by-supplier.csv", header, rows)
