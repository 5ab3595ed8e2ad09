"""CSV exports of the agency's lists: clients, itineraries, proposals, bookings, payments.

Each list is its domain's own list selector with the same filters as the page or the API
list it comes from; rows are read in chunks (``iterator``) and written one by one by
``core.csv`` (formula-safe cells), so an export of any size is streamed, never held.
Timestamps are in the agency's timezone, with their offset.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from accounts.models import Agency
from core.csv import csv_lines
from core.filters import apply_filters
from crm.bookings.filters import PaymentFilter
from crm.bookings.models import Payment
from crm.bookings.selectors import booking_list
from crm.clients.selectors import client_list
from crm.proposals.selectors import proposal_list
from crm.trips.selectors import itinerary_list

CHUNK = 2000
Column = tuple[str, Callable[[Any], Any]]


def _field(name: str) -> Column:
    return name, lambda row: getattr(row, name)


def payment_export_list(*, agency: Agency, filters: Mapping[str, Any] | None) -> QuerySet[Payment]:
    """Every payment of the agency (``booking_id=`` narrows to one booking), by date."""
    filters = dict(filters or {})
    booking_id = filters.pop("booking_id", None)
    rows = Payment.objects.for_agency(agency).select_related("booking", "booking__client")
    if booking_id not in (None, ""):
        rows = rows.filter(booking_id=booking_id)
    return apply_filters(PaymentFilter, rows, filters or None).order_by("paid_on", "id")


@dataclass(frozen=True)
class Export:
    selector: Callable[..., QuerySet[Any]]
    columns: tuple[Column, ...]
    related: tuple[str, ...] = ()

    def rows(self, *, agency: Agency, filters: Mapping[str, Any] | None) -> QuerySet[Any]:
        rows = self.selector(agency=agency, filters=filters or None)
        return rows.select_related(*self.related) if self.related else rows


def _client(row: Any) -> str:
    return row.client.name


EXPORTS: dict[str, Export] = {
    "clients": Export(
        client_list,
        (
            *(
                _field(name)
                for name in (
                    "id",
                    "kind",
                    "name",
                    "email",
                    "phone",
                    "phone_e164",
                    "company",
                    "company_client_id",
                    "city",
                    "country",
                    "nationality",
                    "status",
                    "source",
                    "tags",
                    "assigned_to_id",
                    "created_at",
                    "updated_at",
                    "archived_at",
                )
            ),
        ),
    ),
    "itineraries": Export(
        itinerary_list,
        (
            _field("id"),
            _field("title"),
            _field("status"),
            _field("client_id"),
            ("client", _client),
            _field("start_date"),
            _field("end_date"),
            _field("travellers"),
            _field("created_at"),
        ),
        ("client",),
    ),
    "proposals": Export(
        proposal_list,
        (
            _field("id"),
            _field("title"),
            _field("status"),
            _field("client_id"),
            ("client", _client),
            _field("itinerary_id"),
            _field("currency"),
            _field("total_price"),
            _field("valid_until"),
            _field("sent_at"),
            _field("responded_at"),
            _field("created_at"),
        ),
        ("client",),
    ),
    "bookings": Export(
        booking_list,
        (
            _field("id"),
            _field("reference"),
            _field("status"),
            _field("client_id"),
            ("client", _client),
            _field("start_date"),
            _field("end_date"),
            _field("currency"),
            _field("total_price"),
            _field("amount_paid"),
            _field("created_at"),
        ),
        ("client",),
    ),
    "payments": Export(
        payment_export_list,
        (
            _field("id"),
            _field("booking_id"),
            ("booking_reference", lambda row: row.booking.reference),
            ("client", lambda row: row.booking.client.name),
            _field("kind"),
            _field("amount"),
            _field("currency"),
            _field("paid_on"),
            _field("method"),
            _field("reference"),
            _field("voided_at"),
            _field("created_at"),
        ),
    ),
}


def export_lines(
    resource: str, *, agency: Agency, filters: Mapping[str, Any] | None = None
) -> Iterator[str]:
    """The CSV lines of one list. Filters are checked before the first line (a refused one
    raises ``ValidationError`` here, while an answer can still be a 422)."""
    export = EXPORTS[resource]
    rows = export.rows(agency=agency, filters=filters)  # a bad filter raises here
    zone = zoneinfo.ZoneInfo(agency.timezone or "UTC")

    def local(value: Any) -> Any:
        return value.astimezone(zone) if isinstance(value, dt.datetime) else value

    header = [name for name, _ in export.columns]
    values = (
        [local(get(row)) for _, get in export.columns] for row in rows.iterator(chunk_size=CHUNK)
    )
    return csv_lines(header, values)
