"""The booking list's filters, shared by the API and the dashboard."""

from __future__ import annotations

import django_filters
from django.db.models import Q, QuerySet

from core.filters import ArchivedFilter, ClientLinkedFilterSet
from crm.bookings.models import Booking, BookingStatus


class BookingFilter(ClientLinkedFilterSet):
    q = django_filters.CharFilter(method="filter_q", max_length=200)
    status = django_filters.ChoiceFilter(choices=BookingStatus.choices)
    proposal_id = django_filters.NumberFilter(field_name="proposal_id")
    itinerary_id = django_filters.NumberFilter(field_name="itinerary_id")
    reference = django_filters.CharFilter(field_name="reference", lookup_expr="iexact")
    start_date = django_filters.DateFromToRangeFilter(field_name="start_date")
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
        return queryset.filter(Q(reference__icontains=value) | Q(supplier__icontains=value))
