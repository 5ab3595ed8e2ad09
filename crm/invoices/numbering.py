"""Gapless numbers per agency and series.

:func:`take_number` locks the agency's counter row (``SELECT ... FOR UPDATE``) and moves it on
by one, inside the caller's transaction, the one that also writes the document: two issues at
once wait for each other, and an issue that rolls back rolls its number back with it, so the
series has neither duplicates nor holes. The counter row is created on first use; two first
uses at once meet on its unique constraint and the loser reads the winner's row.
"""

from __future__ import annotations

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from accounts.events import record_event
from accounts.models import User
from crm.invoices.models import DEFAULT_PREFIXES, DocumentCounter, Series

PREFIX_MAX = 30
_PREFIX = re.compile(r"^[A-Za-z0-9/_.\- ]*(\{year\}[A-Za-z0-9/_.\- ]*)?$")


def _counter(agency_id: int, series: str) -> DocumentCounter:
    rows = DocumentCounter.objects.for_agency(agency_id).select_for_update()
    counter = rows.filter(series=series).first()
    if counter is None:
        try:
            with transaction.atomic():  # a savepoint: a lost race keeps the caller's transaction
                DocumentCounter.objects.create(
                    agency_id=agency_id, series=series, prefix=DEFAULT_PREFIXES[Series(series)]
                )
        except IntegrityError:
            pass
        counter = rows.get(series=series)
    return counter


def reference(prefix: str, number: int, *, issued_on: dt.date) -> str:
    """``INV-2026-0042``: the prefix (``{year}`` the year of issue) and the number."""
    return f"{prefix.replace('{year}', str(issued_on.year))}{number:04d}"


def take_number(*, agency_id: int, series: str, issued_on: dt.date) -> tuple[int, str]:
    """The next number of the series and its reference; call inside the issuing transaction."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("take_number must run inside the transaction that writes the document")
    counter = _counter(agency_id, series)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number, reference(counter.prefix, counter.last_number, issued_on=issued_on)


def clean_prefix(prefix: str) -> str:
    text = (prefix or "").strip()
    if not text or len(text) > PREFIX_MAX or not _PREFIX.match(text):
        raise ValidationError(
            {
                "prefix": [
                    f"At most {PREFIX_MAX} letters, digits, spaces and - _ . /, with {{year}} at "
                    "most once (e.g. INV-{year}-)."
                ]
            }
        )
    return text


def series_state(*, agency_id: int) -> dict[str, DocumentCounter]:
    """Each series' prefix and last number (an unsaved default when none was issued yet)."""
    rows = {c.series: c for c in DocumentCounter.objects.for_agency(agency_id)}
    return {
        series: rows.get(series)
        or DocumentCounter(agency_id=agency_id, series=series, prefix=DEFAULT_PREFIXES[series])
        for series in Series
    }


@transaction.atomic
def series_set_prefix(
    *, agency_id: int, series: str, prefix: str, actor: User | None = None
) -> DocumentCounter:
    """Change the prefix of the next references (the numbers go on; issued ones keep theirs);
    ``invoices.prefix_changed`` says from what to what."""
    if series not in Series.values:
        raise ValidationError({"series": [f"Choose one of: {', '.join(Series.values)}."]})
    text = clean_prefix(prefix)
    counter = _counter(agency_id, series)
    before = counter.prefix
    if text == before:
        return counter
    counter.prefix = text
    counter.save(update_fields=["prefix"])
    record_event(
        "invoices.prefix_changed",
        agency_id=agency_id,
        object_type="agency",
        object_id=agency_id,
        object_repr=Series(series).label,
        data={"series": series, "from": before, "to": text},
        actor=actor,
    )
    return counter
