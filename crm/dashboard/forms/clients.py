"""The client forms: add/edit, list filters, notes, the delete confirmation.

``ClientForm`` is a ``ModelForm`` used for cleaning only, so its limits are the model's
(``Client.phone`` is 100 characters, here as in the API); it is never saved: the writes go
through ``crm.clients.services``.
"""

from __future__ import annotations

from typing import Any

from django import forms

from accounts.models import Agency, User
from accounts.tenancy import active_members
from core.filters import ARCHIVED_CHOICES
from core.forms import CleaningModelForm, TagsField, model_choice
from crm.clients.archive import DeletionPlan
from crm.clients.selectors import company_choices
from crm.clients.services import CLIENT_FIELDS, MAX_NOTE_LENGTH
from crm.models import Client, ClientSource, ClientStatus


class ClientForm(CleaningModelForm):
    tags = TagsField(
        required=False,
        help_text="Separate tags with commas, e.g. honeymoon, vip.",
    )
    assigned_to = forms.ModelChoiceField(
        queryset=User.objects.none(), required=False, empty_label="Unassigned"
    )

    class Meta:
        model = Client
        fields = list(CLIENT_FIELDS)  # the service's own list; the template orders them
        widgets = {
            "name": forms.TextInput(attrs={"autofocus": True}),
            "phone": forms.TextInput({"type": "tel"}),
            "notes": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice(self, "assigned_to").queryset = active_members(agency=agency)
        self.fields["kind"].required = False  # a person unless chosen
        companies = model_choice(self, "company_client")
        companies.queryset = company_choices(agency=agency)
        companies.empty_label = "None"
        companies.label = "Contact of the company"
        companies.help_text = "For a person who travels for one of your company clients."

    @classmethod
    def initial_for(cls, client: Client) -> dict[str, Any]:
        relations = ("assigned_to", "company_client")
        initial = {name: getattr(client, name) for name in cls.base_fields if name not in relations}
        initial["assigned_to"] = client.assigned_to_id
        initial["company_client"] = client.company_client_id
        return initial


class ClientFilterForm(forms.Form):
    """Only for showing the filter controls; ``crm.filters.ClientFilter`` does the filtering."""

    q = forms.CharField(required=False, label="Search")
    status = forms.ChoiceField(required=False, choices=[("", "Any status"), *ClientStatus.choices])
    tag = forms.CharField(required=False)
    source = forms.ChoiceField(required=False, choices=[("", "Any source"), *ClientSource.choices])
    archived = forms.ChoiceField(required=False, choices=ARCHIVED_CHOICES, label="Archived")
    corporate = forms.ChoiceField(
        required=False,
        choices=[("", "People and companies"), ("true", "Companies"), ("false", "People")],
        label="Kind",
    )


class NoteForm(forms.Form):
    text = forms.CharField(
        label="Add a note",
        max_length=MAX_NOTE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "placeholder": "Call notes, preferences…"}),
    )


class ClientDeleteForm(forms.Form):
    """A client with money attached is deleted only once its name is typed here."""

    confirm = forms.CharField(
        required=False,
        label="Type the client's name to confirm",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def __init__(self, *args: Any, client: Client, plan: DeletionPlan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.client, self.plan = client, plan
        self.fields["confirm"].required = plan.has_money

    def clean_confirm(self) -> str:
        typed: str = self.cleaned_data.get("confirm") or ""
        if self.plan.has_money and typed.strip().casefold() != self.client.name.strip().casefold():
            raise forms.ValidationError(f"Type “{self.client.name}” exactly to delete for good.")
        return typed
