"""The email that carries an invoice or a receipt to the client, and its attachment.

The message is queued by ``services.document_email`` through ``core.mail`` (limits, outbox,
delivery job). When the delivery job builds the message it asks this module for the PDF
(``core.mail.attachments_for``, registered below for the kinds ``invoice`` and ``receipt``):
the outbox row is linked to its document by a ``DocumentEmail`` row, and a PDF not rendered yet
is rendered there and then (the delivery runs in a job too).
"""

from __future__ import annotations

from dataclasses import dataclass
from email.utils import formataddr, parseaddr

from django.conf import settings

from accounts.models import User
from core import mail
from core.models import OutboundEmail
from crm.bookings.models import Booking
from crm.invoices.models import DocumentEmail, Invoice, Receipt
from crm.invoices.rendering import document_render


@dataclass(frozen=True)
class DocumentMessage:
    subject: str
    text: str
    html: str
    from_email: str
    reply_to: list[str]


def document_message(
    document: Invoice | Receipt, *, booking: Booking, agent: User | None
) -> DocumentMessage:
    is_invoice = isinstance(document, Invoice)
    what = "invoice" if is_invoice else "receipt"
    agency_name = booking.agency.name
    text, html = mail.render(
        "crm/invoices/email/document",
        {
            "agency_name": agency_name,
            "agent_name": agent.display_name if agent else "",
            "client_name": booking.client.name,
            "document": document,
            "what": what,
            "booking_reference": booking.reference,
        },
    )
    _, address = parseaddr(str(settings.DEFAULT_FROM_EMAIL or ""))
    return DocumentMessage(
        subject=f"Your {what} {document.reference}",
        text=text,
        html=html,
        from_email=formataddr((mail.one_line(agency_name)[:80], address)),
        reply_to=[agent.email] if agent and agent.email else [],
    )


def _attachments(email: OutboundEmail) -> list[mail.Attachment]:
    link = (
        DocumentEmail.objects.for_agency(email.agency_id)
        .select_related("invoice", "receipt")
        .filter(outbound_email_id=email.pk)
        .first()
    )
    document = link.document if link is not None else None
    if document is None:
        raise LookupError(f"no invoice or receipt is linked to the email {email.pk}")
    document_render(document)
    assert document.pdf is not None  # rendered just above when it was not ready
    return [mail.Attachment(document.filename, bytes(document.pdf), "application/pdf")]


mail.register_attachments("invoice", _attachments)
mail.register_attachments("receipt", _attachments)
