"""The team page and invitations: owners and admins manage, agents only look."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core import mail
from django.test import Client as HttpClient
from django.utils import timezone

from accounts.models import Invitation, Role, User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_amir(amir):
    browser = HttpClient()
    browser.force_login(amir)
    return browser


def test_the_team_page_lists_only_the_agencys_members(as_alice, amir, bob):
    body = as_alice.get("/settings/team/").content.decode()
    assert "Amir Agent" in body and "Alice Owner" in body
    assert "Bob Owner" not in body


@pytest.mark.django_db(transaction=True)  # the email goes out after the commit
def test_an_owner_invites_an_agent_by_email(as_alice, agency, alice):
    response = as_alice.post(
        "/settings/team/invite/", {"email": "New.Agent@Alpha.example", "role": "agent"}
    )
    invitation = Invitation.objects.get()
    assert response.status_code == 302
    assert invitation.agency == agency and invitation.invited_by == alice
    assert invitation.email == "new.agent@alpha.example"
    assert len(mail.outbox) == 1
    assert f"/accounts/invite/{invitation.token}/" in mail.outbox[0].body
    page = as_alice.get("/settings/team/").content.decode()
    assert "new.agent@alpha.example" in page
    assert invitation.token not in page  # the link reaches the invitee by email only


def test_inviting_a_member_of_the_team_is_refused_beside_the_email(as_alice, amir):
    response = as_alice.post("/settings/team/invite/", {"email": amir.email, "role": "agent"})
    assert response.status_code == 200
    assert "email" in response.context["invite_form"].errors
    assert not Invitation.objects.exists()


def test_an_agent_cannot_invite_or_revoke(as_amir, agency, alice):
    invitation = Invitation.objects.create(
        agency=agency, email="x@example.com", expires_at=timezone.now() + dt.timedelta(days=1)
    )
    assert as_amir.post("/settings/team/invite/", {"email": "y@example.com"}).status_code == 403
    revoke = as_amir.post(f"/settings/team/invitations/{invitation.pk}/revoke/")
    assert revoke.status_code == 403
    assert Invitation.objects.count() == 1


def test_an_agent_sees_the_team_but_not_the_invitation_controls(as_amir, agency):
    Invitation.objects.create(
        agency=agency,
        email="pending@example.com",
        expires_at=timezone.now() + dt.timedelta(days=1),
    )
    response = as_amir.get("/settings/team/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Invite a colleague" not in body
    assert "pending@example.com" not in body


def test_an_agent_cannot_change_roles(as_amir, alice):
    response = as_amir.post(f"/settings/team/members/{alice.pk}/", {"role": "agent"})
    alice.refresh_from_db()
    assert response.status_code == 403
    assert alice.role == Role.OWNER


def test_an_owner_promotes_an_agent_and_deactivates_them(as_alice, amir):
    as_alice.post(f"/settings/team/members/{amir.pk}/", {"role": "admin"})
    amir.refresh_from_db()
    assert amir.role == Role.ADMIN
    as_alice.post(f"/settings/team/members/{amir.pk}/", {"is_active": "0"})
    amir.refresh_from_db()
    assert amir.is_active is False


def test_an_owner_cannot_demote_themselves(as_alice, alice):
    as_alice.post(f"/settings/team/members/{alice.pk}/", {"role": "agent"})
    alice.refresh_from_db()
    assert alice.role == Role.OWNER


def test_another_agencys_member_or_invitation_is_a_404(as_alice, bob, other_agency):
    theirs = Invitation.objects.create(
        agency=other_agency, email="z@example.com", expires_at=timezone.now() + dt.timedelta(1)
    )
    assert as_alice.post(f"/settings/team/members/{bob.pk}/", {"role": "agent"}).status_code == 404
    revoke = as_alice.post(f"/settings/team/invitations/{theirs.pk}/revoke/")
    assert revoke.status_code == 404
    assert Invitation.objects.filter(pk=theirs.pk).exists()


def test_an_owner_revokes_an_invitation_and_its_link_stops_working(as_alice, agency):
    invitation = Invitation.objects.create(
        agency=agency, email="x@example.com", expires_at=timezone.now() + dt.timedelta(days=1)
    )
    as_alice.post(f"/settings/team/invitations/{invitation.pk}/revoke/")
    assert HttpClient().get(f"/accounts/invite/{invitation.token}/").status_code == 404


def test_accepting_an_invitation_creates_the_user_in_that_agency_and_signs_in(agency, alice):
    invitation = Invitation.objects.create(
        agency=agency,
        email="newbie@alpha.example",
        role=Role.AGENT,
        invited_by=alice,
        expires_at=timezone.now() + dt.timedelta(days=7),
    )
    browser = HttpClient()
    page = browser.get(f"/accounts/invite/{invitation.token}/")
    assert b"Alpha Tours" in page.content and b"newbie@alpha.example" in page.content
    response = browser.post(
        f"/accounts/invite/{invitation.token}/",
        {
            "name": "Nina Newbie",
            "username": "nina",
            "password1": "a-long-unusual-passphrase",
            "password2": "a-long-unusual-passphrase",
        },
    )
    nina = User.objects.get(username="nina")
    invitation.refresh_from_db()
    assert response.status_code == 302 and response["Location"] == "/"
    assert (nina.agency, nina.role, nina.email) == (agency, Role.AGENT, "newbie@alpha.example")
    assert invitation.accepted_at is not None
    assert browser.get("/").status_code == 200
    # The link works once.
    assert HttpClient().get(f"/accounts/invite/{invitation.token}/").status_code == 404


def test_an_expired_or_unknown_invitation_link_is_refused(agency):
    invitation = Invitation.objects.create(
        agency=agency, email="late@example.com", expires_at=timezone.now() - dt.timedelta(1)
    )
    assert HttpClient().get(f"/accounts/invite/{invitation.token}/").status_code == 404
    assert HttpClient().get("/accounts/invite/nonsense/").status_code == 404
    response = HttpClient().post(
        f"/accounts/invite/{invitation.token}/",
        {"name": "L", "username": "late", "password1": "x" * 20, "password2": "x" * 20},
    )
    assert response.status_code == 404
    assert not User.objects.filter(username="late").exists()


def test_accepting_with_a_taken_username_shows_the_error_beside_it(agency, alice, amir):
    invitation = Invitation.objects.create(
        agency=agency,
        email="twin@example.com",
        invited_by=alice,
        expires_at=timezone.now() + dt.timedelta(1),
    )
    response = HttpClient().post(
        f"/accounts/invite/{invitation.token}/",
        {
            "name": "Twin",
            "username": "amir",
            "password1": "a-long-unusual-passphrase",
            "password2": "a-long-unusual-passphrase",
        },
    )
    assert response.status_code == 200
    assert "username" in response.context["form"].errors
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_an_admin_can_invite_too(agency):
    admin = UserFactory(agency=agency, role=Role.ADMIN, username="adm")
    browser = HttpClient()
    browser.force_login(admin)
    response = browser.post("/settings/team/invite/", {"email": "a@b.example", "role": "agent"})
    assert response.status_code == 302
    assert re.match(r".+", Invitation.objects.get().token)
