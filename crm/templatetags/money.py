"""``{{ amount|money }}``: a money figure as the dashboard shows it, two decimals with thousands
grouped (``1,234.50``), a builtin filter (``TEMPLATES`` in config/settings.py).

It is ``floatformat:"2g"`` for the language the dashboard speaks, without its general path: the
reports page formats ~600 figures, and floatformat (a Decimal context, ``as_tuple`` and the
locale's number format per call) was a fifth of the page's rendering. Anything that is not a
finite Decimal or int, or another active language, goes to floatformat itself.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django import template
from django.template.defaultfilters import floatformat
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

register = template.Library()

CENT = Decimal("0.01")
GROUPED_LANGUAGES = {"en", "en-us"}  # "," between thousands and "." before the cents
LIMIT = Decimal("1e30")  # far above any money column (MONEY: 12 digits); floatformat beyond


@register.filter(is_safe=True)
def money(value: Any) -> SafeString | str:
    if (
        isinstance(value, Decimal | int)
        and not isinstance(value, bool)
        and (get_language() or "").lower() in GROUPED_LANGUAGES
    ):
        number = Decimal(value)
        if number.is_finite() and abs(number) < LIMIT:
            rounded = number.quantize(CENT, ROUND_HALF_UP)
            # A figure that rounds to zero is "0.00", never "-0.00" (floatformat's rule too).
            return mark_safe(f"{rounded if rounded else rounded.copy_abs():,.2f}")
    return floatformat(value, "2g")
