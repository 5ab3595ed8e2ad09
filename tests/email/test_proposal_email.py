"""#13: "Send to client" emails the proposal for real: defaults, a preview of the exact email,
send and re-send (same link), the client's email required; answered proposals are refused."""

from __future__ import annotations

import pytest
from django.core import mail
from django.db import transaction

from accounts.models import Activity
from core.models import OutboundEmail
from crm.models import Proposal
from crm.proposals import emails
from tests.factories import ClientFactory, ProposalFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposal(agency):
    client = ClientFactory(agency=agency, name="Ada <Lovelace>", email="ada@example.com")
    return ProposalFactory(client=client, title='Lisbon & "Porto"', status="draft")


def url(proposal: Proposal) -> str:
    return f"/proposals/{proposal.pk}/send/"


def post(browser, proposal, action, subject="Your trip", message="Hello Ada,\n\nHere it is."):
    return browser.post(url(proposal), {"action": action, "subject": subject, "message": message})


def test_the_page_starts_from_a_default_subject_and_message(as_alice, proposal):
    response = as_alice.get(url(proposal))

    form = response.context["form"]
    assert form.initial["subject"] == 'Your travel proposal: “Lisbon & "Porto"”'
    assert form.initial["message"].startswith("Hello Ada <Lovelace>,")
    assert b"Preview" in response.content and b"Send to client" in response.content
    assert mail.outbox == [] and Proposal.objects.get().status == "draft"


def test_the_preview_renders_the_exact_email_and_sends_nothing(as_alice, proposal, delivered):
    with delivered():
        response = post(as_alice, proposal, "preview", message="Hi <b>Ada</b>")

    preview = response.context["preview"]
    assert preview.to == "ada@example.com" and preview.subject == "Your trip"
    assert preview.reply_to == ["alice@alpha.example"]
    assert "Hi <b>Ada</b>" in preview.text  # the text part is plain text
    assert "Hi &lt;b&gt;Ada&lt;/b&gt;" in preview.html  # the HTML part escapes what was typed
    assert "Hi &lt;b&gt;Ada&lt;/b&gt;" in response.content.decode()
    assert mail.outbox == [] and not OutboundEmail.objects.exists()
    assert Proposal.objects.get().status == "draft"


def test_sending_marks_it_sent_and_emails_the_client_the_absolute_link(
    as_alice, proposal, delivered
):
    with delivered():
        response = post(as_alice, proposal, "send")

    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == "sent" and proposal.share_token
    [message] = mail.outbox
    link = f"https://crm.itinera.test/p/{proposal.share_token}"
    assert message.to == ["ada@example.com"] and message.subject == "Your trip"
    assert message.reply_to == ["alice@alpha.example"]
    assert message.from_email.startswith("Alpha Tours <")
    assert link in message.body and "Hello Ada," in message.body
    assert "Alice Owner" in message.body and "Alpha Tours" in message.body  # the signature
    assert "Valid until: 31 January 2027" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and f'href="{link}"' in html
    assert "Lisbon &amp; &quot;Porto&quot;" in html
    event = Activity.objects.get(event="proposal.emailed")
    assert event.data == {
        "to": "ada@example.com",
        "subject": "Your trip",
        "version": 1,
        "updated": False,
    }
    assert event.actor.username == "alice" and "Here it is" not in str(event.data)


def test_resending_a_sent_proposal_sends_a_new_email_with_the_same_link(
    as_alice, proposal, delivered
):
    with delivered():
        post(as_alice, proposal, "send")
    proposal.refresh_from_db()
    token, sent_at = proposal.share_token, proposal.sent_at

    page = as_alice.get(url(proposal))
    with delivered():
        post(as_alice, proposal, "send", subject="A reminder")

    assert b"Send again" in page.content
    proposal.refresh_from_db()
    assert (proposal.status, proposal.share_token, proposal.sent_at) == ("sent", token, sent_at)
    assert [m.subject for m in mail.outbox] == ["Your trip", "A reminder"]
    assert all(token in m.body for m in mail.outbox)


def test_a_client_without_an_email_is_refused_with_a_link_to_add_one(as_alice, agency, delivered):
    proposal = ProposalFactory(client=ClientFactory(agency=agency, name="Ned", email=""))

    page = as_alice.get(url(proposal))
    with delivered():
        response = post(as_alice, proposal, "send")

    assert "Ned has no email address" in page.content.decode()
    assert f"/clients/{proposal.client_id}/edit/" in page.content.decode()
    assert response.status_code == 200 and mail.outbox == []
    assert Proposal.objects.get().status == "draft"


def test_an_answered_proposal_is_not_sent(as_alice, proposal, delivered):
    Proposal.objects.filter(pk=proposal.pk).update(status="accepted")

    with delivered():
        response = post(as_alice, proposal, "send")

    assert "can no longer be sent" in response.content.decode()
    assert mail.outbox == [] and Proposal.objects.get().status == "accepted"


def test_an_empty_subject_is_shown_beside_the_field_and_sends_nothing(
    as_alice, proposal, delivered
):
    with delivered():
        response = post(as_alice, proposal, "send", subject="  ")

    assert response.status_code == 200 and "subject" in response.context["form"].errors
    assert mail.outbox == [] and Proposal.objects.get().status == "draft"


def test_a_send_that_rolls_back_emails_nobody_and_leaves_it_a_draft(proposal, alice, delivered):
    with delivered(), pytest.raises(RuntimeError), transaction.atomic():
        emails.proposal_email_send(proposal=proposal, subject="s", message="m", sent_by=alice)
        raise RuntimeError("the request failed after the send")

    assert mail.outbox == [] and Proposal.objects.get().status == "draft"
    assert not Activity.objects.filter(event="proposal.emailed").exists()


def test_another_agencys_proposal_send_page_is_not_found(client, bob, proposal):
    client.force_login(bob)
    assert client.get(url(proposal)).status_code == 404
    assert post(client, proposal, "send").status_code == 404
    assert mail.outbox == []
