"""Invoices and receipts: issued from a booking, frozen, numbered per agency without gaps.

- ``/bookings/{booking_id}/invoices``: a booking's invoices (GET) and issuing one (POST, no
  body needed); ``/bookings/{booking_id}/receipts``: its receipts, and issuing one for a payment
  (POST ``{"payment_id": ...}``).
- ``/invoices[/{id}]`` and ``/receipts[/{id}]``: the agency's documents; ``.../pdf`` the PDF
  (``application/pdf``; a **409 with `Retry-After`** while it is being prepared, a few seconds
  after issue), ``.../void`` (owners and admins, with a `reason`), ``.../email`` (to the client,
  PDF attached, delivered by a job: 202).

Documents are never edited nor deleted: a mistake is voided (the number is kept) and a new
document issued.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from api.base import TenantViewSet, envelope
from api.exceptions import api_field_names, error_response
from api.responses import ADMINS_ONLY_403
from api.serializers import ErrorSerializer, Id, Money, OutputSerializer, Text
from crm.bookings import selectors as booking_selectors
from crm.invoices import selectors, services
from crm.invoices.models import Invoice, PdfStatus, Receipt
from crm.models import Booking, Payment

RETRY_AFTER_SECONDS = 5
BEING_PREPARED = "The PDF is being prepared: retry after `Retry-After` seconds."

_LINE = {
    "type": "object",
    "required": ["description", "kind", "start_date", "end_date", "amount"],
    "properties": {
        "description": {"type": "string"},
        "kind": {"type": "string"},
        "start_date": {"type": "string", "format": "date", "nullable": True},
        "end_date": {"type": "string", "format": "date", "nullable": True},
        "amount": {"type": "string", "format": "decimal"},
    },
}
_INSTALMENT = {
    "type": "object",
    "required": ["label", "due_date", "amount", "paid", "state"],
    "properties": {
        "label": {"type": "string"},
        "due_date": {"type": "string", "format": "date"},
        "amount": {"type": "string", "format": "decimal"},
        "paid": {"type": "string", "format": "decimal"},
        "state": {"type": "string"},
    },
}
_STRINGS = {"type": "object", "additionalProperties": {"type": "string"}}
_NULLABLE_STRINGS = {"type": "object", "additionalProperties": {"nullable": True}}


@extend_schema_field(
    {
        "type": "object",
        "description": "What the document froze at issue: the agency's letterhead, the client, "
        "the booking, and for an invoice its `lines`, `totals` and `schedule` (a receipt has "
        "`payment` and `totals`). Money as decimal strings, dates `YYYY-MM-DD`.",
        "properties": {
            "agency": _STRINGS,
            "client": _STRINGS,
            "booking": _NULLABLE_STRINGS,
            "currency": {"type": "string"},
            "lines": {"type": "array", "items": _LINE},
            "totals": _STRINGS,
            "schedule": {"type": "array", "items": _INSTALMENT},
            "payment": _NULLABLE_STRINGS,
        },
        "required": ["agency", "client", "booking", "currency", "totals"],
    }
)
class SnapshotField(serializers.DictField):
    pass


class _DocumentSerializer(OutputSerializer):
    id = Id()
    booking_id = Id()
    number = Id(help_text="The number in the agency's series: 1, 2, 3... without gaps.")
    reference = serializers.CharField(help_text="The number as printed, e.g. `INV-2026-0001`.")
    issued_on = serializers.DateField(help_text="The date of issue, in the agency's timezone.")
    issued_at = serializers.DateTimeField()
    issued_by_id = Id(allow_null=True)
    currency = serializers.CharField()
    total = Money()
    is_voided = serializers.BooleanField()
    voided_at = serializers.DateTimeField(allow_null=True)
    void_reason = Text()
    pdf_status = serializers.ChoiceField(
        choices=PdfStatus.choices,
        help_text="`pending` while the PDF is being prepared (its `/pdf` answers 409), then "
        "`ready`.",
    )
    content = SnapshotField(source="snapshot")


class InvoiceSerializer(_DocumentSerializer):
    """An issued invoice: frozen, voided (never deleted) to correct it."""


class ReceiptSerializer(_DocumentSerializer):
    """A receipt for one payment received."""

    payment_id = Id()


class ReceiptInputSerializer(serializers.Serializer):
    payment_id = serializers.IntegerField(
        min_value=1, help_text="A payment of this booking (not a refund, not voided)."
    )


class DocumentVoidSerializer(serializers.Serializer):
    reason = serializers.CharField(
        max_length=services.REASON_MAX, help_text="Why it is voided: required, kept in the history."
    )


class EmailedSerializer(OutputSerializer):
    """The email queued: delivered by a job, the PDF attached."""

    recipient = serializers.CharField()
    created_at = serializers.DateTimeField()


class EmptySerializer(serializers.Serializer):
    pass


_WRITES = (400, 401, 403, 404, 413, 415, 422, 429)
_PDF_409 = OpenApiResponse(response=ErrorSerializer, description=BEING_PREPARED)
_FORBIDDEN = ADMINS_ONLY_403


class _Documents(TenantViewSet):
    """Shared reads and actions of the top-level ``/invoices`` and ``/receipts``."""

    http_method_names = ["get", "post", "head", "options"]
    series: ClassVar[str]
    input_serializer = EmptySerializer
    action_responses: ClassVar[dict[str, tuple[Any, Any, tuple[int, ...]]]] = {
        "pdf": ((200, "application/pdf"), OpenApiTypes.BINARY, (401, 404, 429)),
        "void": (200, None, _WRITES),
        "email": (202, EmailedSerializer, _WRITES),
    }
    extra_responses: ClassVar[dict[str, dict[int, Any]]] = {
        "pdf": {409: _PDF_409},
        "void": {403: _FORBIDDEN},
    }

    def get_serializer_class(self) -> type[serializers.Serializer]:
        if self.action == "void":
            return DocumentVoidSerializer
        if self.action in ("email", "pdf"):
            return EmptySerializer
        return super().get_serializer_class()

    def document(self, *, with_pdf: bool = False) -> Invoice | Receipt:
        found = self.get_selector(
            agency=self.agency, **{f"{self.resource}_id": int(self.kwargs["pk"])}, with_pdf=with_pdf
        )
        assert isinstance(found, Invoice | Receipt)
        return found

    @action(detail=True, methods=["get"], url_path="pdf", filter_backends=[])
    def pdf(self, request: Request, pk: str) -> HttpResponse | Response:
        try:
            document = self.document(with_pdf=True)
        except self.model.DoesNotExist:
            return error_response(404, "Not found.")
        if not document.pdf_ready or document.pdf is None:
            return error_response(
                status.HTTP_409_CONFLICT,
                BEING_PREPARED,
                headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
            )
        response = HttpResponse(bytes(document.pdf), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{document.filename}"'
        response["Cache-Control"] = "private, no-store"
        return response

    @action(detail=True, methods=["post"], url_path="void", filter_backends=[])
    def void(self, request: Request, pk: str) -> Response:
        document = self.get_object()
        serializer = DocumentVoidSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            with api_field_names():
                voided = services.document_void(
                    document=document,  # type: ignore[arg-type]
                    actor=request.auth.user,
                    reason=serializer.validated_data["reason"],
                )
        except PermissionDenied as exc:
            return error_response(403, str(exc))
        return envelope(self.represent(voided))

    @action(detail=True, methods=["post"], url_path="email", filter_backends=[])
    def email(self, request: Request, pk: str) -> Response:
        document = self.get_object()
        with api_field_names():
            sent = services.document_email(
                document=document,  # type: ignore[arg-type]
                sent_by=request.auth.user,
            )
        return envelope(EmailedSerializer.represent(sent), status.HTTP_202_ACCEPTED)


@extend_schema(tags=["invoices"])
class InvoiceViewSet(_Documents):
    """The agency's invoices, newest number first."""

    resource = "invoice"
    model = Invoice
    output_serializer = InvoiceSerializer
    list_selector = selectors.invoice_list
    get_selector = selectors.invoice_get
    action_responses = {**_Documents.action_responses, "void": (200, InvoiceSerializer, _WRITES)}


@extend_schema(tags=["receipts"])
class ReceiptViewSet(_Documents):
    """The agency's receipts, newest number first."""

    resource = "receipt"
    model = Receipt
    output_serializer = ReceiptSerializer
    list_selector = selectors.receipt_list
    get_selector = selectors.receipt_get
    action_responses = {**_Documents.action_responses, "void": (200, ReceiptSerializer, _WRITES)}


class _BookingDocuments(TenantViewSet):
    """List and issue only (routed by ``api.urls``' list-only router): one document is read at
    ``/invoices/{id}`` or ``/receipts/{id}``."""

    parent = "booking"
    parent_selector = selectors.document_booking
    http_method_names = ["get", "post", "head", "options"]

    def booking(self) -> Booking:
        booking = self.parents()["booking"]
        assert isinstance(booking, Booking)
        return booking


class BookingInvoiceViewSet(_BookingDocuments):
    """A booking's invoices. POST issues one from the booking as it stands now (no body): its
    services, totals and schedule are frozen into it; 422 for a cancelled booking or a total of
    0.00."""

    resource = "invoice"
    model = Invoice
    output_serializer = InvoiceSerializer
    input_serializer = EmptySerializer
    list_selector = selectors.invoice_list
    get_selector = selectors.invoice_get

    def perform_create(self, fields: dict[str, Any]) -> Invoice:
        return services.invoice_issue(booking=self.booking(), issued_by=self.request.auth.user)


class BookingReceiptViewSet(_BookingDocuments):
    """A booking's receipts. POST issues one for a payment of the booking (`payment_id`); one
    live receipt per payment (void it to issue another)."""

    resource = "receipt"
    model = Receipt
    output_serializer = ReceiptSerializer
    input_serializer = ReceiptInputSerializer
    list_selector = selectors.receipt_list
    get_selector = selectors.receipt_get

    def perform_create(self, fields: dict[str, Any]) -> Receipt:
        booking = self.booking()
        try:
            payment = booking_selectors.payment_get(
                agency=self.agency, booking=booking, payment_id=fields["payment_id"]
            )
        except Payment.DoesNotExist:
            raise ValidationError(
                {"payment_id": [f"No payment with id {fields['payment_id']} on this booking."]}
            ) from None
        try:
            return services.receipt_issue(payment=payment, issued_by=self.request.auth.user)
        except ValidationError as exc:
            errors = exc.message_dict
            raise type(exc)(  # a Conflict stays one (a 409)
                {("payment_id" if k == "payment" else k): v for k, v in errors.items()}
            ) from exc
