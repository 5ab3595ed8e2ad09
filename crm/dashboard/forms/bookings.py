"""The booking forms: the booking and a payment.

Both are ModelForms used for cleaning only (never ``.save()``): lengths, digits, minimums and
the date-range rule come from the models, so the forms cannot drift from them; the writes (and
the rules on statuses and payments) are the services'. ``amount_paid`` is in neither: it is
the sum of the payments.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from accounts.models import Agency
from core.forms import CurrencyInput, DateInput, model_choice
from crm.bookings.services import agency_today, validate_paid_on
from crm.clients.selectors import client_choices
from crm.dashboard.forms.common import client_id as _client_id
from crm.dashboard.forms.proposals import MONEY_INPUT, clean_currency_code
from crm.models import Booking, Client, Payment

# Payment.method is free text (the API accepts any); the dashboard offers the usual ones.
PAYMENT_METHODS = [
    ("", "—"),
    *((m, m) for m in ("Bank transfer", "Card", "Cash", "Cheque", "Voucher", "Other")),
]


class BookingForm(forms.ModelForm):
    client = forms.ModelChoiceField(queryset=Client.objects.none())
    # By name: the agency's supplier of that name, added to the directory when new.
    supplier = forms.CharField(
        max_length=200,
        required=False,
        help_text="A supplier of the directory, by name; a new name adds one.",
    )

    class Meta:
        model = Booking
        fields = [
            "reference",
            "status",
            "start_date",
            "end_date",
            "currency",
            "total_price",
            "notes",
        ]
        labels = {"start_date": "Departure", "end_date": "Return", "total_price": "Total"}
        help_texts = {"reference": "Leave empty to generate one (BK-XXXXXX)."}
        widgets = {
            "start_date": DateInput(),
            "end_date": DateInput(),
            "currency": CurrencyInput(),
            "total_price": MONEY_INPUT,
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    field_order = ["client", *Meta.fields[:-1], "supplier", "notes"]

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice(self, "client").queryset = client_choices(
            agency=agency, keep=_client_id(self.initial.get("client"))
        )
        self.fields["reference"].required = False
        self.priced_by_services = bool(self.initial.get("priced_by_services"))
        if self.priced_by_services:
            # The total is the sum of the services' prices: shown, never typed.
            total = self.fields["total_price"]
            total.disabled = True
            total.help_text = "The sum of the services' prices: change those instead."

    @classmethod
    def initial_for(cls, booking: Booking) -> dict[str, Any]:
        initial = {name: getattr(booking, name) for name in cls.Meta.fields}
        initial["client"] = booking.client_id
        initial["supplier"] = booking.supplier_name
        initial["priced_by_services"] = booking.services.exists()
        return initial

    def service_fields(self) -> dict[str, Any]:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        data["client"] = self.cleaned_data["client"].pk
        data["supplier_name"] = self.cleaned_data["supplier"]
        if self.priced_by_services:
            data.pop("total_price")
        return data

    def clean_currency(self) -> str:
        return clean_currency_code(self.cleaned_data["currency"])


class PaymentForm(forms.ModelForm):
    method = forms.ChoiceField(choices=PAYMENT_METHODS, required=False)

    class Meta:
        model = Payment
        fields = ["amount", "paid_on", "method", "reference", "notes"]
        labels = {"paid_on": "Received on"}
        widgets = {
            "amount": MONEY_INPUT,
            "paid_on": DateInput(),
            "notes": forms.TextInput(),
        }

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = agency_today(agency)
        self.fields["paid_on"].initial = self.today

    def clean_paid_on(self) -> dt.date:
        # The service's rule, shown beside the field together with the other fields' errors.
        paid_on = self.cleaned_data["paid_on"]
        try:
            validate_paid_on(paid_on, today=self.today)
        except ValidationError as exc:
            raise forms.ValidationError(exc.message_dict["paid_on"]) from None
        return paid_on
