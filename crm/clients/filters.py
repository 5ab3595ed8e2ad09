"""The client list's filters, shared by the API and the dashboard."""

from __future__ import annotations

import django_filters
from django.db.models import Q, QuerySet

from core.filters import ArchivedFilter, TenantFilterSet, filter_tag
from crm.clients.models import Client, ClientKind, ClientSource, ClientStatus, Traveller

# true/false only: anything else is a 422, never silently read as "no filter".
BOOLEAN_CHOICES = (("true", "Yes"), ("false", "No"))


class ClientFilter(TenantFilterSet):
    q = django_filters.CharFilter(method="filter_q", max_length=200)
    search = django_filters.CharFilter(method="filter_q", max_length=200, label="Alias of q")
    # Seed 002: active=true is status "active", false any other status; corporate=true the
    # companies and the people who belong to one (a company record or a company name).
    active = django_filters.ChoiceFilter(choices=BOOLEAN_CHOICES, method="filter_active")
    corporate = django_filters.ChoiceFilter(choices=BOOLEAN_CHOICES, method="filter_corporate")
    kind = django_filters.ChoiceFilter(choices=ClientKind.choices)
    company_client = django_filters.NumberFilter(
        field_name="company_client_id", label="The contacts of this company (its client id)"
    )
    status = django_filters.ChoiceFilter(choices=ClientStatus.choices)
    source = django_filters.ChoiceFilter(choices=ClientSource.choices)
    tag = django_filters.CharFilter(method="filter_tag", max_length=100)
    assigned_to = django_filters.NumberFilter(field_name="assigned_to_id")
    country = django_filters.CharFilter(field_name="country", lookup_expr="iexact")
    # Archived clients are hidden unless asked for: ``true`` shows them too, ``only`` alone
    # (the selector hides them when the parameter is absent).
    archived = ArchivedFilter()
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

    def filter_active(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if not value:
            return queryset
        if value == "true":
            return queryset.filter(status=ClientStatus.ACTIVE)
        return queryset.exclude(status=ClientStatus.ACTIVE)

    def filter_corporate(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if not value:
            return queryset
        corporate = Q(kind=ClientKind.COMPANY) | ~Q(company="") | Q(company_client__isnull=False)
        if value == "true":
            return queryset.filter(corporate)
        return queryset.exclude(corporate)

    def filter_tag(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return filter_tag(queryset, name, value)


class TravellerFilter(TenantFilterSet):
    """A client's travellers: ``q`` searches the names; ``passport_expires_before`` finds the
    passports to renew."""

    q = django_filters.CharFilter(method="filter_q", max_length=200)
    is_lead = django_filters.ChoiceFilter(choices=BOOLEAN_CHOICES, method="filter_is_lead")
    passport_expires_before = django_filters.DateFilter(
        field_name="passport_expires_on", lookup_expr="lt"
    )

    class Meta:
        model = Traveller
        fields: list[str] = []

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(first_name__icontains=value)
            | Q(middle_name__icontains=value)
            | Q(last_name__icontains=value)
        )

    def filter_is_lead(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(is_lead=value == "true") if value else queryset
