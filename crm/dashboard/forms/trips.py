"""The itinerary forms: the itinerary, a day, an item.

``ModelForm`` classes used for cleaning only (``core.forms.CleaningModelForm``): their limits
are the models'; the writes go through ``crm.trips`` services.
"""

from __future__ import annotations

from typing import Any

from django import forms

from accounts.models import Agency
from core.forms import CleaningModelForm, DateInput, TimeInput, model_choice
from crm.clients.selectors import client_choices
from crm.dashboard.forms.common import client_id as _client_id
from crm.models import (
    Client,
    Itinerary,
    ItineraryDay,
    ItineraryItem,
)
from crm.trips.services import ITEM_FIELDS, ITINERARY_FIELDS

# The largest travellers count the column (a small integer) holds; the API's limit too.
MAX_TRAVELLERS = 32767


class ItineraryForm(CleaningModelForm):
    client = forms.ModelChoiceField(queryset=Client.objects.none())
    travellers = forms.IntegerField(min_value=1, max_value=MAX_TRAVELLERS, initial=2)

    class Meta:
        model = Itinerary
        fields = list(ITINERARY_FIELDS)
        widgets = {
            "start_date": DateInput(),
            "end_date": DateInput(),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {"notes": "Internal notes; not shown to the client."}

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice(self, "client").queryset = client_choices(
            agency=agency, keep=_client_id(self.initial.get("client"))
        )

    @classmethod
    def initial_for(cls, itinerary: Itinerary) -> dict[str, Any]:
        initial = {name: getattr(itinerary, name) for name in cls.base_fields if name != "client"}
        initial["client"] = itinerary.client_id
        return initial


class DayForm(CleaningModelForm):
    class Meta:
        model = ItineraryDay
        fields = ["title", "date", "location", "description"]
        widgets = {
            "title": forms.TextInput({"placeholder": "Arrival in Lisbon"}),
            "date": DateInput(),
            "description": forms.Textarea(attrs={"rows": 2}),
        }


class ItemForm(CleaningModelForm):
    # By name: the agency's supplier of that name, added to the directory when new (a model
    # choice field would list every agency's suppliers).
    supplier = forms.CharField(
        max_length=200,
        required=False,
        help_text="A supplier of the directory, by name; a new name adds one.",
    )

    class Meta:
        model = ItineraryItem
        fields = [name for name in ITEM_FIELDS if name != "supplier"]
        widgets = {
            "start_time": TimeInput(),
            "end_time": TimeInput(),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {"reference": "Confirmation or flight number."}

    field_order = list(ITEM_FIELDS)
