"""The CRM domain: clients, itineraries (days, items), proposals, bookings, enquiries.

Every model here is a ``TenantModel`` (or hangs off one) and is read through
``objects.for_agency(...)``. Business rules live in ``crm.services`` and ``crm.selectors``.
"""

from __future__ import annotations

import secrets
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models

from accounts.tenancy import TenantModel

MONEY = {"max_digits": 12, "decimal_places": 2}
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

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["agency", "-created_at", "-id"], name="client_agency_created"),
            models.Index(fields=["agency", "status", "-created_at"], name="client_agency_status"),
            models.Index(fields=["agency", "email"], name="client_agency_email"),
        ]

    def __str__(self) -> str:
        return self.name


class ItineraryStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PROPOSED = "proposed", "Proposed"
    CONFIRMED = "confirmed", "Confirmed"
    COMPLETED = "completed", "Completed"
    CANCELLED = "cancelled", "Cancelled"


class Itinerary(TenantModel):
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="itineraries")
    title = models.CharField(max_length=200)
    status = models.CharField(
        max_length=10, choices=ItineraryStatus.choices, default=ItineraryStatus.DRAFT
    )
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    travellers = models.PositiveSmallIntegerField(default=1, validators=[MinValueValidator(1)])
    notes = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "itineraries"
        indexes = [
            models.Index(fields=["agency", "-created_at", "-id"], name="itin_agency_created"),
            models.Index(fields=["agency", "status", "-created_at"], name="itin_agency_status"),
            models.Index(fields=["agency", "start_date"], name="itin_agency_start"),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        validate_date_range(self)


class ItineraryDay(models.Model):
    itinerary = models.ForeignKey(Itinerary, on_delete=models.CASCADE, related_name="days")
    day_number = models.PositiveSmallIntegerField(validators=[MinValueValidator(1)])
    date = models.DateField(null=True, blank=True)
    title = models.CharField(max_length=200, blank=True)
    description = models.TextField(blank=True)
    location = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["itinerary", "day_number"]
        constraints = [
            models.UniqueConstraint(fields=["itinerary", "day_number"], name="uniq_itinerary_day")
        ]

    def __str__(self) -> str:
        return f"Day {self.day_number}: {self.title}"


class ItemKind(models.TextChoices):
    FLIGHT = "flight", "Flight"
    TRANSFER = "transfer", "Transfer"
    ACCOMMODATION = "accommodation", "Accommodation"
    ACTIVITY = "activity", "Activity"
    MEAL = "meal", "Meal"
    NOTE = "note", "Note"


class ItineraryItem(models.Model):
    day = models.ForeignKey(ItineraryDay, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(max_length=15, choices=ItemKind.choices, default=ItemKind.ACTIVITY)
    title = models.CharField(max_length=200)
    start_time = models.TimeField(null=True, blank=True)
    end_time = models.TimeField(null=True, blank=True)
    location = models.CharField(max_length=200, blank=True)
    supplier = models.CharField(max_length=200, blank=True)
    reference = models.CharField(max_length=100, blank=True)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["day", "position", "id"]

    def __str__(self) -> str:
        return self.title


class ProposalStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SENT = "sent", "Sent"
    VIEWED = "viewed", "Viewed"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"
    EXPIRED = "expired", "Expired"


def validate_date_range(record: models.Model) -> None:
    start, end = getattr(record, "start_date", None), getattr(record, "end_date", None)
    if start and end and end < start:
        raise ValidationError({"end_date": ["The end date cannot be before the start date."]})


def new_share_token() -> str:
    return secrets.token_urlsafe(24)


class Proposal(TenantModel):
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="proposals")
    itinerary = models.ForeignKey(
        Itinerary, null=True, blank=True, on_delete=models.SET_NULL, related_name="proposals"
    )
    title = models.CharField(max_length=200)
    status = models.CharField(
        max_length=10, choices=ProposalStatus.choices, default=ProposalStatus.DRAFT
    )
    currency = models.CharField(max_length=3, default="EUR")
    total_price = models.DecimalField(
        **MONEY, default=Decimal("0.00"), validators=[MinValueValidator(Decimal("0"))]
    )
    valid_until = models.DateField(null=True, blank=True)
    message = models.TextField(blank=True)
    # The client's read-only link; null when never shared or revoked.
    share_token = models.CharField(max_length=64, unique=True, null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    viewed_at = models.DateTimeField(null=True, blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["agency", "-created_at", "-id"], name="prop_agency_created"),
            models.Index(fields=["agency", "status", "-created_at"], name="prop_agency_status"),
        ]

    def __str__(self) -> str:
        return self.title


class BookingStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    CONFIRMED = "confirmed", "Confirmed"
    CANCELLED = "cancelled", "Cancelled"
    COMPLETED = "completed", "Completed"


class Booking(TenantModel):
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="bookings")
    proposal = models.ForeignKey(
        Proposal, null=True, blank=True, on_delete=models.SET_NULL, related_name="bookings"
    )
    itinerary = models.ForeignKey(
        Itinerary, null=True, blank=True, on_delete=models.SET_NULL, related_name="bookings"
    )
    reference = models.CharField(max_length=40)
    status = models.CharField(
        max_length=10, choices=BookingStatus.choices, default=BookingStatus.PENDING
    )
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    currency = models.CharField(max_length=3, default="EUR")
    total_price = models.DecimalField(
        **MONEY, default=Decimal("0.00"), validators=[MinValueValidator(Decimal("0"))]
    )
    amount_paid = models.DecimalField(
        **MONEY, default=Decimal("0.00"), validators=[MinValueValidator(Decimal("0"))]
    )
    supplier = models.CharField(max_length=200, blank=True)
    notes = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "reference"], name="uniq_booking_reference")
        ]
        indexes = [
            models.Index(fields=["agency", "-created_at", "-id"], name="book_agency_created"),
            models.Index(fields=["agency", "status", "-created_at"], name="book_agency_status"),
            models.Index(fields=["agency", "start_date"], name="book_agency_start"),
        ]

    def __str__(self) -> str:
        return self.reference

    def clean(self) -> None:
        validate_date_range(self)

    @property
    def balance_due(self) -> Decimal:
        return self.total_price - self.amount_paid


class Payment(TenantModel):
    """Money received against a booking; the booking's ``amount_paid`` is their sum."""

    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="payments")
    amount = models.DecimalField(**MONEY, validators=[MinValueValidator(Decimal("0.01"))])
    currency = models.CharField(max_length=3)
    paid_on = models.DateField()
    method = models.CharField(max_length=50, blank=True)
    reference = models.CharField(max_length=100, blank=True)
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["paid_on", "id"]

    def __str__(self) -> str:
        return f"{self.amount} {self.currency}"


def new_form_key() -> str:
    return "frm_" + secrets.token_urlsafe(18)


class EnquiryForm(TenantModel):
    """A website enquiry form: posts to a public endpoint by its unguessable key."""

    name = models.CharField(max_length=100)
    public_key = models.CharField(max_length=64, unique=True, default=new_form_key)
    allowed_origins = models.JSONField(default=list, blank=True)
    redirect_url = models.URLField(blank=True)
    notify_users = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Enquiry(TenantModel):
    """One submission of a website form, linked to the client it created or matched."""

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
    page_url = models.URLField(max_length=2000, blank=True)
    # Hash of (form, visitor, normalised content): repeats within a short window are dropped.
    fingerprint = models.CharField(max_length=64, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "enquiries"
        indexes = [
            models.Index(fields=["agency", "-created_at"], name="enq_agency_created"),
        ]

    def __str__(self) -> str:
        return f"{self.name or self.email} ({self.created_at:%Y-%m-%d})"


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
        constraints = [
            models.UniqueConstraint(fields=["scope", "key"], name="uniq_idempotency_scope_key")
        ]

    def __str__(self) -> str:
        return f"{self.scope}:{self.key}"
