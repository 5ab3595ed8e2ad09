"""The client forms: add/edit, list filters, notes."""

from __future__ import annotations

from typing import Any

from django import forms

from accounts.models import Agency, User
from accounts.tenancy import active_members
from core.forms import TagsField
from crm.models import (
    Client,
    ClientStatus,
)


class ClientForm(forms.Form):
    name = forms.CharField(max_length=200, widget=forms.TextInput(attrs={"autofocus": True}))
    email = forms.EmailField(required=False, max_length=254)
    phone = forms.CharField(required=False, max_length=50, widget=forms.TextInput({"type": "tel"}))
    company = forms.CharField(required=False, max_length=200)
    city = forms.CharField(required=False, max_length=100)
    country = forms.CharField(required=False, max_length=100)
    nationality = forms.CharField(required=False, max_length=100)
    status = forms.ChoiceField(choices=ClientStatus.choices, initial=ClientStatus.LEAD)
    tags = TagsField(
        required=False,
        help_text="Separate tags with commas, e.g. honeymoon, vip.",
    )
    assigned_to = forms.ModelChoiceField(
        queryset=User.objects.none(), required=False, empty_label="Unassigned"
    )
    notes = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assigned_to"].queryset = active_members(agency=agency)

    @classmethod
    def initial_for(cls, client: Client) -> dict[str, Any]:
        initial = {name: getattr(client, name) for name in cls.base_fields if name != "assigned_to"}
        initial["assigned_to"] = client.assigned_to_id
        return initial


class ClientFilterForm(forms.Form):
    """Only for showing the filter controls; ``crm.filters.ClientFilter`` does the filtering."""

    q = forms.CharField(required=False, label="Search")
    status = forms.ChoiceField(required=False, choices=[("", "Any status"), *ClientStatus.choices])
    tag = forms.CharField(required=False)


class NoteForm(forms.Form):
    text = forms.CharField(
        label="Add a note",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3, "placeholder": "Call notes, preferences…"}),
    )
