"""#13: invitations, sign-up and password reset go through the outbox: text and HTML parts,
links absolute on SITE_URL (never the request's Host), an invitation replies to its inviter."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.db import transaction

from accounts.models import Agency, Invitation
from accounts.services import invitation_invite

pytestmark = pytest.mark.django_db


def test_an_invitation_has_an_absolute_link_html_and_replies_to_the_inviter(
    client, alice, agency, delivered
):
    Agency.objects.filter(pk=agency.pk).update(name="Alpha <Tours>")
    client.force_login(alice)

    with delivered():
        client.post("/settings/team/invite/", {"email": "new@example.com", "role": "agent"})

    [message] = mail.outbox
    assert message.reply_to == ["alice@alpha.example"]
    assert re.search(r"https://crm\.itinera\.test/\S+", message.body)
    html = message.alternatives[0][0]
    assert "Alpha &lt;Tours&gt;" in html and "Alpha <Tours>" not in html
    assert "Alice Owner" in message.body


def test_no_invitation_email_leaves_when_the_invitation_rolls_back(alice, agency, delivered):
    with delivered(), pytest.raises(RuntimeError), transaction.atomic():
        invitation_invite(
            agency=agency, email="new@example.com", invited_by=alice, link_for=lambda i: "/x/"
        )
        raise RuntimeError("the request failed after the invitation")

    assert mail.outbox == [] and not Invitation.objects.exists()


def test_a_password_reset_link_is_on_site_url_whatever_host_asked(
    client, alice, delivered, settings
):
    settings.ALLOWED_HOSTS = ["*"]  # any Host reaches the view
    with delivered():
        client.post(
            "/accounts/password/reset/",
            {"email": "alice@alpha.example"},
            HTTP_HOST="phishing.example",
        )

    [message] = mail.outbox
    assert "phishing.example" not in message.body
    assert re.search(r"https://crm\.itinera\.test/accounts/password/reset/\S+/", message.body)
    assert "text/html" in [mimetype for _html, mimetype in message.alternatives]


def test_a_sign_up_email_has_an_absolute_link_and_an_html_part(client, delivered, settings):
    settings.ALLOWED_HOSTS = ["*"]
    with delivered():
        client.post(
            "/accounts/signup/",
            {
                "agency_name": "Gamma",
                "default_currency": "EUR",
                "name": "Gia",
                "email": "gia@example.com",
            },
            HTTP_HOST="phishing.example",
        )

    [message] = mail.outbox
    assert "phishing.example" not in message.body
    assert "https://crm.itinera.test/accounts/signup/confirm/" in message.body
    assert message.alternatives
