"""The supplier list's filters, shared by the API and the dashboard."""

from __future__ import annotations

import django_filters
from django.db.models import Exists, OuterRef, Q, QuerySet

from core.filters import ArchivedFilter, TenantFilterSet
from crm.suppliers.models import Supplier, SupplierContact, SupplierType


class SupplierFilter(TenantFilterSet):
    q = django_filters.CharFilter(method="filter_q", max_length=200)
    type = django_filters.ChoiceFilter(choices=SupplierType.choices)
    currency = django_filters.CharFilter(field_name="currency", lookup_expr="iexact", max_length=3)
    # Archived suppliers are hidden unless asked for (``true`` shows them too, ``only`` alone).
    archived = ArchivedFilter()
    sort = django_filters.OrderingFilter(
        fields=(("name", "name"), ("created_at", "created_at"), ("updated_at", "updated_at"))
    )

    class Meta:
        model = Supplier
        fields: list[str] = []

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Name, email or phone of the supplier, or the name or email of one of its people."""
        value = value.strip()
        if not value:
            return queryset
        people = SupplierContact.objects.filter(supplier_id=OuterRef("pk")).filter(
            Q(name__icontains=value) | Q(email__icontains=value)
        )
        return queryset.filter(
            Q(name__icontains=value)
            | Q(email__icontains=value)
            | Q(phone__icontains=value)
            | Exists(people)
        )
