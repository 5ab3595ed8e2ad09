"""The enquiries inbox's filters, shared by the API and the dashboard's Enquiries page.

``mine=true`` means the asking member: :func:`resolve_mine` turns it into
``assigned_to_id=<their id>`` before the FilterSet runs."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import django_filters
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet

from core.filters import DateOrDateTimeFilter
from core.overrides import FastFilterSet
from crm.enquiries.models import Enquiry, EnquiryStatus

OPEN = (EnquiryStatus.NEW, EnquiryStatus.IN_PROGRESS)
STATUS_CHOICES = (*EnquiryStatus.choices, ("open", "Open (new or in progress)"))
TRUE_FALSE = (("true", "Yes"), ("false", "No"))


def resolve_mine(
    filters: Mapping[str, Any] | None, *, user_id: int | None, field: str = "assigned_to_id"
) -> dict[str, Any]:
    """``mine=true`` becomes ``<field>=<user_id>``; ``mine=false`` (everyone) is dropped."""
    cleaned = dict(filters.items()) if filters else {}
    mine = str(cleaned.pop("mine", "") or "").lower()
    if mine not in ("", "true", "false"):
        raise ValidationError({"mine": ["Use true or false."]})
    if mine == "true":
        if user_id is None:
            raise ValidationError({"mine": ["Only a member's request can ask for their own."]})
        cleaned[field] = str(user_id)
    return cleaned


class EnquiryFilter(FastFilterSet):
    client_id = django_filters.NumberFilter(field_name="client_id")
    client = django_filters.NumberFilter(field_name="client_id")
    created_after = DateOrDateTimeFilter(field_name="created_at", bound="after")
    created_before = DateOrDateTimeFilter(field_name="created_at", bound="before")
    q = django_filters.CharFilter(method="filter_q", max_length=200)
    status = django_filters.ChoiceFilter(
        choices=STATUS_CHOICES,
        method="filter_status",
        help_text="new, in_progress, converted, closed, or open (new or in progress).",
    )
    mine = django_filters.ChoiceFilter(
        choices=TRUE_FALSE,
        method="filter_mine",
        help_text="true: only the enquiries assigned to you (the token's user).",
    )
    assigned_to_id = django_filters.NumberFilter(field_name="assigned_to_id")
    unassigned = django_filters.ChoiceFilter(
        choices=TRUE_FALSE, method="filter_unassigned", help_text="true: nobody's yet."
    )
    form_id = django_filters.NumberFilter(field_name="form_id")
    matched = django_filters.ChoiceFilter(
        choices=TRUE_FALSE,
        method="filter_matched",
        help_text="true: from a client the agency already had; false: a new lead.",
    )
    sort = django_filters.OrderingFilter(
        fields=(("created_at", "created_at"), ("status", "status"), ("name", "name"))
    )

    class Meta:
        model = Enquiry
        fields: list[str] = []

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(name__icontains=value)
            | Q(email__icontains=value)
            | Q(destination__icontains=value)
            | Q(message__icontains=value)
        )

    def filter_status(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if value == "open":
            return queryset.filter(status__in=OPEN)
        return queryset.filter(status=value)

    def filter_mine(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset  # resolve_mine turned it into assigned_to_id before the FilterSet ran

    def filter_unassigned(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(assigned_to__isnull=value == "true")

    def filter_matched(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(matched_existing=value == "true")
