"""A per-process cache of verified API tokens, invalidated through Redis.

Looking a token up costs a query joining three tables and three model instances on every API
request: about 0.9 ms, a third of what a 25-row page costs beyond its own SQL (bench/README.md).
A process that has verified a token keeps it, with the user and agency it carries, and checks
on each request that nothing changed since: it reads a shared *epoch* in Redis, a random value
replaced whenever any token, user or agency is saved or deleted (``bump``). The API reads it
in the round trip of its rate-limit check (``peek`` here, the comparison in ``api.base``);
``api_token_verify`` reads it with a ``GET``. A different
epoch empties the cache, so a revoked token, a deactivated user or a token moved out of an
agency is refused by every process on its next request.

The cache is only used while Redis answers: without ``REDIS_URL`` or during an outage every
request reads the database, as before, since no process could learn of a change. Changes made
outside Django's models (SQL, ``QuerySet.update``) reach the cache within ``MAX_AGE``, and
expiry is checked on every request from the cached ``expires_at``.

The epoch is read *before* the database, so a change committed between the two is caught on
the next request instead of being cached under the new epoch.
"""

from __future__ import annotations

import hmac
import secrets
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

import redis
from django.conf import settings
from django.db import transaction

from core import redis as core_redis

if TYPE_CHECKING:
    from accounts.models import ApiToken

MAX_ENTRIES = 10_000


@dataclass(frozen=True, slots=True)
class _Entry:
    token: ApiToken
    epoch: bytes
    cached_at: float


_entries: dict[str, _Entry] = {}


def _max_age() -> float:
    return float(getattr(settings, "API_TOKEN_CACHE_SECONDS", 0))


def epoch_key() -> str:
    return f"{settings.RATE_LIMIT_KEY_PREFIX}:token-epoch"


def _client() -> redis.Redis | None:
    """Redis, unless tokens must not be cached: no Redis, Redis down (``core.redis``'s
    breaker is open), or a maximum age of 0."""
    if _max_age() <= 0:
        return None
    return core_redis.available()


# An outage, whoever saw it first, empties the cache: a change made meanwhile cannot move the
# epoch, so nothing cached before it may be trusted afterwards.
core_redis.on_outage("token_cache", "API tokens are read from the database", _entries.clear)


def current_epoch() -> bytes | None:
    """The shared epoch, or None when tokens must not be cached (no Redis, or Redis down)."""
    client = _client()
    if client is None:
        return None
    try:
        key = epoch_key()
        epoch = client.get(key)
        if epoch is None:  # first use, or Redis restarted empty: start a new epoch
            client.set(key, secrets.token_hex(8), nx=True)
            epoch = client.get(key)
        # Bytes: core.redis never sets decode_responses (the stubs allow for str as well).
        return cast(bytes | None, epoch)
    except redis.RedisError as exc:
        core_redis.failed(exc)
        return None


def peek(key: str, digest: str) -> tuple[ApiToken, bytes] | None:
    """The cached token for ``key`` and the epoch it was cached under, without reading the
    current epoch: the caller must compare that epoch with the current one before trusting the
    token (the API reads it in the rate limit's round trip, see ``api.base``)."""
    entry = _entries.get(key)
    if entry is None or time.monotonic() - entry.cached_at > _max_age():
        return None
    if _client() is None:  # no Redis, or Redis down: nothing cached may be trusted
        return None
    if not hmac.compare_digest(entry.token.digest, digest):
        return None
    return entry.token, entry.epoch


def get(key: str, digest: str, epoch: bytes | None) -> ApiToken | None:
    """The cached token for ``key`` if its secret's ``digest`` matches and nothing changed
    since it was cached (``epoch``, just read); None means: read the database."""
    found = peek(key, digest)
    if found is None:
        return None
    token, cached_under = found
    if epoch is None or epoch != cached_under:
        _entries.clear()  # every entry shares the stale epoch
        return None
    return token


def forget() -> None:
    """Drop every cached token (the epoch moved)."""
    _entries.clear()


def put(key: str, token: ApiToken, epoch: bytes | None) -> None:
    """Keep a token just verified against the database, under the epoch read before that."""
    if epoch is None:
        return
    if len(_entries) >= MAX_ENTRIES:
        _entries.clear()
    _entries[key] = _Entry(token, epoch, time.monotonic())


def bump() -> None:
    """A token, user or agency changed: every process's cache must forget what it holds.

    Done at once (this transaction's own later requests, and tests) and again after commit
    (another process may have re-read the old row meanwhile)."""
    _bump_now()
    transaction.on_commit(_bump_now)


def _bump_now() -> None:
    _entries.clear()
    client = _client()
    if client is None:
        return
    try:
        client.set(epoch_key(), secrets.token_hex(8))
    except redis.RedisError as exc:
        core_redis.failed(exc)


def _on_change(**kwargs: object) -> None:
    bump()


def connect_signals() -> None:
    from django.db.models.signals import post_delete, post_save

    from accounts.models import Agency, ApiToken, User

    for model in (ApiToken, User, Agency):
        uid = f"token-cache-{model.__name__}"
        post_save.connect(_on_change, sender=model, dispatch_uid=uid)
        post_delete.connect(_on_change, sender=model, dispatch_uid=uid)


def reset() -> None:
    """Forget every cached token and any Redis outage (tests)."""
    _entries.clear()
    core_redis.reset()
