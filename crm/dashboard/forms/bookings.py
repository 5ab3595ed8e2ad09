"""The booking forms: the booking and a payment.

Both are ModelForms used for cleaning only (never ``.save()``): lengths, digits, minimums and
the date-range rule come from the models, so the forms cannot drift from them; the writes (and
the rules on statuses and payments) are the services'. ``amount_paid`` is in neither: it is
the sum of the payments. The schedule's forms only carry what was typed to
``crm.bookings.schedules``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from accounts.models import Agency
from core.forms import CurrencyInput, DateInput, model_choice
from crm.bookings.payments import REASON_MAX, agency_today, validate_paid_on
from crm.bookings.schedules import MAX_INSTALMENTS, MONTHLY_DEFAULT, ScheduleTemplate
from crm.clients.selectors import client_choices
from crm.dashboard.forms.common import client_id as _client_id
from crm.dashboard.forms.proposals import MONEY_INPUT, clean_currency_code
from crm.models import Booking, Client, Payment, PaymentKind, PaymentMethod


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
    """Record a payment, a refund, or (ticked) a payment beyond the balance as a credit."""

    kind = forms.ChoiceField(
        choices=PaymentKind.choices, initial=PaymentKind.PAYMENT, required=False
    )
    method = forms.ChoiceField(choices=[("", "—"), *PaymentMethod.choices], required=False)
    as_credit = forms.BooleanField(
        required=False,
        label="Record as a credit",
        help_text="Allow more than the balance due: the booking then shows a credit.",
    )

    class Meta:
        model = Payment
        fields = ["kind", "amount", "paid_on", "method", "method_detail", "reference", "notes"]
        labels = {"paid_on": "Received on", "method_detail": "Method details"}
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

    def clean_kind(self) -> str:
        return self.cleaned_data.get("kind") or PaymentKind.PAYMENT


class PaymentEditForm(PaymentForm):
    """Correct a payment (owners and admins): the same fields but the kind, and a reason."""

    reason = forms.CharField(
        max_length=REASON_MAX, help_text="Required: the history keeps it beside the change."
    )

    class Meta(PaymentForm.Meta):
        fields = ["amount", "paid_on", "method", "method_detail", "reference", "notes"]

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, agency=agency, **kwargs)
        del self.fields["kind"]
        self.fields["as_credit"].label = "Recorded as a credit"

    @classmethod
    def initial_for(cls, payment: Payment) -> dict[str, Any]:
        initial = {name: getattr(payment, name) for name in cls.Meta.fields}
        initial["as_credit"] = payment.is_credit
        return initial


class VoidForm(forms.Form):
    reason = forms.CharField(
        max_length=REASON_MAX,
        help_text="Required: the payment stays listed, struck through, with this reason.",
    )


class ScheduleTemplateForm(forms.Form):
    template = forms.ChoiceField(choices=ScheduleTemplate.choices)
    deposit_percent = forms.DecimalField(
        label="Deposit %", min_value=1, max_value=99, decimal_places=2, initial=30, required=False
    )
    balance_days_before = forms.IntegerField(
        label="Balance due (days before departure)",
        min_value=0,
        max_value=730,
        initial=60,
        required=False,
    )
    instalments_count = forms.IntegerField(
        label="Monthly instalments",
        min_value=1,
        max_value=MAX_INSTALMENTS - 1,  # a deposit and at most 35 more (crm.bookings.schedules)
        initial=MONTHLY_DEFAULT,
        required=False,
    )


class InstalmentForm(forms.Form):
    label = forms.CharField(max_length=100, required=False)
    due_date = forms.DateField(widget=DateInput())
    amount = forms.DecimalField(
        max_digits=12, decimal_places=2, min_value=Decimal("0.01"), widget=MONEY_INPUT
    )


InstalmentFormSet = forms.formset_factory(
    InstalmentForm, extra=2, max_num=MAX_INSTALMENTS, validate_max=True
)
