"""Settings → API tokens and the Developer API page."""

from __future__ import annotations

import pytest
from django.test import Client as HttpClient

from accounts.models import ApiToken
from accounts.services import api_token_verify
from tests.factories import make_token

pytestmark = pytest.mark.django_db


def test_a_new_token_is_shown_once_in_full_and_never_again(as_alice, alice):
    response = as_alice.post("/settings/api-tokens/", {"name": "Website"})
    issued = response.context["issued"]
    assert response.status_code == 200
    assert issued.plaintext.startswith("itn_")
    assert issued.plaintext.encode() in response.content
    assert response["Cache-Control"] == "no-store"
    token = ApiToken.objects.get(user=alice)
    assert api_token_verify(issued.plaintext) == token
    later = as_alice.get("/settings/api-tokens/")
    secret = issued.plaintext.split(".", 1)[1]
    assert secret.encode() not in later.content
    assert token.prefix.encode() in later.content  # only the public prefix is listed


def test_a_token_can_be_read_only_and_expiring(as_alice, alice):
    as_alice.post("/settings/api-tokens/", {"name": "Reports", "read_only": "on", "expires": "30"})
    token = ApiToken.objects.get(user=alice)
    assert token.read_only is True
    assert token.expires_at is not None


def test_a_token_needs_a_name(as_alice, alice):
    response = as_alice.post("/settings/api-tokens/", {"name": ""})
    assert "name" in response.context["form"].errors
    assert response.context["issued"] is None
    assert not ApiToken.objects.exists()


def test_the_list_shows_prefix_created_last_used_and_status(as_alice, alice):
    make_token(alice, name="Old one")
    body = as_alice.get("/settings/api-tokens/").content.decode()
    assert "Old one" in body and "itn_" in body and "Never" in body and "Active" in body


def test_revoking_a_token_makes_the_api_refuse_it(as_alice, alice_token):
    token, plaintext = alice_token
    response = as_alice.post(f"/settings/api-tokens/{token.pk}/revoke/")
    token.refresh_from_db()
    assert response.status_code == 302
    assert token.revoked_at is not None
    assert api_token_verify(plaintext) is None
    assert b"Revoked" in as_alice.get("/settings/api-tokens/").content


def test_nobody_can_see_or_revoke_someone_elses_token(as_alice, bob_token, amir):
    token, _ = bob_token
    colleague = make_token(amir, name="Amir's script").token
    assert b"Amir's script" not in as_alice.get("/settings/api-tokens/").content
    assert as_alice.post(f"/settings/api-tokens/{token.pk}/revoke/").status_code == 404
    assert as_alice.post(f"/settings/api-tokens/{colleague.pk}/revoke/").status_code == 404
    token.refresh_from_db()
    colleague.refresh_from_db()
    assert token.revoked_at is None and colleague.revoked_at is None


def test_creating_a_token_needs_a_csrf_token(alice):
    browser = HttpClient(enforce_csrf_checks=True)
    browser.force_login(alice)
    assert browser.post("/settings/api-tokens/", {"name": "x"}).status_code == 403
    assert not ApiToken.objects.exists()


def test_the_developer_page_uses_the_requests_real_host(as_alice, settings):
    settings.ALLOWED_HOSTS = ["crm.agency.example"]
    response = as_alice.get("/settings/developer/", HTTP_HOST="crm.agency.example")
    body = response.content.decode()
    assert "http://crm.agency.example/api/v1/me" in body
    assert "http://crm.agency.example/api/v1/clients" in body
    assert 'href="http://crm.agency.example/api/v1/docs"' in body


def test_settings_pages_need_a_signed_in_agent(client, db):
    for url in ("/settings/api-tokens/", "/settings/developer/", "/settings/team/"):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
