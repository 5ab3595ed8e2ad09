"""Website enquiry forms and what they submitted."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models

from accounts.tenancy import TenantModel
from crm.clients.models import PHONE_MAX_LENGTH, Client


def new_form_key() -> str:
    return "frm_" + secrets.token_urlsafe(18)


class EnquiryStatus(models.TextChoices):
    NEW = "new", "New"
    IN_PROGRESS = "in_progress", "In progress"
    CONVERTED = "converted", "Converted"
    CLOSED = "closed", "Closed"


class Assignment(models.TextChoices):
    """Who a form's new enquiry goes to (``crm.enquiries.assignment``)."""

    UNASSIGNED = "unassigned", "Nobody (unassigned)"
    AGENT = "agent", "A fixed agent"
    ROUND_ROBIN = "round_robin", "Round-robin among chosen agents"
    CLIENT_AGENT = "client_agent", "The client's own agent (else unassigned)"


class EnquiryForm(TenantModel):
    """A website enquiry form: posts to a public endpoint by its unguessable key."""

    name = models.CharField(max_length=100)
    public_key = models.CharField(max_length=64, unique=True, default=new_form_key)
    allowed_origins = models.JSONField(default=list, blank=True)
    redirect_url = models.URLField(blank=True)
    notify_users = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")
    is_active = models.BooleanField(default=True)
    assignment = models.CharField(
        max_length=20, choices=Assignment.choices, default=Assignment.UNASSIGNED
    )
    assign_agent = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    rotation = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")
    # The round-robin's pointer: the agent the last enquiry went to (written under the form's
    # row lock, so two enquiries at once never take the same turn).
    rotation_last = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Enquiry(TenantModel):
    """One submission of a website form, linked to the client it created or matched."""

    visible_through = ("client__assigned_to", "assigned_to")

    form = models.ForeignKey(
        EnquiryForm, null=True, blank=True, on_delete=models.SET_NULL, related_name="enquiries"
    )
    client = models.ForeignKey(
        Client, null=True, blank=True, on_delete=models.SET_NULL, related_name="enquiries"
    )
    matched_existing = models.BooleanField(default=False)
    name = models.CharField(max_length=200, blank=True)
    email = models.EmailField(max_length=254, blank=True)
    phone = models.CharField(max_length=PHONE_MAX_LENGTH, blank=True)
    message = models.TextField(blank=True)
    destination = models.CharField(max_length=200, blank=True)
    travel_start = models.DateField(null=True, blank=True)
    travel_end = models.DateField(null=True, blank=True)
    travellers = models.PositiveSmallIntegerField(null=True, blank=True)
    budget = models.CharField(max_length=100, blank=True)
    extra = models.JSONField(default=dict, blank=True)
    raw = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        max_length=20, choices=EnquiryStatus.choices, default=EnquiryStatus.NEW
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_enquiries",
    )
    # The itinerary a conversion started (``enquiry_convert``).
    itinerary = models.ForeignKey(
        "crm.Itinerary", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status_changed_at = models.DateTimeField(null=True, blank=True)
    page_url = models.URLField(max_length=2000, blank=True)
    # Hash of (form, visitor, normalised content): repeats within a short window are dropped.
    fingerprint = models.CharField(max_length=64, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "enquiries"
        indexes = [
            models.Index(fields=["agency", "-created_at"], name="enq_agency_created"),
            models.Index(fields=["agency", "status", "-created_at"], name="enq_agency_status"),
        ]

    def __str__(self) -> str:
        return f"{self.name or self.email} ({self.created_at:%Y-%m-%d})"
