"""A notification: one sentence for one member of the agency, about one record, with a link
into the dashboard; unread until they open it or mark it read."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from accounts.tenancy import TenantModel


class NotificationKind(models.TextChoices):
    PROPOSAL_VIEWED = "proposal.viewed", "Proposal opened"
    PROPOSAL_ACCEPTED = "proposal.accepted", "Proposal accepted"
    PROPOSAL_DECLINED = "proposal.declined", "Proposal declined"
    ENQUIRY_RECEIVED = "enquiry.received", "New enquiry"
    PROPOSAL_EXPIRING = "reminder.proposal_expiring", "Proposal expiring"
    BALANCE_DUE = "reminder.balance_due", "Balance due"
    WEBHOOK_DISABLED = "webhook.disabled", "Webhook switched off"
    INSTALMENT_DUE = "reminder.instalment_due", "Instalment due"
    INSTALMENT_OVERDUE = "reminder.instalment_overdue", "Instalment overdue"
    TASK_DUE = "task.due", "Task due"


class Notification(TenantModel):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=40, choices=NotificationKind.choices)
    # What it is about: the record (``proposal`` 12) and its client, for links and history.
    object_type = models.CharField(max_length=40)
    object_id = models.BigIntegerField(null=True, blank=True)
    client_id = models.BigIntegerField(null=True, blank=True)
    text = models.CharField(max_length=300)
    link = models.CharField(max_length=300, blank=True)  # a path within the dashboard
    # The occasion, unique in the agency: a job that runs twice, or a reminder's next run,
    # finds it taken and tells nobody a second time ("reminder.balance_due:41:2027-03-01").
    occasion = models.CharField(max_length=200)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "occasion"], name="notification_occasion_unique"
            ),
        ]
        indexes = [
            models.Index(
                fields=["agency", "recipient", "-created_at"], name="notification_recipient"
            ),
            # The bell's COUNT on every page: only the unread rows are in it.
            models.Index(
                fields=["agency", "recipient"],
                condition=models.Q(read_at__isnull=True),
                name="notification_unread",
            ),
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def is_read(self) -> bool:
        return self.read_at is not None
