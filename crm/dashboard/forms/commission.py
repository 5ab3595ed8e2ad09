"""The commission page's forms: a receipt (the whole outstanding amount when no amount is
typed) and a void; they only carry what was typed to ``crm.bookings.commission``."""

from __future__ import annotations

from decimal import Decimal

from django import forms

from core.forms import DateInput, MoneyField
from crm.bookings.payments import REASON_MAX
from crm.dashboard.forms.proposals import MONEY_INPUT


class CommissionReceiptForm(forms.Form):
    amount = MoneyField(
        required=False,
        min_value=Decimal("0.01"),
        widget=MONEY_INPUT,
        help_text="Empty: everything outstanding.",
    )
    received_on = forms.DateField(required=False, widget=DateInput(), label="Received on")
    reference = forms.CharField(max_length=100, required=False)
    note = forms.CharField(required=False, max_length=2000)


class CommissionVoidForm(forms.Form):
    reason = forms.CharField(
        max_length=REASON_MAX,
        help_text="Required: the receipt stays listed, struck through, with this reason.",
    )
