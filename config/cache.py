"""The shared cache: Redis, falling back to process memory while Redis cannot be reached.

Sign-in throttling (``accounts.login_throttle``) and the enquiry forms' rate limits
(``crm.public_views``) count in the cache. With Django's ``RedisCache`` a stopped Redis turned
each of those requests into a 500 (and a frozen one into seconds of waiting, then a 500): a
website's leads were refused and nobody could sign in. ``ResilientRedisCache`` answers from an
in-process ``LocMemCache`` instead, for ``RETRY_AFTER_SECONDS`` after a failure (so an outage
costs one short timeout per process, not one per call), logs a warning, then tries Redis again.
Like the API's rate limiter (``api.throttling``), the counts are per process meanwhile: a limit
is briefly looser, never a reason to refuse a request.

Connections get short timeouts unless ``OPTIONS`` says otherwise: Redis answers a healthy
request in well under a millisecond, and a hung one must not hold a worker.
"""

from __future__ import annotations

import logging
import time
from typing import Any

import redis
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5.0
SOCKET_TIMEOUT_SECONDS = 0.5

# Per process, shared by every thread's instance of the same cache (Django makes one per thread).
_down_until: dict[str, float] = {}


class ResilientRedisCache(RedisCache):
    def __init__(self, server: str, params: dict[str, Any]) -> None:
        options = {
            "socket_connect_timeout": SOCKET_TIMEOUT_SECONDS,
            "socket_timeout": SOCKET_TIMEOUT_SECONDS,
            **(params.get("OPTIONS") or {}),
        }
        super().__init__(server, {**params, "OPTIONS": options})
        self._location = server if isinstance(server, str) else ",".join(server)
        # LocMemCache instances with the same name share one store: one per process.
        self._fallback = LocMemCache(
            f"redis-fallback:{self._location}",
            {
                "TIMEOUT": params.get("TIMEOUT", 300),
                "KEY_PREFIX": params.get("KEY_PREFIX", ""),
                "VERSION": params.get("VERSION", 1),
            },
        )

    def _call(self, name: str, *args: Any) -> Any:
        if time.monotonic() >= _down_until.get(self._location, 0.0):
            try:
                return getattr(super(), name)(*args)
            except redis.RedisError as exc:
                _down_until[self._location] = time.monotonic() + RETRY_AFTER_SECONDS
                logger.warning(
                    "Cache falls back to process memory for %ss: Redis failed (%s: %s)",
                    RETRY_AFTER_SECONDS,
                    type(exc).__name__,
                    exc,
                )
        return getattr(self._fallback, name)(*args)

    def add(self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None):
        return self._call("add", key, value, timeout, version)

    def get(self, key: Any, default: Any = None, version: Any = None):
        return self._call("get", key, default, version)

    def set(self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None):
        return self._call("set", key, value, timeout, version)

    def touch(self, key: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None):
        return self._call("touch", key, timeout, version)

    def delete(self, key: Any, version: Any = None):
        return self._call("delete", key, version)

    def get_many(self, keys: Any, version: Any = None):
        return self._call("get_many", keys, version)

    def has_key(self, key: Any, version: Any = None):
        return self._call("has_key", key, version)

    def incr(self, key: Any, delta: int = 1, version: Any = None):
        return self._call("incr", key, delta, version)

    def set_many(self, data: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None):
        return self._call("set_many", data, timeout, version)

    def delete_many(self, keys: Any, version: Any = None):
        return self._call("delete_many", keys, version)

    def clear(self):
        return self._call("clear")


def reset_state() -> None:
    """Forget outages (tests)."""
    _down_until.clear()
