"""The one Redis client of a process, and the one outage breaker in front of it.

The cache (``core.cache``), the rate limiter (``core.ratelimit``) and the API token cache
(``accounts.token_cache``) all talk to ``REDIS_URL`` through :func:`available`: one connection
pool per URL, short socket timeouts (Redis answers a healthy request in well under a
millisecond, and a hung one must not hold a worker), and one breaker per URL.

The breaker opens on the first failure any of them sees (:func:`failed`) and stays open for
``COOLDOWN_SECONDS``: meanwhile :func:`available` answers None and every user falls back at
once (process memory, in-process counting, the database), so an outage costs one short timeout
per process, not one per call. Then Redis is tried again. One outage logs one warning, which says
what each user does meanwhile (see :func:`on_outage`).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import redis
from django.conf import settings

logger = logging.getLogger(__name__)

COOLDOWN_SECONDS = 5.0
SOCKET_TIMEOUT_SECONDS = 0.5
HEALTH_CHECK_INTERVAL_SECONDS = 30

_lock = threading.Lock()
_clients: dict[str, redis.Redis] = {}
_open_until: dict[str, float] = {}


@dataclass(frozen=True, slots=True)
class _Fallback:
    description: str
    on_open: Callable[[], None] | None


_fallbacks: dict[str, _Fallback] = {}


def on_outage(name: str, description: str, on_open: Callable[[], None] | None = None) -> None:
    """Register a user of Redis: what it does while Redis is down (a sentence without its full
    stop, said in the outage's one warning; the fault drill in bench/faults.py looks for the
    rate limiter's) and what it must do the moment an outage starts (``on_open``)."""
    _fallbacks[name] = _Fallback(description, on_open)


def connection(url: str) -> redis.Redis:
    """The shared client for ``url``, whether or not the breaker is open."""
    client = _clients.get(url)
    if client is None:
        with _lock:
            client = _clients.get(url)
            if client is None:
                client = _clients[url] = redis.Redis.from_url(
                    url,
                    socket_connect_timeout=SOCKET_TIMEOUT_SECONDS,
                    socket_timeout=SOCKET_TIMEOUT_SECONDS,
                    health_check_interval=HEALTH_CHECK_INTERVAL_SECONDS,
                )
    return client


def configured_url() -> str | None:
    return getattr(settings, "REDIS_URL", None) or None


def is_open(url: str) -> bool:
    """True while ``url`` failed less than ``COOLDOWN_SECONDS`` ago."""
    return time.monotonic() < _open_until.get(url, 0.0)


def available(url: str | None = None) -> redis.Redis | None:
    """The client for ``url`` (``REDIS_URL`` by default); None without one or while its
    breaker is open: the caller then uses its fallback."""
    url = url or configured_url()
    if not url or is_open(url):
        return None
    return connection(url)


def failed(exc: Exception, url: str | None = None) -> None:
    """A call to ``url`` (``REDIS_URL`` by default) failed: open its breaker for everyone."""
    url = url or configured_url()
    if not url:
        return
    with _lock:
        already_open = is_open(url)
        _open_until[url] = time.monotonic() + COOLDOWN_SECONDS
    if already_open:  # another thread's call failed first: one warning per outage
        return
    fallbacks = list(_fallbacks.values())
    for fallback in fallbacks:
        if fallback.on_open is not None:
            fallback.on_open()
    meanwhile = " ".join(f"{f.description}." for f in fallbacks) or "Callers fall back."
    logger.warning(
        "Redis failed (%s: %s). For the next %ss: %s",
        type(exc).__name__,
        exc,
        COOLDOWN_SECONDS,
        meanwhile,
    )


def reset() -> None:
    """Forget every outage (tests)."""
    _open_until.clear()
