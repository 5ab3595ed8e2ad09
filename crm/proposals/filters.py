"""The proposal list's filters, shared by the API and the dashboard."""

from __future__ import annotations

import django_filters

from core.filters import ClientLinkedFilterSet
from crm.proposals.models import Proposal, ProposalStatus


class ProposalFilter(ClientLinkedFilterSet):
    q = django_filters.CharFilter(field_name="title", lookup_expr="icontains", max_length=200)
    status = django_filters.ChoiceFilter(choices=ProposalStatus.choices)
    itinerary_id = django_filters.NumberFilter(field_name="itinerary_id")
    valid_until = django_filters.DateFromToRangeFilter(field_name="valid_until")
    sort = django_filters.OrderingFilter(
        fields=(
            ("created_at", "created_at"),
            ("valid_until", "valid_until"),
            ("total_price", "total_price"),
        )
    )

    class Meta:
        model = Proposal
        fields: list[str] = []
