"""The proposal forms: the proposal and a status an agent records.

``ProposalForm`` is a ModelForm used for cleaning only (never ``.save()``): its lengths, digits
and minimums come from the model, so the form cannot drift from it; the write goes through
``crm.proposals.services``. The client and itinerary are plain choice fields limited to the
agency, so that the model's own relation check (an unscoped read) never runs.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from accounts.models import Agency
from core.forms import CurrencyInput, DateInput, model_choice
from core.money import normalise_currency_field
from crm.clients.selectors import client_choices
from crm.dashboard.forms.common import client_id as _client_id
from crm.models import (
    Client,
    Itinerary,
    Proposal,
    ProposalStatus,
)

MONEY_INPUT = forms.NumberInput(attrs={"step": "0.01", "inputmode": "decimal"})


def clean_currency_code(value: str) -> str:
    """The services' currency rule (three letters, upper-cased), shown beside the field."""
    fields = {"currency": value}
    try:
        normalise_currency_field(fields)
    except ValidationError as exc:
        raise forms.ValidationError(exc.message_dict["currency"]) from None
    return fields["currency"]


class ItineraryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Itinerary) -> str:
        return f"{obj.title} — {obj.client.name}"


class ProposalForm(forms.ModelForm):
    client = forms.ModelChoiceField(queryset=Client.objects.none())
    itinerary = ItineraryChoiceField(
        queryset=Itinerary.objects.none(), required=False, empty_label="No itinerary"
    )

    class Meta:
        model = Proposal
        fields = ["title", "currency", "total_price", "valid_until", "message"]
        labels = {"total_price": "Price", "message": "Message to the client"}
        widgets = {
            "currency": CurrencyInput(),
            "total_price": MONEY_INPUT,
            "valid_until": DateInput(),
            "message": forms.Textarea(attrs={"rows": 4}),
        }

    field_order = ["client", "itinerary", *Meta.fields]

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice(self, "client").queryset = client_choices(
            agency=agency, keep=_client_id(self.initial.get("client"))
        )
        model_choice(self, "itinerary").queryset = (
            Itinerary.objects.for_agency(agency).select_related("client").order_by("-created_at")
        )

    @classmethod
    def initial_for(cls, proposal: Proposal) -> dict[str, Any]:
        initial = {name: getattr(proposal, name) for name in cls.Meta.fields}
        initial["client"] = proposal.client_id
        initial["itinerary"] = proposal.itinerary_id
        return initial

    def service_fields(self) -> dict[str, Any]:
        """The cleaned values as the service takes them (relations by id)."""
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        data["client"] = self.cleaned_data["client"].pk
        itinerary = self.cleaned_data["itinerary"]
        data["itinerary"] = itinerary.pk if itinerary else None
        return data

    def clean_currency(self) -> str:
        return clean_currency_code(self.cleaned_data["currency"])


class ProposalStatusForm(forms.Form):
    """A status an agent records (an answer given by phone, an expiry, back to draft); the
    lifecycle's table decides whether it may follow the current one."""

    status = forms.ChoiceField(choices=ProposalStatus.choices)


# What the dashboard offers an agent from each status (sending has its own button).
AGENT_STEPS = {
    ProposalStatus.ACCEPTED: ("Mark accepted", "btn--ok"),
    ProposalStatus.DECLINED: ("Mark declined", "btn--danger"),
    ProposalStatus.EXPIRED: ("Mark expired", ""),
    ProposalStatus.DRAFT: ("Back to draft to revise", "btn--ghost"),
}


class ProposalEmailForm(forms.Form):
    """The "Send to client" form: the email's subject and message (defaults from
    ``crm.proposals.emails.proposal_email_defaults``), previewed, then sent."""

    subject = forms.CharField(max_length=200)
    message = forms.CharField(
        max_length=5_000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="The link to the proposal, its price and validity are added below it.",
    )
