"""Tasks: something an agent has to do for a client by a date (reply to a lead, follow up a
proposal, collect a payment), typed by people or made by the automatic follow-ups; and each
agency's switches for those follow-ups."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from accounts.tenancy import AuthoredTenantModel, TenantModel


class TaskPriority(models.TextChoices):
    LOW = "low", "Low"
    NORMAL = "normal", "Normal"
    HIGH = "high", "High"


class TaskSource(models.TextChoices):
    MANUAL = "manual", "Added by hand"
    LEAD_REPLY = "lead_reply", "New lead"
    PROPOSAL_FOLLOW_UP = "proposal_follow_up", "Proposal unanswered"
    COLLECT_PAYMENT = "collect_payment", "Instalment due"


class Task(AuthoredTenantModel):
    visible_through = ("client__assigned_to",)

    title = models.CharField(max_length=200)
    notes = models.TextField(blank=True)
    # The day (and optionally the time) it is due, in the agency's timezone.
    due_date = models.DateField()
    due_time = models.TimeField(null=True, blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_tasks",
    )
    priority = models.CharField(
        max_length=10, choices=TaskPriority.choices, default=TaskPriority.NORMAL
    )
    client = models.ForeignKey("crm.Client", on_delete=models.CASCADE, related_name="tasks")
    itinerary = models.ForeignKey(
        "crm.Itinerary", null=True, blank=True, on_delete=models.SET_NULL, related_name="tasks"
    )
    proposal = models.ForeignKey(
        "crm.Proposal", null=True, blank=True, on_delete=models.SET_NULL, related_name="tasks"
    )
    booking = models.ForeignKey(
        "crm.Booking", null=True, blank=True, on_delete=models.SET_NULL, related_name="tasks"
    )
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source = models.CharField(max_length=20, choices=TaskSource.choices, default=TaskSource.MANUAL)
    # What an automatic task is for ("lead_reply:41"), unique in the agency: a job run twice,
    # racing workers or the next hourly run find it taken and make no second task. Empty for
    # tasks people add.
    occasion = models.CharField(max_length=200, blank=True, default="")

    class Meta(AuthoredTenantModel.Meta):
        ordering = ["due_date", "due_time", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "occasion"],
                condition=~models.Q(occasion=""),
                name="task_occasion_unique",
            ),
        ]
        indexes = [
            models.Index(
                fields=["agency", "assignee", "due_date"],
                condition=models.Q(done_at__isnull=True),
                name="task_open_assignee_due",
            ),
            models.Index(fields=["agency", "client", "due_date"], name="task_client_due"),
            models.Index(fields=["agency", "due_date"], name="task_agency_due"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_done(self) -> bool:
        return self.done_at is not None


class FollowUpSettings(TenantModel):
    """An agency's automatic follow-ups, each switchable (all on by default: a row exists
    only once an owner or admin changed something)."""

    lead_reply = models.BooleanField(
        default=True, help_text="A new lead becomes a “Reply to …” task due in 1 business day."
    )
    proposal_follow_up = models.BooleanField(
        default=True,
        help_text="A sent proposal with no answer after the days below becomes a “Follow up” task.",
    )
    proposal_follow_up_days = models.PositiveSmallIntegerField(
        default=3, validators=[MinValueValidator(1), MaxValueValidator(60)]
    )
    collect_payment = models.BooleanField(
        default=True,
        help_text="An instalment due within 7 days and not paid becomes a “Collect payment” task.",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agency"], name="follow_up_settings_one_per_agency")
        ]

    def __str__(self) -> str:
        return f"Follow-ups of agency {self.agency_id}"
