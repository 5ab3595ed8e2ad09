"""The library item form (``crm.trips.library``): cleaning only, the writes go through the
service."""

from __future__ import annotations

from typing import Any

from django import forms

from core.forms import CleaningModelForm, TimeInput
from crm.models import LibraryItem


class LibraryItemForm(CleaningModelForm):
    # By name, as on a day's item: the agency's supplier of that name, added when new.
    supplier = forms.CharField(
        max_length=200,
        required=False,
        help_text="A supplier of the directory, by name; a new name adds one.",
    )

    class Meta:
        model = LibraryItem
        fields = ["kind", "title", "start_time", "end_time", "location", "notes"]
        widgets = {
            "title": forms.TextInput({"placeholder": "Check in at Hotel Avenida"}),
            "start_time": TimeInput(),
            "end_time": TimeInput(),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {"notes": "Description", "start_time": "Usual start", "end_time": "Usual end"}
        help_texts = {"notes": "Copied into the day with the item, for the client to read."}

    field_order = ["kind", "title", "start_time", "end_time", "location", "supplier", "notes"]

    @classmethod
    def initial_for(cls, library_item: LibraryItem) -> dict[str, Any]:
        initial = {name: getattr(library_item, name) for name in cls.base_fields}
        initial["supplier"] = library_item.supplier_name
        return initial

    def service_fields(self) -> dict[str, Any]:
        """The cleaned fields under the service's names (the supplier by name)."""
        fields = dict(self.cleaned_data)
        fields["supplier_name"] = fields.pop("supplier")
        return fields
