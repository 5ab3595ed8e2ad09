"""Clients and leads: the people an agency sells travel to."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from accounts.tenancy import TenantModel

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


class Client(TenantModel):
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
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=False)
    updated_at = models.DateTimeField(auto_now=True)
    # Archived clients leave the lists but keep everything attached (see crm.clients.archive).
    archived_at = models.DateTimeField(null=True, blank=True)
    archived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["agency", "-created_at", "-id"], name="client_agency_created"),
            models.Index(fields=["agency", "status", "-created_at"], name="client_agency_status"),
            models.Index(fields=["agency", "email"], name="client_agency_email"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None
