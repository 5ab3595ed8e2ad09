"""The one rate limiter: a rolling window per key, for the API, the website forms and sign-in.

Counting is one atomic Redis operation per check (a Lua script over a sorted-set log of request
times, clocked by Redis itself, run with one ``EVALSHA``), so every server process enforces one
shared limit and a burst of concurrent requests cannot slip past it. The same round trip can read
one more key (``read=``: the API token cache's epoch), so the API pays one Redis round trip per
request in all. Without ``REDIS_URL``, or while Redis cannot be reached (``core.redis``), an
in-process limiter with the same semantics takes over: a request is never refused because the
limiter's store is down; the limit is per process meanwhile.

The same round trip can also count the request in a daily tally (``tally=``: an API token's
requests per day, ``tally_read``/``tally_all`` for the usage pages and the job that flushes them
to the database), so usage tracking costs no extra round trip and no database write per request.
Tallies live ``TALLY_DAYS`` days in Redis; without Redis they are kept in process.

Keys are namespaced by their user: ``token:42`` and ``ip:…`` (the API), ``enquiry:ip:…`` and
``enquiry:form:7`` (website forms), ``login:id:…`` and ``login:ip:…`` (sign-in).
"""

from __future__ import annotations

import datetime as dt
import math
import secrets
import threading
import time
from collections import Counter, deque
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypedDict, Unpack

import redis
from django.conf import settings

from core import redis as core_redis

WINDOW_SECONDS = 60


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


class Options(TypedDict, total=False):
    """How to check: ``window`` in seconds (60 by default); ``read``, a Redis key whose value
    comes back in ``RateLimit.read`` in the same round trip; ``count=False`` only looks:
    nothing is counted, and ``allowed`` says whether one more would be; ``tally``, a name whose
    count of requests today (UTC) goes up by one, allowed or not."""

    window: int
    read: str | None
    count: bool
    tally: str | None


def _ceil_seconds(microseconds: float) -> int:
    return max(1, math.ceil(microseconds / 1_000_000))


# KEYS[1]: the log; KEYS[2]: a key to read on the way, KEYS[3]: a daily tally to increment and
# KEYS[4]: the set indexing tallies (each "" when unused). ARGV: limit, window (µs), a unique
# member, cost (1 counts this request if allowed, 0 only looks), the tally's lifetime (s).
# Returns {allowed, count, reset µs, value of KEYS[2] or nil}.
_SLIDING_LOG = """
local key = KEYS[1]
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local cost = tonumber(ARGV[4])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
local count = redis.call('ZCARD', key)
local allowed = 0
if count < limit then
  allowed = 1
  if cost > 0 then
    redis.call('ZADD', key, now, ARGV[3])
    count = count + 1
  end
end
local reset = window
local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
if oldest[2] then reset = tonumber(oldest[2]) + window - now end
if count > 0 then redis.call('PEXPIRE', key, math.ceil(window / 1000)) end
local extra = false
if KEYS[2] ~= '' then extra = redis.call('GET', KEYS[2]) end
if KEYS[3] ~= '' then
  if redis.call('INCR', KEYS[3]) == 1 then
    redis.call('EXPIRE', KEYS[3], tonumber(ARGV[5]))
    redis.call('SADD', KEYS[4], KEYS[3])
  end
end
return {allowed, count, reset, extra}
"""


class RedisLimiter:
    """Sliding-log limiter shared by every process that talks to the same Redis."""

    def __init__(self, client: redis.Redis, prefix: str) -> None:
        self.client = client
        self.prefix = prefix
        self.script = client.register_script(_SLIDING_LOG)

    def hit(self, key: str, limit: int, **options: Unpack[Options]) -> RateLimit:
        read, tally = options.get("read"), options.get("tally")
        keys = [
            f"{self.prefix}:{key}",
            read or "",
            self.tally_key(tally, _today()) if tally else "",
            self.tally_index if tally else "",
        ]
        window_us = options.get("window", WINDOW_SECONDS) * 1_000_000
        args: list[int | str] = [
            limit,
            window_us,
            secrets.token_hex(8),
            1 if options.get("count", True) else 0,
            TALLY_DAYS * 86_400,
        ]
        allowed, counted, reset_us, *extra = self.script(keys=keys, args=args)
        return RateLimit(
            allowed=bool(allowed),
            limit=limit,
            remaining=max(0, limit - int(counted)),
            reset=_ceil_seconds(float(reset_us)),
            read=extra[0] if extra else None,
        )

    def clear(self, key: str) -> None:
        self.client.delete(f"{self.prefix}:{key}")

    @property
    def tally_index(self) -> str:
        return f"{self.prefix}:tally-index"

    def tally_key(self, name: str, day: dt.date) -> str:
        return f"{self.prefix}:tally:{day.isoformat()}:{name}"

    def tally_read(self, names: Iterable[str], days: Iterable[dt.date]) -> dict[Tally, int]:
        wanted = [(name, day) for name in names for day in days]
        if not wanted:
            return {}
        values = self.client.mget([self.tally_key(name, day) for name, day in wanted])
        return {pair: int(value) for pair, value in zip(wanted, values, strict=True) if value}

    def tally_all(self) -> dict[Tally, int]:
        keys = sorted(self.client.smembers(self.tally_index))
        if not keys:
            return {}
        values = self.client.mget(keys)
        found: dict[Tally, int] = {}
        gone = []
        for raw_key, value in zip(keys, values, strict=True):
            key = raw_key.decode() if isinstance(raw_key, bytes) else str(raw_key)
            if value is None:  # expired
                gone.append(raw_key)
                continue
            day, _, name = key.removeprefix(f"{self.prefix}:tally:").partition(":")
            found[(name, dt.date.fromisoformat(day))] = int(value)
        if gone:
            self.client.srem(self.tally_index, *gone)
        return found


# A daily tally: (name, day in UTC).
Tally = tuple[str, dt.date]
TALLY_DAYS = 3  # days a tally stays in Redis (the flush job copies it within minutes)


def _today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()


class LocalLimiter:
    """The same sliding log in process memory: right for one process, a fallback otherwise."""

    MAX_KEYS = 100_000

    def __init__(self) -> None:
        self._logs: dict[str, tuple[float, deque[float]]] = {}
        self._lock = threading.Lock()
        self.tallies: Counter[Tally] = Counter()

    def hit(self, key: str, limit: int, **options: Unpack[Options]) -> RateLimit:
        # ``read`` names a Redis key: there is nothing to read in process.
        now, span = time.monotonic(), float(options.get("window", WINDOW_SECONDS))
        with self._lock:
            if tally := options.get("tally"):
                self.tallies[(tally, _today())] += 1
            entry = self._logs.get(key)
            if entry is None:
                if len(self._logs) >= self.MAX_KEYS:
                    self._evict(now)
                entry = self._logs[key] = (span, deque())
            log = entry[1]
            while log and log[0] <= now - span:
                log.popleft()
            allowed = len(log) < limit
            if allowed and options.get("count", True):
                log.append(now)
            counted = len(log)
            reset = (log[0] + span - now) if log else span
        return RateLimit(
            allowed=allowed,
            limit=limit,
            remaining=max(0, limit - counted),
            # Whole microseconds first: (t + 60.0) - t is 60.0000000007 for a large monotonic t,
            # which rounded up to a Reset of 61 seconds in a 60-second window.
            reset=_ceil_seconds(round(reset * 1_000_000)),
        )

    def clear(self, key: str) -> None:
        with self._lock:
            self._logs.pop(key, None)

    def _evict(self, now: float) -> None:
        stale = [k for k, (span, log) in self._logs.items() if not log or log[-1] <= now - span]
        for key in stale:
            del self._logs[key]
        if len(self._logs) >= self.MAX_KEYS:
            self._logs.clear()

    def reset(self) -> None:
        with self._lock:
            self._logs.clear()
            self.tallies.clear()


local_limiter = LocalLimiter()
_limiters: dict[tuple[int, str], RedisLimiter] = {}
_limiters_lock = threading.Lock()

core_redis.on_outage("ratelimit", "Rate limiting falls back to in-process counting")


def _redis_limiter() -> RedisLimiter | None:
    client = core_redis.available()
    if client is None:
        return None
    key = (id(client), settings.RATE_LIMIT_KEY_PREFIX)
    limiter = _limiters.get(key)
    if limiter is None:
        with _limiters_lock:
            limiter = _limiters.get(key)
            if limiter is None:
                limiter = _limiters[key] = RedisLimiter(client, key[1])
    return limiter


def hit(key: str, limit: int, **options: Unpack[Options]) -> RateLimit:
    """Count one request against ``key`` and say whether it is allowed (see ``Options``)."""
    limiter = _redis_limiter()
    if limiter is not None:
        try:
            return limiter.hit(key, limit, **options)
        except redis.RedisError as exc:
            core_redis.failed(exc)
    return local_limiter.hit(key, limit, **options)


def clear(key: str) -> None:
    """Forget every request counted against ``key`` (a successful sign-in, say)."""
    limiter = _redis_limiter()
    if limiter is not None:
        try:
            limiter.clear(key)
        except redis.RedisError as exc:
            core_redis.failed(exc)
    local_limiter.clear(key)


def tally_read(names: Iterable[str], days: Iterable[dt.date]) -> dict[Tally, int]:
    """The tallies of ``names`` on ``days`` not yet forgotten (Redis, plus what this process
    counted while Redis was out of reach)."""
    names, days = list(names), list(days)
    found: Counter[Tally] = Counter()
    limiter = _redis_limiter()
    if limiter is not None:
        try:
            found.update(limiter.tally_read(names, days))
        except redis.RedisError as exc:
            core_redis.failed(exc)
    wanted = set(names)
    found.update(
        {
            pair: n
            for pair, n in local_limiter.tallies.items()
            if pair[0] in wanted and pair[1] in days
        }
    )
    return dict(found)


def tally_all() -> dict[Tally, int]:
    """Every tally still held (for the job that copies them to the database)."""
    found: Counter[Tally] = Counter()
    limiter = _redis_limiter()
    if limiter is not None:
        try:
            found.update(limiter.tally_all())
        except redis.RedisError as exc:
            core_redis.failed(exc)
    found.update(local_limiter.tallies)
    return dict(found)


def tally_forget_before(day: dt.date) -> None:
    """Forget this process's tallies of days before ``day`` (copied already; Redis expires its
    own)."""
    with local_limiter._lock:
        for pair in [pair for pair in local_limiter.tallies if pair[1] < day]:
            del local_limiter.tallies[pair]


def today() -> dt.date:
    """The tallies' day (UTC)."""
    return _today()


def reset() -> None:
    """Forget in-process counts and Redis outages (tests)."""
    core_redis.reset()
    local_limiter.reset()
