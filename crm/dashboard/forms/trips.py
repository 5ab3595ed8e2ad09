"""The itinerary forms: the itinerary, a day, an item."""

from __future__ import annotations

from typing import Any

from django import forms

from accounts.models import Agency
from core.forms import DateInput, TimeInput
from crm.models import (
    Client,
    ItemKind,
    Itinerary,
    ItineraryStatus,
)


class ItineraryForm(forms.Form):
    client = forms.ModelChoiceField(queryset=Client.objects.none())
    title = forms.CharField(max_length=200)
    status = forms.ChoiceField(choices=ItineraryStatus.choices, initial=ItineraryStatus.DRAFT)
    start_date = forms.DateField(required=False, widget=DateInput())
    end_date = forms.DateField(required=False, widget=DateInput())
    travellers = forms.IntegerField(min_value=1, max_value=999, initial=2)
    notes = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Internal notes; not shown to the client.",
    )

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["client"].queryset = Client.objects.for_agency(agency).order_by("name")

    @classmethod
    def initial_for(cls, itinerary: Itinerary) -> dict[str, Any]:
        initial = {name: getattr(itinerary, name) for name in cls.base_fields if name != "client"}
        initial["client"] = itinerary.client_id
        return initial


class DayForm(forms.Form):
    title = forms.CharField(
        max_length=200, required=False, widget=forms.TextInput({"placeholder": "Arrival in Lisbon"})
    )
    date = forms.DateField(required=False, widget=DateInput())
    location = forms.CharField(max_length=200, required=False)
    description = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ItemForm(forms.Form):
    kind = forms.ChoiceField(choices=ItemKind.choices, initial=ItemKind.ACTIVITY)
    title = forms.CharField(max_length=200)
    start_time = forms.TimeField(required=False, widget=TimeInput())
    end_time = forms.TimeField(required=False, widget=TimeInput())
    location = forms.CharField(max_length=200, required=False)
    supplier = forms.CharField(max_length=200, required=False)
    reference = forms.CharField(
        max_length=100, required=False, help_text="Confirmation or flight number."
    )
    notes = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
