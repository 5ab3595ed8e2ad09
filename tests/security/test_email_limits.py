"""#12 item 7: outgoing email goes through one door (core.mail) that limits it per recipient,
per sender and per agency; subjects never carry a name somebody typed."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client as HttpClient
from django.test import override_settings

from accounts.models import Invitation, Role
from core import mail as core_mail
from tests.factories import AgencyFactory, UserFactory

# Email is delivered by a job after the commit: these tests commit (transactional tests).
pytestmark = pytest.mark.django_db(transaction=True)

EVIL = "Your account is suspended - verify at https://evil.example/login " + "x" * 200


def signed_in(user) -> HttpClient:
    browser = HttpClient()
    browser.force_login(user)
    return browser


def invite(browser: HttpClient, email: str):
    return browser.post("/settings/team/invite/", {"email": email, "role": "agent"})


# The door ----------------------------------------------------------------------------------


@override_settings(MAIL_LIMIT_PER_RECIPIENT=2)
def test_the_door_refuses_a_recipient_over_its_limit_and_sends_nothing(db):
    for _ in range(2):
        core_mail.send(to="x@example.com", subject="Hi", body="b", kind="test")
    with pytest.raises(core_mail.MailLimitReached):
        core_mail.send(to="X@Example.com", subject="Hi", body="b", kind="test")
    assert len(mail.outbox) == 2


@override_settings(MAIL_LIMIT_PER_SENDER=2, MAIL_LIMIT_PER_AGENCY=3)
def test_the_door_counts_per_sender_and_per_agency(db):
    core_mail.send(to="a@example.com", subject="s", body="b", kind="t", sender="user:1", agency=7)
    core_mail.send(to="b@example.com", subject="s", body="b", kind="t", sender="user:1", agency=7)
    with pytest.raises(core_mail.MailLimitReached):
        core_mail.send(to="c@example.com", subject="s", body="b", kind="t", sender="user:1")
    core_mail.send(to="d@example.com", subject="s", body="b", kind="t", sender="user:2", agency=7)
    with pytest.raises(core_mail.MailLimitReached):
        core_mail.send(
            to="e@example.com", subject="s", body="b", kind="t", sender="user:3", agency=7
        )
    assert [m.to for m in mail.outbox] == [["a@example.com"], ["b@example.com"], ["d@example.com"]]


def test_a_subject_is_one_line_and_names_are_quoted_and_truncated():
    assert core_mail.quoted("Evil\r\nBcc: x@y.z " + "a" * 100) == (
        "“Evil Bcc: x@y.z " + "a" * 43 + "…”"
    )
    assert len(core_mail.quoted(EVIL)) <= 62


def test_one_line_drops_breaks_and_direction_overrides_but_keeps_joined_emoji():
    """The one flattening rule of typed text (emails, notes, notifications)."""
    assert core_mail.one_line("a\u2028b\tc\x00d\u202eevil") == "a b c d evil"
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # one emoji, joined by ZWJ
    assert core_mail.one_line(f"The {family} family") == f"The {family} family"
    assert core_mail.one_line(None) == ""


# Invitations ---------------------------------------------------------------------------------


def test_an_invitation_subject_carries_no_agency_or_inviter_name(db):
    agency = AgencyFactory(name=EVIL[:200], slug="evil")
    owner = UserFactory(agency=agency, role=Role.OWNER, name="Security Team - Itinera")
    invite(signed_in(owner), "victim@example.com")
    [message] = mail.outbox
    assert message.subject == "You're invited to join a team on Itinera"
    assert "evil.example" not in message.subject and "Security" not in message.subject
    named = [line for line in message.body.splitlines() if "evil.example" in line]
    assert named and all(len(line) < 200 for line in named)
    assert "x" * 100 not in message.body
    assert "“" in named[0]


@override_settings(MAIL_LIMIT_PER_RECIPIENT=2)
def test_reinviting_one_address_stops_at_its_limit_with_an_error(alice):
    browser = signed_in(alice)
    for _ in range(2):
        assert invite(browser, "spam@example.com").status_code == 302
    token_before = Invitation.objects.get().token
    response = invite(browser, "spam@example.com")
    assert response.status_code == 200
    assert "email" in response.context["invite_form"].errors
    assert len(mail.outbox) == 2
    assert Invitation.objects.get().token == token_before  # nothing changed


@override_settings(MAIL_LIMIT_PER_SENDER=2)
def test_one_sender_inviting_many_addresses_stops_at_its_limit(alice):
    browser = signed_in(alice)
    for n in range(2):
        assert invite(browser, f"n{n}@example.com").status_code == 302
    assert invite(browser, "n3@example.com").status_code == 200
    assert len(mail.outbox) == 2 and Invitation.objects.count() == 2


@override_settings(MAIL_LIMIT_PER_AGENCY=2)
def test_an_agency_inviting_through_several_admins_stops_at_its_limit(alice, agency, bob):
    admin = UserFactory(agency=agency, role=Role.ADMIN)
    assert invite(signed_in(alice), "a1@example.com").status_code == 302
    assert invite(signed_in(admin), "a2@example.com").status_code == 302
    assert invite(signed_in(admin), "a3@example.com").status_code == 200
    assert invite(signed_in(bob), "b1@example.com").status_code == 302  # another agency


# Password resets and sign-ups -----------------------------------------------------------------


@override_settings(MAIL_LIMIT_PER_RECIPIENT=2)
def test_password_resets_repeat_no_more_than_the_limit_and_answer_as_usual(alice):
    for _ in range(4):
        response = HttpClient().post("/accounts/password/reset/", {"email": "alice@alpha.example"})
        assert response.status_code == 302
        assert response["Location"] == "/accounts/password/reset/sent/"
    assert len(mail.outbox) == 2


@override_settings(MAIL_LIMIT_PER_SENDER=3)
def test_one_address_requesting_resets_for_many_accounts_is_limited(db):
    for n in range(5):
        UserFactory(username=f"u{n}", email=f"u{n}@example.com")
        HttpClient(REMOTE_ADDR="198.51.100.4").post(
            "/accounts/password/reset/", {"email": f"u{n}@example.com"}
        )
    assert len(mail.outbox) == 3


@override_settings(MAIL_LIMIT_PER_RECIPIENT=2)
def test_sign_ups_for_one_address_stop_at_the_limit_with_the_same_answer(db):
    for _ in range(3):
        response = HttpClient().post(
            "/accounts/signup/",
            {
                "agency_name": EVIL[:200],
                "default_currency": "EUR",
                "name": "Eve",
                "email": "victim@example.com",
            },
        )
        assert response.status_code == 302
    assert len(mail.outbox) == 2
    assert "evil.example" not in mail.outbox[0].subject
    assert "x" * 100 not in mail.outbox[0].body
