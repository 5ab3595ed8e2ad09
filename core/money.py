"""Money: ``Decimal`` amounts with an ISO 4217 currency code, never floats."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError

from core.iso import is_currency

# Every money column: up to 9,999,999,999.99.
MONEY: dict[str, Any] = {"max_digits": 12, "decimal_places": 2}


def normalise_currency_field(fields: dict[str, Any]) -> None:
    """Upper-case ``fields["currency"]`` in place; anything but an ISO 4217 code
    (``core.iso.CURRENCIES``, the API's ``/lookups/currencies``) is a field error naming it."""
    if isinstance(fields.get("currency"), str):
        fields["currency"] = code = fields["currency"].strip().upper()
        if len(code) != 3 or not code.isalpha():
            raise ValidationError({"currency": ["Use a three-letter ISO 4217 code, e.g. EUR."]})
        if not is_currency(code):
            message = f"{code} is not an ISO 4217 currency code (see /lookups/currencies)."
            raise ValidationError({"currency": [message]})
