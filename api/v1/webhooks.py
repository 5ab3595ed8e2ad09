"""``/webhooks``: the endpoints an integrator registers, their delivery log, replays and test
events. Owners and admins only (an agent's token gets a 403); the signing secret is in the
answer to the create and to a rotation, never again (``secret_hint`` tells which one it is).
"""

from __future__ import annotations

from typing import Any, ClassVar

from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import exceptions, serializers, status
from rest_framework.decorators import action
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.response import Response

from api.base import TenantViewSet, envelope
from api.idempotency import IdempotentCreateMixin
from api.permissions import TokenPermission
from api.serializers import Id, OutputSerializer, Text
from crm.models import DeliveryStatus, WebhookDelivery, WebhookEndpoint
from crm.webhooks import selectors as webhook_selectors
from crm.webhooks import services as webhook_services
from crm.webhooks.catalogue import TEST_EVENT, TYPES
from crm.webhooks.filters import WebhookFilter
from crm.webhooks.models import RESPONSE_BODY_KEPT, DisabledReason

ADMINS_ONLY = (
    "Webhooks are managed by the agency's owner or an admin: this token belongs to an agent."
)
ALL_TYPES = sorted(TYPES)


class AgencyAdminPermission(BasePermission):
    """The token's user is the agency's owner or an admin."""

    def has_permission(self, request: Request, view: Any) -> bool:
        if not request.auth.user.is_agency_admin:
            raise exceptions.PermissionDenied(ADMINS_ONLY)
        return True


@extend_schema_field(
    {
        "type": "array",
        "items": {"type": "string", "enum": ALL_TYPES},
        "uniqueItems": True,
        "description": "The event types sent to it (see `GET /webhooks/event-types`); an empty "
        "list means every type, today's and those added later.",
    }
)
class EventTypesField(serializers.ListField):
    """Names checked by the service, so an unknown one is one clear message on
    ``event_types``."""


# Output -------------------------------------------------------------------------------------


class WebhookSerializer(OutputSerializer):
    """An endpoint Itinera sends signed events to."""

    id = Id()
    url = serializers.CharField()
    description = Text()
    event_types = EventTypesField(child=serializers.CharField())
    is_active = serializers.BooleanField(help_text="Switched on: events are sent to it.")
    disabled_reason = serializers.ChoiceField(
        choices=[("", "On"), *DisabledReason.choices],
        help_text="Why it is off: `manual` (switched off), `gone` (it answered 410) or `failing` "
        "(every attempt failed for days); empty while it is on.",
    )
    disabled_at = serializers.DateTimeField(allow_null=True)
    secret_hint = serializers.CharField(
        help_text="The signing secret's last characters (`whsec_…AbC=`), to tell which one you "
        "hold; the secret itself is shown only by the create and `rotate-secret`."
    )
    previous_secret_valid_until = serializers.DateTimeField(
        allow_null=True,
        help_text="After a rotation, the previous secret also signs every delivery until this "
        "time (24 hours); null when only the current one signs.",
    )
    failing_since = serializers.DateTimeField(
        allow_null=True, help_text="Since when every attempt has failed; null after a success."
    )
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class WebhookWithSecretSerializer(WebhookSerializer):
    """An endpoint with its signing secret: shown in this answer only."""

    secret = serializers.CharField(
        help_text="The Standard Webhooks signing secret (`whsec_` and base64). Store it now: it "
        "is never shown again (rotate it if it is lost)."
    )


class DeliverySerializer(OutputSerializer):
    """Sending one event to one endpoint: its state, and how the last attempt went."""

    id = Id()
    webhook_id = Id(source="endpoint_id")
    event_id = serializers.CharField(
        source="message.public_id",
        help_text="The event's id (`msg_…`): the body's `id` and the `webhook-id` header, the "
        "same on every retry and replay. Deduplicate on it.",
    )
    event_type = serializers.ChoiceField(choices=[*ALL_TYPES, TEST_EVENT])
    status = serializers.ChoiceField(
        choices=DeliveryStatus.choices,
        help_text="`pending` (not tried yet), `retrying` (failed, tried again at "
        "`next_attempt_at`), `succeeded` (a 2xx), `failed` (given up), `cancelled` (the "
        "endpoint was switched off first).",
    )
    attempts = serializers.IntegerField(min_value=0, help_text="Requests made so far.")
    next_attempt_at = serializers.DateTimeField(
        allow_null=True, help_text="When it is tried next; null once it has ended."
    )
    last_status_code = serializers.IntegerField(
        allow_null=True, help_text="The last attempt's HTTP status; null if nothing answered."
    )
    last_error = Text(help_text="Why the last attempt failed, in words (timeout, refused...).")
    replay_of_id = Id(
        allow_null=True, help_text="The delivery this one replays; null for a first delivery."
    )
    requested_by_id = Id(
        allow_null=True, help_text="Who asked for a replay or a test event; null otherwise."
    )
    created_at = serializers.DateTimeField()
    completed_at = serializers.DateTimeField(allow_null=True)


class AttemptSerializer(OutputSerializer):
    """One HTTP request of a delivery."""

    number = serializers.IntegerField(min_value=1)
    started_at = serializers.DateTimeField()
    duration_ms = serializers.IntegerField(min_value=0)
    status_code = serializers.IntegerField(
        allow_null=True, help_text="Null when nothing answered (timeout, connection refused)."
    )
    error = Text()
    response_body = Text(
        help_text=f"The first {RESPONSE_BODY_KEPT:,} characters of the endpoint's answer."
    )


class DeliveryDetailSerializer(DeliverySerializer):
    """A delivery with the exact body it sends and every attempt, oldest first."""

    body = serializers.CharField(
        source="message.body",
        help_text="The exact JSON text signed and sent on every attempt (and every replay).",
    )
    attempt_log = AttemptSerializer(many=True, source="log")


class EventTypeSerializer(OutputSerializer):
    """A webhook event type."""

    name = serializers.CharField()
    resource = serializers.CharField(
        help_text="What `data` holds: that API resource as `GET /api/v1/...` shows it."
    )
    description = serializers.CharField()
    deleted = serializers.BooleanField(help_text="The record is gone: `data` holds only its `id`.")


class EventTypeListSerializer(serializers.Serializer):
    """The catalogue of event types (one short list: not paginated)."""

    data = EventTypeSerializer(many=True)  # type: ignore[assignment]  # the body's field


URL_PATTERN = (
    r"^[Hh][Tt][Tt][Pp][Ss]://([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,8}[A-Za-z]{2,63}"
    r"(/[!\"$-?A-\[\]-~]*)?$"
)

# Input --------------------------------------------------------------------------------------


class WebhookInputSerializer(serializers.Serializer):
    # What core.outbound.check_url takes, as far as a pattern can say it: https, a host name with
    # its top-level domain, no user, port or #fragment, printable ASCII. (A URL with a port is
    # accepted too; a host that is an address is judged by its range, which no pattern says.)
    schema_properties = {
        "url": {"pattern": URL_PATTERN, "format": "uri"},
    }
    url = serializers.CharField(
        max_length=2000,
        help_text="https:// and a public address (an address in a private, loopback or "
        "link-local range is refused, now and at every delivery); redirects are never followed.",
    )
    description = Text(max_length=webhook_services.DESCRIPTION_MAX, required=False)
    event_types = EventTypesField(child=serializers.CharField(), required=False)
    is_active = serializers.BooleanField(
        required=False, help_text="On by default; switching it off cancels what waits for it."
    )


# Views --------------------------------------------------------------------------------------

DELIVERY_ID = OpenApiParameter(
    "delivery_id", int, OpenApiParameter.PATH, description="A delivery of this endpoint."
)


DELIVERY_FILTERS = [
    OpenApiParameter(
        "status",
        str,
        enum=DeliveryStatus.values,
        description="Only the deliveries in this state.",
    ),
    OpenApiParameter(
        "event_type",
        str,
        enum=[*ALL_TYPES, TEST_EVENT],
        description="Only the deliveries of this event type.",
    ),
]


class WebhookViewSet(IdempotentCreateMixin, TenantViewSet):
    """Webhook endpoints: Itinera POSTs each chosen event, signed per Standard Webhooks, to
    their URL. Owners and admins only."""

    resource = "webhook"
    model = WebhookEndpoint
    output_serializer = WebhookSerializer
    input_serializer = WebhookInputSerializer
    filterset_class = WebhookFilter
    permission_classes = [TokenPermission, AgencyAdminPermission]
    admins_only = True  # the schema documents the agent's 403 on every operation
    list_selector = webhook_selectors.webhook_list
    get_selector = webhook_selectors.webhook_get
    create_service = webhook_services.webhook_create
    update_service = webhook_services.webhook_update
    delete_service = webhook_services.webhook_delete
    # What each action answers, for the schema (api.schema): status, body, error statuses.
    action_responses: ClassVar[dict[str, tuple[int, Any, tuple[int, ...]]]] = {
        "create": (201, WebhookWithSecretSerializer, (400, 401, 403, 409, 413, 415, 422, 429)),
        "rotate_secret": (200, WebhookWithSecretSerializer, (401, 403, 404, 429)),
        "send_test": (202, DeliverySerializer, (401, 403, 404, 422, 429)),
        "deliveries": (200, DeliverySerializer(many=True), (401, 403, 404, 422, 429)),
        "delivery": (200, DeliveryDetailSerializer, (401, 403, 404, 429)),
        "replay": (202, DeliverySerializer, (401, 403, 404, 422, 429)),
        "event_types": (200, EventTypeListSerializer(), (401, 403, 429)),
    }

    @extend_schema(
        description="Registers an endpoint. The answer holds its signing `secret`, shown this "
        "once. A URL that is not https, or whose host resolves to a private, loopback, "
        "link-local, multicast or reserved address, is a 422 on `url`.",
    )
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        response = super().create(request, *args, **kwargs)
        response["Cache-Control"] = "no-store"  # the secret is in it
        return response

    @extend_schema(
        description="Deletes the endpoint with its delivery log; nothing more is sent to it."
    )
    def destroy(self, request: Request, pk: str) -> Response:
        return super().destroy(request, pk)

    def represent_written(self, instance: Any, fields: Any) -> dict[str, Any]:
        if self.action == "create":
            return WebhookWithSecretSerializer.represent(instance)
        return super().represent_written(instance, fields)

    @extend_schema(
        summary="Rotate a webhook endpoint's signing secret",
        description="A new signing secret, in this answer only. The previous one keeps signing "
        "beside it for 24 hours (`webhook-signature` then carries both signatures), so "
        "receivers can switch without losing a delivery.",
        request=None,
    )
    @action(detail=True, methods=["post"], url_path="rotate-secret", filter_backends=[])
    def rotate_secret(self, request: Request, pk: str) -> Response:
        webhook = webhook_services.webhook_rotate_secret(webhook=self.webhook())
        response = envelope(WebhookWithSecretSerializer.represent(webhook))
        response["Cache-Control"] = "no-store"
        return response

    @extend_schema(
        summary="Send a test event to a webhook endpoint",
        description="Queues a `webhook.test` event to this endpoint only; the answer is its "
        "delivery (follow it in the delivery log). A switched-off endpoint is a 422.",
        request=None,
    )
    @action(detail=True, methods=["post"], url_path="test", filter_backends=[])
    def send_test(self, request: Request, pk: str) -> Response:
        delivery = webhook_services.webhook_send_test(
            webhook=self.webhook(), requested_by=request.auth.user
        )
        return self._delivery_answer(delivery)

    @extend_schema(
        summary="List a webhook endpoint's deliveries",
        description="The delivery log, newest first: every event sent (or waiting) to this "
        "endpoint, replays and test events included.",
        parameters=DELIVERY_FILTERS,
    )
    @action(detail=True, methods=["get"], url_path="deliveries", filter_backends=[])
    def deliveries(self, request: Request, pk: str) -> Response:
        webhook = self.webhook()
        paginator = self.page_paginator
        paginator.parse(request)
        filters = self.filters()
        rows = webhook_selectors.delivery_list(
            agency=self.agency, webhook=webhook, filters=filters
        ).defer("message__body")
        page = paginator.paginate_queryset(rows, request, self, filtered=bool(filters))
        return paginator.get_paginated_response(DeliverySerializer.represent_many(page))

    @extend_schema(
        summary="Fetch one delivery of a webhook endpoint",
        description="The delivery with the exact body sent and every attempt (status, timing, "
        "the first bytes of the answer).",
        parameters=[DELIVERY_ID],
    )
    @action(
        detail=True,
        methods=["get"],
        url_path=r"deliveries/(?P<delivery_id>[0-9]{1,18})",
        filter_backends=[],
    )
    def delivery(self, request: Request, pk: str, delivery_id: str) -> Response:
        delivery = self._get_delivery(delivery_id)
        return envelope(DeliveryDetailSerializer.represent(delivery))

    @extend_schema(
        summary="Replay a delivery",
        description="Sends the delivery's event again as a new delivery: the same event id "
        "(`webhook-id`) and body, a fresh signature. A switched-off endpoint is a 422.",
        parameters=[DELIVERY_ID],
        request=None,
    )
    @action(
        detail=True,
        methods=["post"],
        url_path=r"deliveries/(?P<delivery_id>[0-9]{1,18})/replay",
        filter_backends=[],
    )
    def replay(self, request: Request, pk: str, delivery_id: str) -> Response:
        replayed = webhook_services.delivery_replay(
            delivery=self._get_delivery(delivery_id), requested_by=request.auth.user
        )
        return self._delivery_answer(replayed)

    @extend_schema(
        summary="List the webhook event types",
        description="Every event type an endpoint can subscribe to, with the resource its "
        "`data` holds.",
    )
    @action(
        detail=False,
        methods=["get"],
        url_path="event-types",
        filter_backends=[],
        pagination_class=None,
    )
    def event_types(self, request: Request) -> Response:
        return envelope(EventTypeSerializer.represent_many(TYPES.values()))

    def webhook(self) -> WebhookEndpoint:
        webhook = self.get_object()
        assert isinstance(webhook, WebhookEndpoint)  # get_selector is webhook_get
        return webhook

    def confirm_target(self) -> None:
        super().confirm_target()
        if "delivery_id" in self.kwargs:  # another endpoint's delivery is a 404 too
            self._get_delivery(self.kwargs["delivery_id"])

    def _get_delivery(self, delivery_id: str) -> WebhookDelivery:
        webhook = self.webhook()
        try:
            return webhook_selectors.delivery_get(
                agency=self.agency, webhook=webhook, delivery_id=int(delivery_id)
            )
        except WebhookDelivery.DoesNotExist:
            raise exceptions.NotFound() from None

    def _delivery_answer(self, delivery: WebhookDelivery) -> Response:
        delivery = webhook_selectors.delivery_get(
            agency=self.agency, webhook=delivery.endpoint, delivery_id=delivery.pk
        )
        return envelope(DeliverySerializer.represent(delivery), status.HTTP_202_ACCEPTED)
