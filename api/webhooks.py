"""From the event log to webhook messages: the fan-out (run by the ``webhooks.fanout`` job).

An event of a type an endpoint wants becomes one ``WebhookMessage`` (the body, rendered once
and kept verbatim: every retry and replay sends the same bytes under the same id) and one
delivery per active endpoint of the agency that wants the type. Here in ``api/`` because the
body's ``data`` is the resource exactly as ``GET /api/v1/<resource>/{id}`` shows it: the API's
own selectors and serializers render it, with the API's own JSON renderer (money as strings,
timestamps in UTC with an offset)::

    {"id": "msg_...", "type": "proposal.accepted", "created_at": "2026-06-01T10:22:00+00:00",
     "agency_id": 7, "data": {...the proposal...}}

- ``client.*``, ``itinerary.*``, ``proposal.*``, ``booking.*``, ``task.*``: the resource's
  detail view.
- ``payment.recorded``: the payment as the booking's ``payments`` show it, plus ``booking_id``.
- ``commission.received``, ``commission.voided``: the receipt as
  ``GET /api/v1/commission-receipts/{id}`` shows it.
- ``enquiry.received``: :class:`EnquiryPayload` (older than ``/api/v1/enquiries``): the
  enquiry, its form, whether it matched a known client or created one, and that ``client`` as
  the clients API shows it.
- deletions (and a record deleted before its event was rendered): ``{"id": <its id>}``.

Nothing of another agency can reach an endpoint: the event is read with its agency, the
resource through that agency's selector, and only that agency's endpoints get deliveries.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction
from rest_framework import serializers

from accounts.models import Activity, Agency
from api.base import TenantViewSet
from api.serializers import Id, OutputSerializer, Text, timestamp
from api.v1.bookings import BookingViewSet, PaymentSerializer
from api.v1.clients import ClientSerializer, ClientViewSet
from api.v1.commission import CommissionReceiptSerializer
from api.v1.itineraries import ItineraryViewSet
from api.v1.proposals import ProposalViewSet
from api.v1.tasks import TaskViewSet
from core.overrides import JSONRenderer
from crm.models import CommissionReceipt, Enquiry, Payment
from crm.webhooks import schedule
from crm.webhooks.catalogue import FROM_ACTIVITY, TYPES
from crm.webhooks.models import WebhookDelivery, WebhookEndpoint, WebhookMessage

VIEWSETS: dict[str, type[TenantViewSet]] = {
    "client": ClientViewSet,
    "itinerary": ItineraryViewSet,
    "proposal": ProposalViewSet,
    "booking": BookingViewSet,
    "task": TaskViewSet,
}


class WebhookPaymentSerializer(PaymentSerializer):
    """A payment as ``GET /api/v1/bookings/{id}`` lists it, with the booking it belongs to."""

    booking_id = Id()


class EnquiryPayload(OutputSerializer):
    """``enquiry.received``'s data: what the website form sent, and the client it is for."""

    id = Id()
    form_id = Id(allow_null=True, help_text="Null once the form has been deleted.")
    form_name = serializers.CharField()
    matched_existing = serializers.BooleanField(
        help_text="The enquirer was already a client (matched by email or phone)."
    )
    client_created = serializers.BooleanField(help_text="The enquiry created a new lead.")
    name = Text()
    email = Text()
    phone = Text()
    message = Text()
    destination = Text()
    travel_start = serializers.DateField(allow_null=True)
    travel_end = serializers.DateField(allow_null=True)
    travellers = serializers.IntegerField(allow_null=True)
    budget = Text()
    extra = serializers.DictField(help_text="The form's other fields, by name.")
    page_url = Text(help_text="The page the form was sent from.")
    created_at = serializers.DateTimeField()
    client_id = Id(allow_null=True)
    client = ClientSerializer(allow_null=True)


# Rendering --------------------------------------------------------------------------------


def render_data(*, agency: Agency, event_type: str, activity: Activity) -> dict[str, Any]:
    """The ``data`` of ``event_type`` for the event ``activity``, as the API shows it now."""
    kind = TYPES[event_type]
    object_id = activity.object_id
    if object_id is None:
        return {"id": None}
    gone = {"id": object_id}
    if kind.deleted:
        return gone
    if kind.resource == "payment":
        return _payment(agency=agency, payment_id=object_id) or gone
    if kind.resource == "commission_receipt":
        receipt = CommissionReceipt.objects.for_agency(agency).filter(pk=object_id).first()
        return gone if receipt is None else CommissionReceiptSerializer.represent(receipt)
    if kind.resource == "enquiry":
        return _enquiry(agency=agency, enquiry_id=object_id, activity=activity) or gone
    if activity.object_type != kind.resource:
        # An event about a part of the resource (an instalment of a booking's schedule): the
        # resource it belongs to, named in the event's data.
        object_id = (activity.data or {}).get(f"{kind.resource}_id")
        if not isinstance(object_id, int):
            return gone
    viewset = VIEWSETS[kind.resource]
    try:
        record = viewset.get_selector(agency=agency, **{f"{viewset.resource}_id": object_id})
    except viewset.model.DoesNotExist:
        return gone  # deleted before the event was rendered: an integrator gets its id
    return (viewset.detail_serializer or viewset.output_serializer).represent(record)


def _payment(*, agency: Agency, payment_id: int) -> dict[str, Any] | None:
    payment = Payment.objects.for_agency(agency).filter(pk=payment_id).first()
    return None if payment is None else WebhookPaymentSerializer.represent(payment)


class _EnquiryView:
    """An enquiry with what its payload adds (the form's name kept by the event, the flag)."""

    def __init__(self, enquiry: Enquiry, activity: Activity) -> None:
        self._enquiry = enquiry
        data = activity.data or {}
        self.form_name = enquiry.form.name if enquiry.form else str(data.get("form_name", ""))
        self.client_created = bool(data.get("client_created", False))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._enquiry, name)


def _enquiry(*, agency: Agency, enquiry_id: int, activity: Activity) -> dict[str, Any] | None:
    enquiry = (
        Enquiry.objects.for_agency(agency)
        .select_related("form", "client")
        .filter(pk=enquiry_id)
        .first()
    )
    if enquiry is None:
        return None
    return EnquiryPayload.represent(_EnquiryView(enquiry, activity))


def render_body(
    *, message_id: str, event_type: str, created_at: dt.datetime, agency_id: int, data: Any
) -> str:
    """The exact text that is signed and sent."""
    envelope = {
        "id": message_id,
        "type": event_type,
        "created_at": timestamp(created_at),
        "agency_id": agency_id,
        "data": data,
    }
    return JSONRenderer().render(envelope).decode("utf-8")


# The fan-out --------------------------------------------------------------------------------


def wanted(*, agency_id: int, event_type: str, before: dt.datetime) -> list[WebhookEndpoint]:
    """The agency's active endpoints that want ``event_type`` and existed at the event."""
    endpoints = WebhookEndpoint.objects.for_agency(agency_id).filter(
        is_active=True, created_at__lte=before
    )
    return [endpoint for endpoint in endpoints.order_by("pk") if endpoint.wants(event_type)]


def message_for(*, agency: Agency, activity: Activity, event_type: str) -> WebhookMessage:
    """The event's one message (made now, or found: a re-run fan-out makes no second one)."""
    found = WebhookMessage.objects.for_agency(agency).filter(activity_id=activity.pk).first()
    if found is not None:
        return found
    message = WebhookMessage(
        agency=agency,
        event_type=event_type,
        activity_id=activity.pk,
        created_at=activity.created_at,
    )
    message.body = render_body(
        message_id=message.public_id,
        event_type=event_type,
        created_at=activity.created_at,
        agency_id=agency.pk,
        data=render_data(agency=agency, event_type=event_type, activity=activity),
    )
    try:
        with transaction.atomic():
            message.save()
    except IntegrityError:  # another run of this fan-out made it meanwhile
        return WebhookMessage.objects.for_agency(agency).get(activity_id=activity.pk)
    return message


@transaction.atomic
def fan_out(*, agency_id: int, activity_id: int) -> int:
    """Turn the event ``activity_id`` into its message and deliveries, and wake the endpoints;
    the number of deliveries made (0 on a re-run, or when no endpoint wants it)."""
    activity = Activity.objects.for_agency(agency_id).filter(pk=activity_id).first()
    if activity is None or activity.event not in FROM_ACTIVITY:
        return 0
    event_type = FROM_ACTIVITY[activity.event]
    endpoints = wanted(agency_id=agency_id, event_type=event_type, before=activity.created_at)
    if not endpoints:
        return 0
    agency = Agency.objects.get(pk=agency_id)
    message = message_for(agency=agency, activity=activity, event_type=event_type)
    have = set(
        WebhookDelivery.objects.filter(message=message, replay_of__isnull=True).values_list(
            "endpoint_id", flat=True
        )
    )
    new = [
        WebhookDelivery(
            agency_id=agency_id,
            endpoint=endpoint,
            message=message,
            event_type=event_type,
            next_attempt_at=message.created_at,
        )
        for endpoint in endpoints
        if endpoint.pk not in have
    ]
    # ignore_conflicts: a racing run of this fan-out made the same ones (the unique constraint)
    WebhookDelivery.objects.bulk_create(new, ignore_conflicts=True)
    for endpoint in endpoints:
        if endpoint.pk not in have:
            schedule.wake(endpoint)
    return len(new)
