"""Clients and leads: the people an agency sells travel to."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models.functions import Upper

from accounts.tenancy import AuthoredTenantModel
from crm.clients.phones import E164_MAX_LENGTH, phone_e164, region_for_timezone

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


class ClientKind(models.TextChoices):
    PERSON = "person", "Person"
    COMPANY = "company", "Company"


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
    # A person, or a company (a corporate account) whose contacts are people among the
    # agency's clients (``company_client``); ``company`` stays the name as typed.
    # db_default: rows inserted outside the ORM (bench/datagen's COPY) are people.
    kind = models.CharField(
        max_length=10,
        choices=ClientKind.choices,
        default=ClientKind.PERSON,
        db_default=ClientKind.PERSON,
    )
    name = models.CharField(max_length=200)
    email = models.EmailField(max_length=254, blank=True)
    phone = models.CharField(max_length=PHONE_MAX_LENGTH, blank=True)
    # Derived from ``phone`` on every save (crm.clients.phones): what duplicates match on.
    phone_e164 = models.CharField(
        max_length=E164_MAX_LENGTH, blank=True, editable=False, default="", db_default=""
    )
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
    # A person's company among the agency's clients (one of kind "company"): its contact.
    company_client = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contacts",
        verbose_name="company",
    )

    class Meta(AuthoredTenantModel.Meta):
        indexes = [
            *recent_indexes("client"),
            models.Index(fields=["agency", "email"], name="client_agency_email"),
            # Emails are compared case-insensitively (``email__iexact`` is UPPER() = UPPER()).
            models.Index("agency", Upper("email"), name="client_agency_email_ci"),
            models.Index(fields=["agency", "phone_e164"], name="client_agency_phone_e164"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "phone" in update_fields:
            self.phone_e164 = phone_e164(self.phone, region_for_timezone(self.agency.timezone))
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "phone_e164"}
        super().save(*args, **kwargs)
