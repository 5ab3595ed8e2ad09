"""``/reports/...``: the figures of the dashboard's Reports page, as JSON.

- ``/reports/monthly?from=YYYY-MM&to=YYYY-MM``: sales, cost, margin and commission by month
  (the agency's timezone; the last 12 months by default, at most 36).
- ``/reports/payments-due?days=30``: instalments falling due within ``days`` with something
  unpaid (a paginated list); ``/reports/overdue-instalments``: those past their date.
- ``/reports/commission-outstanding?month=YYYY-MM``: commission still owed, by supplier.

Every figure comes from ``crm.bookings.reports`` (aggregated in SQL, a fixed number of queries).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.models import Agency
from api.base import ApiViewMixin, TenantViewSet, envelope
from api.responses import ERRORS, enveloped
from api.serializers import Id, Money, OutputSerializer, Text
from core.filters import Filters
from crm.bookings import dues, reports
from crm.bookings.allocation import local_today
from crm.models import PaymentInstalment


def _today(agency: Agency) -> dt.date:
    return local_today(agency.timezone)


class MonthSerializer(OutputSerializer):
    month = serializers.CharField(help_text="YYYY-MM, in the agency's timezone.")
    currency = serializers.CharField()
    bookings = serializers.IntegerField(help_text="Bookings created that month, not cancelled.")
    sales = Money(help_text="Their total price.")
    cost = Money()
    margin = Money(help_text="sales - cost")
    commission_expected = Money()
    commission_received = Money()
    commission_outstanding = Money()


class MonthlyReportSerializer(serializers.Serializer):
    """One row per month and currency, every month of the range present (zeros in the agency's
    currency when nothing was sold)."""

    date_from = serializers.CharField(help_text="The first month, YYYY-MM.")
    date_to = serializers.CharField(help_text="The last month, YYYY-MM.")
    months = MonthSerializer(many=True)


# A month in a query string: the schema says what parse_month takes.
MONTH = {"type": "string", "pattern": reports.MONTH_PATTERN}


def _month(day: dt.date | None) -> str | None:
    return None if day is None else f"{day:%Y-%m}"


class MonthlyReportView(ApiViewMixin, APIView):
    response_serializer = MonthlyReportSerializer

    @extend_schema(
        summary="Sales, margin and commission by month",
        parameters=[
            OpenApiParameter("from", MONTH, description="YYYY-MM (11 months before `to`)"),
            OpenApiParameter(
                "to",
                MONTH,
                description="YYYY-MM (this month; with `from` alone, at most 36 months from "
                "it). With both, `from` on or before `to` and at most 36 months: a 422 "
                "otherwise (an order between two values, which a schema cannot state).",
            ),
        ],
        responses={
            200: enveloped(MonthlyReportSerializer),
            **{c: ERRORS[c] for c in (401, 422, 429)},
        },
    )
    def get(self, request: Request) -> Response:
        agency = request.auth.user.agency
        first, last = reports.month_range(
            today=_today(agency),
            date_from=reports.parse_month(request.query_params.get("from"), field="from"),
            date_to=reports.parse_month(request.query_params.get("to"), field="to"),
        )
        rows = reports.monthly_figures(agency=agency, first=first, last=last)
        months = [
            {
                "month": _month(row.month),
                "currency": row.currency,
                "bookings": row.bookings,
                **{
                    name: str(getattr(row, name))
                    for name in (
                        "sales",
                        "cost",
                        "margin",
                        "commission_expected",
                        "commission_received",
                        "commission_outstanding",
                    )
                },
            }
            for row in rows
        ]
        return envelope({"date_from": _month(first), "date_to": _month(last), "months": months})


class SupplierCommissionSerializer(OutputSerializer):
    supplier_id = Id(allow_null=True, help_text="Null: services without a supplier.")
    supplier = serializers.CharField()
    currency = serializers.CharField()
    services = serializers.IntegerField(help_text="Services with commission outstanding.")
    expected = Money()
    received = Money()
    outstanding = Money()


class CommissionReportSerializer(serializers.Serializer):
    """Commission still owed, by supplier (and currency), largest first."""

    month = serializers.CharField(allow_null=True, help_text="The month asked for, if any.")
    suppliers = SupplierCommissionSerializer(many=True)


class CommissionReportView(ApiViewMixin, APIView):
    response_serializer = CommissionReportSerializer

    @extend_schema(
        summary="Commission outstanding by supplier",
        parameters=[
            OpenApiParameter("month", MONTH, description="YYYY-MM: services travelling that month")
        ],
        responses={
            200: enveloped(CommissionReportSerializer),
            **{c: ERRORS[c] for c in (401, 422, 429)},
        },
    )
    def get(self, request: Request) -> Response:
        agency = request.auth.user.agency
        month = reports.parse_month(request.query_params.get("month"), field="month")
        rows = reports.commission_by_supplier(agency=agency, month=month)
        return envelope(
            {"month": _month(month), "suppliers": SupplierCommissionSerializer.represent_many(rows)}
        )


class InstalmentDueSerializer(OutputSerializer):
    """An instalment with something unpaid; `outstanding` is what the booking's payments leave
    of it (allocated in due-date order)."""

    id = Id()
    booking_id = Id()
    booking_reference = serializers.CharField(source="booking.reference")
    client_id = Id(source="booking.client_id")
    client = serializers.CharField(source="booking.client.name")
    label = Text()  # type: ignore[assignment]
    due_date = serializers.DateField()
    amount = Money()
    outstanding = Money()
    currency = serializers.CharField(source="booking.currency")


def _due(*, agency: Agency, filters: Filters = None) -> QuerySet[PaymentInstalment]:
    days = reports.parse_days((filters or {}).get("days"))
    return dues.instalments_due(agency=agency, today=_today(agency), days=days)


def _overdue(*, agency: Agency, filters: Filters = None) -> QuerySet[PaymentInstalment]:
    return dues.instalments_overdue(agency=agency, today=_today(agency))


class _InstalmentReport(TenantViewSet):
    model = PaymentInstalment
    output_serializer = InstalmentDueSerializer
    filter_backends: list[Any] = []
    http_method_names = ["get", "head", "options"]


class PaymentsDueViewSet(_InstalmentReport):
    """Instalments falling due from today to today + `days` (30 by default, at most 366) with
    something unpaid, on live bookings, soonest first."""

    resource = "payment_due"
    list_selector = _due

    @extend_schema(
        summary="Payments due in the next days",
        parameters=[
            OpenApiParameter(
                "days",
                {"type": "integer", "minimum": 1, "maximum": reports.MAX_DAYS},
                description="1 to 366; 30 by default",
            )
        ],
    )
    def list(self, request: Request, **parent: Any) -> Response:
        return super().list(request, **parent)


class OverdueInstalmentsViewSet(_InstalmentReport):
    """Instalments past their due date with something unpaid, on live bookings, oldest first."""

    resource = "overdue_instalment"
    list_selector = _overdue

    @extend_schema(summary="Overdue instalments")
    def list(self, request: Request, **parent: Any) -> Response:
        return super().list(request, **parent)
