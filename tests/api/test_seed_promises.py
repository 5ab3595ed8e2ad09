"""Seed 002 and 003's promises on authentication, tokens, lookups and tracing, in Itinera's
conventions: ``X-Api-Token``, ``POST /auth/token`` and ``/auth/logout``, ``/profile``, the
lookup lists, usage, request ids and debug mode."""

from __future__ import annotations

import logging
import os

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from accounts import two_factor
from accounts.api_access import api_usage_flush
from accounts.models import Activity, ApiToken, Role
from core import iso, ratelimit
from tests.api.conftest import Api, warm
from tests.factories import PASSWORD, ClientFactory, ProposalFactory, UserFactory, make_token
from tests.security.test_two_factor import code_for, turn_on

# X-Api-Token ----------------------------------------------------------------------------------


def test_x_api_token_is_accepted_like_a_bearer_token(alice_token):
    _token, plaintext = alice_token
    got = Api(None).get("/me", headers={"X-Api-Token": plaintext})
    assert got.status_code == 200
    assert got.json()["data"]["user"]["username"] == "alice"


def test_the_same_token_in_both_headers_is_fine(alice_token):
    _token, plaintext = alice_token
    assert Api(plaintext).get("/me", headers={"X-Api-Token": plaintext}).status_code == 200


def test_two_different_tokens_are_a_401(alice_token, amir):
    _token, plaintext = alice_token
    other = make_token(amir).plaintext
    got = Api(plaintext).get("/me", headers={"X-Api-Token": other})
    assert got.status_code == 401
    assert "Two different tokens" in got.json()["message"]
    assert got["WWW-Authenticate"] == 'Bearer realm="api"'


def test_a_wrong_x_api_token_gets_the_same_401_as_a_wrong_bearer(alice_token):
    _token, plaintext = alice_token
    wrong = plaintext[:-4] + "abcd"
    by_header = Api(None).get("/me", headers={"X-Api-Token": wrong})
    by_bearer = Api(wrong).get("/me")
    assert by_header.status_code == by_bearer.status_code == 401
    assert by_header.json() == by_bearer.json()


def test_a_revoked_token_is_refused_in_x_api_token_too(alice_token):
    token, plaintext = alice_token
    token.revoked_at = token.created_at
    token.save()
    assert Api(None).get("/me", headers={"X-Api-Token": plaintext}).status_code == 401


# POST /auth/token -----------------------------------------------------------------------------


def sign_in(**body):
    body.setdefault("name", "Nightly export")
    return Api(None).post("/auth/token", body)


def test_a_script_signs_in_with_its_email_for_a_token_that_works(alice):
    got = sign_in(email="alice@alpha.example", password=PASSWORD)
    assert got.status_code == 201, got.json()
    assert got["Cache-Control"] == "no-store"
    data = got.json()["data"]
    assert data["token"].startswith(data["prefix"] + ".")
    assert data["name"] == "Nightly export"
    token = ApiToken.objects.get(pk=data["id"])
    days = (token.expires_at - token.created_at).days
    assert days in (89, 90)
    assert Api(data["token"]).get("/me").json()["data"]["user"]["id"] == alice.pk
    event = Activity.objects.get(event="api_token.created", object_id=token.pk)
    assert event.channel == "api"
    assert data["token"].split(".")[1] not in str(event.changes)


def test_a_username_works_as_well_and_the_expiry_can_be_chosen(alice):
    got = sign_in(username="alice", password=PASSWORD, expires_in_days=7)
    assert got.status_code == 201
    token = ApiToken.objects.get(pk=got.json()["data"]["id"])
    assert (token.expires_at - token.created_at).days in (6, 7)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"password": PASSWORD}, "email"),
        ({"email": "alice@alpha.example", "username": "alice", "password": PASSWORD}, "email"),
        ({"email": "alice@alpha.example"}, "password"),
        (
            {"email": "alice@alpha.example", "password": PASSWORD, "expires_in_days": 366},
            "expires_in_days",
        ),
        (
            {"email": "alice@alpha.example", "password": PASSWORD, "expires_in_days": 0},
            "expires_in_days",
        ),
        ({"email": "alice@alpha.example", "password": PASSWORD, "name": ""}, "name"),
    ],
)
def test_bad_sign_in_bodies_are_422s_naming_the_field(alice, body, field):
    got = Api(None).post("/auth/token", {"name": "x", **body})
    assert got.status_code == 422
    assert field in got.json()["errors"]
    assert not ApiToken.objects.filter(user=alice).exists()


def test_an_unknown_account_and_a_wrong_password_are_the_same_401(alice):
    unknown = sign_in(email="nobody@alpha.example", password=PASSWORD)
    wrong = sign_in(email="alice@alpha.example", password="not-it")
    assert unknown.status_code == wrong.status_code == 401
    assert unknown.json() == wrong.json()
    assert not ApiToken.objects.exists()
    assert Activity.objects.filter(event="user.sign_in_failed", channel="api").count() == 2


@override_settings(LOGIN_FAILURES_PER_IDENTIFIER=3)
def test_the_sign_in_lockout_applies_and_says_when_to_retry(alice):
    for _ in range(3):
        assert sign_in(email="alice@alpha.example", password="nope").status_code == 401
    locked = sign_in(email="alice@alpha.example", password=PASSWORD)
    assert locked.status_code == 429
    assert int(locked["Retry-After"]) >= 1
    assert not ApiToken.objects.exists()


def test_two_factor_users_must_send_a_valid_code(alice):
    device, _codes = turn_on(alice)
    missing = sign_in(email="alice@alpha.example", password=PASSWORD)
    assert missing.status_code == 401 and "otp" in missing.json()["message"]
    wrong = sign_in(email="alice@alpha.example", password=PASSWORD, otp="000000")
    assert wrong.status_code == 401
    assert Activity.objects.filter(event="user.two_factor_failed").count() == 1
    good = sign_in(email="alice@alpha.example", password=PASSWORD, otp=code_for(device))
    assert good.status_code == 201


def test_a_member_who_must_set_up_two_factor_gets_no_token(alice, amir):
    turn_on(alice)
    two_factor.agency_require_two_factor(agency=alice.agency, acting=alice, required=True)
    got = sign_in(email="amir@alpha.example", password=PASSWORD)
    assert got.status_code == 403
    assert "two-factor" in got.json()["message"]


def test_a_deactivated_member_gets_a_403(amir):
    amir.is_active = False
    amir.save()
    got = sign_in(email="amir@alpha.example", password=PASSWORD)
    assert got.status_code == 403
    assert "deactivated" in got.json()["message"]


def test_no_token_is_issued_while_the_agencys_api_access_is_off(alice):
    alice.agency.api_enabled = False
    alice.agency.save()
    assert sign_in(email="alice@alpha.example", password=PASSWORD).status_code == 403


# POST /auth/logout ----------------------------------------------------------------------------


def test_logout_revokes_the_token_that_calls_it(alice_token):
    token, plaintext = alice_token
    api = Api(plaintext)
    assert api.post("/auth/logout").status_code == 204
    token.refresh_from_db()
    assert token.is_revoked
    assert api.get("/me").status_code == 401
    assert Activity.objects.filter(event="api_token.revoked", object_id=token.pk).exists()


def test_a_read_only_token_may_log_itself_out(alice):
    issued = make_token(alice, read_only=True)
    assert Api(issued.plaintext).post("/auth/logout").status_code == 204


def test_logout_without_a_token_is_a_401(anonymous):
    assert anonymous.post("/auth/logout").status_code == 401


# /profile -------------------------------------------------------------------------------------


def test_profile_is_me_under_seed_003s_name(api):
    assert api.get("/profile").json() == api.get("/me").json()


# Lookups --------------------------------------------------------------------------------------


def test_currencies_list_iso_4217_with_an_etag(api):
    got = api.get("/lookups/currencies")
    assert got.status_code == 200
    data = got.json()["data"]
    assert {"code": "EUR", "name": "Euro"} in data
    assert "XXX" not in {row["code"] for row in data}
    assert got["ETag"].startswith('"')
    assert got["Cache-Control"] == "private, max-age=86400"
    assert "X-RateLimit-Limit" in got


def test_if_none_match_answers_304_without_a_body(api):
    etag = api.get("/lookups/countries")["ETag"]
    again = api.get("/lookups/countries", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert api.get("/lookups/countries", headers={"If-None-Match": '"old"'}).status_code == 200


def test_countries_are_iso_alpha_2_with_english_names(api):
    data = api.get("/lookups/countries").json()["data"]
    assert len(data) == 249
    assert {"code": "GB", "name": "United Kingdom"} in data


def test_the_kinds_come_from_the_models_choices(api):
    statuses = api.get("/lookups/booking-statuses").json()["data"]
    assert [row["code"] for row in statuses] == ["pending", "confirmed", "cancelled", "completed"]
    for name in ("client-sources", "client-statuses", "item-kinds", "proposal-statuses"):
        got = api.get(f"/lookups/{name}")
        assert got.status_code == 200 and got.json()["data"], name


def test_lookups_need_a_token(anonymous):
    assert anonymous.get("/lookups/currencies").status_code == 401


def test_an_unknown_currency_is_a_422_naming_it(api, agency):
    client = ClientFactory(agency=agency)
    got = api.post("/proposals", {"client_id": client.pk, "title": "Rome", "currency": "XYZ"})
    assert got.status_code == 422
    assert "XYZ" in got.json()["errors"]["currency"][0]
    proposal = ProposalFactory(agency=agency, client=client)
    patched = api.patch(f"/proposals/{proposal.pk}", {"currency": "usd"})
    assert patched.status_code == 200 and patched.json()["data"]["currency"] == "USD"


def test_a_booking_refuses_an_unknown_currency(api, agency):
    client = ClientFactory(agency=agency)
    got = api.post("/bookings", {"client_id": client.pk, "currency": "QQQ"})
    assert got.status_code == 422
    assert "QQQ" in got.json()["errors"]["currency"][0]


@pytest.mark.parametrize(
    ("sent", "stored"),
    [
        ("United Kingdom", "United Kingdom"),
        ("united kingdom", "united kingdom"),
        ("UK", "UK"),
        ("GB", "United Kingdom"),
        ("fr", "France"),
        ("DEU", "Germany"),
        ("", ""),
    ],
)
def test_a_country_is_a_known_name_kept_as_written_or_a_code(api, sent, stored):
    got = api.post("/clients", {"name": "Aisha", "country": sent})
    assert got.status_code == 201, got.json()
    assert got.json()["data"]["country"] == stored


def test_a_country_that_names_nothing_is_a_422(api):
    got = api.post("/clients", {"name": "Aisha", "country": "Narnia"})
    assert got.status_code == 422
    assert "Narnia" in got.json()["errors"]["country"][0]


def test_the_lookup_tables_are_complete():
    assert len(iso.CURRENCIES) > 150 and iso.is_currency("JPY")
    assert iso.country_code("Korea, Republic of") == iso.country_code("South Korea") == "KR"


# Usage ----------------------------------------------------------------------------------------


def test_the_current_tokens_usage_counts_todays_requests(api, alice_token):
    for _ in range(3):
        api.get("/me")
    got = api.get("/tokens/current/usage")
    assert got.status_code == 200
    data = got.json()["data"]
    assert len(data["days"]) == 30
    assert data["days"][-1]["date"] == ratelimit.today().isoformat()
    assert data["days"][-1]["requests"] == 4  # three, and this one
    assert data["total"] == 4
    assert data["token_id"] == alice_token[0].pk


def test_the_flush_copies_tallies_to_the_database_without_counting_twice(api, alice_token):
    token = alice_token[0]
    for _ in range(2):
        api.get("/me")
    api_usage_flush()
    api_usage_flush()
    row = token.usage.get()
    assert row.requests == 2 and row.day == ratelimit.today()
    api.get("/me")
    api_usage_flush()
    row.refresh_from_db()
    assert row.requests == 3


def test_usage_is_counted_without_a_database_write_per_request(api):
    api.get("/me")
    with CaptureQueriesContext(connection) as queries:
        api.get("/me")
    sql = [q["sql"].upper() for q in queries.captured_queries]
    assert not [q for q in sql if q.startswith(("INSERT", "UPDATE", "DELETE"))]
    assert not [q for q in sql if "APITOKENUSAGE" in q]


# Agency-wide API access -----------------------------------------------------------------------


def test_switching_api_access_off_refuses_every_token_of_the_agency_at_once(api, alice, bob_api):
    assert api.get("/me").status_code == 200
    alice.agency.api_enabled = False
    alice.agency.save()
    got = api.get("/me")
    assert got.status_code == 403
    assert "switched off" in got.json()["message"]
    assert bob_api.get("/me").status_code == 200  # another agency is untouched


def test_a_new_token_gets_the_agencys_default_rate(alice):
    alice.agency.api_rate_limit = 240
    alice.agency.save()
    issued = make_token(alice)
    assert issued.token.rate_limit == 240
    got = Api(issued.plaintext).get("/me")
    assert got["X-RateLimit-Limit"] == "240"


# Request ids and debug mode -------------------------------------------------------------------


def test_every_response_carries_a_request_id(api, anonymous, client):
    assert len(api.get("/me")["X-Request-Id"]) == 32
    assert anonymous.get("/me")["X-Request-Id"]
    assert client.get("/accounts/login/")["X-Request-Id"]


def test_a_sane_request_id_from_the_client_is_kept_and_a_bad_one_replaced(api):
    assert api.get("/me", headers={"X-Request-Id": "abc-123.X_y"})["X-Request-Id"] == "abc-123.X_y"
    for bad in ("has space", "x" * 65, "<script>", "é"):
        echoed = api.get("/me", headers={"X-Request-Id": bad})["X-Request-Id"]
        assert echoed != bad and len(echoed) == 32


def test_the_request_id_reaches_records_logged_inside_the_request(api, monkeypatch, caplog):
    from api.v1 import me

    def counts(*, agency):
        logging.getLogger("itinera.test").warning("counting")
        return {"clients": 0, "itineraries": 0, "proposals": 0, "bookings": 0}

    monkeypatch.setattr(me.summary, "agency_counts", counts)
    from core.tracing import RequestIdFilter

    caplog.handler.addFilter(RequestIdFilter())
    with caplog.at_level(logging.WARNING, logger="itinera.test"):
        api.get("/me", headers={"X-Request-Id": "trace-me-2"})
    seen = [r.request_id for r in caplog.records if r.getMessage() == "counting"]
    assert seen == ["trace-me-2"]


def test_debug_mode_shows_an_owner_the_queries_and_timings(api):
    got = api.get("/clients", headers={"X-Debug": "1"})
    debug = got.json()["meta"]["debug"]
    assert set(debug) == {"queries", "sql_ms", "total_ms"}
    assert debug["queries"] >= 1
    assert "sql;dur=" in got["Server-Timing"]
    me = api.get("/me?debug=1").json()
    assert me["meta"]["debug"]["queries"] >= 1
    assert "total_ms" in me["meta"]["debug"]


def test_debug_mode_is_silently_ignored_for_an_agents_token(agent_api):
    got = agent_api.get("/clients?debug=1", headers={"X-Debug": "1"})
    assert got.status_code == 200
    assert "debug" not in got.json()["meta"]
    assert "Server-Timing" not in got
    assert "meta" not in agent_api.get("/me?debug=1").json()


def test_debug_is_not_taken_for_a_filter(api, agency):
    ClientFactory(agency=agency)
    assert api.get("/clients?debug=1").json()["meta"]["total"] == 1


@pytest.mark.redis
@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL")
def test_on_redis_the_tally_rides_in_the_rate_limit_round_trip(api, monkeypatch):
    api.get("/me")
    limiter = ratelimit._redis_limiter()
    assert limiter is not None
    calls = []
    original = limiter.script

    def counted(*args, **kwargs):
        calls.append(kwargs)
        return original(*args, **kwargs)

    monkeypatch.setattr(limiter, "script", counted)
    api.get("/me")
    assert len(calls) == 1
    assert any("tally" in key for key in calls[0]["keys"])


def test_an_admin_token_sees_debug_too(agency):
    admin = UserFactory(agency=agency, role=Role.ADMIN)
    issued = make_token(admin)
    warm(issued.token)
    assert "debug" in Api(issued.plaintext).get("/me?debug=1").json()["meta"]
