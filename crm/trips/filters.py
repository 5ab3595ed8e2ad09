"""The itinerary list's filters, shared by the API and the dashboard."""

from __future__ import annotations

import django_filters
from django.db.models import Q, QuerySet

from core.filters import ClientLinkedFilterSet
from core.overrides import FastFilterSet
from crm.trips.models import ItemKind, Itinerary, ItineraryStatus, ItineraryTemplate, LibraryItem


class ItineraryFilter(ClientLinkedFilterSet):
    q = django_filters.CharFilter(field_name="title", lookup_expr="icontains", max_length=200)
    status = django_filters.ChoiceFilter(choices=ItineraryStatus.choices)
    start_date = django_filters.DateFromToRangeFilter(field_name="start_date")
    # Seed 002: the trip overlaps [date_from, date_to] (a trip without dates matches neither);
    # consultant_id is the client's assigned agent.
    date_from = django_filters.DateFilter(method="filter_date_from")
    date_to = django_filters.DateFilter(method="filter_date_to")
    consultant_id = django_filters.NumberFilter(field_name="client__assigned_to_id")
    sort = django_filters.OrderingFilter(
        fields=(("created_at", "created_at"), ("start_date", "start_date"), ("title", "title"))
    )

    def filter_date_from(self, queryset: QuerySet, name: str, value: object) -> QuerySet:
        if value is None:
            return queryset
        # Ends on or after the day (a trip with a start only is a one-day trip).
        return queryset.filter(
            Q(end_date__gte=value) | Q(end_date__isnull=True, start_date__gte=value)
        )

    def filter_date_to(self, queryset: QuerySet, name: str, value: object) -> QuerySet:
        if value is None:
            return queryset
        return queryset.filter(start_date__lte=value)

    class Meta:
        model = Itinerary
        fields: list[str] = []


class ItineraryTemplateFilter(FastFilterSet):
    q = django_filters.CharFilter(field_name="name", lookup_expr="icontains", max_length=200)
    sort = django_filters.OrderingFilter(fields=(("created_at", "created_at"), ("name", "name")))

    class Meta:
        model = ItineraryTemplate
        fields: list[str] = []


class LibraryItemFilter(FastFilterSet):
    q = django_filters.CharFilter(method="filter_q", max_length=200)
    kind = django_filters.ChoiceFilter(choices=ItemKind.choices)
    supplier_id = django_filters.NumberFilter(field_name="supplier_id")
    sort = django_filters.OrderingFilter(
        fields=(("created_at", "created_at"), ("title", "title"), ("kind", "kind"))
    )

    class Meta:
        model = LibraryItem
        fields: list[str] = []

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Title, location, description or the supplier's name."""
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(title__icontains=value)
            | Q(location__icontains=value)
            | Q(notes__icontains=value)
            | Q(supplier__name__icontains=value)
        )
