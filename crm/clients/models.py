"""Clients and leads: the people an agency sells travel to."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from accounts.tenancy import AuthoredTenantModel

# Generous: a lead's phone is stored as typed ("+44 20 7946 0958 ext. 12, ask for Maria").
PHONE_MAX_LENGTH = 100


class ClientStatus(models.TextChoices):
    LEAD = "lead", "Lead"
    ACTIVE = "active", "Active"
    INACTIVE = "inactive", "Inactive"


class ClientSource(models.TextChoices):
    API = "api", "API"
    DASHBOARD = "dashboard", "Dashboard"
    WEB_FORM = "web_form", "Website form"
    IMPORT = "import", "Import"


def recent_indexes(prefix: str) -> list[models.Index]:
    """The two indexes every newest-first list of an agency's records reads: all of them, and
    one status. ``prefix`` keeps the names the migrations already gave them."""
    return [
        models.Index(fields=["agency", "-created_at", "-id"], name=f"{prefix}_agency_created"),
        models.Index(fields=["agency", "status", "-created_at"], name=f"{prefix}_agency_status"),
    ]


class Archivable(models.Model):
    """Archived records leave the lists but keep everything attached (see crm.clients.archive
    and crm.bookings.archive); restoring clears both fields."""

    archived_at = models.DateTimeField(null=True, blank=True)
    archived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        abstract = True

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None


class Client(AuthoredTenantModel, Archivable):
    visible_through = ("assigned_to",)

    name = models.CharField(max_length=200)
    email = models.EmailField(max_length=254, blank=True)
    phone = models.CharField(max_length=PHONE_MAX_LENGTH, blank=True)
    company = models.CharField(max_length=200, blank=True)
    city = models.CharField(max_length=100, blank=True)
    country = models.CharField(max_length=100, blank=True)
    nationality = models.CharField(max_length=100, blank=True)
    notes = models.TextField(blank=True)
    tags = models.JSONField(default=list, blank=True)
    status = models.CharField(
        max_length=10, choices=ClientStatus.choices, default=ClientStatus.LEAD
    )
    source = models.CharField(
        max_length=10, choices=ClientSource.choices, default=ClientSource.DASHBOARD
    )
    # What a website form or import sent, as given (raw submission, page URL, time).
    source_details = models.JSONField(default=dict, blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_clients",
    )

    class Meta(AuthoredTenantModel.Meta):
        indexes = [
            *recent_indexes("client"),
            models.Index(fields=["agency", "email"], name="client_agency_email"),
        ]

    def __str__(self) -> str:
        return self.name
