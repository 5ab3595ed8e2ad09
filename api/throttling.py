"""Rate limits for the API: a rolling 60-second window per token (or per client IP).

Counting is one atomic Redis operation per check (a Lua script over a sorted-set log of request
times, clocked by Redis itself), so every server process enforces one shared limit and a burst
of concurrent requests cannot slip past it. Without ``REDIS_URL``, or while Redis cannot be
reached, an in-process limiter with the same semantics takes over: a request is never refused
because the limiter's store is down.
"""

from __future__ import annotations

import logging
import math
import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass
from typing import Protocol

import redis
from django.conf import settings

logger = logging.getLogger(__name__)

WINDOW_SECONDS = 60
# After Redis fails, skip it for this long so an outage costs one timeout, not one per request.
REDIS_RETRY_AFTER_SECONDS = 5.0


@dataclass(frozen=True, slots=True)
class RateLimit:
    """The outcome of one check, and what the ``X-RateLimit-*`` headers say about it."""

    allowed: bool
    limit: int
    remaining: int
    # Seconds until the oldest request in the window leaves it, i.e. until one more is allowed.
    reset: int
    # The value of the key the check was asked to read in the same round trip (``read=``);
    # None when it is missing or the count was made in process.
    read: bytes | None = None

    @property
    def headers(self) -> dict[str, str]:
        return {
            "X-RateLimit-Limit": str(self.limit),
            "X-RateLimit-Remaining": str(self.remaining),
            "X-RateLimit-Reset": str(self.reset),
        }


class Limiter(Protocol):
    def hit(self, key: str, limit: int, read: str | None = None) -> RateLimit: ...


def _ceil_seconds(microseconds: float) -> int:
    return max(1, math.ceil(microseconds / 1_000_000))


# KEYS[1]: the log; KEYS[2] (optional): a key to read on the way; ARGV: limit, window (µs), a
# unique member. Returns {allowed, count, reset µs, value of KEYS[2] or nil}.
_SLIDING_LOG = """
local key = KEYS[1]
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
local count = redis.call('ZCARD', key)
local allowed = 0
if count < limit then
  redis.call('ZADD', key, now, ARGV[3])
  count = count + 1
  allowed = 1
end
local reset = window
local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
if oldest[2] then reset = tonumber(oldest[2]) + window - now end
redis.call('PEXPIRE', key, math.ceil(window / 1000))
local extra = false
if KEYS[2] then extra = redis.call('GET', KEYS[2]) end
return {allowed, count, reset, extra}
"""


class RedisLimiter:
    """Sliding-log limiter shared by every process that talks to the same Redis."""

    def __init__(self, url: str, prefix: str, window: int = WINDOW_SECONDS) -> None:
        self.prefix = prefix
        self.window_us = window * 1_000_000
        self.client = redis.Redis.from_url(
            url, socket_connect_timeout=0.5, socket_timeout=0.5, health_check_interval=30
        )
        self.script = self.client.register_script(_SLIDING_LOG)

    def hit(self, key: str, limit: int, read: str | None = None) -> RateLimit:
        keys = [f"{self.prefix}:{key}", *([read] if read else [])]
        allowed, count, reset_us, *extra = self.script(
            keys=keys, args=[limit, self.window_us, secrets.token_hex(8)]
        )
        return RateLimit(
            allowed=bool(allowed),
            limit=limit,
            remaining=max(0, limit - int(count)),
            reset=_ceil_seconds(float(reset_us)),
            read=extra[0] if extra else None,
        )


class LocalLimiter:
    """The same sliding log in process memory: right for one process, a fallback otherwise."""

    MAX_KEYS = 100_000

    def __init__(self, window: int = WINDOW_SECONDS) -> None:
        self.window = float(window)
        self._logs: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def hit(self, key: str, limit: int, read: str | None = None) -> RateLimit:
        now = time.monotonic()  # ``read`` is a Redis key: nothing to read in process
        with self._lock:
            log = self._logs.get(key)
            if log is None:
                if len(self._logs) >= self.MAX_KEYS:
                    self._evict(now)
                log = self._logs[key] = deque()
            while log and log[0] <= now - self.window:
                log.popleft()
            allowed = len(log) < limit
            if allowed:
                log.append(now)
            count = len(log)
            reset = (log[0] + self.window - now) if log else self.window
        return RateLimit(
            allowed=allowed,
            limit=limit,
            remaining=max(0, limit - count),
            reset=_ceil_seconds(reset * 1_000_000),
        )

    def _evict(self, now: float) -> None:
        for key in [k for k, log in self._logs.items() if not log or log[-1] <= now - self.window]:
            del self._logs[key]
        if len(self._logs) >= self.MAX_KEYS:
            self._logs.clear()

    def reset(self) -> None:
        with self._lock:
            self._logs.clear()


local_limiter = LocalLimiter()

_redis_lock = threading.Lock()
_redis_limiters: dict[tuple[str, str], RedisLimiter] = {}
_redis_down_until = 0.0


def _redis_limiter() -> RedisLimiter | None:
    url = getattr(settings, "REDIS_URL", None)
    if not url or time.monotonic() < _redis_down_until:
        return None
    key = (url, settings.API_RATE_LIMIT_KEY_PREFIX)
    limiter = _redis_limiters.get(key)
    if limiter is None:
        with _redis_lock:
            limiter = _redis_limiters.get(key)
            if limiter is None:
                limiter = _redis_limiters[key] = RedisLimiter(*key)
    return limiter


def hit(key: str, limit: int, *, read: str | None = None) -> RateLimit:
    """Count one request against ``key`` (e.g. ``token:42``) and say whether it is allowed.

    ``read``: a Redis key whose value comes back in ``RateLimit.read``, in the same round trip
    (the token cache's epoch, see ``api.base``)."""
    global _redis_down_until
    limiter = _redis_limiter()
    if limiter is not None:
        try:
            return limiter.hit(key, limit, read)
        except redis.RedisError as exc:
            _redis_down_until = time.monotonic() + REDIS_RETRY_AFTER_SECONDS
            logger.warning(
                "Rate limiting falls back to in-process counting for %ss: Redis failed (%s)",
                REDIS_RETRY_AFTER_SECONDS,
                exc,
            )
    return local_limiter.hit(key, limit)


def reset_state() -> None:
    """Forget in-process counts and Redis outages (tests)."""
    global _redis_down_until
    _redis_down_until = 0.0
    local_limiter.reset()
