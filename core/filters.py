"""The filter plumbing every list shares: date-or-datetime bounds, tags, the base FilterSet
(created/updated bounds), a FilterSet for records linked to a client, and ``apply_filters``.

The library overrides that make a FilterSet cheap to build live in ``core.overrides``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from typing import Any

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from drf_spectacular.utils import extend_schema_field

from core.filter_fields import IdField, IdFilter
from core.overrides import FastFilterSet

Filters = Mapping[str, Any] | None
__all__ = ["IdField", "IdFilter"]  # re-exported: the id filter lives beside FastFilterSet's


# The shape a date-or-date-time bound must have (then it must also be a real date): a date, or
# a date-time with whole or fractional seconds and an optional offset (none is UTC). Python
# would also read "20260601" or "2026-W22-1", which the schema does not admit.
DATE_OR_DATETIME_SHAPE = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
    r"([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,9})?)?([Zz]|[+-][0-9]{2}:?[0-9]{2})?)?"
)
DATE_OR_DATETIME_REQUIRED = "Enter a date (YYYY-MM-DD) or an ISO 8601 date-time."


class DateOrDateTimeField(forms.CharField):
    """Cleans ``YYYY-MM-DD`` or an ISO 8601 date-time into an aware ``(start, end)`` range;
    a value of another shape is refused, even one Python would read (``20260601``)."""

    def to_python(  # type: ignore[override]  # cleans to a range, not to text
        self, value: str | None
    ) -> tuple[dt.datetime, dt.datetime] | None:
        value = super().to_python(value)
        if not value:
            return None  # no bound (a dashboard form left empty; the API refuses it: api.strict)
        if not DATE_OR_DATETIME_SHAPE.fullmatch(value):
            raise forms.ValidationError(DATE_OR_DATETIME_REQUIRED)
        try:
            # A bare date first: parse_datetime would read it as midnight (fromisoformat).
            day = parse_date(value)
            moment = None if day else parse_datetime(value)
        except ValueError:
            moment = day = None
        if moment is not None:
            if timezone.is_naive(moment):
                moment = timezone.make_aware(moment, dt.UTC)
            try:
                # The database takes UTC offsets within ±15:59 only: send every moment as UTC.
                moment = moment.astimezone(dt.UTC)
            except OverflowError:
                raise forms.ValidationError("That date-time is out of range.") from None
            return moment, moment
        if day is not None:
            start = dt.datetime.combine(day, dt.time.min, tzinfo=dt.UTC)
            return start, start + dt.timedelta(days=1) - dt.timedelta(microseconds=1)
        raise forms.ValidationError(DATE_OR_DATETIME_REQUIRED)


@extend_schema_field(
    {
        "anyOf": [{"type": "string", "format": "date"}, {"type": "string", "format": "date-time"}],
        "description": "A date (`2026-06-01`: the whole day, in UTC) or an ISO 8601 date-time "
        "(`2026-06-01T10:22:00+00:00`; without an offset, UTC).",
    }
)
class DateOrDateTimeFilter(django_filters.Filter):
    """``created_after=2026-06-01`` includes all of that day; ``created_before`` likewise."""

    field_class = DateOrDateTimeField

    def __init__(self, *args, bound: str, **kwargs):
        self.bound = bound  # "after" or "before"
        super().__init__(*args, **kwargs)

    def filter(self, qs: QuerySet, value: tuple[dt.datetime, dt.datetime] | None) -> QuerySet:
        if not value:
            return qs
        start, end = value
        if self.bound == "after":
            return qs.filter(**{f"{self.field_name}__gte": start})
        return qs.filter(**{f"{self.field_name}__lte": end})


def filter_tag(queryset: QuerySet, name: str, value: str) -> QuerySet:
    if not value:
        return queryset
    if connection.vendor == "postgresql":
        return queryset.filter(tags__contains=[value])
    # SQLite has no JSON containment; match the JSON-encoded string inside the array text.
    return queryset.filter(tags__icontains=json.dumps(value))


class TenantFilterSet(FastFilterSet):
    created_after = DateOrDateTimeFilter(field_name="created_at", bound="after")
    created_before = DateOrDateTimeFilter(field_name="created_at", bound="before")
    updated_after = DateOrDateTimeFilter(field_name="updated_at", bound="after")
    updated_before = DateOrDateTimeFilter(field_name="updated_at", bound="before")


ARCHIVED_CHOICES = (
    ("false", "Hide archived"),
    ("true", "Include archived"),
    ("only", "Archived only"),
)


def filter_archived(queryset: QuerySet, name: str, value: str) -> QuerySet:
    """``archived=only`` shows archived records alone, ``true`` shows them too; anything else
    (and no parameter: see ``hide_archived``) hides them."""
    if value == "only":
        return queryset.filter(archived_at__isnull=False)
    if value == "true":
        return queryset
    return queryset.filter(archived_at__isnull=True)


class ArchivedFilter(django_filters.ChoiceFilter):
    """The ``archived`` parameter of a list of archivable records (clients, bookings)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("choices", ARCHIVED_CHOICES)
        kwargs.setdefault("empty_label", None)
        super().__init__(method=filter_archived, **kwargs)


def hide_archived(queryset: QuerySet, filters: Filters) -> QuerySet:
    """A list leaves archived records out unless ``filters`` ask for them."""
    if (filters or {}).get("archived"):
        return queryset
    return queryset.filter(archived_at__isnull=True)


class ClientLinkedFilterSet(TenantFilterSet):
    client_id = django_filters.NumberFilter(field_name="client_id")
    client = django_filters.NumberFilter(field_name="client_id")


def apply_filters(
    filterset_class: type[django_filters.FilterSet], queryset: QuerySet, filters: Filters
) -> QuerySet:
    """Run a FilterSet over ``queryset``; invalid filter values raise ``ValidationError``.

    A stable tiebreaker (``-id``) keeps pagination deterministic whatever the sort.
    """
    if filters:
        filterset = filterset_class(data=filters, queryset=queryset)
        if not filterset.is_valid():
            raise ValidationError({f: list(errors) for f, errors in filterset.errors.items()})
        qs = filterset.qs
    else:
        qs = queryset  # no filters: skip building a FilterSet and its form (milliseconds)
    ordering = list(qs.query.order_by) or list(qs.model._meta.ordering)
    if not any(field.lstrip("-") == "id" for field in ordering):
        qs = qs.order_by(*ordering, "-id")
    return qs
