"""Emailing an invoice to the client: a job of the outbox, with the PDF attached."""

from __future__ import annotations

import pytest
from django.core import mail as django_mail
from django.core.exceptions import ValidationError

from accounts.models import Activity
from core.models import OutboundEmail
from crm.invoices import services


def test_the_delivery_job_attaches_the_invoice_pdf(
    booking, alice, django_capture_on_commit_callbacks
):
    invoice = services.invoice_issue(booking=booking, issued_by=alice)
    # The PDF was not rendered yet (its job did not run): the delivery renders it itself.
    with django_capture_on_commit_callbacks(execute=True):
        services.document_email(document=invoice, sent_by=alice)
    [message] = django_mail.outbox
    assert message.to == ["ada@example.com"]
    assert invoice.reference in message.subject
    [(filename, content, mimetype)] = message.attachments
    assert filename == f"{invoice.reference}.pdf" and mimetype == "application/pdf"
    assert content.startswith(b"%PDF")
    assert OutboundEmail.objects.get().status == "sent"
    event = Activity.objects.get(event="invoice.emailed")
    assert event.client_id == booking.client_id and event.data["to"] == "ada@example.com"


def test_nothing_is_sent_before_the_commit(booking, alice):
    invoice = services.invoice_issue(booking=booking, issued_by=alice)
    services.document_email(document=invoice, sent_by=alice)
    assert django_mail.outbox == []
    assert OutboundEmail.objects.get().kind == "invoice"


def test_a_client_without_email_or_a_void_invoice_is_refused(booking, alice):
    invoice = services.invoice_issue(booking=booking, issued_by=alice)
    booking.client.email = ""
    booking.client.save()
    with pytest.raises(ValidationError, match="no email address"):
        services.document_email(document=invoice, sent_by=alice)
    booking.client.email = "ada@example.com"
    booking.client.save()
    services.document_void(document=invoice, actor=alice, reason="Wrong")
    with pytest.raises(ValidationError, match="void"):
        services.document_email(document=invoice, sent_by=alice)
    assert not OutboundEmail.objects.exists()
