"""The booking lifecycle as the issue states it, written out independently of the code."""

from __future__ import annotations

STATUSES = ("pending", "confirmed", "cancelled", "completed")
ALLOWED = {
    ("pending", "confirmed"),
    ("pending", "cancelled"),
    ("confirmed", "completed"),
    ("confirmed", "cancelled"),
}
PAIRS = [(a, b) for a in STATUSES for b in STATUSES if a != b]


def pair_id(pair: tuple[str, str]) -> str:
    return f"{pair[0]}->{pair[1]}"
