"""The shared cache keeps answering while Redis is down: sign-in and website enquiry forms count
their attempts in it, and must not fail because Redis does (core/cache.py, over core/redis.py)."""

from __future__ import annotations

import json
import logging
import os
import socket
import uuid
from types import SimpleNamespace

import pytest
import redis
from django.core.cache.backends.redis import RedisCache
from django.test import override_settings

from core import redis as core_redis
from core.cache import ResilientRedisCache
from crm.models import Enquiry
from tests.factories import PASSWORD, EnquiryFormFactory
from tests.test_settings import load_settings

# Nothing listens on port 1: every connection is refused at once.
REFUSED = "redis://127.0.0.1:1/0"
DOWN_CACHES = {"default": {"BACKEND": "core.cache.ResilientRedisCache", "LOCATION": REFUSED}}


def test_a_cache_whose_redis_refuses_connections_counts_in_process_memory():
    cache = ResilientRedisCache(REFUSED, {})

    assert cache.add("attempts", 0, timeout=60) is True
    assert cache.incr("attempts") == 1
    assert cache.incr("attempts") == 2
    assert cache.get_many(["attempts", "other"]) == {"attempts": 2}
    cache.delete("attempts")
    assert cache.get("attempts") is None
    with pytest.raises(ValueError):  # the same contract as Redis: incr of a missing key
        cache.incr("missing")


def test_falling_back_is_logged_once_per_outage_not_once_per_call(caplog):
    cache = ResilientRedisCache(REFUSED, {})

    with caplog.at_level(logging.WARNING, logger="core.redis"):
        for _ in range(5):
            cache.set("key", "value")
            cache.get("key")

    warnings = [r for r in caplog.records if "falls back to process memory" in r.getMessage()]
    assert len(warnings) == 1


def test_a_redis_that_accepts_connections_but_never_answers_does_not_hold_the_request():
    with socket.socket() as frozen:  # accepts (the kernel's backlog), never replies
        frozen.bind(("127.0.0.1", 0))
        frozen.listen(8)
        cache = ResilientRedisCache(f"redis://127.0.0.1:{frozen.getsockname()[1]}/0", {})

        cache.set("key", "kept in memory")

        assert cache.get("key") == "kept in memory"


@pytest.mark.redis
def test_it_goes_back_to_redis_once_the_retry_delay_has_passed(monkeypatch):
    url = os.environ["REDIS_URL"]
    prefix = f"test-resilient-{uuid.uuid4().hex}"
    cache = ResilientRedisCache(url, {"KEY_PREFIX": prefix})
    plain = RedisCache(url, {"KEY_PREFIX": prefix})

    def refuse(*args, **kwargs):
        raise redis.ConnectionError("Connection refused")

    monkeypatch.setattr(cache._cache, "set", refuse)
    cache.set("key", "during the outage")
    assert plain.get("key") is None
    monkeypatch.undo()

    cache.set("key", "still within the retry delay")
    assert plain.get("key") is None

    later = core_redis.time.monotonic() + core_redis.COOLDOWN_SECONDS + 1
    monkeypatch.setattr(core_redis, "time", SimpleNamespace(monotonic=lambda: later))
    cache.set("key", "back in redis")
    assert plain.get("key") == "back in redis"
    plain.delete("key")


@override_settings(CACHES=DOWN_CACHES)
def test_an_agent_can_sign_in_while_redis_is_down(client, alice):
    response = client.post("/accounts/login/", {"username": "alice", "password": PASSWORD})

    assert response.status_code == 302
    assert client.session.get("_auth_user_id") == str(alice.pk)


@override_settings(CACHES=DOWN_CACHES)
def test_a_website_enquiry_is_accepted_while_redis_is_down(client, agency):
    form = EnquiryFormFactory(agency=agency, allowed_origins=[])

    response = client.post(
        f"/forms/{form.public_key}",
        data=json.dumps({"name": "Nadia Rahman", "email": "nadia@example.com"}),
        content_type="application/json",
        headers={"Accept": "application/json"},
    )

    assert response.status_code == 201
    assert Enquiry.objects.filter(pk=response.json()["data"]["id"]).exists()


def test_production_settings_put_the_resilient_cache_in_front_of_redis():
    result = load_settings(SECRET_KEY="x" * 50, REDIS_URL="redis://cache:6379/0")

    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[1] == "core.cache.ResilientRedisCache"
