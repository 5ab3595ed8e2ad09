"""Sign-in throttling: too many failed attempts for one account (or, for an identifier that names
no account, for that identifier) or from one IP address within ``LOGIN_LOCKOUT_SECONDS`` lock
further attempts out, whatever the password, until the oldest of them is that old. Failures are
counted by the one rate limiter (``core.ratelimit``: Redis in production), so every server
process enforces the same limit.

The counter of an account is keyed on its primary key, never on what was typed: its username,
its email in any case and any other spelling that resolves to it share one budget, and a
successful sign-in clears that account's counter only."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.http import HttpRequest

from accounts.models import User
from accounts.selectors import normalise_identifier
from core import ratelimit
from core.http import client_ip


def _limits() -> tuple[int, int, int]:
    return (
        getattr(settings, "LOGIN_FAILURES_PER_IDENTIFIER", 10),
        getattr(settings, "LOGIN_FAILURES_PER_IP", 50),
        getattr(settings, "LOGIN_LOCKOUT_SECONDS", 900),
    )


def _subject_key(identifier: str, user: User | None) -> str:
    if user is not None:
        return f"login:user:{user.pk}"
    digest = hashlib.sha256(normalise_identifier(identifier).encode()).hexdigest()[:32]
    return f"login:id:{digest}"


def _ip_key(request: HttpRequest | None) -> str:
    ip = client_ip(request) if request is not None else "-"
    return f"login:ip:{ip or '-'}"


def is_locked_out(identifier: str, user: User | None, request: HttpRequest | None) -> bool:
    per_identifier, per_ip, lockout = _limits()
    return any(
        not ratelimit.hit(key, limit, window=lockout, count=False).allowed
        for key, limit in (
            (_subject_key(identifier, user), per_identifier),
            (_ip_key(request), per_ip),
        )
    )


def lockout_retry_after(
    identifier: str, user: User | None, request: HttpRequest | None
) -> int | None:
    """Seconds until one more attempt is allowed when locked out, else None."""
    per_identifier, per_ip, lockout = _limits()
    waits = [
        check.reset
        for key, limit in (
            (_subject_key(identifier, user), per_identifier),
            (_ip_key(request), per_ip),
        )
        if not (check := ratelimit.hit(key, limit, window=lockout, count=False)).allowed
    ]
    return max(waits) if waits else None


def record_failure(identifier: str, user: User | None, request: HttpRequest | None) -> None:
    per_identifier, per_ip, lockout = _limits()
    ratelimit.hit(_subject_key(identifier, user), per_identifier, window=lockout)
    ratelimit.hit(_ip_key(request), per_ip, window=lockout)


def record_success(user: User) -> None:
    """Clear the failures of this account, and of nobody else."""
    ratelimit.clear(_subject_key("", user))
