"""The proposal forms: the proposal and the answer an agent records."""

from __future__ import annotations

from typing import Any

from django import forms

from accounts.models import Agency
from core.forms import CurrencyInput, DateInput, MoneyField
from crm.models import (
    Client,
    Itinerary,
    Proposal,
    ProposalStatus,
)


class ProposalForm(forms.Form):
    client = forms.ModelChoiceField(queryset=Client.objects.none())
    itinerary = forms.ModelChoiceField(
        queryset=Itinerary.objects.none(), required=False, empty_label="No itinerary"
    )
    title = forms.CharField(max_length=200)
    currency = forms.CharField(max_length=3, min_length=3, widget=CurrencyInput())
    total_price = MoneyField(label="Price")
    valid_until = forms.DateField(required=False, widget=DateInput())
    message = forms.CharField(
        required=False,
        label="Message to the client",
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["client"].queryset = Client.objects.for_agency(agency).order_by("name")
        self.fields["itinerary"].queryset = (
            Itinerary.objects.for_agency(agency).select_related("client").order_by("-created_at")
        )
        self.fields["itinerary"].label_from_instance = lambda i: f"{i.title} — {i.client.name}"

    @classmethod
    def initial_for(cls, proposal: Proposal) -> dict[str, Any]:
        initial = {
            name: getattr(proposal, name)
            for name in cls.base_fields
            if name not in ("client", "itinerary")
        }
        initial["client"] = proposal.client_id
        initial["itinerary"] = proposal.itinerary_id
        return initial

    def clean_currency(self) -> str:
        return self.cleaned_data["currency"].strip().upper()


class ProposalStatusForm(forms.Form):
    """An agent records the client's answer given outside the link (phone, email)."""

    status = forms.ChoiceField(
        choices=[(ProposalStatus.ACCEPTED, "Accepted"), (ProposalStatus.DECLINED, "Declined")]
    )
