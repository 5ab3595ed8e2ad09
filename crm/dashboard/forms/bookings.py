"""The booking forms: the booking and a payment."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone

from accounts.models import Agency
from core.forms import CurrencyInput, DateInput, MoneyField
from crm.models import (
    BookingStatus,
    Client,
)

# Payment.method is free text (the API accepts any); the dashboard offers the usual ones.
PAYMENT_METHODS = [
    ("", "—"),
    *((m, m) for m in ("Bank transfer", "Card", "Cash", "Cheque", "Voucher", "Other")),
]


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
