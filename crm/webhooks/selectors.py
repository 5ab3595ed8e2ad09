"""Reads of webhook endpoints and their delivery log, scoped to the agency."""

from __future__ import annotations

from django.db.models import OuterRef, QuerySet, Subquery

from accounts.models import Agency
from core.filters import Filters, apply_filters
from crm.webhooks.filters import DeliveryFilter, WebhookFilter
from crm.webhooks.models import WebhookAttempt, WebhookDelivery, WebhookEndpoint


def webhook_list(*, agency: Agency, filters: Filters = None) -> QuerySet[WebhookEndpoint]:
    return apply_filters(WebhookFilter, WebhookEndpoint.objects.for_agency(agency), filters)


def webhook_summaries(*, agency: Agency) -> QuerySet[WebhookEndpoint]:
    """Settings → Webhooks: every endpoint with its latest delivery's status and time
    (``last_delivery_status``/``last_delivery_at``, None before the first), in one query."""
    latest = WebhookDelivery.objects.filter(endpoint=OuterRef("pk")).order_by("-id")
    return (
        WebhookEndpoint.objects.for_agency(agency)
        .annotate(
            last_delivery_status=Subquery(latest.values("status")[:1]),
            last_delivery_at=Subquery(latest.values("created_at")[:1]),
        )
        .order_by("-created_at", "-id")
    )


def webhook_get(*, agency: Agency, webhook_id: int) -> WebhookEndpoint:
    return WebhookEndpoint.objects.for_agency(agency).get(pk=webhook_id)


def delivery_list(
    *, agency: Agency, webhook: WebhookEndpoint, filters: Filters = None
) -> QuerySet[WebhookDelivery]:
    """An endpoint's deliveries, newest first, with their message (its public id and body)."""
    deliveries = (
        WebhookDelivery.objects.for_agency(agency)
        .filter(endpoint=webhook)
        .select_related("message")
        .order_by("-id")
    )
    return apply_filters(DeliveryFilter, deliveries, filters)


def delivery_get(*, agency: Agency, webhook: WebhookEndpoint, delivery_id: int) -> WebhookDelivery:
    return (
        WebhookDelivery.objects.for_agency(agency)
        .filter(endpoint=webhook)
        .select_related("message", "endpoint")
        .get(pk=delivery_id)
    )


def delivery_attempts(*, delivery: WebhookDelivery) -> QuerySet[WebhookAttempt]:
    return WebhookAttempt.objects.for_agency(delivery.agency_id).filter(delivery=delivery)
