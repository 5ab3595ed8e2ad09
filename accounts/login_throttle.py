"""Sign-in throttling: too many failed attempts for one identifier or from one IP address
within ``LOGIN_LOCKOUT_SECONDS`` lock further attempts out, whatever the password, until the
oldest of them is that old. Failures are counted by the one rate limiter (``core.ratelimit``:
Redis in production), so every server process enforces the same limit."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.http import HttpRequest

from core import ratelimit
from core.http import client_ip


def _limits() -> tuple[int, int, int]:
    return (
        getattr(settings, "LOGIN_FAILURES_PER_IDENTIFIER", 10),
        getattr(settings, "LOGIN_FAILURES_PER_IP", 50),
        getattr(settings, "LOGIN_LOCKOUT_SECONDS", 900),
    )


def _keys(identifier: str, request: HttpRequest | None) -> tuple[str, str]:
    digest = hashlib.sha256(identifier.strip().lower().encode()).hexdigest()[:32]
    ip = client_ip(request) if request is not None else "-"
    return f"login:id:{digest}", f"login:ip:{ip or '-'}"


def is_locked_out(identifier: str, request: HttpRequest | None) -> bool:
    per_identifier, per_ip, lockout = _limits()
    id_key, ip_key = _keys(identifier, request)
    return any(
        not ratelimit.hit(key, limit, window=lockout, count=False).allowed
        for key, limit in ((id_key, per_identifier), (ip_key, per_ip))
    )


def record_failure(identifier: str, request: HttpRequest | None) -> None:
    per_identifier, per_ip, lockout = _limits()
    id_key, ip_key = _keys(identifier, request)
    ratelimit.hit(id_key, per_identifier, window=lockout)
    ratelimit.hit(ip_key, per_ip, window=lockout)


def record_success(identifier: str, request: HttpRequest | None) -> None:
    id_key, _ = _keys(identifier, request)
    ratelimit.clear(id_key)
