"""Money: ``Decimal`` amounts with an ISO 4217 currency code, never floats."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError

# Every money column: up to 9,999,999,999.99.
MONEY: dict[str, Any] = {"max_digits": 12, "decimal_places": 2}


def normalise_currency_field(fields: dict[str, Any]) -> None:
    """Upper-case ``fields["currency"]`` in place; anything but three letters is a field error."""
    if isinstance(fields.get("currency"), str):
        fields["currency"] = fields["currency"].strip().upper()
        if len(fields["currency"]) != 3 or not fields["currency"].isalpha():
            raise ValidationError({"currency": ["Use a three-letter ISO 4217 code, e.g. EUR."]})
