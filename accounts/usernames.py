"""The rules of a username: how one is checked, and how one is made for a new owner."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError

from accounts import selectors

USERNAME_PATTERN = re.compile(r"^[\w.+-]+\Z")


def clean_username(username: str) -> str:
    """A username as it is stored, or ``ValidationError``: no "@" (an identifier with one is an
    email), and not taken by anyone in any case ("Bob" beside "bob" is refused)."""
    username = (username or "").strip()
    if "@" in username:
        raise ValidationError({"username": ["A username cannot contain “@”."]})
    if not username or len(username) > 150 or not USERNAME_PATTERN.match(username):
        raise ValidationError({"username": ["Use only letters, digits and . + - _."]})
    if selectors.username_taken(username):
        raise ValidationError({"username": [f"The username {username!r} is taken."]})
    return username


def username_from_email(email: str) -> str:
    """A free username made from an email's local part (sign-up asks none: sign-in is by
    email, and asking would tell anyone which usernames exist)."""
    base = re.sub(r"[^\w.+-]", "", email.partition("@")[0])[:40].strip(".") or "user"
    candidate, n = base, 2
    while selectors.username_taken(candidate):
        candidate, n = f"{base}{n}", n + 1
    return candidate
