"""The filters of the webhook lists, shared by the API and the dashboard."""

from __future__ import annotations

import django_filters

from core.overrides import FastFilterSet
from crm.webhooks.catalogue import TEST_EVENT, TYPES
from crm.webhooks.models import DeliveryStatus, WebhookDelivery, WebhookEndpoint


class WebhookFilter(FastFilterSet):
    is_active = django_filters.BooleanFilter(field_name="is_active")

    class Meta:
        model = WebhookEndpoint
        fields: list[str] = []


class DeliveryFilter(FastFilterSet):
    status = django_filters.ChoiceFilter(choices=DeliveryStatus.choices)
    event_type = django_filters.ChoiceFilter(
        choices=[(name, name) for name in (*TYPES, TEST_EVENT)]
    )

    class Meta:
        model = WebhookDelivery
        fields: list[str] = []
