"""#12 item 3: sign-up verifies the email before anything can be used, and neither sign-up nor
an invitation tells anyone which emails or usernames exist in other agencies."""

from __future__ import annotations

import re
import time
from unittest import mock

import pytest
from django.core import mail
from django.test import Client as HttpClient

from accounts.models import Agency, Invitation, Role, User
from tests.factories import PASSWORD

# Email is delivered by a job after the commit: these tests commit (transactional tests).
pytestmark = pytest.mark.django_db(transaction=True)

NEW_PASSWORD = "a-long-unusual-passphrase"


def sign_up(browser: HttpClient, email: str, agency_name: str = "Gamma Journeys"):
    return browser.post(
        "/accounts/signup/",
        {
            "agency_name": agency_name,
            "default_currency": "GBP",
            "name": "Gina Owner",
            "email": email,
        },
    )


def confirm_link(message) -> str:
    found = re.search(r"https://crm.itinera.test(/accounts/signup/confirm/\S+/)", message.body)
    assert found, message.body
    return found.group(1)


# Sign-up ---------------------------------------------------------------------------------------


def test_sign_up_asks_no_username_so_it_cannot_be_a_username_oracle(client):
    body = client.get("/accounts/signup/").content.decode()
    assert 'name="username"' not in body
    assert 'name="email"' in body


def test_sign_up_answers_the_same_for_a_taken_and_a_fresh_email(alice, bob):
    fresh = sign_up(HttpClient(), "gina@gamma.example")
    taken = sign_up(HttpClient(), "bob@beta.example")
    assert fresh.status_code == taken.status_code == 302
    assert fresh["Location"] == taken["Location"]
    fresh_page = HttpClient().get(fresh["Location"]).content
    taken_page = HttpClient().get(taken["Location"]).content
    assert fresh_page == taken_page
    assert b"Check your inbox" in fresh_page


def test_sign_up_creates_nothing_until_the_emailed_link_is_followed(db):
    sign_up(HttpClient(), "gina@gamma.example")
    assert not User.objects.exists() and not Agency.objects.exists()
    [message] = mail.outbox
    assert message.to == ["gina@gamma.example"]
    assert message.subject == "Confirm your email to create your Itinera agency"


def test_following_the_link_creates_the_agency_and_its_owner_and_signs_in(db):
    sign_up(HttpClient(), "Gina@Gamma.example")
    link = confirm_link(mail.outbox[0])
    browser = HttpClient()
    page = browser.get(link)
    assert page.status_code == 200 and b"gina@gamma.example" in page.content
    assert not User.objects.exists()
    response = browser.post(link, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/"
    owner = User.objects.get(email="gina@gamma.example")
    assert owner.role == Role.OWNER and owner.agency.name == "Gamma Journeys"
    assert owner.agency.default_currency == "GBP"
    assert "@" not in owner.username
    assert browser.get("/").status_code == 200
    # Single use: the link now creates nothing more.
    again = HttpClient().post(link, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert again.status_code == 404
    assert Agency.objects.count() == 1


def test_a_tampered_or_expired_link_is_refused(db):
    sign_up(HttpClient(), "gina@gamma.example")
    link = confirm_link(mail.outbox[0])
    assert HttpClient().get(link[:-3] + "xx/").status_code == 404
    with mock.patch("django.core.signing.time.time", return_value=time.time() + 8 * 86400):
        response = HttpClient().post(link, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 404
    assert not User.objects.exists()


def test_an_existing_address_gets_an_email_saying_it_already_has_an_account(bob):
    sign_up(HttpClient(), "BOB@beta.example")
    [message] = mail.outbox
    assert message.to == ["bob@beta.example"]
    assert message.subject == "You already have an Itinera account"
    assert "https://crm.itinera.test/accounts/login/" in message.body
    assert "https://crm.itinera.test/accounts/password/reset/" in message.body
    assert "/accounts/signup/confirm/" not in message.body
    assert Agency.objects.count() == 1


def test_an_unverified_sign_up_blocks_no_later_invitation_or_sign_up(alice, agency):
    sign_up(HttpClient(), "carol@example.com", agency_name="Squatter Ltd")
    browser = HttpClient()
    browser.force_login(alice)
    response = browser.post("/settings/team/invite/", {"email": "carol@example.com"})
    assert response.status_code == 302
    assert Invitation.objects.filter(email="carol@example.com").exists()
    assert not Agency.objects.filter(name="Squatter Ltd").exists()


# Invitations ----------------------------------------------------------------------------------


def _invite(browser: HttpClient, email: str):
    return browser.post("/settings/team/invite/", {"email": email, "role": "agent"}, follow=True)


def test_inviting_another_agencys_user_answers_like_a_fresh_address(alice, bob):
    browser = HttpClient()
    browser.force_login(alice)
    fresh = _invite(browser, "fresh@example.com")
    taken = _invite(browser, "Bob@Beta.example")
    fresh_note = [str(m) for m in fresh.context["messages"]]
    taken_note = [str(m) for m in taken.context["messages"]]
    assert fresh.redirect_chain == taken.redirect_chain == [("/settings/team/", 302)]
    assert fresh_note == ["Invitation sent to fresh@example.com."]
    assert taken_note == ["Invitation sent to bob@beta.example."]
    assert set(Invitation.objects.values_list("email", flat=True)) == {
        "fresh@example.com",
        "bob@beta.example",
    }
    to_bob = next(m for m in mail.outbox if m.to == ["bob@beta.example"])
    to_fresh = next(m for m in mail.outbox if m.to == ["fresh@example.com"])
    assert to_bob.subject == to_fresh.subject
    assert "already has an Itinera account" in to_bob.body
    assert "/accounts/invite/" not in to_bob.body


def test_the_team_page_never_shows_invitation_links(alice, bob):
    browser = HttpClient()
    browser.force_login(alice)
    _invite(browser, "fresh@example.com")
    _invite(browser, "bob@beta.example")
    page = browser.get("/settings/team/").content.decode()
    for invitation in Invitation.objects.all():
        assert invitation.token not in page
    assert "fresh@example.com" in page and "bob@beta.example" in page


def test_an_invitation_to_an_address_with_an_account_creates_no_user(alice, bob):
    browser = HttpClient()
    browser.force_login(alice)
    _invite(browser, "bob@beta.example")
    invitation = Invitation.objects.get(email="bob@beta.example")
    page = HttpClient().get(f"/accounts/invite/{invitation.token}/")
    assert page.status_code == 404
    assert User.objects.filter(email="bob@beta.example").get() == bob
    assert bob.agency.name == "Beta Travel"


def test_only_already_on_your_team_may_be_said(alice, amir):
    browser = HttpClient()
    browser.force_login(alice)
    response = browser.post("/settings/team/invite/", {"email": "AMIR@alpha.example"})
    assert response.status_code == 200
    assert response.context["invite_form"].errors["email"] == [
        "Amir Agent is already on your team."
    ]
    assert not Invitation.objects.exists() and mail.outbox == []


def test_accepting_an_invitation_refuses_a_username_taken_in_another_case(agency, alice, bob):
    browser = HttpClient()
    browser.force_login(alice)
    _invite(browser, "nina@alpha.example")
    invitation = Invitation.objects.get()
    response = HttpClient().post(
        f"/accounts/invite/{invitation.token}/",
        {"name": "Nina", "username": "BOB", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 200
    assert "username" in response.context["form"].errors
    assert not User.objects.filter(email="nina@alpha.example").exists()


def test_a_dotless_i_lookalike_address_is_not_taken_for_an_existing_one(alice):
    lookalike = "al\u0131ce@alpha.example"  # PostgreSQL's UPPER() folds it to ALICE@...
    sign_up(HttpClient(), lookalike)
    [message] = mail.outbox
    assert message.subject == "Confirm your email to create your Itinera agency"
