"""What the dashboard's forms share."""

from __future__ import annotations

from typing import Any


def client_id(value: Any) -> int | None:
    """The id behind a form's initial ``client`` (an id, a ``Client`` or nothing)."""
    if value is None or value == "":
        return None
    pk = getattr(value, "pk", value)
    try:
        return int(pk)
    except (TypeError, ValueError):
        return None
