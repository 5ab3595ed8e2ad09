"""The ground floor's one table: the first answer to each ``Idempotency-Key``.

The table is the one ``crm`` created (``crm_idempotencyrecord``): the model moved here with
state-only migrations, so no row was copied or lost.
"""

from __future__ import annotations

from django.db import models


class IdempotencyRecord(models.Model):
    """The first response to an ``Idempotency-Key``; replays return it instead of a new record.

    ``scope`` names who sent the key (a token, a form) so keys never collide across callers;
    the unique constraint is what makes concurrent duplicates create one record.
    """

    scope = models.CharField(max_length=100)
    key = models.CharField(max_length=255)
    request_hash = models.CharField(max_length=64)
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    response_body = models.JSONField(null=True, blank=True)
    response_headers = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        db_table = "crm_idempotencyrecord"
        constraints = [
            models.UniqueConstraint(fields=["scope", "key"], name="uniq_idempotency_scope_key")
        ]

    def __str__(self) -> str:
        return f"{self.scope}:{self.key}"


class OutboundEmailStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"


class OutboundEmail(models.Model):
    """One email Itinera sends, written by ``core.mail.send`` in the caller's transaction and
    delivered by a job (``core.mail.deliver``).

    The row is the proof of delivery: ``status`` becomes ``sent`` in the same transaction that
    holds the row's lock while the message is handed to the email backend, so a second run of
    the job (a retry, a second worker) finds it sent and sends nothing. ``idempotency_key``
    (unique when given) lets a caller make "send this once" safe: a second ``send`` with the
    same key returns the first row. ``agency_id`` is a plain column: core knows no agency.
    """

    recipient = models.CharField(max_length=254)
    subject = models.CharField(max_length=200)
    text = models.TextField()
    html = models.TextField(blank=True)
    from_email = models.CharField(max_length=254, blank=True)
    reply_to = models.JSONField(default=list, blank=True)
    kind = models.CharField(max_length=50)
    agency_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    status = models.CharField(
        max_length=10, choices=OutboundEmailStatus.choices, default=OutboundEmailStatus.QUEUED
    )
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    idempotency_key = models.CharField(max_length=200, null=True, blank=True, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "created_at"], name="outbound_status_created")]

    def __str__(self) -> str:
        return f"{self.kind} to {self.recipient} ({self.status})"
