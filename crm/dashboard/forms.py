"""Dashboard forms. They only parse and present input: the services (``crm.services``) hold the
rules and their ``ValidationError``s are shown beside these fields
(``crm.views.base.add_service_errors``)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone

from accounts.models import Agency, User
from crm.models import (
    BookingStatus,
    Client,
    ClientStatus,
    ItemKind,
    Itinerary,
    ItineraryStatus,
    Proposal,
    ProposalStatus,
)

COMMON_CURRENCIES = ["EUR", "USD", "GBP", "CHF", "CAD", "AUD", "JPY", "AED", "ZAR", "INR", "NZD"]
# Payment.method is free text (the API accepts any); the dashboard offers the usual ones.
PAYMENT_METHODS = [
    ("", "—"),
    *((m, m) for m in ("Bank transfer", "Card", "Cash", "Cheque", "Voucher", "Other")),
]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%H:%M")


class CurrencyInput(forms.TextInput):
    def __init__(self) -> None:
        super().__init__(
            attrs={
                "list": "currency-codes",
                "maxlength": 3,
                "autocomplete": "off",
                "style": "text-transform:uppercase",
            }
        )


class TagsField(forms.CharField):
    """Comma-separated tags in, a list of strings out (the service validates them)."""

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list | tuple):
            return ", ".join(value)
        return value

    def to_python(self, value: Any) -> list[str]:
        text = super().to_python(value) or ""
        return [tag.strip() for tag in text.split(",") if tag.strip()]


def _members(agency: Agency):
    return User.objects.filter(agency=agency, is_active=True).order_by("name", "username")


class MoneyField(forms.DecimalField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_digits", 12)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("min_value", Decimal("0"))
        kwargs.setdefault(
            "widget", forms.NumberInput(attrs={"step": "0.01", "inputmode": "decimal"})
        )
        super().__init__(**kwargs)


# Clients -----------------------------------------------------------------------------------


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
        self.fields["assigned_to"].queryset = _members(agency)

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


# Itineraries -------------------------------------------------------------------------------


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


# Proposals ---------------------------------------------------------------------------------


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


# Bookings ----------------------------------------------------------------------------------


class BookingForm(forms.Form):
    client = forms.ModelChoiceField(queryset=Client.objects.none())
    reference = forms.CharField(
        max_length=40, required=False, help_text="Leave empty to generate one (BK-XXXXXX)."
    )
    status = forms.ChoiceField(choices=BookingStatus.choices, initial=BookingStatus.PENDING)
    start_date = forms.DateField(required=False, widget=DateInput(), label="Departure")
    end_date = forms.DateField(required=False, widget=DateInput(), label="Return")
    currency = forms.CharField(max_length=3, min_length=3, widget=CurrencyInput())
    total_price = MoneyField(label="Total")
    supplier = forms.CharField(max_length=200, required=False)
    notes = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["client"].queryset = Client.objects.for_agency(agency).order_by("name")

    def clean_currency(self) -> str:
        return self.cleaned_data["currency"].strip().upper()


class PaymentForm(forms.Form):
    amount = MoneyField(min_value=Decimal("0.01"))
    paid_on = forms.DateField(widget=DateInput(), initial=timezone.localdate, label="Received on")
    method = forms.ChoiceField(choices=PAYMENT_METHODS, required=False)
    reference = forms.CharField(max_length=100, required=False)
    notes = forms.CharField(max_length=1000, required=False)

    def clean_paid_on(self) -> dt.date:
        paid_on = self.cleaned_data["paid_on"]
        if paid_on > timezone.localdate() + dt.timedelta(days=1):
            raise forms.ValidationError("A payment cannot be received in the future.")
        return paid_on
