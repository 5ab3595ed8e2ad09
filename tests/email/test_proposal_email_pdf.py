"""The proposal email carries the PDF of the version it sends (issue #16): rendered by the
delivery job when it builds the message, never in the request; a re-send after an edit carries
the new version, and a retry of the first email still attaches the first version."""

from __future__ import annotations

import pytest
from django.core import mail

from core import mail as core_mail
from core.models import OutboundEmail
from crm.models import VersionEmail
from crm.proposals import documents, emails, services
from tests.factories import ClientFactory, ProposalFactory
from tests.pdf_support import pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposal(agency):
    client = ClientFactory(agency=agency, name="Ada", email="ada@example.com")
    return ProposalFactory(client=client, title="Amalfi Coast honeymoon", status="draft")


def _send(proposal, alice):
    return emails.proposal_email_send(
        proposal=proposal, subject="Your trip", message="Hello Ada,\n\nHere it is.", sent_by=alice
    )


def _pdf_of(message) -> tuple[str, str]:
    [(filename, content, mimetype)] = message.attachments
    assert mimetype == "application/pdf"
    return filename, pdf_text(content)


def test_the_sent_email_attaches_the_versions_pdf_with_the_proposals_title(
    proposal, alice, delivered
):
    with delivered():
        _send(proposal, alice)
    [message] = mail.outbox
    filename, text = _pdf_of(message)
    assert filename == "amalfi-coast-honeymoon-v1.pdf"
    assert "Amalfi Coast honeymoon" in text
    assert message.alternatives  # the HTML body is still there beside the attachment


def test_the_pdf_is_rendered_by_the_delivery_job_not_in_the_request(
    proposal, alice, delivered, monkeypatch
):
    rendered: list[int] = []
    real = documents.version_pdf
    monkeypatch.setattr(documents, "version_pdf", lambda v: rendered.append(v.number) or real(v))
    with delivered():
        _send(proposal, alice)
        assert rendered == []  # sending queued the email; nothing was rendered yet
    assert rendered == [1]
    assert len(mail.outbox[0].attachments) == 1


def test_a_resend_after_an_edit_carries_the_new_version_and_the_first_keeps_its_own(
    proposal, alice, delivered
):
    with delivered():
        _send(proposal, alice)
    services.proposal_update(proposal=proposal, title="Amalfi and Capri")
    with delivered():
        _send(proposal, alice)
    first, second = mail.outbox
    assert _pdf_of(first)[0] == "amalfi-coast-honeymoon-v1.pdf"
    assert _pdf_of(second)[0] == "amalfi-and-capri-v2.pdf"
    assert "Amalfi and Capri" in _pdf_of(second)[1]
    # A retry rebuilds the message from the outbox row: still version 1's PDF.
    oldest = OutboundEmail.objects.order_by("id").first()
    [attachment] = core_mail.attachments_for(oldest)
    assert attachment.filename == "amalfi-coast-honeymoon-v1.pdf"
    assert "Amalfi Coast honeymoon" in pdf_text(attachment.content)
    assert sorted(VersionEmail.objects.values_list("version__number", flat=True)) == [1, 2]


def test_an_email_queued_without_a_version_link_still_goes_without_an_attachment(agency):
    email = OutboundEmail.objects.create(
        recipient="ada@example.com",
        subject="Old",
        text="Link",
        kind="proposal",
        agency_id=agency.pk,
    )
    assert core_mail.attachments_for(email) == []
