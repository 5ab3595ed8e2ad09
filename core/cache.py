"""The shared cache: Redis through ``core.redis``, process memory while Redis cannot be reached.

With Django's ``RedisCache`` a stopped Redis turned every cache call into a 500 (and a frozen one
into seconds of waiting, then a 500). ``ResilientRedisCache`` talks to Redis through the
process's one client (short timeouts) and its one outage breaker: while the breaker is open it
answers from an in-process ``LocMemCache`` instead, so values are per process meanwhile, never a
reason to fail a request.
"""

from __future__ import annotations

from typing import Any

import redis
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient

from core import redis as core_redis

core_redis.on_outage("cache", "The cache falls back to process memory")


class _SharedClient(RedisCacheClient):
    """Django's Redis cache client, on the process's shared connection pool for the URL."""

    def get_client(self, key: Any = None, *, write: bool = False) -> redis.Redis:
        return core_redis.connection(self._servers[0])  # type: ignore[attr-defined]


class ResilientRedisCache(RedisCache):
    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._class = _SharedClient
        self._location: str = self._servers[0]  # type: ignore[attr-defined]
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
        if not core_redis.is_open(self._location):
            try:
                return getattr(super(), name)(*args)
            except redis.RedisError as exc:
                core_redis.failed(exc, self._location)
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
