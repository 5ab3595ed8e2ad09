"""Validation helpers every write service uses, so each rule is written once."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction

from core.errors import Conflict


def unknown_fields(fields: Mapping[str, Any], allowed: Iterable[str]) -> None:
    unknown = sorted(set(fields) - set(allowed))
    if unknown:
        raise ValidationError({name: ["Unknown field."] for name in unknown})


def blank_text(fields: Mapping[str, Any], names: Iterable[str]) -> dict[str, Any]:
    """A copy of ``fields`` where the given text fields are stripped and null means empty."""
    cleaned = dict(fields)
    for name in names:
        if name in cleaned and cleaned[name] is None:
            cleaned[name] = ""
        elif isinstance(cleaned.get(name), str):
            cleaned[name] = cleaned[name].strip()
    return cleaned


def save_validated(instance: models.Model, *, conflict_field: str = "__all__") -> None:
    """Validate with the model's own rules (lengths, choices), then save.

    Relations are skipped in ``full_clean``: the services resolve them inside the agency
    (``accounts.tenancy.resolve_related``), and re-checking them would cost a query each. A
    unique constraint the database enforces (a booking reference) is reported on
    ``conflict_field``.
    """
    relations = [f.name for f in instance._meta.concrete_fields if f.is_relation]
    instance.full_clean(exclude=relations, validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            instance.save()
    except IntegrityError as exc:
        raise Conflict({conflict_field: ["This conflicts with an existing record."]}) from exc


def validate_date_range(record: models.Model) -> None:
    start, end = getattr(record, "start_date", None), getattr(record, "end_date", None)
    if start and end and end < start:
        raise ValidationError({"end_date": ["The end date cannot be before the start date."]})


# The largest value a database integer column holds (PostgreSQL ``integer``; SQLite's is
# wider). Ids and positions in URLs and forms are parsed against it, never by ``int()`` alone.
INT_MAX = 2_147_483_647
_INT_DIGITS = len(str(INT_MAX))


def parse_int(raw: object, *, maximum: int = INT_MAX) -> int | None:
    """A non-negative integer typed by someone: ASCII digits only (``str.isdigit`` also
    accepts "²" and Arabic-Indic digits, which ``int`` refuses or reads), at most as many digits
    as ``INT_MAX`` has (5,000 digits cost ``int`` time and then raise), no larger than
    ``maximum``. ``None`` for anything else: the caller decides between ignoring it and a 4xx."""
    if not isinstance(raw, str) or not raw or len(raw) > _INT_DIGITS:
        return None
    if not (raw.isascii() and raw.isdigit()):
        return None
    value = int(raw)
    return value if value <= maximum else None
