"""``/library-items``: an agency's library of saved items (crm.trips.library), to insert into
any day of an itinerary (``POST /itineraries/{id}/items/from-library``)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers
from rest_framework.request import Request

from accounts.models import Agency
from api.base import TenantViewSet
from api.exceptions import Unprocessable
from api.serializers import (
    SUPPLIER_BY_NAME,
    Id,
    LocalTimeField,
    OutputSerializer,
    Text,
    max_length_of,
)
from crm.models import ItemKind, Itinerary, ItineraryDay, LibraryItem, Supplier
from crm.trips import library as trip_library
from crm.trips import selectors as trip_selectors
from crm.trips.filters import LibraryItemFilter


class LibraryItemSerializer(OutputSerializer):
    """A saved item of the agency's library: what a day's item copies when it is inserted."""

    id = Id()
    kind = serializers.ChoiceField(choices=ItemKind.choices)
    title = serializers.CharField()
    location = Text()
    supplier = Text(
        source="supplier_name", help_text="The linked supplier's name; empty when there is none."
    )
    supplier_id = Id(allow_null=True)
    start_time = LocalTimeField(allow_null=True, help_text="A default time of day; optional.")
    end_time = LocalTimeField(allow_null=True)
    notes = Text(help_text="The description the inserted item carries.")
    created_by_id = Id(allow_null=True)
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class LibraryItemInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(
        choices=ItemKind.choices, required=False, help_text="Defaults to `activity`."
    )
    title = serializers.CharField(max_length=max_length_of(LibraryItem, "title"))
    location = Text(
        max_length=max_length_of(LibraryItem, "location"), required=False, allow_null=True
    )
    supplier = Text(
        max_length=max_length_of(Supplier, "name"),
        required=False,
        allow_null=True,
        help_text=SUPPLIER_BY_NAME,
    )
    supplier_id = Id(
        required=False,
        allow_null=True,
        help_text="A supplier of your agency; wins over `supplier`.",
    )
    start_time = LocalTimeField(required=False, allow_null=True)
    end_time = LocalTimeField(required=False, allow_null=True)
    notes = Text(required=False, allow_null=True)


def refuse_unknown_fields(request: Request, serializer: type[serializers.Serializer]) -> None:
    """A body field the serializer does not know is a 422 on it (a typo is not ignored)."""
    if not isinstance(request.data, dict):
        return
    known = set(serializer().fields)
    unknown = sorted(str(name) for name in request.data if name not in known)
    if unknown:
        raise Unprocessable({name: ["Unknown field."] for name in unknown})


class LibraryItemViewSet(TenantViewSet):
    """The agency's library, newest first: `q` searches titles, locations, descriptions and
    supplier names; filter by `kind` and `supplier_id`."""

    resource = "library_item"
    model = LibraryItem
    output_serializer = LibraryItemSerializer
    input_serializer = LibraryItemInputSerializer
    filterset_class = LibraryItemFilter
    list_selector = trip_selectors.library_item_list
    get_selector = trip_selectors.library_item_get
    create_service = trip_library.library_item_create
    update_service = trip_library.library_item_update
    delete_service = trip_library.library_item_delete

    def validated_fields(self, request: Request, *, partial: bool) -> dict[str, Any]:
        refuse_unknown_fields(request, self.input_serializer)
        return super().validated_fields(request, partial=partial)


def insert_from_library(
    *,
    agency: Agency,
    itinerary: Itinerary,
    user: Any,
    library_item_id: int,
    day_number: int,
    position: int | None = None,
) -> None:
    """The body of ``POST /itineraries/{id}/items/from-library``: the library item and the
    day, each resolved in the viewer's ``agency`` (another agency's library item answers like a
    missing one), then ``library_item_insert``."""
    try:
        library_item = trip_selectors.library_item_get(
            agency=agency, library_item_id=library_item_id
        )
    except LibraryItem.DoesNotExist:
        message = f"No library item with id {library_item_id}."
        raise Unprocessable({"library_item_id": [message]}) from None
    try:
        day = trip_selectors.itinerary_day_numbered(
            agency=agency, itinerary_id=itinerary.pk, day_number=day_number
        )
    except ItineraryDay.DoesNotExist:
        message = f"This itinerary has no day {day_number}."
        raise Unprocessable({"day_number": [message]}) from None
    trip_library.library_item_insert(
        library_item=library_item, day=day, position=position, actor=user
    )
