"""Settings → Webhooks: the endpoint form. Cleaning only; the URL (the SSRF guard), the event
types and the limits are checked by ``crm.webhooks.services``, whose errors land beside the
fields."""

from __future__ import annotations

from typing import Any

from django import forms

from crm.models import WebhookEndpoint
from crm.webhooks.catalogue import TYPES
from crm.webhooks.services import DESCRIPTION_MAX


class WebhookForm(forms.Form):
    url = forms.CharField(
        label="Endpoint URL",
        max_length=WebhookEndpoint._meta.get_field("url").max_length,
        widget=forms.URLInput(
            attrs={"placeholder": "https://integrations.example.com/itinera", "inputmode": "url"}
        ),
        help_text="Itinera POSTs each event here. https only, and a public address: private, "
        "loopback and link-local addresses are refused. Redirects are never followed.",
    )
    description = forms.CharField(
        label="Description",
        max_length=DESCRIPTION_MAX,
        required=False,
        help_text="For your team, e.g. “Zapier: new leads to the mailing list”.",
    )
    event_types = forms.MultipleChoiceField(
        label="Events to send",
        choices=[(t.name, t.description) for t in TYPES.values()],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="None ticked: every event, including the types added later.",
    )
    is_active = forms.BooleanField(
        label="On: send events to this endpoint",
        required=False,
        initial=True,
        help_text="Switched off, nothing is sent and what was waiting is cancelled.",
    )

    @classmethod
    def initial_for(cls, webhook: WebhookEndpoint) -> dict[str, Any]:
        return {
            "url": webhook.url,
            "description": webhook.description,
            "event_types": list(webhook.event_types),
            "is_active": webhook.is_active,
        }
