"""Documents issued from a booking: invoices and receipts, each numbered in its own gapless
series per agency (``DocumentCounter``), frozen once issued.

An issued document is its ``snapshot``: the lines, totals, schedule, client and agency as they
were at issue (``crm.invoices.snapshot``). Nothing in it ever changes: a mistake is corrected by
voiding the document (marked, with a reason; the number is kept, never reused) and issuing a
new one. The only columns that change after issue are the rendered PDF's and the void's
(``MUTABLE``); any other save raises ``FrozenDocumentError``.
"""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from django.db import models

from accounts.tenancy import TenantModel
from core.money import MONEY
from crm.bookings.models import Booking, Payment


class FrozenDocumentError(Exception):
    """An issued invoice or receipt was about to be edited."""


class Series(models.TextChoices):
    INVOICE = "invoice", "Invoice"
    RECEIPT = "receipt", "Receipt"


# ``{year}`` is the year of issue (in the agency's timezone); the number follows, 4 digits.
DEFAULT_PREFIXES = {Series.INVOICE: "INV-{year}-", Series.RECEIPT: "RCT-"}


class DocumentCounter(TenantModel):
    """An agency's series: the last number issued and the prefix of the references. The row is
    locked (``SELECT ... FOR UPDATE``) in the transaction that writes the document, so numbers
    are taken one at a time and a rolled-back issue gives its number back."""

    series = models.CharField(max_length=10, choices=Series.choices)
    prefix = models.CharField(max_length=30)
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agency", "series"], name="uniq_document_series")
        ]

    def __str__(self) -> str:
        return f"{self.series} {self.prefix}… ({self.last_number})"


class PdfStatus(models.TextChoices):
    PENDING = "pending", "Being prepared"
    READY = "ready", "Ready"


class IssuedDocument(TenantModel):
    visible_through = ("booking__client__assigned_to",)
    MUTABLE = frozenset(
        {"pdf", "pdf_status", "pdf_rendered_at", "voided_at", "voided_by", "void_reason"}
    )

    number = models.PositiveIntegerField()
    reference = models.CharField(max_length=50)
    issued_at = models.DateTimeField()
    issued_on = models.DateField(help_text="The date of issue in the agency's timezone.")
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    currency = models.CharField(max_length=3)
    total = models.DecimalField(**MONEY)
    snapshot = models.JSONField()
    pdf = models.BinaryField(null=True, blank=True, editable=False)
    pdf_status = models.CharField(
        max_length=10, choices=PdfStatus.choices, default=PdfStatus.PENDING
    )
    pdf_rendered_at = models.DateTimeField(null=True, blank=True)
    voided_at = models.DateTimeField(null=True, blank=True)
    voided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    void_reason = models.CharField(max_length=500, blank=True)

    class Meta:
        abstract = True
        ordering = ["-number"]

    def __str__(self) -> str:
        return self.reference

    @property
    def is_voided(self) -> bool:
        return self.voided_at is not None

    @property
    def pdf_ready(self) -> bool:
        return self.pdf_status == PdfStatus.READY

    @property
    def filename(self) -> str:
        """``INV-2026-0001.pdf``; a prefix's other characters (``/``, spaces) become ``-``."""
        return re.sub(r"[^A-Za-z0-9._-]+", "-", self.reference).strip("-") + ".pdf"

    def save(self, *args: Any, **kwargs: Any) -> None:
        fields = kwargs.get("update_fields")
        if self.pk is not None and not (fields and set(fields) <= self.MUTABLE):
            raise FrozenDocumentError(
                f"{self.reference} was issued and never changes: void it and issue a new one."
            )
        super().save(*args, **kwargs)


class Invoice(IssuedDocument):
    """What the client owes for a booking, as issued."""

    booking = models.ForeignKey(Booking, on_delete=models.PROTECT, related_name="invoices")

    class Meta(IssuedDocument.Meta):
        constraints = [
            models.UniqueConstraint(fields=["agency", "number"], name="uniq_invoice_number")
        ]
        indexes = [models.Index(fields=["agency", "booking"], name="invoice_agency_booking")]


class Receipt(IssuedDocument):
    """Proof of one payment received: one live receipt per payment."""

    booking = models.ForeignKey(Booking, on_delete=models.PROTECT, related_name="receipts")
    payment = models.ForeignKey(Payment, on_delete=models.PROTECT, related_name="receipts")

    class Meta(IssuedDocument.Meta):
        constraints = [
            models.UniqueConstraint(fields=["agency", "number"], name="uniq_receipt_number"),
            models.UniqueConstraint(
                fields=["payment"],
                condition=models.Q(voided_at__isnull=True),
                name="uniq_live_receipt_per_payment",
            ),
        ]
        indexes = [models.Index(fields=["agency", "booking"], name="receipt_agency_booking")]


class DocumentEmail(TenantModel):
    """An invoice or receipt emailed to the client: the outbox row (``core.OutboundEmail``) it
    became, so the delivery job attaches this document's PDF."""

    visible_through = (
        "invoice__booking__client__assigned_to",
        "receipt__booking__client__assigned_to",
    )

    outbound_email_id = models.BigIntegerField(unique=True)
    invoice = models.ForeignKey(
        Invoice, null=True, blank=True, on_delete=models.CASCADE, related_name="emails"
    )
    receipt = models.ForeignKey(
        Receipt, null=True, blank=True, on_delete=models.CASCADE, related_name="emails"
    )
    recipient = models.CharField(max_length=254)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"to {self.recipient}"

    @property
    def document(self) -> Invoice | Receipt | None:
        return self.invoice or self.receipt
