"""The proposal list's filters, shared by the API and the dashboard."""

from __future__ import annotations

import django_filters
from django.db.models import QuerySet

from core.filters import ClientLinkedFilterSet
from crm.proposals.models import Proposal, ProposalStatus


class ProposalFilter(ClientLinkedFilterSet):
    q = django_filters.CharFilter(field_name="title", lookup_expr="icontains", max_length=200)
    status = django_filters.ChoiceFilter(choices=ProposalStatus.choices)
    awaiting = django_filters.BooleanFilter(
        method="filter_awaiting",
        help_text="true: sent or viewed, the client has not answered yet.",
    )
    consultant_id = django_filters.NumberFilter(
        field_name="client__assigned_to_id", help_text="The client's agent (a member's id)."
    )
    itinerary_id = django_filters.NumberFilter(field_name="itinerary_id")
    valid_until = django_filters.DateFromToRangeFilter(field_name="valid_until")
    sort = django_filters.OrderingFilter(
        fields=(
            ("created_at", "created_at"),
            ("valid_until", "valid_until"),
            ("total_price", "total_price"),
            ("title", "title"),
        )
    )

    class Meta:
        model = Proposal
        fields: list[str] = []

    def filter_awaiting(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        if value is None:
            return queryset
        waiting = {ProposalStatus.SENT, ProposalStatus.VIEWED}
        return (
            queryset.filter(status__in=waiting) if value else queryset.exclude(status__in=waiting)
        )
