"""Reads of suppliers, scoped to the agency."""

from __future__ import annotations

from django.db.models import Prefetch, Q, QuerySet

from accounts.models import Agency
from core.filters import Filters, apply_filters, hide_archived
from crm.suppliers.filters import SupplierFilter
from crm.suppliers.models import Supplier, SupplierContact


def supplier_list(*, agency: Agency | int, filters: Filters = None) -> QuerySet[Supplier]:
    """The agency's suppliers, by name; archived ones only when ``filters`` ask
    (``archived=true|only``). Contacts come in one more query, whatever the page size."""
    suppliers = hide_archived(Supplier.objects.for_agency(agency), filters).order_by("name", "id")
    return apply_filters(SupplierFilter, suppliers, filters).prefetch_related(
        Prefetch("contacts", queryset=SupplierContact.objects.order_by("position", "id"))
    )


def supplier_get(*, agency: Agency | int, supplier_id: int) -> Supplier:
    """Raises ``Supplier.DoesNotExist`` for a missing id and for another agency's alike."""
    return (
        Supplier.objects.for_agency(agency)
        .select_related("archived_by")
        .prefetch_related(
            Prefetch("contacts", queryset=SupplierContact.objects.order_by("position", "id"))
        )
        .get(pk=supplier_id)
    )


def supplier_choices(*, agency: Agency | int, keep: int | None = None) -> QuerySet[Supplier]:
    """The suppliers a form offers, by name: the live ones, and ``keep`` (the record's own
    supplier, archived or not) so that editing a record never loses its supplier."""
    live = Q(archived_at__isnull=True)
    if keep is not None:
        live |= Q(pk=keep)
    return Supplier.objects.for_agency(agency).filter(live).order_by("name", "id")
