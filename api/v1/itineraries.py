"""``/itineraries``: itineraries with their day-by-day plan."""

from __future__ import annotations

from typing import Any, ClassVar

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from api.base import TenantViewSet, envelope
from api.exceptions import Unprocessable, api_field_names
from api.serializers import (
    SUPPLIER_BY_NAME,
    Id,
    LocalTimeField,
    OutputSerializer,
    Text,
    WholeItems,
    max_length_of,
)
from api.v1.exports import CsvListMixin
from api.v1.library_items import insert_from_library, refuse_unknown_fields
from api.v1.proposal_parts import PDF_PENDING, pdf_or_pending
from api.v1.travellers import (
    passport_warnings_output,
    traveller_ids_input,
    traveller_ids_output,
)
from crm.models import (
    ItemKind,
    Itinerary,
    ItineraryDay,
    ItineraryItem,
    ItineraryStatus,
    Supplier,
)
from crm.proposals.rendering import pdf_now_or_later
from crm.trips import documents as trip_documents
from crm.trips import plan as trip_plan
from crm.trips import selectors as trip_selectors
from crm.trips import services as trip_services
from crm.trips.copies import itinerary_duplicate
from crm.trips.filters import ItineraryFilter


class ItineraryItemSerializer(OutputSerializer):
    """One item of a day, in order (`position` from 0)."""

    id = Id()
    position = Id()
    kind = serializers.ChoiceField(choices=ItemKind.choices)
    title = serializers.CharField()
    start_time = LocalTimeField(allow_null=True)
    end_time = LocalTimeField(allow_null=True)
    location = Text()
    supplier = Text(
        source="supplier_name", help_text="The linked supplier's name; empty when there is none."
    )
    supplier_id = Id(allow_null=True)
    reference = Text()
    notes = Text()


class ItineraryDaySerializer(OutputSerializer):
    """One day of the plan, with its items in order."""

    id = Id()
    day_number = Id()
    date = serializers.DateField(allow_null=True)
    title = Text()
    description = Text()
    location = Text()
    items = ItineraryItemSerializer(many=True)


class ItinerarySerializer(OutputSerializer):
    """An itinerary (lists omit the day-by-day plan)."""

    id = Id()
    client_id = Id()
    title = serializers.CharField()
    status = serializers.ChoiceField(choices=ItineraryStatus.choices)
    start_date = serializers.DateField(allow_null=True)
    end_date = serializers.DateField(allow_null=True)
    travellers = Id()
    notes = Text()
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class ItineraryDetailSerializer(ItinerarySerializer):
    """An itinerary with its days in order, each with its items in order, and who goes."""

    traveller_ids = traveller_ids_output()
    passport_warnings = passport_warnings_output()
    days = ItineraryDaySerializer(many=True)


class ItineraryItemInputSerializer(serializers.Serializer):
    class Meta:
        list_serializer_class = WholeItems  # whole items in a PATCH too

    kind = serializers.ChoiceField(choices=ItemKind.choices, required=False)
    title = serializers.CharField(max_length=max_length_of(ItineraryItem, "title"))
    start_time = LocalTimeField(required=False, allow_null=True)
    end_time = LocalTimeField(required=False, allow_null=True)
    location = Text(
        max_length=max_length_of(ItineraryItem, "location"), required=False, allow_null=True
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
    reference = Text(
        max_length=max_length_of(ItineraryItem, "reference"), required=False, allow_null=True
    )
    notes = Text(required=False, allow_null=True)


class ItineraryDayInputSerializer(serializers.Serializer):
    class Meta:
        list_serializer_class = WholeItems  # whole items in a PATCH too

    day_number = serializers.IntegerField(
        min_value=1, max_value=366, required=False, help_text="Defaults to the day's position."
    )
    date = serializers.DateField(required=False, allow_null=True)
    title = Text(max_length=max_length_of(ItineraryDay, "title"), required=False, allow_null=True)
    description = Text(required=False, allow_null=True)
    location = Text(
        max_length=max_length_of(ItineraryDay, "location"), required=False, allow_null=True
    )
    # The stubs omit the max_length that many=True hands to the ListSerializer.
    items = ItineraryItemInputSerializer(many=True, required=False, max_length=50)  # type: ignore[call-arg]


class ItineraryInputSerializer(serializers.Serializer):
    client_id = Id()
    title = serializers.CharField(max_length=max_length_of(Itinerary, "title"))
    status = serializers.ChoiceField(choices=ItineraryStatus.choices, required=False)
    start_date = serializers.DateField(required=False, allow_null=True)
    end_date = serializers.DateField(
        required=False,
        allow_null=True,
        help_text="On or after `start_date` (the one sent, else the stored one); a 422 otherwise.",
    )
    travellers = serializers.IntegerField(min_value=1, max_value=32767, required=False)
    traveller_ids = traveller_ids_input()
    notes = Text(required=False, allow_null=True)
    days = ItineraryDayInputSerializer(  # type: ignore[call-arg]  # max_length, as above
        many=True,
        required=False,
        max_length=366,
        help_text="The whole day-by-day plan, in order; when given it replaces the current one.",
    )


class ItineraryDuplicateSerializer(serializers.Serializer):
    client_id = Id(required=False, help_text="Another client of your agency; the same by default.")
    start_date = serializers.DateField(
        required=False, help_text="The copy's start; every date shifts by the same number of days."
    )
    title = serializers.CharField(required=False, max_length=200, help_text="The same by default.")


class ItineraryItemMoveSerializer(serializers.Serializer):
    day_id = Id(
        required=False,
        help_text="A day of the same itinerary (its `id`, not its `day_number`); the item's own "
        "day by default.",
    )
    position = serializers.IntegerField(
        min_value=0,
        max_value=32767,
        required=False,
        help_text="The item's `position` (from 0) in that day once moved; past the end (or "
        "left out) it goes last.",
    )


class ItineraryItemFromLibrarySerializer(serializers.Serializer):
    library_item_id = Id(help_text="An item of your agency's library (`/library-items`).")
    day_number = serializers.IntegerField(
        min_value=1, max_value=366, help_text="The day of this itinerary to insert into."
    )
    position = serializers.IntegerField(
        min_value=0,
        max_value=32767,
        required=False,
        help_text="The new item's `position` (from 0) in that day; past the end (or left out) "
        "it goes last.",
    )


ITEM_ID = OpenApiParameter("item_id", int, OpenApiParameter.PATH, description="The item's id.")


class ItineraryViewSet(CsvListMixin, TenantViewSet):
    """Itineraries with their day-by-day plan (days in order, each with its items in order)."""

    export = "itineraries"  # ?format=csv (api.v1.exports)
    resource = "itinerary"
    model = Itinerary
    output_serializer = ItinerarySerializer
    detail_serializer = ItineraryDetailSerializer
    input_serializer = ItineraryInputSerializer
    filterset_class = ItineraryFilter
    list_selector = trip_selectors.itinerary_list
    get_selector = trip_selectors.itinerary_get
    create_service = trip_services.itinerary_create
    update_service = trip_services.itinerary_update
    delete_service = trip_services.itinerary_delete
    nested_fields = ("days",)
    extra_responses: ClassVar[dict[str, dict[int, Any]]] = {"pdf": PDF_PENDING}
    action_responses: ClassVar[dict[str, tuple[Any, Any, tuple[int, ...]]]] = {
        "pdf": ((200, "application/pdf"), OpenApiTypes.BINARY, (401, 403, 404, 429)),
        "duplicate": (201, ItineraryDetailSerializer, (400, 401, 403, 404, 413, 415, 422, 429)),
        "item_move": (200, ItineraryDetailSerializer, (400, 401, 403, 404, 413, 415, 422, 429)),
        "item_from_library": (
            201,
            ItineraryDetailSerializer,
            (400, 401, 403, 404, 413, 415, 422, 429),
        ),
    }

    @extend_schema(
        summary="Duplicate an itinerary",
        description="A new draft with the same day-by-day plan, for the same or another client, "
        "optionally starting on a new date (every dated day moves with it).",
        request=ItineraryDuplicateSerializer,
    )
    @action(detail=True, methods=["post"], url_path="duplicate", filter_backends=[])
    def duplicate(self, request: Request, pk: str) -> Response:
        itinerary = self.get_object()
        assert isinstance(itinerary, Itinerary)  # get_selector is itinerary_get
        serializer = ItineraryDuplicateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        fields = dict(serializer.validated_data)
        with api_field_names():
            copy = itinerary_duplicate(
                itinerary=itinerary,
                created_by=request.auth.user,
                client=fields.get("client_id"),
                start_date=fields.get("start_date"),
                title=fields.get("title"),
            )
        fresh = trip_selectors.itinerary_get(agency=self.agency, itinerary_id=copy.pk)
        return envelope(self.represent(fresh), status.HTTP_201_CREATED)

    def item_of(self, itinerary_id: int, item_id: str) -> ItineraryItem:
        """The itinerary's item ``item_id``; another itinerary's (or agency's) is a 404."""
        try:
            return trip_selectors.itinerary_item_get(
                agency=self.agency, itinerary_id=itinerary_id, item_id=int(item_id)
            )
        except ItineraryItem.DoesNotExist:
            raise exceptions.NotFound() from None

    def confirm_target(self) -> None:
        # The item the URL names is looked up before api.strict's 422 too (404 first).
        super().confirm_target()
        if "item_id" in self.kwargs:
            self.item_of(self.get_object().pk, self.kwargs["item_id"])

    @extend_schema(
        summary="Move an item within its day or to another day",
        description="The item goes to `position` (from 0) of `day_id`, a day of the same "
        "itinerary; the other items of both days close up or make room, so positions stay "
        "0, 1, 2... Answers the itinerary with its whole plan. A day of another itinerary "
        "(or agency) is a 422 on `day_id`; an item that is not this itinerary's, a 404.",
        request=ItineraryItemMoveSerializer,
        parameters=[ITEM_ID],
    )
    @action(
        detail=True,
        methods=["post"],
        url_path=r"items/(?P<item_id>[0-9]{1,18})/move",
        filter_backends=[],
    )
    def item_move(self, request: Request, pk: str, item_id: str) -> Response:
        itinerary = self.get_object()
        item = self.item_of(itinerary.pk, item_id)
        serializer = ItineraryItemMoveSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        fields = serializer.validated_data
        day = item.day
        if "day_id" in fields:
            try:
                day = trip_selectors.itinerary_day_get(
                    agency=self.agency, itinerary_id=itinerary.pk, day_id=fields["day_id"]
                )
            except ItineraryDay.DoesNotExist:
                message = f"No day with id {fields['day_id']} in this itinerary."
                raise Unprocessable({"day_id": [message]}) from None
        position = fields.get("position")
        with api_field_names():
            trip_plan.itinerary_item_move(
                item=item, day=day, to=None if position is None else position + 1
            )
        fresh = trip_selectors.itinerary_get(agency=self.agency, itinerary_id=itinerary.pk)
        return envelope(self.represent(fresh))

    @extend_schema(
        summary="Insert an item from the library into a day",
        description="A copy of the library item (kind, title, times, location, supplier, "
        "description) is added to day `day_number`, at `position` or last, as the builder adds "
        "one (the same limits and `itinerary.item_added` event). Answers the itinerary with its "
        "whole plan. Another agency's library item, or a day number the plan does not have, is "
        "a 422 on that field.",
        request=ItineraryItemFromLibrarySerializer,
    )
    @action(detail=True, methods=["post"], url_path="items/from-library", filter_backends=[])
    def item_from_library(self, request: Request, pk: str) -> Response:
        itinerary = self.get_object()
        assert isinstance(itinerary, Itinerary)  # get_selector is itinerary_get
        refuse_unknown_fields(request, ItineraryItemFromLibrarySerializer)
        serializer = ItineraryItemFromLibrarySerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with api_field_names():
            insert_from_library(
                agency=self.agency,
                itinerary=itinerary,
                user=request.auth.user,
                **serializer.validated_data,
            )
        fresh = trip_selectors.itinerary_get(agency=self.agency, itinerary_id=itinerary.pk)
        return envelope(self.represent(fresh), status.HTTP_201_CREATED)

    @extend_schema(
        summary="Download an itinerary as a PDF",
        description="The day-by-day plan as it stands, under the agency's letterhead: "
        "`application/pdf`. A long one is rendered in the background: 202 with `Retry-After` "
        "until it is ready.",
    )
    @action(detail=True, methods=["get"], url_path="pdf", filter_backends=[])
    def pdf(self, request: Request, pk: str) -> HttpResponse:
        itinerary = self.get_object()
        assert isinstance(itinerary, Itinerary)  # get_selector is itinerary_get
        filename = trip_documents.itinerary_filename(itinerary)
        result = pdf_now_or_later(
            agency_id=itinerary.agency_id,
            html=trip_documents.itinerary_html(itinerary),
            filename=filename,
        )
        return pdf_or_pending(result, filename=filename)
