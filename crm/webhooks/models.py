"""Outgoing webhooks: the endpoints an agency registers, the events sent to them, and every
delivery and attempt (the log an integrator debugs with).

One ``WebhookMessage`` per event and agency holds the exact body that is signed and sent (its
``public_id`` is the ``webhook-id`` header and the body's ``id``, the same on every retry and
replay); one ``WebhookDelivery`` per message and endpoint tracks sending it there; one
``WebhookAttempt`` per HTTP request keeps the status, the timing and the first bytes of the
answer.
"""

from __future__ import annotations

import base64
import datetime as dt
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

from accounts.tenancy import AuthoredTenantModel, TenantModel
from core.crypto import EncryptedTextField

SECRET_PREFIX = "whsec_"
RESPONSE_BODY_KEPT = 1000  # characters of each answer kept per attempt


def new_signing_secret() -> str:
    """A Standard Webhooks secret: ``whsec_`` and 32 random bytes in base64."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(32)).decode("ascii")


def new_message_id() -> str:
    return "msg_" + secrets.token_urlsafe(18)


class DisabledReason(models.TextChoices):
    MANUAL = "manual", "Switched off"
    GONE = "gone", "The endpoint answered 410 Gone"
    FAILING = "failing", "Failing for days"


class WebhookEndpoint(AuthoredTenantModel):
    url = models.CharField(max_length=2000)
    description = models.CharField(max_length=200, blank=True)
    # The event types it wants; empty means every type (today's and tomorrow's).
    event_types = models.JSONField(default=list, blank=True)
    is_active = models.BooleanField(default=True)
    disabled_reason = models.CharField(max_length=10, choices=DisabledReason.choices, blank=True)
    disabled_at = models.DateTimeField(null=True, blank=True)
    # The signing secret (shown once), and the one it replaced, which keeps signing beside it
    # until ``previous_secret_expires_at`` so receivers can switch without losing a delivery.
    # Encrypted at rest (core.crypto): a dump or a raw read of the table holds no secret.
    secret = EncryptedTextField(max_length=100, default=new_signing_secret)
    previous_secret = EncryptedTextField(max_length=100, blank=True)
    previous_secret_expires_at = models.DateTimeField(null=True, blank=True)
    # Since when every attempt has failed (None after a success): days of it switch it off.
    failing_since = models.DateTimeField(null=True, blank=True)

    class Meta(AuthoredTenantModel.Meta):
        indexes = [models.Index(fields=["agency", "is_active"], name="webhook_agency_active")]

    def __str__(self) -> str:
        return self.url

    def wants(self, event_type: str) -> bool:
        return not self.event_types or event_type in self.event_types

    @property
    def secret_hint(self) -> str:
        """Enough of the secret to tell which one a receiver holds, never the secret."""
        return f"{SECRET_PREFIX}…{self.secret[-4:]}"

    @property
    def previous_secret_valid_until(self) -> dt.datetime | None:
        """Until when the secret a rotation replaced still signs beside the current one."""
        expires = self.previous_secret_expires_at
        return expires if self.previous_secret and expires and expires > timezone.now() else None

    def signing_secrets(self, *, now: dt.datetime | None = None) -> list[str]:
        """The secrets that sign a delivery now: the current one, and the previous one during
        its 24 hours of overlap after a rotation."""
        now = now or timezone.now()
        keys = [self.secret]
        if (
            self.previous_secret
            and self.previous_secret_expires_at is not None
            and self.previous_secret_expires_at > now
        ):
            keys.append(self.previous_secret)
        return keys


class WebhookMessage(TenantModel):
    """One event as integrators receive it: the body is kept verbatim, so every retry and replay
    sends the very same bytes under the very same id."""

    public_id = models.CharField(max_length=40, unique=True, default=new_message_id)
    event_type = models.CharField(max_length=60)
    # The event-log row it was made from (None for a test event): one message per row.
    activity_id = models.BigIntegerField(null=True, blank=True)
    body = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "activity_id"],
                condition=models.Q(activity_id__isnull=False),
                name="uniq_webhook_message_activity",
            )
        ]

    def __str__(self) -> str:
        return f"{self.event_type} {self.public_id}"


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    RETRYING = "retrying", "Retrying"
    SUCCEEDED = "succeeded", "Succeeded"
    FAILED = "failed", "Failed"
    CANCELLED = "cancelled", "Cancelled"


WAITING_STATUSES = (DeliveryStatus.PENDING, DeliveryStatus.RETRYING)


class WebhookDelivery(TenantModel):
    endpoint = models.ForeignKey(
        WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries"
    )
    message = models.ForeignKey(WebhookMessage, on_delete=models.CASCADE, related_name="deliveries")
    # Denormalised from the message, so the log filters by type without a join.
    event_type = models.CharField(max_length=60)
    status = models.CharField(
        max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    # When a waiting delivery may next be tried (None once it has ended).
    next_attempt_at = models.DateTimeField(null=True, blank=True, default=timezone.now)
    last_status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)
    # A replay is a new delivery of the same message; who asked for it (or for a test event).
    replay_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="replays"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-id"]
        constraints = [
            # One delivery of an event per endpoint (a re-run fan-out makes no second one);
            # replays are the exception, and say which delivery they replay.
            models.UniqueConstraint(
                fields=["endpoint", "message"],
                condition=models.Q(replay_of__isnull=True),
                name="uniq_webhook_delivery",
            )
        ]
        indexes = [
            models.Index(fields=["endpoint", "-id"], name="webhook_delivery_log"),
            models.Index(
                fields=["endpoint", "next_attempt_at"],
                condition=models.Q(status__in=["pending", "retrying"]),
                name="webhook_delivery_due",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event_type} → {self.endpoint_id} ({self.status})"


class WebhookAttempt(TenantModel):
    delivery = models.ForeignKey(WebhookDelivery, on_delete=models.CASCADE, related_name="log")
    number = models.PositiveSmallIntegerField()
    started_at = models.DateTimeField()
    duration_ms = models.PositiveIntegerField(default=0)
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)
    response_body = models.TextField(blank=True)

    class Meta:
        ordering = ["delivery_id", "number"]

    def __str__(self) -> str:
        return f"attempt {self.number} of delivery {self.delivery_id}"
