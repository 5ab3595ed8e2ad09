"""The booking list's filters, shared by the API and the dashboard."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import django_filters
from django.db.models import DecimalField, Exists, F, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from core.filters import ArchivedFilter, ClientLinkedFilterSet
from core.money import MONEY
from core.overrides import FastFilterSet
from crm.bookings.models import (
    Booking,
    BookingService,
    BookingStatus,
    CommissionReceipt,
    Payment,
    PaymentInstalment,
    PaymentKind,
)


class BookingFilter(ClientLinkedFilterSet):
    q = django_filters.CharFilter(method="filter_q", max_length=200)
    status = django_filters.ChoiceFilter(choices=BookingStatus.choices)
    proposal_id = django_filters.NumberFilter(field_name="proposal_id")
    itinerary_id = django_filters.NumberFilter(field_name="itinerary_id")
    reference = django_filters.CharFilter(field_name="reference", lookup_expr="iexact")
    start_date = django_filters.DateFromToRangeFilter(field_name="start_date")
    overdue = django_filters.ChoiceFilter(
        method="filter_overdue",
        choices=(("true", "Overdue"), ("false", "Not overdue")),
        help_text="true: bookings with an instalment past its due date and not paid; false: "
        "the others.",
    )
    # Travel dates: bookings whose trip (start_date to end_date, or the start date alone)
    # overlaps the range; a booking without dates matches no range.
    date_from = django_filters.DateFilter(method="filter_date_from")
    date_to = django_filters.DateFilter(method="filter_date_to")
    # The consultant: the client's assigned agent, or whoever created the booking when the
    # client has none.
    consultant_id = django_filters.NumberFilter(method="filter_consultant")
    # A supplier of the booking itself or of any of its services.
    supplier_id = django_filters.NumberFilter(method="filter_supplier")
    # true: something is still owed (total above the paid amount); false: nothing is.
    balance_due = django_filters.BooleanFilter(method="filter_balance_due")
    departing_within = django_filters.NumberFilter(
        method="filter_departing_within",
        min_value=0,
        max_value=3660,
        help_text="Pending or confirmed bookings whose trip starts between today (the "
        "agency's) and this many days from now.",
    )
    # Archived bookings are hidden unless asked for (``true`` shows them too, ``only`` alone).
    archived = ArchivedFilter()
    sort = django_filters.OrderingFilter(
        fields=(
            ("created_at", "created_at"),
            ("start_date", "start_date"),
            ("total_price", "total_price"),
        )
    )

    class Meta:
        model = Booking
        fields: list[str] = []

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(reference__icontains=value) | Q(supplier__name__icontains=value))

    def filter_overdue(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # Payments go to instalments in due-date order, so some instalment is overdue exactly
        # when the instalments due before today add up to more than what was paid.
        overdue = Q(due_before_today__gt=F("amount_paid"))
        return queryset.filter(overdue) if value == "true" else queryset.exclude(overdue)

    def filter_date_from(self, queryset: QuerySet, name: str, value: object) -> QuerySet:
        return queryset.annotate(trip_end=Coalesce("end_date", "start_date")).filter(
            trip_end__gte=value
        )

    def filter_date_to(self, queryset: QuerySet, name: str, value: object) -> QuerySet:
        return queryset.filter(start_date__lte=value)

    def filter_consultant(self, queryset: QuerySet, name: str, value: object) -> QuerySet:
        return queryset.filter(
            Q(client__assigned_to_id=value)
            | Q(client__assigned_to__isnull=True, created_by_id=value)
        )

    def filter_supplier(self, queryset: QuerySet, name: str, value: int) -> QuerySet:
        services = BookingService.objects.filter(
            booking_id=OuterRef("pk"), agency_id=OuterRef("agency_id"), supplier_id=value
        )
        return queryset.filter(Q(supplier_id=value) | Exists(services))

    def filter_balance_due(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        if value is None:
            return queryset
        # A cancelled booking owes nothing more (what it still shows is for a refund).
        owed = Q(total_price__gt=F("amount_paid")) & ~Q(status=BookingStatus.CANCELLED)
        return queryset.filter(owed) if value else queryset.exclude(owed)

    def filter_departing_within(self, queryset: QuerySet, name: str, value: Decimal) -> QuerySet:
        if value is None:
            return queryset
        today = timezone.localdate()
        return queryset.filter(
            status__in=[BookingStatus.PENDING, BookingStatus.CONFIRMED],
            start_date__gte=today,
            start_date__lte=today + dt.timedelta(days=int(value)),
        )


def with_due_before_today(queryset: QuerySet[Booking], *, today: dt.date) -> QuerySet[Booking]:
    """Alias ``due_before_today``: the booking's instalments due before ``today`` (the
    agency's), summed; 0 without a schedule. The ``overdue`` filter reads it."""
    due = (
        PaymentInstalment.objects.filter(
            agency_id=OuterRef("agency_id"), booking_id=OuterRef("pk"), due_date__lt=today
        )
        .values("booking_id")
        .annotate(total=Sum("amount"))
        .values("total")
    )
    zero = Value(Decimal("0.00"), output_field=DecimalField(**MONEY))
    return queryset.alias(due_before_today=Coalesce(Subquery(due), zero))


class PaymentFilter(FastFilterSet):
    """A booking's payments: by kind, by whether voided, by date received."""

    kind = django_filters.ChoiceFilter(choices=PaymentKind.choices)
    voided = django_filters.BooleanFilter(
        field_name="voided_at", lookup_expr="isnull", exclude=True
    )
    paid_on = django_filters.DateFromToRangeFilter(field_name="paid_on")

    class Meta:
        model = Payment
        fields: list[str] = []


class CommissionReceiptFilter(FastFilterSet):
    """Commission receipts: by supplier, booking or service, by date received (``date_from``,
    ``date_to``, inclusive), by whether voided."""

    supplier_id = django_filters.NumberFilter(field_name="supplier_id")
    booking_id = django_filters.NumberFilter(field_name="booking_id")
    service_id = django_filters.NumberFilter(field_name="service_id")
    date_from = django_filters.DateFilter(field_name="received_on", lookup_expr="gte")
    date_to = django_filters.DateFilter(field_name="received_on", lookup_expr="lte")
    voided = django_filters.BooleanFilter(
        field_name="voided_at", lookup_expr="isnull", exclude=True
    )

    class Meta:
        model = CommissionReceipt
        fields: list[str] = []
