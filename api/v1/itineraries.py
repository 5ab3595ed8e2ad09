"""``/itineraries``: itineraries with their day-by-day plan."""

from __future__ import annotations

from rest_framework import serializers

from api.base import TenantViewSet
from api.serializers import (
    SUPPLIER_BY_NAME,
    Id,
    LocalTimeField,
    OutputSerializer,
    Text,
    max_length_of,
)
from api.v1.exports import CsvListMixin
from crm.models import (
    ItemKind,
    Itinerary,
    ItineraryDay,
    ItineraryItem,
    ItineraryStatus,
    Supplier,
)
from crm.trips import selectors as trip_selectors
from crm.trips import services as trip_services
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
    """An itinerary with its days in order, each with its items in order."""

    days = ItineraryDaySerializer(many=True)


class ItineraryItemInputSerializer(serializers.Serializer):
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
    end_date = serializers.DateField(required=False, allow_null=True)
    travellers = serializers.IntegerField(min_value=1, max_value=32767, required=False)
    notes = Text(required=False, allow_null=True)
    days = ItineraryDayInputSerializer(  # type: ignore[call-arg]  # max_length, as above
        many=True,
        required=False,
        max_length=366,
        help_text="The whole day-by-day plan, in order; when given it replaces the current one.",
    )


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
