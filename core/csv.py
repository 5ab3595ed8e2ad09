"""CSV out of Itinera: cells that no spreadsheet runs as a formula, and rows streamed.

A cell a spreadsheet would read as a formula (text starting with ``=``, ``+``, ``-``, ``@``,
or a tab or carriage return that hides one) is prefixed with ``'`` (OWASP's "CSV injection"
advice): a client named ``=HYPERLINK(...)`` exports as text. Numbers are written as they are
(``-12.50`` is a refund, not a formula).
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any

from django.http import StreamingHttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> str:
    """``value`` as the text of one CSV cell, never a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | Decimal):
        return str(value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, list | tuple):
        value = "; ".join(str(item) for item in value)
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


class _Line:
    """A file whose ``write`` hands the line back (csv.writer then yields it)."""

    def write(self, line: str) -> str:
        return line


def csv_lines(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[str]:
    """The header line then one line per row, every cell through ``safe_cell``: for a
    ``StreamingHttpResponse`` (nothing is held but the row being written)."""
    writer = csv.writer(_Line())
    yield writer.writerow([safe_cell(name) for name in header])
    for row in rows:
        yield writer.writerow([safe_cell(value) for value in row])


def csv_response(
    filename: str, header: Sequence[str], rows: Iterable[Sequence[Any]]
) -> StreamingHttpResponse:
    """A streamed ``text/csv`` download of ``rows`` (an iterator is read as it is sent)."""
    response = StreamingHttpResponse(csv_lines(header, rows), content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response
