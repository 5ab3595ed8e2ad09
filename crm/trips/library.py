"""The library of saved items (``LibraryItem``): an agency's hotels, transfers, activities...
with their supplier and description, saved once and inserted into any day of any itinerary.

Inserting goes through the builder's own door (``crm.trips.plan.itinerary_item_add``): the
itinerary's lock, the per-day and per-itinerary limits and the ``itinerary.item_added`` event
apply exactly as to an item typed in. The inserted item is a copy: editing or deleting the
library item later leaves the plans it went into as they are.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypedDict, Unpack

from django.core.exceptions import ValidationError
from django.db import transaction

from accounts.events import named_event, record_event
from accounts.models import Agency, User
from core.validation import blank_text, save_validated, unknown_fields
from crm.suppliers.models import Supplier
from crm.suppliers.services import NOT_GIVEN, supplier_resolve
from crm.trips.models import ItemKind, ItineraryDay, ItineraryItem, LibraryItem
from crm.trips.plan import itinerary_item_add

TEXT_FIELDS = ("title", "location", "notes")
NO_TITLE = "A library item needs a title."


class LibraryItemChanges(TypedDict, total=False):
    """What an edit may change (omitted means unchanged)."""

    kind: str
    title: str
    location: str | None
    supplier: Supplier | int | None  # a record or an id (``supplier_id`` in the API)
    supplier_name: str | None  # a name: the agency's supplier of that name, added when new
    start_time: dt.time | None
    end_time: dt.time | None
    notes: str | None


LIBRARY_ITEM_FIELDS = tuple(LibraryItemChanges.__annotations__)


def _apply(library_item: LibraryItem, fields: dict[str, Any], *, agency: Agency) -> None:
    unknown_fields(fields, LIBRARY_ITEM_FIELDS)
    fields = blank_text(fields, TEXT_FIELDS)
    supplier = supplier_resolve(
        agency=agency,
        supplier=fields.pop("supplier", NOT_GIVEN),
        name=fields.pop("supplier_name", NOT_GIVEN),
        created_by=library_item.created_by if library_item.pk is None else None,
    )
    if supplier is not NOT_GIVEN:
        library_item.supplier = supplier  # type: ignore[assignment]  # NOT_GIVEN ruled out
    if "title" in fields and not fields["title"]:
        raise ValidationError({"title": [NO_TITLE]})
    for name, value in fields.items():
        setattr(library_item, name, value)


@transaction.atomic
def library_item_create(
    *,
    agency: Agency,
    created_by: User | None = None,
    title: str,
    kind: str = ItemKind.ACTIVITY,
    location: str | None = "",
    supplier: Supplier | int | None = NOT_GIVEN,
    supplier_name: str | None = NOT_GIVEN,
    start_time: dt.time | None = None,
    end_time: dt.time | None = None,
    notes: str | None = "",
) -> LibraryItem:
    """A new item of the agency's library. ``supplier`` is the agency's supplier (a record or
    an id: another agency's is "no supplier with id"); ``supplier_name`` names one instead,
    found or added to the directory like the builder's free-text supplier."""
    library_item = LibraryItem(agency=agency, created_by=created_by)
    _apply(
        library_item,
        {
            "title": title,
            "kind": kind,
            "location": location,
            "supplier": supplier,
            "supplier_name": supplier_name,
            "start_time": start_time,
            "end_time": end_time,
            "notes": notes,
        },
        agency=agency,
    )
    save_validated(library_item)
    return library_item


@transaction.atomic
def library_item_update(
    *, library_item: LibraryItem, **changes: Unpack[LibraryItemChanges]
) -> LibraryItem:
    """Edit a library item; the itineraries it was inserted into keep their copies."""
    _apply(library_item, dict(changes), agency=library_item.agency)
    save_validated(library_item)
    return library_item


def library_item_delete(*, library_item: LibraryItem) -> None:
    """Delete a library item (recorded as ``libraryitem.deleted``); the items inserted from it
    stay in their plans."""
    library_item.delete()


@transaction.atomic
def library_item_from_itinerary_item(
    *, item: ItineraryItem, actor: User | None = None
) -> LibraryItem:
    """ "Save to library": a new library item of the itinerary's agency with ``item``'s kind,
    title, times, location, supplier and notes (not its confirmation reference, which is the
    trip's)."""
    itinerary = item.day.itinerary
    library_item = LibraryItem(
        agency_id=itinerary.agency_id,
        created_by=actor,
        kind=item.kind,
        title=item.title,
        location=item.location,
        supplier_id=item.supplier_id,
        start_time=item.start_time,
        end_time=item.end_time,
        notes=item.notes,
    )
    data = {"itinerary_id": itinerary.pk, "item_id": item.pk}
    with named_event("libraryitem.created", subject=None, data=data):
        save_validated(library_item)
    return library_item


@transaction.atomic
def library_item_insert(
    *,
    library_item: LibraryItem,
    day: ItineraryDay,
    position: int | None = None,
    actor: User | None = None,
) -> ItineraryItem:
    """Insert a copy of ``library_item`` into ``day`` (at its end, or at ``position`` from 0)
    through the builder's door; recorded as the itinerary's ``itinerary.item_added`` and the
    library item's ``libraryitem.used``. A library item of another agency than the day's is
    refused like a missing one."""
    itinerary = day.itinerary
    if library_item.agency_id != itinerary.agency_id:
        message = f"No library item with id {library_item.pk}."
        raise ValidationError({"library_item_id": [message]})
    item = itinerary_item_add(
        day=day,
        title=library_item.title,
        kind=library_item.kind,
        start_time=library_item.start_time,
        end_time=library_item.end_time,
        location=library_item.location,
        supplier=library_item.supplier,
        notes=library_item.notes,
        position=position,
    )
    record_event(
        "libraryitem.used",
        agency_id=library_item.agency_id,
        subject=library_item,
        data={
            "itinerary_id": itinerary.pk,
            "itinerary_title": itinerary.title,
            "day_number": day.day_number,
            "item_id": item.pk,
        },
        actor=actor,
    )
    return item
