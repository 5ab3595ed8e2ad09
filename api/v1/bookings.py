"""``/bookings``: bookings with their schedule and payments (``/bookings/{id}/schedule``;
the payments themselves are ``api/v1/payments.py``)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from api.archive import ArchivableMixin
from api.base import TenantViewSet, envelope
from api.exceptions import api_field_names
from api.responses import ERRORS, enveloped
from api.serializers import Id, Money, OutputSerializer, Text
from api.v1.payments import PaymentSerializer, ScheduleInputSerializer, ScheduleSerializer
from api.v1.travellers import (
    passport_warnings_output,
    traveller_ids_input,
    traveller_ids_output,
)
from crm.bookings import archive as booking_archive
from crm.bookings import schedules
from crm.bookings import selectors as booking_selectors
from crm.bookings import services as booking_services
from crm.bookings.filters import BookingFilter
from crm.bookings.lifecycle import BOOKING_TRANSITIONS
from crm.bookings.services import DERIVED
from crm.models import (
    Booking,
    BookingStatus,
)


class BookingSerializer(OutputSerializer):
    """A booking; `balance_due` is what is still owed (`total_price - amount_paid`, never
    below 0) and `credit_balance` what was paid beyond the total (recorded as a credit)."""

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
        help_text="The booking's payments minus its refunds, voided entries left out; read-only "
        "(a write that sends it is a 422)."
    )
    balance_due = Money(help_text="total_price - amount_paid, never below 0")
    credit_balance = Money(help_text="amount_paid - total_price when positive, else 0")
    supplier = Text()
    notes = Text()
    archived_at = serializers.DateTimeField(
        allow_null=True, help_text="When the booking was archived; null while it is in the lists."
    )
    archived_by_id = Id(allow_null=True)
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class BookingDetailSerializer(BookingSerializer):
    """A booking with its payment schedule (derived states) and its payments (voided ones
    included, with `is_voided`)."""

    schedule = ScheduleSerializer()
    payments = PaymentSerializer(many=True)
    traveller_ids = traveller_ids_output()
    passport_warnings = passport_warnings_output()


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
    traveller_ids = traveller_ids_input()

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        # amount_paid is read-only, but silently dropping it would let a client believe it
        # had set it: say so instead.
        if isinstance(self.initial_data, Mapping) and "amount_paid" in self.initial_data:
            raise serializers.ValidationError({"amount_paid": [DERIVED]})
        return attrs


_SCHEDULE_RESPONSES = {
    200: enveloped(ScheduleSerializer),
    **{code: ERRORS[code] for code in (401, 404, 429)},
}
_SCHEDULE_WRITE_RESPONSES = {
    **_SCHEDULE_RESPONSES,
    **{code: ERRORS[code] for code in (400, 403, 413, 415, 422)},
}


class BookingViewSet(ArchivableMixin, TenantViewSet):
    """Bookings; `balance_due` is what is still owed, `credit_balance` what was paid beyond the
    total. Filters include `overdue=true` (an instalment past its date and not paid)."""

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

    @extend_schema(
        methods=["GET"],
        summary="A booking's payment schedule",
        request=None,
        responses=_SCHEDULE_RESPONSES,
    )
    @extend_schema(
        methods=["PUT"],
        summary="Set a booking's payment schedule",
        description="Replaces the schedule. The instalments' total must equal the booking's "
        "total: otherwise a 422 naming both figures, and nothing changes.",
        request=ScheduleInputSerializer,
        responses=_SCHEDULE_WRITE_RESPONSES,
    )
    @extend_schema(
        methods=["DELETE"],
        summary="Clear a booking's payment schedule",
        request=None,
        responses=_SCHEDULE_WRITE_RESPONSES,
    )
    @action(detail=True, methods=["get", "put", "delete"], url_path="schedule", filter_backends=[])
    def schedule(self, request: Request, pk: str) -> Response:
        booking = self.get_object()
        assert isinstance(booking, Booking)
        if request.method == "PUT":
            serializer = ScheduleInputSerializer(data=request.data)
            serializer.is_valid(raise_exception=True)
            data = serializer.validated_data
            with api_field_names():
                if "template" in data:
                    schedules.schedule_apply_template(
                        booking=booking,
                        template=data["template"],
                        deposit_percent=data.get("deposit_percent"),
                        balance_days_before=data.get("balance_days_before"),
                        instalments=data.get("instalments_count"),
                    )
                else:
                    schedules.schedule_set(booking=booking, instalments=data["instalments"])
        elif request.method == "DELETE":
            schedules.schedule_clear(booking=booking)
        return envelope(ScheduleSerializer.represent(schedules.booking_schedule(booking=booking)))
