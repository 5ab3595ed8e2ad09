"""The proposal and booking lifecycles as the issue states them, written out independently of
the code so that the tests check the code's tables against them, pair by pair."""

from __future__ import annotations

PROPOSAL_STATUSES = ("draft", "sent", "viewed", "accepted", "declined", "expired")
PROPOSAL_ALLOWED = {
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
BOOKING_STATUSES = ("pending", "confirmed", "cancelled", "completed")
BOOKING_ALLOWED = {
    ("pending", "confirmed"),
    ("pending", "cancelled"),
    ("confirmed", "completed"),
    ("confirmed", "cancelled"),
}


def pairs(statuses: tuple[str, ...]) -> list[tuple[str, str]]:
    """Every change of status: each from x to pair of two different statuses."""
    return [(a, b) for a in statuses for b in statuses if a != b]


PROPOSAL_PAIRS = pairs(PROPOSAL_STATUSES)
BOOKING_PAIRS = pairs(BOOKING_STATUSES)


def pair_id(pair: tuple[str, str]) -> str:
    return f"{pair[0]}->{pair[1]}"
