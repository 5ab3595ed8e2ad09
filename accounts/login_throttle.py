"""Sign-in throttling: too many failed attempts for one identifier or from one IP address
lock further attempts out for a while, whatever the password. Counts live in the shared
cache (Redis in production), so every server process enforces the same limit."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def _limits() -> tuple[int, int, int]:
    return (
        getattr(settings, "LOGIN_FAILURES_PER_IDENTIFIER", 10),
        getattr(settings, "LOGIN_FAILURES_PER_IP", 50),
        getattr(settings, "LOGIN_LOCKOUT_SECONDS", 900),
    )


def client_ip(request: HttpRequest | None) -> str:
    if request is None:
        return "-"
    return request.META.get("REMOTE_ADDR", "-")


def _keys(identifier: str, ip: str) -> tuple[str, str]:
    digest = hashlib.sha256(identifier.strip().lower().encode()).hexdigest()[:32]
    return f"login-fail:id:{digest}", f"login-fail:ip:{ip}"


def is_locked_out(identifier: str, request: HttpRequest | None) -> bool:
    per_identifier, per_ip, _ = _limits()
    id_key, ip_key = _keys(identifier, client_ip(request))
    counts = cache.get_many([id_key, ip_key])
    return counts.get(id_key, 0) >= per_identifier or counts.get(ip_key, 0) >= per_ip


def record_failure(identifier: str, request: HttpRequest | None) -> None:
    _, _, lockout = _limits()
    for key in _keys(identifier, client_ip(request)):
        # add() then incr() keeps the count atomic in Redis; the window starts at the first miss.
        cache.add(key, 0, timeout=lockout)
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=lockout)


def record_success(identifier: str, request: HttpRequest | None) -> None:
    id_key, _ = _keys(identifier, client_ip(request))
    cache.delete(id_key)
