"""The per-process cache of verified tokens (accounts/token_cache.py): a repeated request skips
the token query, and any change to a token, its user or its agency, made by this process or
announced by another through Redis, is seen on the very next request."""

from __future__ import annotations

import datetime as dt
import logging

import pytest
import redis
from django.conf import settings as django_settings
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts import token_cache
from accounts.models import ApiToken, User
from accounts.services import api_token_revoke
from tests.api.conftest import Api, warm
from tests.factories import AgencyFactory, make_token

INVALID = "The token is invalid, expired or revoked."


def token_queries(api: Api) -> tuple[int, int]:
    """(status, how many queries read the token table) for one list request."""
    with CaptureQueriesContext(connection) as queries:
        status = api.get("/clients").status_code
    return status, sum('"accounts_apitoken"' in q["sql"] for q in queries.captured_queries)


@pytest.fixture(autouse=True)
def _cache_on(settings):
    settings.API_TOKEN_CACHE_SECONDS = 60  # the suite's settings turn it off


@pytest.fixture
def issued(alice):
    issued = make_token(alice)
    warm(issued.token)
    return issued


def another_process_changed_something() -> None:
    """What another server process's ``bump`` leaves in Redis: a new epoch."""
    url = django_settings.REDIS_URL
    assert url, "only the Redis tests (which need REDIS_URL) call this"
    shared = redis.Redis.from_url(url)
    shared.set(token_cache.epoch_key(), b"another-process")


@pytest.mark.redis
def test_a_verified_token_is_not_read_again(issued):
    api = Api(issued.plaintext)
    assert token_queries(api) == (200, 1)
    assert token_queries(api) == (200, 0)
    assert token_queries(api) == (200, 0)


@pytest.mark.redis
def test_a_token_revoked_after_use_is_refused_at_once(issued):
    api = Api(issued.plaintext)
    assert api.get("/clients").status_code == 200
    api_token_revoke(token=ApiToken.objects.get(pk=issued.token.pk))
    response = api.get("/clients")
    assert response.status_code == 401
    assert response.json() == {"message": INVALID}


@pytest.mark.redis
def test_a_user_deactivated_after_use_is_refused_at_once(issued, alice):
    api = Api(issued.plaintext)
    assert api.get("/clients").status_code == 200
    user = User.objects.get(pk=alice.pk)
    user.is_active = False
    user.save()
    assert api.get("/clients").status_code == 401


@pytest.mark.redis
def test_a_deleted_token_is_refused_at_once(issued):
    api = Api(issued.plaintext)
    assert api.get("/clients").status_code == 200
    ApiToken.objects.get(pk=issued.token.pk).delete()
    assert api.get("/clients").status_code == 401


@pytest.mark.redis
def test_a_user_moved_to_another_agency_reads_that_agency_at_once(issued, alice):
    api = Api(issued.plaintext)
    assert api.get("/clients").status_code == 200
    elsewhere = AgencyFactory(name="Elsewhere", slug="elsewhere")
    user = User.objects.get(pk=alice.pk)
    user.agency = elsewhere
    user.save()
    created = api.post("/clients", {"name": "Filed under the new agency"})
    assert created.status_code == 201
    from crm.models import Client

    assert Client.objects.get(pk=created.json()["data"]["id"]).agency_id == elsewhere.pk


@pytest.mark.redis
def test_a_change_announced_by_another_process_is_read_from_the_database(issued):
    api = Api(issued.plaintext)
    assert api.get("/clients").status_code == 200
    # Another process revoked it: the row changed (no signal here) and the epoch moved.
    ApiToken.objects.filter(pk=issued.token.pk).update(revoked_at=timezone.now())
    assert api.get("/clients").status_code == 200, "no announcement yet: the cache answers"
    another_process_changed_something()
    assert api.get("/clients").status_code == 401


@pytest.mark.redis
def test_a_redis_restart_that_lost_the_epoch_empties_the_cache(issued):
    api = Api(issued.plaintext)
    assert token_queries(api) == (200, 1)
    redis.Redis.from_url(django_settings.REDIS_URL).delete(token_cache.epoch_key())
    assert token_queries(api) == (200, 1)
    assert token_queries(api) == (200, 0)


@pytest.mark.redis
def test_a_wrong_secret_for_a_cached_key_is_refused(issued):
    assert Api(issued.plaintext).get("/clients").status_code == 200
    key, secret = issued.plaintext.split(".", 1)
    response = Api(f"{key}.{secret[:-1]}{'x' if secret[-1] != 'x' else 'y'}").get("/clients")
    assert response.status_code == 401
    assert response.json() == {"message": INVALID}


@pytest.mark.redis
def test_a_cached_token_still_expires_on_time(alice, monkeypatch):
    issued = make_token(alice, expires_at=timezone.now() + dt.timedelta(minutes=5))
    warm(issued.token)
    api = Api(issued.plaintext)
    assert token_queries(api) == (200, 1)
    later = timezone.now() + dt.timedelta(minutes=6)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert api.get("/clients").status_code == 401


@pytest.mark.redis
def test_an_entry_older_than_the_maximum_age_is_read_again(issued, monkeypatch):
    api = Api(issued.plaintext)
    assert token_queries(api) == (200, 1)
    started = token_cache.time.monotonic()
    monkeypatch.setattr(token_cache.time, "monotonic", lambda: started + 60 + 1)
    assert token_queries(api) == (200, 1)


@pytest.mark.redis
def test_a_maximum_age_of_zero_turns_the_cache_off(issued, settings):
    settings.API_TOKEN_CACHE_SECONDS = 0
    api = Api(issued.plaintext)
    assert token_queries(api) == (200, 1)
    assert token_queries(api) == (200, 1)


@override_settings(REDIS_URL=None)
def test_without_redis_every_request_reads_the_token(issued):
    api = Api(issued.plaintext)
    assert token_queries(api) == (200, 1)
    assert token_queries(api) == (200, 1)


def test_while_redis_is_unreachable_every_request_reads_the_token(issued, caplog):
    api = Api(issued.plaintext)
    with override_settings(REDIS_URL="redis://127.0.0.1:1/0"), caplog.at_level(logging.WARNING):
        assert token_queries(api) == (200, 1)
        assert token_queries(api) == (200, 1)
    assert "API tokens are read from the database" in caplog.text


@pytest.mark.redis
def test_a_cached_token_costs_the_api_no_redis_round_trip_of_its_own(issued, monkeypatch):
    # The epoch comes back with the rate-limit check; no separate GET for it.
    api = Api(issued.plaintext)
    assert token_queries(api) == (200, 1)

    def no_get():
        raise AssertionError("the epoch was read on its own")

    monkeypatch.setattr(token_cache, "current_epoch", no_get)
    assert token_queries(api) == (200, 0)
    assert token_queries(api) == (200, 0)


@pytest.mark.redis
def test_a_token_still_valid_after_an_announced_change_is_read_again_and_served(issued):
    api = Api(issued.plaintext)
    assert token_queries(api) == (200, 1)
    another_process_changed_something()
    assert token_queries(api) == (200, 1)
    assert token_queries(api) == (200, 0)
