"""The proposal lifecycle as the issue states it, written out independently of the code so
that the tests check the code's table against it, pair by pair."""

from __future__ import annotations

STATUSES = ("draft", "sent", "viewed", "accepted", "declined", "expired")
ALLOWED = {
    ("draft", "sent"),
    ("sent", "viewed"),
    ("sent", "accepted"),
    ("sent", "declined"),
    ("sent", "expired"),
    ("sent", "draft"),
    ("viewed", "accepted"),
    ("viewed", "declined"),
    ("viewed", "expired"),
    ("viewed", "draft"),
    ("expired", "sent"),
}
PAIRS = [(a, b) for a in STATUSES for b in STATUSES if a != b]


def pair_id(pair: tuple[str, str]) -> str:
    return f"{pair[0]}->{pair[1]}"
