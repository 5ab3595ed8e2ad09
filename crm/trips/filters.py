"""The itinerary list's filters, shared by the API and the dashboard."""

from __future__ import annotations

import django_filters

from core.filters import ClientLinkedFilterSet
from crm.trips.models import Itinerary, ItineraryStatus


class ItineraryFilter(ClientLinkedFilterSet):
    q = django_filters.CharFilter(field_name="title", lookup_expr="icontains", max_length=200)
    status = django_filters.ChoiceFilter(choices=ItineraryStatus.choices)
    start_date = django_filters.DateFromToRangeFilter(field_name="start_date")
    sort = django_filters.OrderingFilter(
        fields=(("created_at", "created_at"), ("start_date", "start_date"), ("title", "title"))
    )

    class Meta:
        model = Itinerary
        fields: list[str] = []
