"""The owner's Integrations page: the agency's API switch, the default and per-token rate
limits within the operator's ceiling, every member's tokens with their use, and revoking any."""

from __future__ import annotations

import pytest
from django.test import override_settings

from accounts.models import Activity
from tests.api.conftest import Api, warm
from tests.factories import make_token

PAGE = "/settings/integrations/"


def test_the_page_lists_every_members_tokens_with_a_usage_chart(as_alice, alice, amir, bob):
    _mine, theirs = make_token(alice, name="Mine"), make_token(amir, name="Amir's")
    make_token(bob, name="Bob's secret")
    warm(theirs.token)
    Api(theirs.plaintext).get("/me")
    page = as_alice.get(PAGE)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Mine" in text and "Amir&#x27;s" in text and "Bob" not in text
    assert text.count('data-testid="usage-chart"') == 2
    assert "1 request in 30 days" in text
    assert "<script" not in text.split('data-testid="usage-chart"')[1].split("</svg>")[0]


def test_only_the_owner_opens_it(as_amir):
    assert as_amir.get(PAGE).status_code == 403
    assert as_amir.post(f"{PAGE}access/", {"enabled": "off"}).status_code == 403


def test_switching_access_off_is_audited_and_refuses_the_agencys_tokens(as_alice, alice, amir):
    issued = make_token(amir)
    api = Api(issued.plaintext)
    assert api.get("/me").status_code == 200
    assert as_alice.post(f"{PAGE}access/", {"enabled": "off"}).status_code == 302
    alice.agency.refresh_from_db()
    assert not alice.agency.api_enabled
    assert api.get("/me").status_code == 403
    event = Activity.objects.get(event="agency.api_disabled")
    assert event.actor == alice and event.channel == "dashboard"
    as_alice.post(f"{PAGE}access/", {"enabled": "on"})
    assert api.get("/me").status_code == 200
    assert Activity.objects.filter(event="agency.api_enabled").count() == 1


@override_settings(API_RATE_LIMIT_MAX=500)
def test_the_default_rate_is_set_within_the_ceiling(as_alice, alice):
    assert as_alice.post(f"{PAGE}rate/", {"rate_limit": "501"}).status_code == 422
    alice.agency.refresh_from_db()
    assert alice.agency.api_rate_limit == 60
    assert as_alice.post(f"{PAGE}rate/", {"rate_limit": "300"}).status_code == 302
    alice.agency.refresh_from_db()
    assert alice.agency.api_rate_limit == 300
    assert make_token(alice).token.rate_limit == 300
    assert Activity.objects.filter(event="agency.api_rate_limit_changed").count() == 1


@override_settings(API_RATE_LIMIT_MAX=500)
def test_the_owner_raises_a_members_token_and_the_api_follows(as_alice, amir):
    issued = make_token(amir)
    as_alice.post(f"{PAGE}tokens/{issued.token.pk}/rate/", {"rate_limit": "450"})
    issued.token.refresh_from_db()
    assert issued.token.rate_limit == 450
    assert Api(issued.plaintext).get("/me")["X-RateLimit-Limit"] == "450"
    assert Activity.objects.filter(event="api_token.rate_limit_changed").count() == 1
    as_alice.post(f"{PAGE}tokens/{issued.token.pk}/rate/", {"rate_limit": "9999"})
    issued.token.refresh_from_db()
    assert issued.token.rate_limit == 450


def test_the_owner_revokes_a_members_token(as_alice, alice, amir):
    issued = make_token(amir)
    as_alice.post(f"{PAGE}tokens/{issued.token.pk}/revoke/")
    issued.token.refresh_from_db()
    assert issued.token.is_revoked
    assert Api(issued.plaintext).get("/me").status_code == 401
    assert Activity.objects.get(event="api_token.revoked").actor == alice


@pytest.mark.parametrize("action", ["rate/", "revoke/"])
def test_another_agencys_token_is_a_404(as_alice, bob, action):
    issued = make_token(bob)
    got = as_alice.post(f"{PAGE}tokens/{issued.token.pk}/{action}", {"rate_limit": "10"})
    assert got.status_code == 404
    issued.token.refresh_from_db()
    assert not issued.token.is_revoked and issued.token.rate_limit == 60


def test_the_tokens_page_shows_each_tokens_usage(as_alice, alice_token):
    _token, plaintext = alice_token
    Api(plaintext).get("/me")
    Api(plaintext).get("/me")
    text = as_alice.get("/settings/api-tokens/").content.decode()
    assert "2 requests in 30 days" in text
