"""Bookings and the payments received against them."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models

from accounts.tenancy import AuthoredTenantModel, TenantModel
from core.money import MONEY
from core.validation import validate_date_range
from crm.clients.models import Archivable, Client, recent_indexes
from crm.proposals.models import Proposal
from crm.trips.models import Itinerary


class BookingStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    CONFIRMED = "confirmed", "Confirmed"
    CANCELLED = "cancelled", "Cancelled"
    COMPLETED = "completed", "Completed"


class Booking(AuthoredTenantModel, Archivable):
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

    class Meta(AuthoredTenantModel.Meta):
        constraints = [
            models.UniqueConstraint(fields=["agency", "reference"], name="uniq_booking_reference")
        ]
        indexes = [
            *recent_indexes("book"),
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
