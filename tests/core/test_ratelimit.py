"""The one rate limiter (core/ratelimit.py): a rolling window per key and per call, a look that
counts nothing, a clear; the website forms and sign-in count with it."""

from __future__ import annotations

import pytest

from core import ratelimit


@pytest.fixture
def clock(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(ratelimit.time, "monotonic", lambda: now[0])
    return now


@pytest.fixture(params=["in process", "redis"])
def hit(request, settings):
    """``ratelimit.hit`` in process, and on a real Redis when there is one."""
    if request.param == "redis":
        import os

        if not os.environ.get("REDIS_URL"):
            pytest.skip("needs Redis: set REDIS_URL (CI does)")
        settings.REDIS_URL = os.environ["REDIS_URL"]
    else:
        settings.REDIS_URL = None
    ratelimit.reset()
    return ratelimit.hit


def test_a_look_counts_nothing(hit):
    for _ in range(3):
        assert hit("look", 2, count=False).allowed
    assert [hit("look", 2).allowed for _ in range(3)] == [True, True, False]
    looked = hit("look", 2, count=False)
    assert not looked.allowed and looked.remaining == 0


def test_a_cleared_key_starts_again(hit):
    assert [hit("cleared", 1).allowed for _ in range(2)] == [True, False]
    ratelimit.clear("cleared")
    assert hit("cleared", 1).allowed


def test_the_reset_is_the_time_until_the_oldest_request_leaves_a_window_of_its_own(hit):
    assert hit("ten-minutes", 1, window=600).allowed
    refused = hit("ten-minutes", 1, window=600)
    assert not refused.allowed
    assert 590 <= refused.reset <= 600


def test_each_key_keeps_its_own_window_in_process(clock, settings):
    settings.REDIS_URL = None
    limiter = ratelimit.LocalLimiter()
    assert limiter.hit("short", 1, window=10).allowed
    assert limiter.hit("long", 1, window=100).allowed
    clock[0] += 11
    assert limiter.hit("short", 1, window=10).allowed
    assert not limiter.hit("long", 1, window=100).allowed


def test_a_form_is_open_again_once_its_window_has_rolled_past(client, agency, settings, clock):
    import json

    from tests.factories import EnquiryFormFactory

    settings.REDIS_URL = None
    settings.ENQUIRY_RATE_LIMIT_PER_IP = 1
    form = EnquiryFormFactory(agency=agency, allowed_origins=[])

    def post(message: str) -> int:
        body = {"name": "Nadia Rahman", "email": "nadia@example.com", "message": message}
        return client.post(
            f"/forms/{form.public_key}", json.dumps(body), content_type="application/json"
        ).status_code

    assert [post("one"), post("two")] == [201, 429]
    clock[0] += settings.ENQUIRY_RATE_LIMIT_WINDOW + 1
    assert post("three") == 201


@pytest.mark.django_db
def test_a_sign_in_lockout_lifts_once_the_oldest_failure_is_out_of_the_window(
    alice, settings, clock
):
    from django.contrib.auth import authenticate
    from django.test import RequestFactory

    from tests.factories import PASSWORD

    settings.REDIS_URL = None
    settings.LOGIN_FAILURES_PER_IDENTIFIER = 2
    settings.LOGIN_LOCKOUT_SECONDS = 900

    def attempt(password: str):
        request = RequestFactory().post("/accounts/login/", REMOTE_ADDR="203.0.113.7")
        return authenticate(request, username="alice", password=password)

    attempt("wrong")
    clock[0] += 100
    attempt("wrong")
    assert attempt(PASSWORD) is None  # locked out
    clock[0] += 801  # the first failure is now 901 s old
    assert attempt(PASSWORD) == alice
