"""Form widgets and fields the dashboard's forms share (dates, times, currencies, money, tags)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms

from core.money import MONEY

COMMON_CURRENCIES = ["EUR", "USD", "GBP", "CHF", "CAD", "AUD", "JPY", "AED", "ZAR", "INR", "NZD"]


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

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]  # a list, not text
        text = super().to_python(value) or ""
        return [tag.strip() for tag in text.split(",") if tag.strip()]


class MoneyField(forms.DecimalField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_digits", MONEY["max_digits"])
        kwargs.setdefault("decimal_places", MONEY["decimal_places"])
        kwargs.setdefault("min_value", Decimal("0"))
        kwargs.setdefault(
            "widget", forms.NumberInput(attrs={"step": "0.01", "inputmode": "decimal"})
        )
        super().__init__(**kwargs)


class CleaningModelForm(forms.ModelForm):
    """A ``ModelForm`` for cleaning only: its fields and limits come from the model, so a form
    cannot drift from its column; it is never saved (writes go through the services) and never
    bound to a record (pass the record's values as ``initial``).

    Relations are left out of the model's validation: the form's own choice field and then the
    service resolve them inside the agency, and a second, unscoped lookup would cost a query.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if "instance" in kwargs:
            raise TypeError(f"{type(self).__name__} cleans only: pass the values as initial=.")
        super().__init__(*args, **kwargs)

    def _get_validation_exclusions(self) -> set[str]:
        # A private hook of ModelForm that django-stubs does not declare.
        exclusions = set(super()._get_validation_exclusions())  # type: ignore[misc]
        return exclusions | {
            f.name for f in self._meta.model._meta.concrete_fields if f.is_relation
        }

    def save(self, commit: bool = True) -> Any:
        raise NotImplementedError("Writes go through the services, not the form.")


def model_choice(form: forms.BaseForm, name: str) -> forms.ModelChoiceField[Any]:
    """The form's own copy of the choice field ``name``, typed as one (``form.fields`` holds
    plain ``Field``\\ s), so that its queryset can be scoped to the agency."""
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField), f"{name} is not a ModelChoiceField"
    return field
