"""Clients and leads: the people an agency sells travel to."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Upper
from django.utils import timezone

from accounts.tenancy import AuthoredTenantModel
from core.crypto import EncryptedTextField, mask
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
    visible_through = ("assigned_to",)

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


class Gender(models.TextChoices):
    """As printed in the passport (ICAO 9303: M, F, or X for unspecified)."""

    MALE = "M", "Male"
    FEMALE = "F", "Female"
    UNSPECIFIED = "X", "Unspecified (X)"


# The document numbers: encrypted at rest, masked everywhere, shown only on an audited reveal.
DOCUMENT_FIELDS = ("passport_number", "known_traveller_number", "redress_number")
DOCUMENT_MAX_LENGTH = 50


class Traveller(AuthoredTenantModel):
    """Someone who travels on a client's account: the client themself (``is_lead``), their
    household, a company's staff. Names and gender are as in the passport."""

    visible_through = ("client__assigned_to",)

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="travellers")
    first_name = models.CharField(max_length=100)
    middle_name = models.CharField(max_length=100, blank=True)
    last_name = models.CharField(max_length=100)
    date_of_birth = models.DateField(null=True, blank=True)
    gender = models.CharField(max_length=1, choices=Gender.choices, blank=True)
    # ISO 3166-1 alpha-2 codes (core.iso), as a passport's machine-readable zone has them.
    nationality = models.CharField(max_length=2, blank=True)
    passport_number = EncryptedTextField(max_length=DOCUMENT_MAX_LENGTH, blank=True)
    passport_country = models.CharField(max_length=2, blank=True)
    passport_issued_on = models.DateField(null=True, blank=True)
    passport_expires_on = models.DateField(null=True, blank=True)
    known_traveller_number = EncryptedTextField(max_length=DOCUMENT_MAX_LENGTH, blank=True)
    redress_number = EncryptedTextField(max_length=DOCUMENT_MAX_LENGTH, blank=True)
    # [{"programme": "British Airways Executive Club", "number": "12345678"}, ...]
    frequent_flyer = models.JSONField(default=list, blank=True)
    hotel_loyalty = models.JSONField(default=list, blank=True)
    dietary_needs = models.CharField(max_length=500, blank=True)
    mobility_needs = models.CharField(max_length=500, blank=True)
    seat_preference = models.CharField(max_length=100, blank=True)
    room_preference = models.CharField(max_length=200, blank=True)
    emergency_contact_name = models.CharField(max_length=200, blank=True)
    emergency_contact_phone = models.CharField(max_length=PHONE_MAX_LENGTH, blank=True)
    emergency_contact_relation = models.CharField(max_length=100, blank=True)
    is_lead = models.BooleanField(
        default=False, help_text="The client themself (at most one per client)."
    )

    class Meta(AuthoredTenantModel.Meta):
        ordering = ["-is_lead", "last_name", "first_name", "id"]
        indexes = [models.Index(fields=["agency", "client"], name="traveller_agency_client")]
        constraints = [
            models.UniqueConstraint(
                fields=["client"], condition=models.Q(is_lead=True), name="traveller_one_lead"
            )
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.middle_name, self.last_name) if p)

    def masked(self, field: str) -> str:
        return mask(getattr(self, field))

    @property
    def masked_passport_number(self) -> str:
        return mask(self.passport_number)

    @property
    def masked_known_traveller_number(self) -> str:
        return mask(self.known_traveller_number)

    @property
    def masked_redress_number(self) -> str:
        return mask(self.redress_number)

    @property
    def emergency_contact(self) -> Traveller:
        """The emergency contact's fields (``emergency_contact_*``), for the API's object."""
        return self

    def clean(self) -> None:
        today = timezone.localdate()
        errors: dict[str, list[str]] = {}
        if self.date_of_birth and self.date_of_birth > today:
            errors["date_of_birth"] = ["The date of birth must be in the past."]
        issued, expires = self.passport_issued_on, self.passport_expires_on
        if issued and issued > today:
            errors["passport_issued_on"] = ["The issue date cannot be in the future."]
        if issued and self.date_of_birth and issued < self.date_of_birth:
            errors["passport_issued_on"] = ["The passport cannot be issued before birth."]
        if issued and expires and expires <= issued:
            errors["passport_expires_on"] = ["The expiry date must be after the issue date."]
        if errors:
            raise ValidationError(errors)


# Passport validity ---------------------------------------------------------------------------

# A passport should be valid this many months after the trip ends (most countries ask 6).
PASSPORT_MONTHS_AFTER_RETURN = 6


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


@dataclass(frozen=True)
class PassportWarning:
    traveller_id: int
    name: str
    passport_expires_on: dt.date | None
    message: str


def passport_warnings(
    *, travellers: Sequence[Traveller], end_date: dt.date | None
) -> list[PassportWarning]:
    """A warning for each traveller whose passport expires before ``end_date`` plus six months
    (the trip's return); no end date, no warning. A traveller with no expiry recorded is not
    warned about (the agency may not hold the passport yet)."""
    if end_date is None:
        return []
    needed = add_months(end_date, PASSPORT_MONTHS_AFTER_RETURN)
    warnings = []
    for traveller in travellers:
        expires = traveller.passport_expires_on
        if expires is None or expires >= needed:
            continue
        when = "before the trip ends" if expires < end_date else "within 6 months of the return"
        warnings.append(
            PassportWarning(
                traveller_id=traveller.pk,
                name=traveller.full_name,
                passport_expires_on=expires,
                message=f"The passport of {traveller.full_name} expires on "
                f"{expires.isoformat()}, {when} ({end_date.isoformat()}).",
            )
        )
    return warnings


class NamesTravellers:
    """Who goes on an itinerary, proposal or booking (its ``named_travellers``), as the API and
    the pages show it. ``trip_end_date`` is the return date the passports are checked against."""

    named_travellers: Any

    @property
    def trip_end_date(self) -> dt.date | None:
        return getattr(self, "end_date", None)

    @property
    def traveller_list(self) -> list[Traveller]:
        # One read per record (the ids and the warnings both use it); a prefetch fills it.
        return list(self.named_travellers.all())

    @property
    def traveller_ids(self) -> list[int]:
        return [t.pk for t in self.traveller_list]

    @property
    def passport_warnings(self) -> list[PassportWarning]:
        return passport_warnings(travellers=self.traveller_list, end_date=self.trip_end_date)
