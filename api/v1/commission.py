"""``/commission-receipts``: commission the agency's suppliers paid for booked services.

A receipt is never deleted or edited: an owner or admin voids one (`POST .../void`, with a
`reason`) and it stays listed, counting for nothing; `DELETE` answers 405 pointing at the void.
A service's `commission_received` and `commission_outstanding` (``/bookings/{id}/services``)
follow from its receipts.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.tenancy import resolve_related
from api.base import TenantViewSet, envelope
from api.exceptions import api_field_names, error_response
from api.idempotency import IdempotentCreateMixin
from api.responses import ERRORS, enveloped
from api.serializers import ErrorSerializer, Id, Money, OutputSerializer, Text
from crm.bookings import commission as commission_services
from crm.bookings import reports
from crm.bookings.filters import CommissionReceiptFilter
from crm.bookings.payments import REASON_MAX
from crm.models import BookingService, CommissionReceipt

VOID_INSTEAD = (
    "Commission receipts are never deleted: void it with POST /api/v1/commission-receipts/{id}/"
    "void and a reason (owners and admins), and it stays listed, counting for nothing."
)


class CommissionReceiptSerializer(OutputSerializer):
    """Commission received from a supplier for one booked service; a voided receipt stays
    listed and counts for nothing."""

    id = Id()
    service_id = Id()
    booking_id = Id()
    supplier_id = Id(allow_null=True, help_text="The service's supplier when it was received.")
    amount = Money()
    currency = serializers.CharField()
    received_on = serializers.DateField()
    reference = Text(help_text="The supplier's remittance or statement reference.")
    note = Text()
    recorded_by_id = Id(allow_null=True)
    is_voided = serializers.BooleanField()
    voided_at = serializers.DateTimeField(allow_null=True)
    void_reason = Text()
    created_at = serializers.DateTimeField()


class CommissionReceiptInputSerializer(serializers.Serializer):
    service_id = Id(help_text="A booked service of your agency (`/bookings/{id}/services`).")
    amount = Money(
        min_value=Decimal("0.01"),
        required=False,
        help_text="At most what is outstanding on the service (else a 409 naming it); left out, "
        'the whole outstanding amount ("mark received").',
    )
    received_on = serializers.DateField(
        required=False,
        help_text="Today or earlier (the agency's today); today when omitted. A later date is "
        "a 422 (a schema compares a date with constants only, not with today).",
    )
    currency = serializers.CharField(
        min_length=3, max_length=3, required=False, help_text="The booking's, if given."
    )
    reference = Text(max_length=100, required=False)
    note = Text(required=False)


class VoidReceiptSerializer(serializers.Serializer):
    reason = serializers.CharField(
        max_length=REASON_MAX,
        help_text="Why it is voided: required, kept in the history (`commission.voided`).",
    )


_FORBIDDEN = OpenApiResponse(
    response=ErrorSerializer, description="An agent's token, or a read-only token."
)


@extend_schema_view(
    # Receipts are voided, never deleted: DELETE is not in the schema (a client generated from
    # it offers none); the server answers it 405 pointing at the void.
    destroy=extend_schema(exclude=True),
)
class CommissionReceiptViewSet(IdempotentCreateMixin, TenantViewSet):
    """The agency's commission receipts, newest first, voided ones included. Filters:
    `supplier_id`, `booking_id`, `service_id`, `date_from`/`date_to` (date received,
    inclusive), `voided`."""

    resource = "commission_receipt"
    model = CommissionReceipt
    output_serializer = CommissionReceiptSerializer
    input_serializer = CommissionReceiptInputSerializer
    filterset_class = CommissionReceiptFilter
    list_selector = reports.commission_receipt_list
    get_selector = reports.commission_receipt_get
    http_method_names = ["get", "post", "delete", "head", "options"]

    def get_serializer_class(self) -> type[serializers.Serializer]:
        if self.action == "void":
            return VoidReceiptSerializer
        return super().get_serializer_class()

    def perform_create(self, fields: dict[str, Any]) -> CommissionReceipt:
        service = resolve_related(
            BookingService, agency=self.agency, value=fields.pop("service_id"), field="service_id"
        )
        assert service is not None  # the serializer requires it
        return commission_services.commission_receipt_record(
            service=service, recorded_by=self.request.auth.user, **fields
        )

    @property
    def allowed_methods(self) -> list[str]:
        # Never deleted (voided instead): DELETE answers 405, so Allow does not offer it.
        return [method for method in super().allowed_methods if method != "DELETE"]

    def destroy(self, request: Request, pk: str, **parent: Any) -> Response:
        self.get_object()  # another agency's receipt is a 404, as everywhere
        return error_response(
            status.HTTP_405_METHOD_NOT_ALLOWED, VOID_INSTEAD, headers={"Allow": "GET"}
        )

    @extend_schema(
        summary="Void a commission receipt",
        description="Owners and admins only, with a `reason`: the receipt stays listed with "
        "`is_voided` true and counts for nothing; its amount is outstanding again.",
        request=VoidReceiptSerializer,
        responses={
            200: enveloped(CommissionReceiptSerializer),
            **{code: ERRORS[code] for code in (400, 401, 404, 413, 415, 422, 429)},
            403: _FORBIDDEN,
        },
    )
    @action(detail=True, methods=["post"], url_path="void", filter_backends=[])
    def void(self, request: Request, pk: str, **parent: Any) -> Response:
        receipt = self.get_object()
        assert isinstance(receipt, CommissionReceipt)  # get_selector's
        serializer = VoidReceiptSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            with api_field_names():
                receipt = commission_services.commission_receipt_void(
                    receipt=receipt,
                    actor=request.auth.user,
                    reason=serializer.validated_data["reason"],
                )
        except PermissionDenied as exc:
            return error_response(403, str(exc))
        return envelope(self.represent(receipt))
