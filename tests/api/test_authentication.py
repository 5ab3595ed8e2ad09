"""Bearer tokens: who gets in, who gets the one 401, and what a request costs."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from accounts.models import ApiToken
from accounts.services import api_token_revoke
from tests.api.conftest import Api, warm
from tests.factories import ClientFactory, make_token

INVALID = {"message": "The token is invalid, expired or revoked."}


def assert_401(response) -> dict:
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_a_valid_token_reads_its_agency(api: Api, alice, agency):
    response = api.get("/me")
    assert response.status_code == 200
    data = response.json()["data"]
    assert data["user"] == {
        "id": alice.pk,
        "username": "alice",
        "name": "Alice Owner",
        "email": "alice@alpha.example",
        "role": "owner",
    }
    assert data["agency"] == {
        "id": agency.pk,
        "name": "Alpha Tours",
        "slug": "alpha-tours",
        "default_currency": "EUR",
        "timezone": "UTC",
    }


def test_a_request_without_a_token_is_401(anonymous: Api):
    body = assert_401(anonymous.get("/clients"))
    assert body == {"message": "Authentication required: send 'Authorization: Bearer <token>'."}


@pytest.mark.parametrize(
    "header",
    [
        "",
        "Bearer",
        "Bearer ",
        "Token itn_abc.def",
        "Basic YWxpY2U6cGFzcw==",
        "Bearer itn_abc.def extra",
    ],
)
def test_a_malformed_authorization_header_is_401(anonymous: Api, header):
    assert_401(anonymous.get("/clients", headers={"Authorization": header}))


@pytest.mark.parametrize("token", ["not-a-token", "itn_", "itn_abc", "itn_.secret", "itn_abc."])
def test_a_token_of_the_wrong_shape_is_401(db, token):
    assert assert_401(Api(token).get("/clients")) == INVALID


def test_an_unknown_key_and_a_wrong_secret_get_the_same_401(alice_token):
    _token, plaintext = alice_token
    key, secret = plaintext.split(".", 1)
    unknown = Api(f"itn_000000000000.{secret}").get("/clients")
    wrong = Api(f"{key}.{secret[:-1]}x").get("/clients")
    assert assert_401(unknown) == assert_401(wrong) == INVALID


def test_an_expired_token_is_401(alice_token):
    token, plaintext = alice_token
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    assert assert_401(Api(plaintext).get("/clients")) == INVALID


def test_a_token_that_has_not_expired_yet_works(alice):
    issued = make_token(alice, expires_at=timezone.now() + dt.timedelta(days=1))
    assert Api(issued.plaintext).get("/clients").status_code == 200


def test_a_revoked_token_is_401(alice_token):
    token, plaintext = alice_token
    api_token_revoke(token=token)
    assert assert_401(Api(plaintext).get("/clients")) == INVALID


def test_the_token_of_a_deactivated_user_is_401(alice_token, alice):
    _token, plaintext = alice_token
    alice.is_active = False
    alice.save()
    assert assert_401(Api(plaintext).get("/clients")) == INVALID


def test_the_scheme_is_case_insensitive(alice_token):
    _token, plaintext = alice_token
    response = Api(None).get("/me", headers={"Authorization": f"bearer {plaintext}"})
    assert response.status_code == 200


@pytest.mark.parametrize("name", ["token", "access_token", "api_key"])
def test_a_token_in_the_query_string_is_refused(alice_token, name):
    _token, plaintext = alice_token
    body = assert_401(Api(None).get(f"/clients?{name}={plaintext}"))
    assert "query string" in body["message"]


def test_a_token_in_the_query_string_does_not_count_as_a_header(alice_token):
    _token, plaintext = alice_token
    response = Api(None).get(f"/me?token={plaintext}&access_token={plaintext}")
    assert response.status_code == 401


def test_a_read_only_token_gets_403_on_writes(alice):
    reader = Api(make_token(alice, read_only=True).plaintext)
    assert reader.get("/clients").status_code == 200
    response = reader.post("/clients", {"name": "Blocked"})
    assert response.status_code == 403
    assert response.json() == {"message": "This token is read-only."}


def test_the_token_is_found_in_one_query_and_nothing_is_written(
    api: Api, django_assert_num_queries
):
    # /me: the token (with its user and agency) and the four counts; no session, no write.
    with django_assert_num_queries(5) as captured:
        response = api.get("/me")
    assert response.status_code == 200
    token_queries = [q["sql"] for q in captured.captured_queries if "accounts_apitoken" in q["sql"]]
    assert len(token_queries) == 1
    assert "accounts_agency" in token_queries[0] and "accounts_user" in token_queries[0]
    assert not any(q["sql"].startswith(("UPDATE", "INSERT")) for q in captured.captured_queries)
    assert "Set-Cookie" not in response
    assert not response.cookies


def test_last_use_is_recorded_at_most_once_a_minute(alice_token, agency, django_assert_num_queries):
    token, plaintext = alice_token
    ClientFactory(agency=agency)
    client = Api(plaintext)
    assert token.last_used_at is None
    client.get("/clients")
    first = ApiToken.objects.get(pk=token.pk).last_used_at
    assert first is not None
    with django_assert_num_queries(3):  # token, count, page: no UPDATE within the minute
        client.get("/clients")
    assert ApiToken.objects.get(pk=token.pk).last_used_at == first
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=first - dt.timedelta(minutes=2))
    client.get("/clients")
    assert ApiToken.objects.get(pk=token.pk).last_used_at > first


def test_api_requests_need_no_csrf_token_and_ignore_a_session(client, alice, alice_token):
    # A signed-in browser session is not an API credential, and a token needs no CSRF token.
    client.force_login(alice)
    assert client.get("/api/v1/me", headers={"Accept": "application/json"}).status_code == 401
    token, plaintext = alice_token
    warm(token)
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        "/api/v1/clients",
        b'{"name": "No CSRF"}',
        content_type="application/json",
        headers={"Authorization": f"Bearer {plaintext}"},
    )
    assert response.status_code == 201
