"""Filter fields every FilterSet shares, below ``core.overrides`` (whose ``FastFilterSet``
turns id filters into them) and ``core.filters``."""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from drf_spectacular.utils import extend_schema_field

from core.validation import INT_MAX, parse_int


class IdField(forms.CharField):
    """A record's id in a filter: ASCII digits only, at most ``INT_MAX``; ``1.5``, ``-1`` or
    anything else is refused (a decimal field would read ``1.5`` as 1)."""

    def to_python(self, value: Any) -> int | None:  # type: ignore[override]  # an id, not text
        if value is None:
            return None
        text = super().to_python(value)
        if not text:
            return None  # no filter (a dashboard form's "any"; the API refuses it: api.strict)
        number = parse_int(text)
        if number is None:
            raise forms.ValidationError(f"Enter a record id: a whole number from 0 to {INT_MAX}.")
        return number


@extend_schema_field({"type": "integer", "minimum": 0, "maximum": INT_MAX})
class IdFilter(django_filters.NumberFilter):
    """Filters on a relation's id (``client_id=12``). ``FastFilterSet`` makes every
    ``NumberFilter`` on an ``*_id`` name or column one of these."""

    field_class = IdField


class TrueFalseField(forms.Field):
    """A yes/no filter: ``true`` or ``false``; empty is no filter. django-filter's
    ``BooleanFilter`` reads anything else (``voided=AAA``, ``voided=yes``) as "no filter" and
    answers every row; this refuses it."""

    widget = forms.TextInput  # the raw value, not NullBooleanSelect's mapping of it
    VALUES = {"true": True, "false": False}

    def to_python(self, value: Any) -> bool | None:
        if value in (None, ""):
            return None
        if isinstance(value, bool):
            return value
        if value not in self.VALUES:
            raise forms.ValidationError("Enter true or false.")
        return self.VALUES[value]


@extend_schema_field({"type": "boolean"})
class TrueFalseFilter(django_filters.BooleanFilter):
    """``FastFilterSet`` makes every ``BooleanFilter`` one of these."""

    field_class = TrueFalseField
