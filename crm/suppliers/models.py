"""Suppliers: the airlines, hotels, ground handlers and others an agency books services with."""

from __future__ import annotations

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower

from accounts.tenancy import AuthoredTenantModel
from crm.clients.models import PHONE_MAX_LENGTH, Archivable


class SupplierType(models.TextChoices):
    AIRLINE = "airline", "Airline"
    HOTEL = "hotel", "Hotel"
    DMC = "dmc", "DMC / ground handler"
    CRUISE = "cruise", "Cruise line"
    TOUR_OPERATOR = "tour_operator", "Tour operator"
    TRANSFER = "transfer", "Transfer"
    INSURANCE = "insurance", "Insurance"
    RAIL = "rail", "Rail"
    CAR_HIRE = "car_hire", "Car hire"
    OTHER = "other", "Other"


class Supplier(AuthoredTenantModel, Archivable):
    name = models.CharField(max_length=200)
    type = models.CharField(max_length=20, choices=SupplierType.choices, default=SupplierType.OTHER)
    email = models.EmailField(max_length=254, blank=True)
    phone = models.CharField(max_length=PHONE_MAX_LENGTH, blank=True)
    website = models.URLField(max_length=300, blank=True)
    # Blank: the supplier invoices in whatever currency the booking is in.
    currency = models.CharField(max_length=3, blank=True)
    default_commission_rate = models.DecimalField(
        max_digits=5,
        decimal_places=2,
        default=Decimal("0.00"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))],
        help_text="Percent of a service's price the supplier pays the agency.",
    )
    payment_terms = models.CharField(max_length=200, blank=True)
    notes = models.TextField(blank=True)

    class Meta(AuthoredTenantModel.Meta):
        constraints = [
            models.UniqueConstraint("agency", Lower("name"), name="uniq_supplier_name_ci"),
        ]
        indexes = [
            models.Index(fields=["agency", "-created_at", "-id"], name="supplier_agency_created"),
            models.Index(fields=["agency", "type"], name="supplier_agency_type"),
        ]

    def __str__(self) -> str:
        return self.name


class SupplierContact(models.Model):
    """A person at the supplier (reservations, accounts, the duty manager)."""

    supplier = models.ForeignKey(Supplier, on_delete=models.CASCADE, related_name="contacts")
    position = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(max_length=200)
    role = models.CharField(max_length=100, blank=True)
    email = models.EmailField(max_length=254, blank=True)
    phone = models.CharField(max_length=PHONE_MAX_LENGTH, blank=True)

    class Meta:
        ordering = ["supplier", "position", "id"]

    def __str__(self) -> str:
        return self.name
