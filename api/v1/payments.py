"""``/bookings/{booking_id}/payments``: a booking's payments and refunds, and its schedule's
serializers (the schedule itself is ``/bookings/{id}/schedule``, in ``bookings.py``).

Payments are never deleted: an owner or admin corrects one (PATCH, with a `reason`) or voids it
(`POST .../void`, with a `reason`); `DELETE` answers 405 pointing at the void.
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

from api.base import TenantViewSet, envelope
from api.exceptions import api_field_names, error_response
from api.idempotency import IdempotentCreateMixin
from api.responses import ERRORS, enveloped
from api.serializers import DecimalString, ErrorSerializer, Id, Money, OutputSerializer, Text
from api.v1.exports import CsvListMixin
from crm.bookings import payments as payment_services
from crm.bookings import selectors as booking_selectors
from crm.bookings.filters import PaymentFilter
from crm.bookings.schedules import (
    MAX_INSTALMENTS,
    MONTHLY_DEFAULT,
    InstalmentState,
    ScheduleTemplate,
)
from crm.models import Booking, Payment, PaymentKind, PaymentMethod

VOID_INSTEAD = (
    "Payments are never deleted: void it with POST /api/v1/bookings/{booking_id}/payments/"
    "{id}/void and a reason (owners and admins), and it stays listed, counting for nothing."
)
ADMIN_ONLY = "Owners' and admins' tokens only: an agent's token is a 403."


class PaymentSerializer(OutputSerializer):
    """A payment received, or a refund paid back; a voided entry stays listed and counts for
    nothing in `amount_paid`."""

    id = Id()
    booking_id = Id()
    kind = serializers.ChoiceField(choices=PaymentKind.choices)
    amount = Money()
    currency = serializers.CharField()
    paid_on = serializers.DateField()
    method = serializers.ChoiceField(
        choices=[("", "(none)"), *PaymentMethod.choices], allow_blank=True
    )
    method_detail = Text(help_text="What `other` was, or the card's type.")
    reference = Text()
    notes = Text()
    is_credit = serializers.BooleanField(
        help_text="Recorded explicitly as a credit: it took the booking past its total."
    )
    is_voided = serializers.BooleanField()
    voided_at = serializers.DateTimeField(allow_null=True)
    void_reason = Text()
    recorded_by_id = Id(allow_null=True)
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


# A date on 2000-01-01 or later (crm.bookings.payments.EARLIEST_PAYMENT), as a pattern over
# its ISO 8601 text: what a schema can say of the service's floor.
SINCE_2000 = "^[2-9][0-9]{3}-"


class PaymentInputSerializer(serializers.Serializer):
    schema_properties = {"paid_on": {"pattern": SINCE_2000}}
    # crm.bookings.payments: "A refund is not a credit: leave it off." (the schema's ``not``)
    refused_together = {"kind": "refund", "as_credit": True}

    kind = serializers.ChoiceField(
        choices=PaymentKind.choices,
        required=False,
        help_text="`refund`: money paid back to the client; it reduces `amount_paid` and may not "
        "be more than what was paid.",
    )
    amount = Money(min_value=Decimal("0.01"))
    paid_on = serializers.DateField(
        required=False,
        help_text="Today or earlier (the agency's today); today when omitted. A later date is "
        "a 422 (a schema compares a date with constants only, not with today).",
    )
    currency = serializers.CharField(
        min_length=3, max_length=3, required=False, help_text="The booking's, if given."
    )
    method = serializers.ChoiceField(
        choices=PaymentMethod.choices, required=False, allow_blank=True
    )
    method_detail = Text(max_length=100, required=False)
    reference = Text(max_length=100, required=False)
    notes = Text(required=False)
    as_credit = serializers.BooleanField(
        required=False,
        help_text="A payment larger than the balance due is a 409 naming the balance unless this "
        "is true: the booking then shows a `credit_balance`.",
    )


class PaymentUpdateSerializer(serializers.Serializer):
    required_in_patch = ("reason",)  # the schema says what partial_update's 422 says
    schema_properties = {"paid_on": {"pattern": SINCE_2000}}

    amount = Money(min_value=Decimal("0.01"), required=False)
    paid_on = serializers.DateField(
        required=False,
        help_text="Today or earlier (the agency's today): a later date is a 422 (a schema "
        "compares a date with constants only, not with today).",
    )
    method = serializers.ChoiceField(
        choices=PaymentMethod.choices, required=False, allow_blank=True
    )
    method_detail = Text(max_length=100, required=False)
    reference = Text(max_length=100, required=False)
    notes = Text(required=False)
    as_credit = serializers.BooleanField(required=False)
    reason = serializers.CharField(
        max_length=payment_services.REASON_MAX,
        help_text="Why it is corrected: required, kept in the history (`payment.updated`).",
    )


class VoidSerializer(serializers.Serializer):
    reason = serializers.CharField(
        max_length=payment_services.REASON_MAX,
        help_text="Why it is voided: required, kept in the history (`payment.voided`).",
    )


def _errors(*codes: int) -> dict[int, Any]:
    return {code: ERRORS[code] for code in codes}


_FORBIDDEN = OpenApiResponse(
    response=ErrorSerializer, description="An agent's token, or a read-only token."
)


@extend_schema_view(
    partial_update=extend_schema(
        summary="Correct a payment",
        description=f"Owners and admins only, with a `reason`. {ADMIN_ONLY}",
        request=PaymentUpdateSerializer,
        responses={
            200: enveloped(PaymentSerializer),
            **_errors(400, 401, 404, 413, 415, 422, 429),
            403: _FORBIDDEN,
        },
    ),
    # Payments are voided, never deleted: DELETE is not an operation of the schema (a client
    # generated from it offers none), and the server answers it 405 pointing at the void.
    destroy=extend_schema(exclude=True),
)
class PaymentViewSet(CsvListMixin, IdempotentCreateMixin, TenantViewSet):
    """A booking's payments and refunds, oldest first, voided ones included (struck through in
    the dashboard). Filters: `kind`, `voided`, `paid_on_after`/`paid_on_before`."""

    export = "payments"  # ?format=csv (api.v1.exports)
    resource = "payment"
    parent = "booking"
    parent_selector = booking_selectors.booking_get
    model = Payment
    output_serializer = PaymentSerializer
    input_serializer = PaymentInputSerializer
    filterset_class = PaymentFilter
    list_selector = booking_selectors.payment_list
    get_selector = booking_selectors.payment_get
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def get_serializer_class(self) -> type[serializers.Serializer]:
        if self.action == "partial_update":
            return PaymentUpdateSerializer
        if self.action == "void":
            return VoidSerializer
        return super().get_serializer_class()

    def booking(self) -> Booking:
        booking = self.parents()["booking"]
        assert isinstance(booking, Booking)  # parent_selector's
        return booking

    def payment(self) -> Payment:
        payment = self.get_object()
        assert isinstance(payment, Payment)  # get_selector's
        return payment

    def perform_create(self, fields: dict[str, Any]) -> Payment:
        return payment_services.payment_record(
            booking=self.booking(), recorded_by=self.request.auth.user, **fields
        )

    def partial_update(self, request: Request, pk: str, **parent: Any) -> Response:
        payment = self.payment()
        serializer = PaymentUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        fields = dict(serializer.validated_data)
        reason = fields.pop("reason")
        try:
            with api_field_names():
                payment = payment_services.payment_update(
                    payment=payment, actor=request.auth.user, reason=reason, **fields
                )
        except PermissionDenied as exc:
            return error_response(403, str(exc))
        return envelope(self.represent(payment))

    def update(self, request: Request, pk: str, partial: bool = False, **parent: Any) -> Response:
        return self.partial_update(request, pk)

    @property
    def allowed_methods(self) -> list[str]:
        # Never deleted (voided instead): DELETE answers 405, so Allow does not offer it.
        return [method for method in super().allowed_methods if method != "DELETE"]

    def destroy(self, request: Request, pk: str, **parent: Any) -> Response:
        self.get_object()  # another agency's payment is a 404, as everywhere
        return error_response(
            status.HTTP_405_METHOD_NOT_ALLOWED, VOID_INSTEAD, headers={"Allow": "GET, PATCH"}
        )

    @extend_schema(
        summary="Void a payment",
        description="Owners and admins only, with a `reason`: the entry stays listed with "
        f"`is_voided` true and counts for nothing. {ADMIN_ONLY}",
        request=VoidSerializer,
        responses={
            200: enveloped(PaymentSerializer),
            **_errors(400, 401, 404, 413, 415, 422, 429),
            403: _FORBIDDEN,
        },
    )
    @action(detail=True, methods=["post"], url_path="void", filter_backends=[])
    def void(self, request: Request, pk: str, **parent: Any) -> Response:
        payment = self.payment()
        serializer = VoidSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            payment = payment_services.payment_void(
                payment=payment, actor=request.auth.user, reason=serializer.validated_data["reason"]
            )
        except PermissionDenied as exc:
            return error_response(403, str(exc))
        return envelope(self.represent(payment))


# The schedule ------------------------------------------------------------------------------------


class InstalmentSerializer(OutputSerializer):
    """One instalment; `paid` is what the booking's payments cover of it (allocated in due-date
    order) and `state` follows from it: `paid`, `part_paid`, `due`, or `overdue` (past its date
    and not covered)."""

    id = Id()
    # ``label`` is also an attribute of every DRF field; as a field name it is the API's.
    label = serializers.CharField()  # type: ignore[assignment]
    due_date = serializers.DateField()
    amount = Money()
    paid = Money()
    outstanding = Money()
    state = serializers.ChoiceField(choices=InstalmentState.choices)


class ScheduleSerializer(OutputSerializer):
    """The payment schedule. `matches_total` is false (with a `warning`) when the booking's total
    changed after the schedule was set."""

    is_set = serializers.BooleanField()
    total = Money(help_text="The instalments' sum.")
    currency = serializers.CharField()
    matches_total = serializers.BooleanField()
    warning = Text()
    instalments = InstalmentSerializer(many=True)

    @classmethod
    def represent(cls, instance: Any) -> dict[str, Any]:
        return {
            "is_set": instance.is_set,
            "total": f"{instance.total:.2f}",
            "currency": instance.currency,
            "matches_total": instance.matches_total,
            "warning": instance.warning,
            "instalments": InstalmentSerializer.represent_many(instance.instalments),
        }


class InstalmentInputSerializer(serializers.Serializer):
    # Due on 2000-01-01 or later (crm.bookings.payments.EARLIEST_PAYMENT), said as a pattern.
    schema_properties = {"due_date": {"pattern": SINCE_2000}}

    label = Text(max_length=100, required=False, help_text="`Instalment N` when empty.")  # type: ignore[assignment]
    due_date = serializers.DateField()
    amount = Money(min_value=Decimal("0.01"))


class ScheduleInputSerializer(serializers.Serializer):
    """Either `instalments` (their total must equal the booking's total, else a 409 naming both)
    or a `template` with its parameters."""

    exactly_one_of = ("instalments", "template")  # the schema's oneOf (api.schema)
    # What crm.bookings.schedules checks, with its own messages.
    schema_properties = {"instalments": {"minItems": 1, "maxItems": MAX_INSTALMENTS}}

    instalments = InstalmentInputSerializer(many=True, required=False)
    template = serializers.ChoiceField(
        choices=ScheduleTemplate.choices,
        required=False,
        help_text="`full`: everything today. `deposit_balance`: `deposit_percent` today, the rest "
        "`balance_days_before` days before departure (a 409 while the booking has no start "
        "date). `deposit_monthly`: `deposit_percent` today, "
        "the rest in `instalments_count` monthly payments. The last instalment takes the "
        "rounding remainder, so the sum is exact.",
    )
    deposit_percent = DecimalString(
        max_digits=5,
        decimal_places=2,
        min_value=Decimal(1),
        max_value=Decimal(99),
        required=False,
        help_text="1 to 99; 30 when omitted.",
    )
    balance_days_before = serializers.IntegerField(
        min_value=0,
        max_value=730,
        required=False,
        help_text="Days before departure the balance is due; 60 when omitted.",
    )
    instalments_count = serializers.IntegerField(
        min_value=1,
        max_value=MAX_INSTALMENTS - 1,
        required=False,
        help_text=f"How many monthly instalments follow the deposit; {MONTHLY_DEFAULT} when "
        "omitted.",
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if ("instalments" in attrs) == ("template" in attrs):
            raise serializers.ValidationError(
                {"template": ["Send either `instalments` or a `template`, not both or neither."]}
            )
        return attrs
