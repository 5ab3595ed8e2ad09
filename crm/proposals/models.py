"""Proposals: a priced offer sent to a client, answered on a shared link."""

from __future__ import annotations

import datetime as dt
import secrets
from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models

from accounts.tenancy import AuthoredTenantModel
from core.money import MONEY
from crm.clients.models import Client, NamesTravellers, Traveller, recent_indexes
from crm.trips.models import Itinerary


class ProposalStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SENT = "sent", "Sent"
    VIEWED = "viewed", "Viewed"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"
    EXPIRED = "expired", "Expired"


def new_share_token() -> str:
    return secrets.token_urlsafe(24)


class Proposal(AuthoredTenantModel, NamesTravellers):
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="proposals")
    # Who goes, among the client's travellers (the services check they are the client's).
    named_travellers = models.ManyToManyField(Traveller, blank=True, related_name="proposals")
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

    class Meta(AuthoredTenantModel.Meta):
        indexes = recent_indexes("prop")

    @property
    def trip_end_date(self) -> dt.date | None:
        return self.itinerary.end_date if self.itinerary_id and self.itinerary else None

    def __str__(self) -> str:
        return self.title
