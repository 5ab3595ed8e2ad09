"""FilterSets shared by the API lists and the dashboard lists (one definition of each filter)."""

from __future__ import annotations

import copy
import datetime as dt
import json

import django_filters
from django import forms
from django.db import connection
from django.db.models import Q, QuerySet
from django.http import QueryDict
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from crm.models import (
    Booking,
    BookingStatus,
    Client,
    ClientSource,
    ClientStatus,
    Itinerary,
    ItineraryStatus,
    Proposal,
    ProposalStatus,
)


class DateOrDateTimeField(forms.CharField):
    """Cleans ``YYYY-MM-DD`` or an ISO 8601 date-time into an aware ``(start, end)`` range."""

    def to_python(self, value: str | None) -> tuple[dt.datetime, dt.datetime] | None:
        value = super().to_python(value)
        if not value:
            return None
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
        raise forms.ValidationError("Enter a date (YYYY-MM-DD) or an ISO 8601 date-time.")


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


class TenantFilterSet(django_filters.FilterSet):
    created_after = DateOrDateTimeFilter(field_name="created_at", bound="after")
    created_before = DateOrDateTimeFilter(field_name="created_at", bound="before")
    updated_after = DateOrDateTimeFilter(field_name="updated_at", bound="after")
    updated_before = DateOrDateTimeFilter(field_name="updated_at", bound="before")

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        """``django_filters.FilterSet.__init__``, with one change. It deep-copies every filter
        for every instance (a quarter of building the client list's FilterSet, ~0.1 ms a
        request), where a shallow copy is enough: a request only sets ``model`` and ``parent``
        on its filters, caches their form field on the copy (``_field``) and needs a
        ``method`` bound to the copy."""
        if queryset is None:
            queryset = self._meta.model._default_manager.all()
        self.is_bound = data is not None
        self.data = data or QueryDict()
        self.queryset = queryset
        self.request = request
        self.form_prefix = prefix
        self.filters = {name: copy.copy(f) for name, f in self.base_filters.items()}
        for filter_ in self.filters.values():
            filter_.model = queryset.model
            filter_.parent = self
            if filter_.method is not None:
                filter_.method = filter_.method  # binds a new FilterMethod to the copy

    def get_form_class(self) -> type[forms.Form]:
        """Build the form class once per FilterSet class, not once per request.

        django-filter makes a new form class (and a form field per filter) for every
        FilterSet instance: about a third of what filtering a list costs. With static filters
        the class is the same every time, and a form copies its fields when instantiated, so
        one class can serve every request. A filter whose choices depend on the request
        (``QuerySetRequestMixin``) opts its FilterSet out.
        """
        cls = type(self)
        form_class = _FORM_CLASSES.get(cls)
        if form_class is None:
            form_class = super().get_form_class()
            if not any(
                isinstance(f, django_filters.filters.QuerySetRequestMixin)
                for f in self.filters.values()
            ):
                _FORM_CLASSES[cls] = form_class
        return form_class


_FORM_CLASSES: dict[type[TenantFilterSet], type[forms.Form]] = {}


class ClientFilter(TenantFilterSet):
    q = django_filters.CharFilter(method="filter_q", max_length=200)
    status = django_filters.ChoiceFilter(choices=ClientStatus.choices)
    source = django_filters.ChoiceFilter(choices=ClientSource.choices)
    tag = django_filters.CharFilter(method="filter_tag", max_length=100)
    assigned_to = django_filters.NumberFilter(field_name="assigned_to_id")
    country = django_filters.CharFilter(field_name="country", lookup_expr="iexact")
    sort = django_filters.OrderingFilter(
        fields=(("created_at", "created_at"), ("updated_at", "updated_at"), ("name", "name"))
    )

    class Meta:
        model = Client
        fields: list[str] = []

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(name__icontains=value)
            | Q(email__icontains=value)
            | Q(phone__icontains=value)
            | Q(company__icontains=value)
        )

    def filter_tag(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return filter_tag(queryset, name, value)


class _ClientLinkedFilter(TenantFilterSet):
    client_id = django_filters.NumberFilter(field_name="client_id")
    client = django_filters.NumberFilter(field_name="client_id")


class ItineraryFilter(_ClientLinkedFilter):
    q = django_filters.CharFilter(field_name="title", lookup_expr="icontains", max_length=200)
    status = django_filters.ChoiceFilter(choices=ItineraryStatus.choices)
    start_date = django_filters.DateFromToRangeFilter(field_name="start_date")
    sort = django_filters.OrderingFilter(
        fields=(("created_at", "created_at"), ("start_date", "start_date"), ("title", "title"))
    )

    class Meta:
        model = Itinerary
        fields: list[str] = []


class ProposalFilter(_ClientLinkedFilter):
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


class BookingFilter(_ClientLinkedFilter):
    q = django_filters.CharFilter(method="filter_q", max_length=200)
    status = django_filters.ChoiceFilter(choices=BookingStatus.choices)
    proposal_id = django_filters.NumberFilter(field_name="proposal_id")
    itinerary_id = django_filters.NumberFilter(field_name="itinerary_id")
    reference = django_filters.CharFilter(field_name="reference", lookup_expr="iexact")
    start_date = django_filters.DateFromToRangeFilter(field_name="start_date")
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
