"""The serializers every resource shares: the output plan, field helpers, error bodies.

Each resource's own serializers live beside its viewset in ``api/v1/<resource>.py``.

Output serializers declare their fields for the OpenAPI schema and for review; rendering a row
does not go through DRF's per-field machinery. ``OutputSerializer`` compiles the declared
fields once per class into plain ``(name, attribute, converter)`` steps (timestamps as
``2026-06-01T10:22:00+00:00``, money as ``"1250.00"``, dates as ``YYYY-MM-DD``), which keeps a
page of 100 rows cheap. Relations are ``<name>_id`` integers.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from operator import attrgetter
from typing import Any, ClassVar

from django.db import models
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.money import MONEY

CENT = Decimal("0.01")
Converter = Callable[[Any], Any]
Step = tuple[str, Callable[[Any], Any], Converter | None]


def timestamp(value: dt.datetime | None) -> str | None:
    """ISO 8601 in UTC with an explicit offset and whole seconds."""
    if value is None:
        return None
    return value.astimezone(dt.UTC).replace(microsecond=0).isoformat()


def iso_date(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def iso_time(value: dt.time | None) -> str | None:
    return None if value is None else value.replace(microsecond=0).isoformat()


def money(value: Decimal | None) -> str | None:
    if value is None:
        return None
    return str(Decimal(value).quantize(CENT))


class OutputSerializer(serializers.Serializer):
    """Read-only serializer whose ``to_representation`` runs a precompiled plan."""

    _plans: ClassVar[dict[type, list[Step]]] = {}

    @classmethod
    def plan(cls) -> list[Step]:
        steps = OutputSerializer._plans.get(cls)
        if steps is None:
            steps = OutputSerializer._plans[cls] = [
                (name, attrgetter(str(field.source)), _converter(field))
                for name, field in cls().fields.items()
            ]
        return steps

    @classmethod
    def sources(cls) -> tuple[str, ...]:
        """The attributes (dotted paths included) that rendering reads."""
        return tuple(str(field.source) for field in cls().fields.values())

    @classmethod
    def represent(cls, instance: Any) -> dict[str, Any]:
        return {
            name: (convert(value) if convert is not None and value is not None else value)
            for name, get, convert in cls.plan()
            for value in (get(instance),)
        }

    @classmethod
    def represent_many(cls, instances: Iterable[Any]) -> list[dict[str, Any]]:
        return OutputSerializer.represent_with(cls.plan(), instances)

    @staticmethod
    def represent_with(steps: Sequence[Step], instances: Iterable[Any]) -> list[dict[str, Any]]:
        """Rows through a plan: the serializer's, or its steps reading another shape of row
        (``api.fast_list``: tuples)."""
        return [
            {
                name: (convert(value) if convert is not None and value is not None else value)
                for name, get, convert in steps
                for value in (get(instance),)
            }
            for instance in instances
        ]

    def to_representation(self, instance: Any) -> dict[str, Any]:
        return self.represent(instance)


def _converter(field: serializers.Field) -> Converter | None:
    if isinstance(field, serializers.ListSerializer) and isinstance(field.child, OutputSerializer):
        child = type(field.child)
        # A related manager, or a plain list a property computed.
        return lambda rows: child.represent_many(rows.all() if hasattr(rows, "all") else rows)
    if isinstance(field, OutputSerializer):
        return type(field).represent
    if isinstance(field, serializers.DateTimeField):
        return timestamp
    if isinstance(field, serializers.DateField):
        return iso_date
    if isinstance(field, serializers.TimeField):
        return iso_time
    if isinstance(field, serializers.DecimalField):
        return money
    if isinstance(field, serializers.ListField | serializers.DictField):
        return list if isinstance(field, serializers.ListField) else dict
    if isinstance(
        field,
        serializers.CharField
        | serializers.IntegerField
        | serializers.BooleanField
        | serializers.ChoiceField,
    ):
        return None
    raise TypeError(f"OutputSerializer cannot render {type(field).__name__} fields.")


LOCAL_TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$"
LOCAL_TIME = re.compile(LOCAL_TIME_PATTERN.removeprefix("^").removesuffix("$"))


@extend_schema_field(
    {
        "type": "string",
        "pattern": LOCAL_TIME_PATTERN,
        "example": "08:40:00",
    }
)
class LocalTimeField(serializers.TimeField):
    """A wall-clock time at the item's location (``HH:MM[:SS]``), with no UTC offset.

    OpenAPI's ``format: time`` means an RFC 3339 time *with* an offset, which these are not.
    Input must have the pattern's shape: DRF alone would also take fractional seconds
    (``08:40:00.5``), ``8:40`` or an offset, which the schema does not admit.
    """

    def to_internal_value(self, value: Any) -> dt.time:
        if isinstance(value, str) and not LOCAL_TIME.fullmatch(value):
            self.fail("invalid", format="HH:MM or HH:MM:SS")
        return super().to_internal_value(value)


def decimal_pattern(field: serializers.DecimalField) -> str:
    """A regular expression for exactly the decimal strings the field accepts, for the
    common bounds (none, from 0, from a positive cent, up to 100, up to a maximum of nines).
    The schema documents it (``api.schema_precise``) and ``DecimalString`` enforces it."""
    places = field.decimal_places or 0
    whole = (field.max_digits or 12) - places
    low, high = field.min_value, field.max_value
    if high is not None and Decimal(high) > 0:
        # A maximum of nines (9,999,999.99: a line's unit price) is a number of whole digits.
        digits = len(str(int(Decimal(high))))
        if Decimal(high) == Decimal(10) ** digits - Decimal(10) ** -places:
            whole = min(whole, digits)
    fraction = rf"(\.[0-9]{{1,{places}}})?" if places else ""
    integer = rf"(0|[1-9][0-9]{{0,{max(whole - 1, 0)}}})"
    if high is not None and Decimal(high) == 100 and (low is not None and Decimal(low) == 0):
        zeros = rf"(\.0{{1,{places}}})?" if places else ""
        return rf"^(100{zeros}|[0-9]{{1,2}}{fraction})$"
    if (low, high, places) == (1, 99, 2):  # a percentage from 1 to 99
        return r"^(([1-9]|[1-8][0-9]|9[0-8])(\.[0-9]{1,2})?|99(\.0{1,2})?)$"
    if low is None:
        return rf"^-?{integer}{fraction}$"
    if Decimal(low) == 0:
        return rf"^{integer}{fraction}$"
    if Decimal(low) == Decimal("0.01") and places == 2:
        return rf"^([1-9][0-9]{{0,{whole - 1}}}{fraction}|0\.([1-9][0-9]?|0[1-9]))$"
    return rf"^{integer}{fraction}$"


class DecimalString(serializers.DecimalField):
    """A decimal input given as the schema says: a string of plain digits (``"1250.00"``).

    DRF alone also takes a JSON number (``1250``, which floating point can make ``1249.99…``
    on the way), an exponent (``"1e3"``), a sign, spaces or leading zeros, none of which the
    schema's ``type: string`` and pattern admit; a generated client trusts the schema.
    """

    default_error_messages = {
        "not_a_string": 'Send the amount as a string of digits, such as "1250.00": a JSON '
        "number can lose cents to floating point.",
        "shape": "Write the amount as plain digits with at most {places} decimal places, "
        'such as "1250.00": no exponent, plus sign, spaces or leading zeros.',
    }

    def to_internal_value(self, data: Any) -> Decimal:
        if not isinstance(data, str):
            self.fail("not_a_string")
        value = super().to_internal_value(data)
        if not re.fullmatch(self.pattern, data):
            # The range's own message first ("Ensure this value is greater than…").
            self.run_validators(value)
            self.fail("shape", places=self.decimal_places)
        return value

    @property
    def pattern(self) -> str:
        if not hasattr(self, "_pattern"):
            self._pattern = decimal_pattern(self)
        return self._pattern


class WholeItems(serializers.ListSerializer):
    """A nested list that replaces what it holds (a proposal's options, a plan's days, a
    supplier's contacts): each item is a whole one, its required fields required, in a PATCH
    too. DRF validates nested fields with the root's ``partial``, so a PATCH took a line without
    its price, which the schema (and the replacement) says it must have."""

    def run_child_validation(self, data: Any) -> Any:
        if not getattr(self.root, "partial", False):
            return super().run_child_validation(data)
        child: Any = self.child
        whole = type(child)(*child._args, **{**child._kwargs, "context": self.context})
        return whole.run_validation(data)


def Money(**kwargs: Any) -> serializers.DecimalField:
    return DecimalString(**MONEY, **kwargs)


def Text(**kwargs: Any) -> serializers.CharField:
    return serializers.CharField(allow_blank=True, **kwargs)


class CountryField(serializers.CharField):
    """A country, given as its ISO 3166-1 code or its English name (``core.iso.country_code``,
    checked by the serializer or the service). The schema documents the alpha-2 codes as an
    enum (``CountryCode``), empty text and null where the field allows them: every value it
    admits is accepted (the names, which vary in spelling, are said in the description)."""


def Country(**kwargs: Any) -> CountryField:
    return CountryField(allow_blank=True, **kwargs)


def Id(**kwargs: Any) -> serializers.IntegerField:
    return serializers.IntegerField(**kwargs)


def max_length_of(model: type[models.Model], name: str) -> int:
    """The model field's own limit, so an input serializer cannot drift from the column.

    Only a column with a limit has one to lift: asking for another is a mistake in the code,
    raised when the serializer is defined rather than silently letting any length through.
    """
    field = model._meta.get_field(name)
    limit = field.max_length if isinstance(field, models.Field) else None
    if limit is None:
        raise TypeError(f"{model._meta.label}.{name} has no max_length to lift.")
    return limit


# Errors and metadata (documentation of the bodies api.exceptions and api.pagination produce) --


class ErrorSerializer(serializers.Serializer):
    """Every error body."""

    message = serializers.CharField(help_text="What went wrong, for a human.")


class ConflictSerializer(ErrorSerializer):
    """A 409 body: what in the record's current state refuses the request (``message``, and
    ``errors`` by field as a 422 has them; none while an Idempotency-Key is in progress)."""

    errors = serializers.DictField(  # type: ignore[assignment]  # documents the body's field
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text='Field name to messages, e.g. {"payment": ["This payment is already voided."]}.',
    )


class ValidationErrorSerializer(ErrorSerializer):
    """A 422 body: the message and the errors of each field."""

    errors = serializers.DictField(  # type: ignore[assignment]  # documents the body's field
        child=serializers.ListField(child=serializers.CharField()),
        help_text='Field name to messages, e.g. {"name": ["This field is required."]}; nested '
        'fields read "days[0].items[1].title".',
    )


# The help text of every `supplier` field that takes a name (items, bookings, services).
SUPPLIER_BY_NAME = (
    "A supplier by name: your agency's supplier of that name (ignoring case), added to the "
    "directory (type `other`) when there is none; empty or null for none. Ignored when "
    "`supplier_id` is given."
)
