"""Sending a proposal to its client by email.

``proposal_email_send`` is "Send to client": in one transaction it moves the proposal through
the status door (``services.proposal_send``: a draft or expired proposal becomes sent, one
already out keeps its status and its link, an answered one is refused), queues the email with
the link (``core.mail``: limited, delivered by a job once this commits) and records
``proposal.emailed`` (recipient and subject, never the body). Sending again is re-sending: a new
email with the same link. Sending freezes the next version when the content changed since the
last one (``versions.py``); the email then says an updated proposal is waiting. The client's
email address is required.

The email carries the PDF of the version the link shows (``documents.version_pdf``), rendered
by the delivery job when it builds the message (``core.mail.attachments_for``, registered below
for the kind ``proposal``), never in the request: the outbox row is linked to its version by a
``VersionEmail`` row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from email.utils import formataddr, parseaddr

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from accounts.branding import letterhead
from accounts.events import record_event
from accounts.models import User
from core import mail
from core.errors import Conflict
from core.models import OutboundEmail
from crm.clients.models import Client
from crm.proposals import documents, services, versions
from crm.proposals.lifecycle import PROPOSAL_TRANSITIONS, proposal_lock
from crm.proposals.models import Proposal, ProposalVersion, VersionEmail

SUBJECT_MAX_LENGTH = 200
MESSAGE_MAX_LENGTH = 5_000
# What a preview shows where the link goes, before sending has created it.
LINK_PLACEHOLDER = "/p/(the client's private link, created when you send)"
_BODY = re.compile(r"<body[^>]*>(.*)</body>", re.S | re.I)


@dataclass(frozen=True)
class ProposalEmail:
    """One rendered email: exactly what the client receives."""

    to: str
    subject: str
    text: str
    html: str
    from_email: str
    reply_to: list[str]

    @property
    def html_body(self) -> str:
        """The HTML part's <body> content (the dashboard's preview shows it inside its page)."""
        found = _BODY.search(self.html)
        return found.group(1) if found else self.html


def proposal_email_defaults(*, proposal: Proposal) -> tuple[str, str]:
    """The subject and message the send page starts from; the agent may edit both."""
    updated = versions.latest_version(proposal) is not None
    subject = (
        f"Your {'updated ' if updated else ''}travel proposal: "
        f"{mail.quoted(proposal.title, length=120)}"
    )
    greeting = f"Hello {proposal.client.name}," if proposal.client.name else "Hello,"
    intro = (
        proposal.message.strip()
        or "Here is the travel proposal we prepared for you. Open it to see the plan and the "
        "price, and accept or decline it online."
    )
    return subject, f"{greeting}\n\n{intro}"


def proposal_email_check(*, proposal: Proposal) -> None:
    """Refuse what cannot be sent: an answered proposal, or a client without an email."""
    if PROPOSAL_TRANSITIONS.is_final(proposal.status):
        raise Conflict(
            {"status": [f"This proposal is {proposal.status}; it can no longer be sent."]}
        )
    if not (proposal.client.email or "").strip():
        raise Conflict(
            {"client": [f"{proposal.client.name} has no email address: add one to send."]}
        )


def proposal_email_render(
    *,
    proposal: Proposal,
    subject: str,
    message: str,
    agent: User | None,
    version: ProposalVersion | None = None,
) -> ProposalEmail:
    """The email for ``proposal`` as it will be sent (a preview before sending: the link is
    then a placeholder when the proposal has none yet). A ``version`` after the first says an
    updated proposal is waiting."""
    subject, message = _clean(subject=subject, message=message)
    path = (
        reverse("proposal_public", args=[proposal.share_token])
        if proposal.share_token
        else LINK_PLACEHOLDER
    )
    agency_name = proposal.agency.name
    head = letterhead(proposal.agency)
    agent_name = agent.display_name if agent else ""
    text, html = mail.render(
        "crm/proposals/email/proposal",
        {
            "agency_name": agency_name,
            "agent_name": agent_name,
            "message": message,
            "link": mail.absolute(path),
            "proposal": proposal,
            "updated": version is not None and version.number > 1,
            "version_number": version.number if version else None,
            "letterhead": head,
            "logo_url": mail.absolute(head.logo_url) if head.logo_url else None,
            "has_options": proposal.options.exists(),
        },
    )
    _, address = parseaddr(str(settings.DEFAULT_FROM_EMAIL or ""))
    return ProposalEmail(
        to=(proposal.client.email or "").strip(),
        subject=subject,
        text=text,
        html=html,
        from_email=formataddr((mail.one_line(agency_name)[:80], address)),
        reply_to=[agent.email] if agent and agent.email else [],
    )


@transaction.atomic
def proposal_email_send(
    *, proposal: Proposal, subject: str, message: str, sent_by: User | None
) -> Proposal:
    """Send ``proposal`` to its client by email (see the module's docstring)."""
    current = proposal_lock(proposal)
    client = Client.objects.for_agency(proposal.agency_id).get(pk=current.client_id)
    current.client = client
    proposal_email_check(proposal=current)
    before = versions.latest_version(current)
    proposal = services.proposal_send(proposal=proposal, sent_by=sent_by)
    proposal.client = client
    version = versions.latest_version(proposal)
    fresh = version if version is not None and (before is None or version.pk != before.pk) else None
    email = proposal_email_render(
        proposal=proposal, subject=subject, message=message, agent=sent_by, version=fresh
    )
    try:
        outbound = mail.send(
            to=email.to,
            subject=email.subject,
            body=email.text,
            html_body=email.html,
            kind="proposal",
            sender=f"user:{sent_by.pk}" if sent_by else None,
            agency=proposal.agency_id,
            reply_to=email.reply_to or None,
            from_email=email.from_email,
        )
    except mail.MailLimitReached as exc:  # raising rolls the status change back too
        raise Conflict(
            {"__all__": [f"Too many emails sent; try again in {-(-exc.retry_after // 60)} min."]}
        ) from exc
    if version is not None:  # the delivery job attaches its PDF (``_attachments``)
        VersionEmail.objects.create(
            agency_id=proposal.agency_id, outbound_email_id=outbound.pk, version=version
        )
    record_event(
        "proposal.emailed",
        agency_id=proposal.agency_id,
        subject=proposal,
        client_id=proposal.client_id,
        data={
            "to": email.to,
            "subject": email.subject,
            "version": version.number if version else None,
            "updated": bool(fresh and fresh.number > 1),
        },
        actor=sent_by,
    )
    return proposal


def _clean(*, subject: str, message: str) -> tuple[str, str]:
    subject = mail.one_line(subject or "")
    message = (message or "").strip()
    errors: dict[str, list[str]] = {}
    if not subject:
        errors["subject"] = ["An email needs a subject."]
    elif len(subject) > SUBJECT_MAX_LENGTH:
        errors["subject"] = [f"At most {SUBJECT_MAX_LENGTH} characters."]
    if not message:
        errors["message"] = ["Write a message to the client."]
    elif len(message) > MESSAGE_MAX_LENGTH:
        errors["message"] = [f"At most {MESSAGE_MAX_LENGTH} characters."]
    if errors:
        raise ValidationError(errors)
    return subject, message


def _attachments(email: OutboundEmail) -> list[mail.Attachment]:
    """The PDF of the version ``email`` was sent with (none for an email queued before the
    versions had PDFs: it still carries the link)."""
    link = (
        VersionEmail.objects.for_agency(email.agency_id)
        .select_related("version", "version__agency")
        .filter(outbound_email_id=email.pk)
        .first()
    )
    if link is None:
        return []
    version = link.version
    return [
        mail.Attachment(
            documents.version_filename(version), documents.version_pdf(version), "application/pdf"
        )
    ]


mail.register_attachments("proposal", _attachments)
