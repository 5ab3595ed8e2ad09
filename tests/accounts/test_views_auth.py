"""Signing in (username or email), out, up, and resetting a password."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client as HttpClient

from accounts.models import Agency, Role, User
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_an_agent_signs_in_with_the_username(client, alice):
    response = client.post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.get("/").status_code == 200


def test_an_agent_signs_in_with_the_email_in_any_case(client, alice):
    response = client.post(
        "/accounts/login/", {"username": "ALICE@alpha.example", "password": PASSWORD}
    )
    assert response.status_code == 302


def test_a_wrong_password_shows_an_error_and_signs_nobody_in(client, alice):
    response = client.post("/accounts/login/", {"username": "alice", "password": "nope"})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert client.get("/").status_code == 302


def test_sign_in_returns_to_the_page_asked_for(client, alice):
    response = client.post(
        "/accounts/login/", {"username": "alice", "password": PASSWORD, "next": "/clients/"}
    )
    assert response["Location"] == "/clients/"


def test_sign_in_needs_a_csrf_token(alice):
    browser = HttpClient(enforce_csrf_checks=True)
    response = browser.post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    assert response.status_code == 403


def test_signing_out_is_a_post_and_ends_the_session(client, alice):
    client.force_login(alice)
    assert client.get("/accounts/logout/").status_code == 405
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert client.get("/").status_code == 302


def test_the_dashboard_shell_signs_out_with_a_csrf_protected_post_form(client, alice):
    client.force_login(alice)
    body = client.get("/").content.decode()
    form = re.search(r'<form method="post" action="/accounts/logout/">(.*?)</form>', body, re.S)
    assert form and 'name="csrfmiddlewaretoken"' in form.group(1)


@pytest.mark.django_db(transaction=True)  # the email goes out after the commit
def test_signing_up_creates_an_agency_and_its_owner_once_the_email_is_confirmed(client):
    response = client.post(
        "/accounts/signup/",
        {
            "agency_name": "Gamma Journeys",
            "default_currency": "GBP",
            "name": "Gina Owner",
            "email": "gina@gamma.example",
        },
    )
    assert response.status_code == 302 and response["Location"] == "/accounts/signup/sent/"
    assert not Agency.objects.filter(name="Gamma Journeys").exists()
    link = re.search(
        r"https://crm.itinera.test(/accounts/signup/confirm/\S+/)", mail.outbox[0].body
    )
    assert link
    password = "a-long-unusual-passphrase"
    done = client.post(link.group(1), {"password1": password, "password2": password})
    assert done.status_code == 302 and done["Location"] == "/"
    agency = Agency.objects.get(name="Gamma Journeys")
    owner = User.objects.get(email="gina@gamma.example")
    assert owner.agency == agency and owner.role == Role.OWNER and owner.username == "gina"
    assert agency.default_currency == "GBP"
    assert client.get("/").context["request"].user == owner


def test_sign_up_shows_errors_beside_fields(client, alice):
    response = client.post(
        "/accounts/signup/",
        {"agency_name": "", "default_currency": "EUR", "name": "X", "email": "not-an-email"},
    )
    errors = response.context["form"].errors
    assert response.status_code == 200
    assert {"agency_name", "email"} <= set(errors)
    assert mail.outbox == []


@pytest.mark.django_db(transaction=True)  # the email goes out after the commit
def test_a_weak_password_on_the_confirmation_page_is_refused_beside_it(client):
    client.post(
        "/accounts/signup/",
        {"agency_name": "Dup", "default_currency": "EUR", "name": "X", "email": "x@new.example"},
    )
    link = re.search(
        r"https://crm.itinera.test(/accounts/signup/confirm/\S+/)", mail.outbox[0].body
    )
    assert link
    response = client.post(link.group(1), {"password1": "123", "password2": "456"})
    assert response.status_code == 200
    assert "password2" in response.context["form"].errors
    assert not Agency.objects.filter(name="Dup").exists()


@pytest.mark.django_db(transaction=True)  # the email goes out after the commit
def test_a_password_reset_emails_a_working_link(client, alice):
    response = client.post("/accounts/password/reset/", {"email": "alice@alpha.example"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(
        r"https://crm.itinera.test(/accounts/password/reset/\S+/)", mail.outbox[0].body
    )
    assert link
    confirm = client.get(link.group(1), follow=True)
    assert confirm.context["validlink"]
    done = client.post(
        confirm.redirect_chain[-1][0],
        {"new_password1": "another-long-passphrase", "new_password2": "another-long-passphrase"},
    )
    assert done.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password("another-long-passphrase")


def test_a_password_reset_for_an_unknown_email_says_nothing_different(client, db):
    response = client.post("/accounts/password/reset/", {"email": "nobody@example.com"})
    assert response.status_code == 302
    assert mail.outbox == []
