"""Issuing, voiding and emailing invoices and receipts: the writes of ``crm.invoices``.

- :func:`invoice_issue` freezes the booking as it is now into a new invoice, numbered in the
  agency's invoice series in the same transaction (``numbering.take_number``), and enqueues the
  PDF's rendering (``jobs.render_document``): the document reads "being prepared" until then.
- :func:`receipt_issue` does the same for one payment received (one live receipt per payment).
- :func:`document_void`: owners and admins only, with a reason; the document stays listed with
  its number, marked void. A correction is a new document, never an edit.
- :func:`document_email` queues the document to the client (``core.mail``: limits checked now,
  delivered by its job, which attaches the PDF: ``crm.invoices.emails``).

Each records its event (``invoice.issued``, ``receipt.voided``...) in its own transaction, with
the booking in ``data`` and the client in ``client_id``, so the booking's history shows it.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.events import record_event
from accounts.models import User
from core import jobs, mail
from core.errors import Conflict
from crm.bookings.allocation import local_today
from crm.bookings.lifecycle import booking_lock
from crm.bookings.models import Booking, BookingStatus, Payment, PaymentKind
from crm.invoices.emails import document_message
from crm.invoices.jobs import render_document
from crm.invoices.models import DocumentEmail, Invoice, PdfStatus, Receipt, Series
from crm.invoices.numbering import take_number
from crm.invoices.snapshot import invoice_snapshot, receipt_snapshot

REASON_MAX = 500
ADMINS_ONLY = "Only the agency's owner or an admin can void an invoice or a receipt."

Document = Invoice | Receipt


class DocumentRefused(PermissionDenied):
    """An agent asked to void a document."""


def series_of(document: Document) -> str:
    return Series.INVOICE if isinstance(document, Invoice) else Series.RECEIPT


def _event_data(document: Document, booking: Booking, **extra: object) -> dict[str, object]:
    return {
        "reference": document.reference,
        "number": document.number,
        "booking_id": booking.pk,
        "booking_reference": booking.reference,
        "total": f"{document.total:.2f}",
        "currency": document.currency,
        **extra,
    }


def _snapshot_booking(booking: Booking) -> Booking:
    """The booking with everything a snapshot reads, in a few queries."""
    return (
        Booking.objects.for_agency(booking.agency_id)
        .select_related("agency", "client", "itinerary")
        .prefetch_related("services", "instalments")
        .get(pk=booking.pk)
    )


@transaction.atomic
def invoice_issue(*, booking: Booking, issued_by: User | None) -> Invoice:
    """Issue an invoice for ``booking`` as it stands (refused for a cancelled booking or one
    with nothing to pay)."""
    locked = booking_lock(booking)  # no payment or service lands between snapshot and number
    if locked.status == BookingStatus.CANCELLED:
        raise Conflict({"booking": ["This booking is cancelled: there is nothing to invoice."]})
    full = _snapshot_booking(locked)
    today = local_today(full.agency.timezone)
    content = invoice_snapshot(full, today=today)
    if content["totals"]["total"] == "0.00":
        raise Conflict(
            {"booking": ["The booking's total is 0.00: add its services or a total first."]}
        )
    number, ref = take_number(agency_id=full.agency_id, series=Series.INVOICE, issued_on=today)
    invoice = Invoice.objects.create(
        agency_id=full.agency_id,
        booking=full,
        number=number,
        reference=ref,
        issued_at=timezone.now(),
        issued_on=today,
        issued_by=issued_by,
        currency=full.currency,
        total=Decimal(content["totals"]["total"]),
        snapshot=content,
    )
    _issued(invoice, full, issued_by)
    return invoice


@transaction.atomic
def receipt_issue(*, payment: Payment, issued_by: User | None) -> Receipt:
    """Issue a receipt for ``payment`` (money received; not a refund, not a voided entry, and
    not a payment that has a live receipt already)."""
    locked = booking_lock(payment.booking)
    current = Payment.objects.for_agency(payment.agency_id).get(pk=payment.pk)
    if current.kind != PaymentKind.PAYMENT:
        raise Conflict({"payment": ["A refund gets no receipt: receipts are for money received."]})
    if current.is_voided:
        raise Conflict({"payment": ["This payment was voided: it gets no receipt."]})
    existing = Receipt.objects.for_agency(current.agency_id).filter(
        payment_id=current.pk, voided_at__isnull=True
    )
    live = existing.first()
    if live is not None:
        raise Conflict(
            {
                "payment": [
                    f"This payment has its receipt already ({live.reference}): void it first."
                ]
            }
        )
    full = _snapshot_booking(locked)
    today = local_today(full.agency.timezone)
    number, ref = take_number(agency_id=full.agency_id, series=Series.RECEIPT, issued_on=today)
    receipt = Receipt.objects.create(
        agency_id=full.agency_id,
        booking=full,
        payment=current,
        number=number,
        reference=ref,
        issued_at=timezone.now(),
        issued_on=today,
        issued_by=issued_by,
        currency=current.currency,
        total=current.amount,
        snapshot=receipt_snapshot(current, full),
    )
    _issued(receipt, full, issued_by)
    return receipt


def _issued(document: Document, booking: Booking, actor: User | None) -> None:
    series = series_of(document)
    record_event(
        "invoice.issued" if series == Series.INVOICE else "receipt.issued",
        agency_id=document.agency_id,
        subject=document,
        client_id=booking.client_id,
        data=_event_data(document, booking),
        action="create",
        actor=actor,
    )
    jobs.enqueue(
        render_document,
        agency_id=document.agency_id,
        series=series,
        document_id=document.pk,
        queueing_lock=f"render:{series}:{document.pk}",
    )


def _reason(reason: str | None) -> str:
    text = " ".join((reason or "").split())
    if not text:
        raise ValidationError({"reason": ["Say why: the history keeps the reason."]})
    if len(text) > REASON_MAX:
        raise ValidationError({"reason": [f"A reason of at most {REASON_MAX} characters."]})
    return text


def _locked(document: Document) -> Document:
    model = type(document)
    return model.objects.for_agency(document.agency_id).select_for_update().get(pk=document.pk)


@transaction.atomic
def document_void(*, document: Document, actor: User | None, reason: str | None) -> Document:
    """Void an invoice or a receipt (owners and admins; no actor is an operator's command): it
    stays listed with its number, marked void, and the reason is kept."""
    if actor is not None and not actor.is_agency_admin:
        raise DocumentRefused(ADMINS_ONLY)
    text = _reason(reason)
    current = _locked(document)
    if current.is_voided:
        raise Conflict({"document": [f"{current.reference} is already void."]})
    current.voided_at = timezone.now()
    current.voided_by = actor
    current.void_reason = text
    # The PDF is rendered again, marked VOID, so a copy downloaded from now on says so.
    current.pdf_status = PdfStatus.PENDING
    current.save(update_fields=["voided_at", "voided_by", "void_reason", "pdf_status"])
    booking = Booking.objects.for_agency(current.agency_id).get(pk=current.booking_id)
    series = series_of(current)
    jobs.enqueue(
        render_document, agency_id=current.agency_id, series=series, document_id=current.pk
    )
    record_event(
        "invoice.voided" if series == Series.INVOICE else "receipt.voided",
        agency_id=current.agency_id,
        subject=current,
        client_id=booking.client_id,
        data=_event_data(current, booking, reason=text),
        actor=actor,
    )
    return current


@transaction.atomic
def document_email(*, document: Document, sent_by: User | None) -> DocumentEmail:
    """Queue ``document`` to the booking's client with its PDF attached (refused for a void
    document or a client without an email address; the email limits answer in words)."""
    current = _locked(document)
    if current.is_voided:
        raise Conflict({"document": [f"{current.reference} is void: issue a new one."]})
    booking = (
        Booking.objects.for_agency(current.agency_id)
        .select_related("client", "agency")
        .get(pk=current.booking_id)
    )
    to = (booking.client.email or "").strip()
    if not to:
        raise Conflict(
            {"client": [f"{booking.client.name} has no email address: add one to send."]}
        )
    series = series_of(current)
    message = document_message(current, booking=booking, agent=sent_by)
    try:
        outbound = mail.send(
            to=to,
            subject=message.subject,
            body=message.text,
            html_body=message.html,
            kind=series,
            sender=f"user:{sent_by.pk}" if sent_by else None,
            agency=current.agency_id,
            reply_to=message.reply_to or None,
            from_email=message.from_email,
        )
    except mail.MailLimitReached as exc:
        raise Conflict(
            {"__all__": [f"Too many emails sent; try again in {-(-exc.retry_after // 60)} min."]}
        ) from exc
    link = DocumentEmail.objects.create(
        agency_id=current.agency_id,
        outbound_email_id=outbound.pk,
        invoice=current if isinstance(current, Invoice) else None,
        receipt=current if isinstance(current, Receipt) else None,
        recipient=to,
        sent_by=sent_by,
    )
    record_event(
        "invoice.emailed" if series == Series.INVOICE else "receipt.emailed",
        agency_id=current.agency_id,
        subject=current,
        client_id=booking.client_id,
        data=_event_data(current, booking, to=to, subject=message.subject),
        actor=sent_by,
    )
    return link
