"""``/bookings``: bookings with their services, schedule, payments and derived figures; the
services at ``/bookings/{id}/services[/{service_id}]``, the schedule at
``/bookings/{id}/schedule`` (the payments themselves are ``api/v1/payments.py``)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, ClassVar

from django.db import models
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from api.archive import ArchivableMixin
from api.base import TenantViewSet, envelope, service_fields
from api.exceptions import api_field_names
from api.responses import DOCUMENTS_KEPT_422, ERRORS, enveloped
from api.serializers import SUPPLIER_BY_NAME, Id, Money, OutputSerializer, Text, max_length_of
from api.v1.booking_services import (
    SERVICE_ID,
    BookingServiceCreateSerializer,
    BookingServiceInputSerializer,
    BookingServiceSerializer,
    FinancialsSerializer,
)
from api.v1.exports import CsvListMixin
from api.v1.payments import PaymentSerializer, ScheduleInputSerializer, ScheduleSerializer
from api.v1.travellers import (
    passport_warnings_output,
    traveller_ids_input,
    traveller_ids_output,
)
from crm.bookings import archive as booking_archive
from crm.bookings import booked_services, schedules
from crm.bookings import selectors as booking_selectors
from crm.bookings import services as booking_services
from crm.bookings.filters import BookingFilter
from crm.bookings.financials import booking_financials
from crm.bookings.lifecycle import BOOKING_TRANSITIONS
from crm.bookings.services import DERIVED, PRICED_BY_SERVICES
from crm.models import (
    Booking,
    BookingService,
    BookingStatus,
    Supplier,
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
    total_cost = Money(help_text="The sum of the costs of its services (not cancelled).")
    commission_expected = Money(help_text="The commission its services expect (not cancelled).")
    commission_received = Money(
        help_text="The commission receipts of its services (not cancelled), voided ones left out."
    )
    margin = Money(help_text="total_price - total_cost")
    supplier = Text(source="supplier_name", help_text="The supplier's name; empty for none.")
    supplier_id = Id(allow_null=True)
    notes = Text()
    archived_at = serializers.DateTimeField(
        allow_null=True, help_text="When the booking was archived; null while it is in the lists."
    )
    archived_by_id = Id(allow_null=True)
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class BookingDetailSerializer(BookingSerializer):
    """A booking with its services, its payment schedule (derived states), the payments
    recorded against it (voided ones included, with `is_voided`) and its figures."""

    services = BookingServiceSerializer(many=True)
    schedule = ScheduleSerializer()
    payments = PaymentSerializer(many=True)
    traveller_ids = traveller_ids_output()
    passport_warnings = passport_warnings_output()
    financials = FinancialsSerializer()

    @classmethod
    def plan(cls) -> list[Any]:
        # ``financials`` is computed from the (prefetched) services, not read off the row.
        return [
            (name, booking_financials if name == "financials" else get, convert)
            for name, get, convert in super().plan()
        ]


class BookingInputSerializer(serializers.Serializer):
    client_id = Id()
    proposal_id = Id(required=False, allow_null=True)
    itinerary_id = Id(required=False, allow_null=True)
    reference = Text(
        max_length=40,
        required=False,
        help_text="Unique in your agency; generated (`BK-XXXXXX`) when omitted from a create "
        "or sent blank.",
    )
    status = serializers.ChoiceField(
        choices=BookingStatus.choices,
        required=False,
        help_text="Changes only along the lifecycle; any other change is a 422 naming the "
        f"current status. {BOOKING_TRANSITIONS.describe()} A new booking is pending; a status "
        "given on creation is reached step by step.",
    )
    start_date = serializers.DateField(required=False, allow_null=True)
    end_date = serializers.DateField(
        required=False,
        allow_null=True,
        help_text="On or after `start_date` (the one sent, else the stored one); a 422 otherwise.",
    )
    currency = serializers.CharField(min_length=3, max_length=3, required=False)
    total_price = Money(
        min_value=Decimal("0"),
        required=False,
        help_text="Only while the booking has no services; then it is the sum of their prices "
        f"and a different value is a 422 ({PRICED_BY_SERVICES})",
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
    notes = Text(required=False, allow_null=True)
    traveller_ids = traveller_ids_input()

    # Refused with its reason rather than as an unknown field (api.strict).
    refused_fields: ClassVar[dict[str, str]] = {"amount_paid": DERIVED}
    # A PUT that omits the total keeps it: with services it is their sum (api.strict).
    kept_on_replace = ("total_price",)

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


class BookingViewSet(CsvListMixin, ArchivableMixin, TenantViewSet):
    """Bookings with their services, schedule, payments and figures. `GET /bookings/{id}`
    includes `services`, `schedule`, `payments` and `financials`; `balance_due` is what is still
    owed, `credit_balance` what was paid beyond the total. Lists filter by travel dates
    (`date_from`, `date_to`), `consultant_id`, `supplier_id`, `balance_due` and `overdue=true`
    (an instalment past its date and not paid)."""

    export = "bookings"  # ?format=csv (api.v1.exports)
    extra_responses = {"destroy": {422: DOCUMENTS_KEPT_422}}
    resource = "booking"
    model = Booking
    output_serializer = BookingSerializer
    detail_serializer = BookingDetailSerializer
    input_serializer = BookingInputSerializer
    filterset_class = BookingFilter
    list_selector = booking_selectors.booking_list
    get_selector = booking_selectors.booking_detail
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
        "total: otherwise a 409 naming both figures, and nothing changes.",
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

    nested_resources = {
        "services": (BookingServiceSerializer, "list"),
        "service": (BookingServiceSerializer, "detail"),
    }

    # The booking's services -----------------------------------------------------------------

    def _service_fields(
        self, request: Request, *, partial: bool, create: bool = False
    ) -> dict[str, Any]:
        kind = BookingServiceCreateSerializer if create else BookingServiceInputSerializer
        serializer = kind(data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        return service_fields(serializer.validated_data)

    def confirm_target(self) -> None:
        super().confirm_target()
        if "service_id" in self.kwargs:  # a service of another booking is a 404 too
            self._service(self.get_object(), self.kwargs["service_id"])

    def _service(self, booking: models.Model, service_id: str) -> BookingService:
        try:
            return booking_selectors.booking_service_get(
                agency=self.agency, booking_id=booking.pk, service_id=int(service_id)
            )
        except BookingService.DoesNotExist:
            raise exceptions.NotFound() from None

    @extend_schema(methods=["GET"], summary="List a booking's services")
    @extend_schema(
        methods=["POST"],
        summary="Add a service to a booking",
        request=BookingServiceCreateSerializer,
    )
    @action(detail=True, methods=["get", "post"], url_path="services", filter_backends=[])
    def services(self, request: Request, pk: str) -> Response:
        """The booking's services in order (`GET`), or a new one at the end (`POST`); the
        booking's figures follow every change."""
        booking = self.get_object()
        assert isinstance(booking, Booking)
        if request.method == "POST":
            fields = self._service_fields(request, partial=False, create=True)
            with api_field_names():
                service = booked_services.booking_service_add(
                    booking=booking, created_by=request.auth.user, **fields
                )
            service = self._service(booking, str(service.pk))
            return envelope(BookingServiceSerializer.represent(service), status.HTTP_201_CREATED)
        paginator = self.page_paginator
        paginator.parse(request)
        rows = paginator.paginate_queryset(
            booking_selectors.booking_service_list(agency=self.agency, booking_id=booking.pk),
            request,
            self,
        )
        return paginator.get_paginated_response(BookingServiceSerializer.represent_many(rows))

    @extend_schema(methods=["GET"], summary="Retrieve a booking's service", parameters=[SERVICE_ID])
    @extend_schema(
        methods=["PUT"],
        summary="Replace a booking's service",
        request=BookingServiceInputSerializer,
        parameters=[SERVICE_ID],
    )
    @extend_schema(
        methods=["PATCH"],
        summary="Update a booking's service",
        request=BookingServiceInputSerializer,
        parameters=[SERVICE_ID],
    )
    @extend_schema(
        methods=["DELETE"],
        summary="Remove a booking's service",
        description="Removes a service entered by mistake; a service that was booked is "
        "cancelled instead (`PATCH` with `status: cancelled`), so the history keeps it.",
        parameters=[SERVICE_ID],
    )
    @action(
        detail=True,
        methods=["get", "put", "patch", "delete"],
        url_path=r"services/(?P<service_id>[0-9]{1,18})",
        filter_backends=[],
    )
    def service(self, request: Request, pk: str, service_id: str) -> Response:
        """One service of the booking."""
        booking = self.get_object()
        service = self._service(booking, service_id)
        if request.method == "DELETE":
            booked_services.booking_service_remove(service=service)
            return Response(status=status.HTTP_204_NO_CONTENT)
        if request.method in ("PUT", "PATCH"):
            fields = self._service_fields(request, partial=request.method == "PATCH")
            with api_field_names():
                booked_services.booking_service_update(
                    service=service, updated_by=request.auth.user, **fields
                )
            service = self._service(booking, service_id)
        return envelope(BookingServiceSerializer.represent(service))
