"""``/bookings``: bookings with their payments."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from rest_framework import serializers

from api.archive import ArchivableMixin
from api.base import TenantViewSet
from api.serializers import Id, Money, OutputSerializer, Text
from crm.bookings import archive as booking_archive
from crm.bookings import selectors as booking_selectors
from crm.bookings import services as booking_services
from crm.bookings.filters import BookingFilter
from crm.bookings.lifecycle import BOOKING_TRANSITIONS
from crm.bookings.services import DERIVED
from crm.models import (
    Booking,
    BookingStatus,
)


class PaymentSerializer(OutputSerializer):
    """Money received against a booking."""

    id = Id()
    amount = Money()
    currency = serializers.CharField()
    paid_on = serializers.DateField()
    method = Text()
    reference = Text()
    notes = Text()
    created_at = serializers.DateTimeField()


class BookingSerializer(OutputSerializer):
    """A booking; `balance_due` is `total_price - amount_paid`."""

    id = Id()
    client_id = Id()
    proposal_id = Id(allow_null=True)
    itinerary_id = Id(allow_null=True)
    reference = serializers.CharField()
    status = serializers.ChoiceField(choices=BookingStatus.choices)
    start_date = serializers.DateField(allow_null=True)
    end_date = serializers.DateField(allow_null=True)
    currency = serializers.CharField()
    total_price = Money()
    amount_paid = Money(
        help_text="The sum of the booking's payments; read-only (a write that sends it is a 422)."
    )
    balance_due = Money(help_text="total_price - amount_paid")
    supplier = Text()
    notes = Text()
    archived_at = serializers.DateTimeField(
        allow_null=True, help_text="When the booking was archived; null while it is in the lists."
    )
    archived_by_id = Id(allow_null=True)
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class BookingDetailSerializer(BookingSerializer):
    """A booking with the payments recorded against it."""

    payments = PaymentSerializer(many=True)


class BookingInputSerializer(serializers.Serializer):
    client_id = Id()
    proposal_id = Id(required=False, allow_null=True)
    itinerary_id = Id(required=False, allow_null=True)
    reference = Text(
        max_length=40, required=False, help_text="Unique in your agency; generated when omitted."
    )
    status = serializers.ChoiceField(
        choices=BookingStatus.choices,
        required=False,
        help_text="Changes only along the lifecycle; any other change is a 422 naming the "
        f"current status. {BOOKING_TRANSITIONS.describe()} A new booking is pending; a status "
        "given on creation is reached step by step.",
    )
    start_date = serializers.DateField(required=False, allow_null=True)
    end_date = serializers.DateField(required=False, allow_null=True)
    currency = serializers.CharField(min_length=3, max_length=3, required=False)
    total_price = Money(min_value=Decimal("0"), required=False)
    supplier = Text(max_length=200, required=False, allow_null=True)
    notes = Text(required=False, allow_null=True)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        # amount_paid is read-only, but silently dropping it would let a client believe it
        # had set it: say so instead.
        if isinstance(self.initial_data, Mapping) and "amount_paid" in self.initial_data:
            raise serializers.ValidationError({"amount_paid": [DERIVED]})
        return attrs


class BookingViewSet(ArchivableMixin, TenantViewSet):
    """Bookings; `balance_due` is `total_price - amount_paid`."""

    resource = "booking"
    model = Booking
    output_serializer = BookingSerializer
    detail_serializer = BookingDetailSerializer
    input_serializer = BookingInputSerializer
    filterset_class = BookingFilter
    list_selector = booking_selectors.booking_list
    get_selector = booking_selectors.booking_get
    create_service = booking_services.booking_create
    update_service = booking_services.booking_update
    delete_service = booking_archive.booking_delete
    archive_service = booking_archive.booking_archive
    restore_service = booking_archive.booking_restore
