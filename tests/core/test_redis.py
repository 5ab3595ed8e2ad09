"""One Redis client per URL and one outage breaker (core/redis.py), shared by the cache, the rate
limiter and the token cache: whoever sees Redis fail, all three fall back at once, for one
cooldown, with one warning; then Redis is tried again."""

from __future__ import annotations

import logging

import redis
from django.test import override_settings

from accounts import token_cache
from core import ratelimit
from core import redis as core_redis
from core.cache import ResilientRedisCache

REFUSED = "redis://127.0.0.1:1/0"  # nothing listens on port 1


def test_every_user_of_a_url_shares_one_client():
    cache = ResilientRedisCache(REFUSED, {})
    with override_settings(REDIS_URL=REFUSED):
        assert core_redis.available() is core_redis.connection(REFUSED)
    assert cache._cache.get_client() is core_redis.connection(REFUSED)
    assert core_redis.connection("redis://127.0.0.1:1/1") is not core_redis.connection(REFUSED)


def test_without_redis_url_nothing_is_available(settings):
    settings.REDIS_URL = None
    assert core_redis.available() is None
    core_redis.failed(redis.ConnectionError("nowhere"))  # nothing to open, nothing raised


def test_the_breaker_opens_after_a_failure_and_closes_after_the_cooldown(monkeypatch, settings):
    settings.REDIS_URL = REFUSED
    clock = [1000.0]
    monkeypatch.setattr(core_redis.time, "monotonic", lambda: clock[0])

    core_redis.failed(redis.ConnectionError("refused"))
    assert core_redis.available() is None
    clock[0] += core_redis.COOLDOWN_SECONDS - 0.1
    assert core_redis.available() is None
    clock[0] += 0.2
    assert core_redis.available() is core_redis.connection(REFUSED)


def test_an_outage_is_one_breaker_for_one_url_only(settings):
    settings.REDIS_URL = REFUSED
    core_redis.failed(redis.ConnectionError("refused"))
    assert core_redis.is_open(REFUSED)
    assert core_redis.available("redis://127.0.0.1:1/1") is not None


def test_a_failure_seen_by_the_rate_limiter_stops_the_token_cache_and_the_cache(settings, caplog):
    settings.REDIS_URL = REFUSED
    settings.API_TOKEN_CACHE_SECONDS = 60
    cache = ResilientRedisCache(REFUSED, {})

    with caplog.at_level(logging.WARNING, logger="core.redis"):
        assert ratelimit.hit("ip:192.0.2.1", 5).allowed  # counted in process instead
        assert token_cache.current_epoch() is None  # not even tried: the breaker is open
        cache.set("key", "in memory")
        assert cache.get("key") == "in memory"

    warnings = [r.getMessage() for r in caplog.records if r.name == "core.redis"]
    assert len(warnings) == 1
    assert "Rate limiting falls back to in-process counting." in warnings[0]
    assert "API tokens are read from the database." in warnings[0]
    assert "The cache falls back to process memory." in warnings[0]


def test_an_outage_empties_the_token_cache_whoever_saw_it(settings, alice):
    from accounts.models import ApiToken
    from tests.factories import make_token

    settings.REDIS_URL = REFUSED
    token = ApiToken.objects.get(pk=make_token(alice).token.pk)
    token_cache.put("somekey", token, b"epoch")
    assert token_cache._entries

    ratelimit.hit("ip:192.0.2.1", 5)  # fails on Redis: the outage starts here

    assert not token_cache._entries
