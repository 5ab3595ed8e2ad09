"""ISO 4217 currencies and ISO 3166-1 countries, vendored (from Debian's iso-codes data, 2024):
the lookups of the API (``/api/v1/lookups/...``) and the validation of currency and country
fields. Plain tables, no dependency; regenerate them from iso-codes when ISO publishes a change.

Currencies leave out the codes that are not money one prices a trip in (precious metals, bond
units, the testing code XTS and "no currency" XXX). Countries carry the English short name people
write (``common_name`` where ISO's own reads "Korea, Republic of"), and ISO's names as aliases.
"""

from __future__ import annotations

from core.iso.countries import COUNTRIES, COUNTRY_ALIASES
from core.iso.currencies import CURRENCIES

__all__ = ["COUNTRIES", "COUNTRY_ALIASES", "CURRENCIES", "country_code", "is_currency"]


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _country_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for code, (name, alpha3, others) in COUNTRIES.items():
        for spelling in (code, alpha3, name, *others):
            index[_fold(spelling)] = code
    for spelling, code in COUNTRY_ALIASES.items():
        index.setdefault(_fold(spelling), code)
    return index


_COUNTRY_INDEX = _country_index()


def country_code(value: str) -> str | None:
    """The alpha-2 code ``value`` names (an alpha-2 or alpha-3 code, an English name or a
    common alias, in any case), or None when it names no country."""
    return _COUNTRY_INDEX.get(_fold(value or ""))


def is_currency(code: str) -> bool:
    return code in CURRENCIES
