"""The supplier form, with its contact people as a small formset, and the booked-service form.

ModelForms for cleaning only (``CleaningModelForm``): limits come from the models; the writes
are the services' (``crm.suppliers.services``, ``crm.bookings.booked_services``).
"""

from __future__ import annotations

from typing import Any

from django import forms

from core.forms import CleaningModelForm, CurrencyInput, DateInput, TimeInput
from crm.dashboard.forms.proposals import MONEY_INPUT
from crm.models import BookingService, Supplier, SupplierContact
from crm.suppliers.services import MAX_CONTACTS


class SupplierForm(CleaningModelForm):
    website = forms.URLField(max_length=255, required=False, assume_scheme="https")

    class Meta:
        model = Supplier
        fields = [
            "name",
            "type",
            "email",
            "phone",
            "website",
            "currency",
            "default_commission_rate",
            "payment_terms",
            "notes",
        ]
        labels = {"default_commission_rate": "Default commission (%)"}
        help_texts = {
            "currency": "The currency it invoices in (optional).",
            "payment_terms": "E.g. “Net 30”, “Deposit at booking, balance 45 days before”.",
        }
        widgets = {
            "currency": CurrencyInput(),
            "notes": forms.Textarea(attrs={"rows": 3}),
            "default_commission_rate": forms.NumberInput(
                attrs={"step": "0.01", "min": "0", "max": "100", "inputmode": "decimal"}
            ),
        }

    def __init__(self, *args: Any, agency: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["currency"].required = False

    @classmethod
    def initial_for(cls, supplier: Supplier) -> dict[str, Any]:
        return {name: getattr(supplier, name) for name in cls.Meta.fields}


class ContactForm(CleaningModelForm):
    class Meta:
        model = SupplierContact
        fields = ["name", "role", "email", "phone"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["name"].required = False  # an empty row is no contact


ContactFormSet = forms.formset_factory(ContactForm, extra=2, max_num=MAX_CONTACTS)


def contacts_from(formset: forms.BaseFormSet) -> list[dict[str, Any]]:
    """The contacts the formset's filled rows name, in order (a row without a name is none)."""
    rows = []
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None) or {}
        if (data.get("name") or "").strip():
            rows.append({name: data.get(name) or "" for name in ContactForm.Meta.fields})
    return rows


class BookingServiceForm(CleaningModelForm):
    # By name, as on the booking and the itinerary item: a new name adds a supplier.
    supplier = forms.CharField(
        max_length=200,
        required=False,
        help_text="A supplier of the directory, by name; a new name adds one.",
    )
    commission_expected = forms.DecimalField(
        max_digits=12,
        decimal_places=2,
        min_value=0,
        required=False,
        widget=MONEY_INPUT,
        help_text="Leave empty for the supplier's default rate on the price.",
    )

    class Meta:
        model = BookingService
        fields = [
            "kind",
            "description",
            "status",
            "start_date",
            "end_date",
            "start_time",
            "end_time",
            "confirmation_number",
            "price",
            "cost",
            "notes",
        ]
        labels = {"price": "Price to the client", "cost": "Cost to the agency"}
        widgets = {
            "start_date": DateInput(),
            "end_date": DateInput(),
            "start_time": TimeInput(),
            "end_time": TimeInput(),
            "price": MONEY_INPUT,
            "cost": MONEY_INPUT,
            "notes": forms.Textarea(attrs={"rows": 2}),
        }

    field_order = ["kind", "description", "supplier", *Meta.fields[2:], "commission_expected"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("price", "cost"):
            self.fields[name].required = False  # empty is zero

    @classmethod
    def initial_for(cls, service: BookingService) -> dict[str, Any]:
        initial = {name: getattr(service, name) for name in cls.Meta.fields}
        initial["supplier"] = service.supplier_name
        if service.commission_source == "typed":
            initial["commission_expected"] = service.commission_expected
        return initial

    def service_fields(self) -> dict[str, Any]:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        data["supplier_name"] = self.cleaned_data["supplier"]
        data["commission_expected"] = self.cleaned_data["commission_expected"]
        return data
