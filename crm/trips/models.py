"""Itineraries: a trip's day-by-day plan (days, each with ordered items)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from django.core.validators import MinValueValidator
from django.db import models

from accounts.tenancy import AuthoredTenantModel
from core.validation import validate_date_range
from crm.clients.models import Client, NamesTravellers, Traveller, recent_indexes
from crm.suppliers.models import Supplier


class ItineraryStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PROPOSED = "proposed", "Proposed"
    CONFIRMED = "confirmed", "Confirmed"
    COMPLETED = "completed", "Completed"
    CANCELLED = "cancelled", "Cancelled"


class Itinerary(AuthoredTenantModel, NamesTravellers):
    visible_through = ("client__assigned_to",)

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="itineraries")
    # Who goes, among the client's travellers (the services check they are the client's).
    named_travellers = models.ManyToManyField(Traveller, blank=True, related_name="itineraries")
    title = models.CharField(max_length=200)
    status = models.CharField(
        max_length=10, choices=ItineraryStatus.choices, default=ItineraryStatus.DRAFT
    )
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    travellers = models.PositiveSmallIntegerField(default=1, validators=[MinValueValidator(1)])
    notes = models.TextField(blank=True)

    class Meta(AuthoredTenantModel.Meta):
        verbose_name_plural = "itineraries"
        indexes = [
            *recent_indexes("itin"),
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
    supplier = models.ForeignKey(
        Supplier, null=True, blank=True, on_delete=models.RESTRICT, related_name="itinerary_items"
    )
    reference = models.CharField(max_length=100, blank=True)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["day", "position", "id"]

    def __str__(self) -> str:
        return self.title

    @property
    def supplier_name(self) -> str:
        """The linked supplier's name (load it with ``select_related("supplier")``)."""
        return self.supplier.name if self.supplier is not None else ""


class ItineraryTemplate(AuthoredTenantModel):
    """An agency's saved plan to start itineraries from: days with their items, numbered but
    never dated, for no client and no travellers (``crm.trips.templates``).

    Its own model rather than an ``Itinerary`` flagged as a template: every read of
    itineraries (lists, counts, the client's page, PDFs, the visibility rule through the
    client) stays as it is. The plan is stored as the list ``itinerary_create`` takes
    (``days``: ``day_number``, ``title``, ``description``, ``location``, ``items``)."""

    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    days = models.JSONField(default=list, blank=True)

    class Meta(AuthoredTenantModel.Meta):
        indexes = [
            models.Index(fields=["agency", "-created_at", "-id"], name="itpl_agency_created")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def day_count(self) -> int:
        return len(self.days or [])

    @property
    def item_count(self) -> int:
        return sum(len(day.get("items") or []) for day in self.days or [])

    @property
    def plan(self) -> list[SimpleNamespace]:
        """The stored days as records (``day.items``; times as ``datetime.time``), for pages
        and serializers that read attributes."""
        days = []
        for day in self.days or []:
            items = []
            for item in day.get("items") or []:
                fields = dict(item)
                for name in ("start_time", "end_time"):
                    if isinstance(fields.get(name), str):
                        fields[name] = dt.time.fromisoformat(fields[name])
                items.append(SimpleNamespace(**fields))
            days.append(SimpleNamespace(**{**day, "items": items}))
        return days


class LibraryItem(AuthoredTenantModel):
    """An agency's saved item to insert into any day of any itinerary (``crm.trips.library``):
    a hotel, a transfer, an activity with its supplier and description.

    The reusable parts of an ``ItineraryItem`` only: no day, no position and no reference (a
    confirmation number belongs to one trip). Inserting copies it into a day; the copy and the
    library item are unrelated from then on."""

    kind = models.CharField(max_length=15, choices=ItemKind.choices, default=ItemKind.ACTIVITY)
    title = models.CharField(max_length=200)
    location = models.CharField(max_length=200, blank=True)
    # As an itinerary item's: a supplier a library item names cannot be deleted (archive it).
    supplier = models.ForeignKey(
        Supplier, null=True, blank=True, on_delete=models.RESTRICT, related_name="library_items"
    )
    start_time = models.TimeField(null=True, blank=True)
    end_time = models.TimeField(null=True, blank=True)
    notes = models.TextField(blank=True)

    class Meta(AuthoredTenantModel.Meta):
        indexes = [
            models.Index(fields=["agency", "-created_at", "-id"], name="libitem_agency_created"),
            models.Index(fields=["agency", "kind", "-created_at"], name="libitem_agency_kind"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def supplier_name(self) -> str:
        """The linked supplier's name (load it with ``select_related("supplier")``)."""
        return self.supplier.name if self.supplier is not None else ""
