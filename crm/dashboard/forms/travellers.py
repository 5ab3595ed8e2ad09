"""The traveller form (add/edit on the client page). Cleaning only: the writes go through
``crm.clients.travellers``. Document numbers are never put back in a page in clear: an edit
form shows them masked, and sending the mask back keeps the number (the service knows it)."""

from __future__ import annotations

from typing import Any

from django import forms

from core import iso
from core.forms import CleaningModelForm, DateInput
from crm.clients.models import DOCUMENT_FIELDS
from crm.clients.travellers import LOYALTY_FIELDS, TRAVELLER_FIELDS, normalise_loyalty
from crm.models import Traveller

COUNTRY_CHOICES = [
    ("", "—"),
    *sorted(((c, v[0]) for c, v in iso.COUNTRIES.items()), key=lambda p: p[1]),
]
LOYALTY_HELP = "One per line: programme, a colon, the number (e.g. “Flying Blue: 1234567890”)."


class LoyaltyField(forms.CharField):
    """``Programme: number`` lines, cleaned into the service's list of objects."""

    widget = forms.Textarea(attrs={"rows": 2})

    def to_python(self, value: Any) -> list[dict[str, str]]:  # type: ignore[override]
        text = super().to_python(value) or ""
        entries = []
        for line in text.splitlines():
            if not line.strip():
                continue
            programme, sep, number = line.rpartition(":")
            if not sep or not programme.strip() or not number.strip():
                raise forms.ValidationError(f"“{line.strip()}”: write it as Programme: number.")
            entries.append({"programme": programme.strip(), "number": number.strip()})
        try:
            return normalise_loyalty(entries, "loyalty")
        except forms.ValidationError as exc:
            raise forms.ValidationError(exc.message_dict["loyalty"]) from None

    @staticmethod
    def text(entries: list[dict[str, str]]) -> str:
        return "\n".join(f"{e['programme']}: {e['number']}" for e in entries)


class TravellerForm(CleaningModelForm):
    nationality = forms.ChoiceField(choices=COUNTRY_CHOICES, required=False)
    passport_country = forms.ChoiceField(
        choices=COUNTRY_CHOICES, required=False, label="Passport issued by"
    )
    frequent_flyer = LoyaltyField(required=False, help_text=LOYALTY_HELP)
    hotel_loyalty = LoyaltyField(required=False, help_text=LOYALTY_HELP)

    class Meta:
        model = Traveller
        fields = list(TRAVELLER_FIELDS)
        labels = {
            "first_name": "First name (as in the passport)",
            "middle_name": "Middle names",
            "last_name": "Last name (as in the passport)",
            "gender": "Gender (as in the passport)",
            "passport_issued_on": "Passport issued on",
            "passport_expires_on": "Passport expires on",
            "known_traveller_number": "Known traveller number",
            "is_lead": "This traveller is the client",
        }
        widgets = {
            "first_name": forms.TextInput(attrs={"autofocus": True, "autocomplete": "off"}),
            "date_of_birth": DateInput(),
            "passport_issued_on": DateInput(),
            "passport_expires_on": DateInput(),
            "passport_number": forms.TextInput(
                attrs={"autocomplete": "off", "spellcheck": "false"}
            ),
            "known_traveller_number": forms.TextInput(attrs={"autocomplete": "off"}),
            "redress_number": forms.TextInput(attrs={"autocomplete": "off"}),
            "emergency_contact_phone": forms.TextInput({"type": "tel"}),
        }
        help_texts = {
            "passport_number": "Stored encrypted; shown masked. Leave the dots to keep it.",
        }

    @classmethod
    def initial_for(cls, traveller: Traveller) -> dict[str, Any]:
        initial = {name: getattr(traveller, name) for name in cls.base_fields}
        for name in DOCUMENT_FIELDS:
            initial[name] = traveller.masked(name)  # never the number itself
        for name in LOYALTY_FIELDS:
            initial[name] = LoyaltyField.text(getattr(traveller, name))
        return initial

    def _post_clean(self) -> None:
        # The model's own checks run on the service's copy (dates in order); here a masked
        # document number would fail the model's length, and the loyalty lists are already
        # clean: the service validates the record it saves.
        pass

    def service_fields(self) -> dict[str, Any]:
        return dict(self.cleaned_data)
