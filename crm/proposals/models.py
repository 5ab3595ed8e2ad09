"""Proposals: a priced offer sent to a client, answered on a shared link."""

from __future__ import annotations

import datetime as dt
import secrets
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.core.validators import MinValueValidator
from django.db import models

from accounts.tenancy import AuthoredTenantModel, TenantModel
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
    visible_through = ("client__assigned_to",)

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
    # The client's read-only link; null until first sent. Revoking keeps the token (the link
    # then shows a clear "deactivated" page) and stamps ``link_revoked_at``; re-activating
    # clears it.
    share_token = models.CharField(max_length=64, unique=True, null=True, blank=True)
    link_revoked_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    viewed_at = models.DateTimeField(null=True, blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta(AuthoredTenantModel.Meta):
        indexes = [
            *recent_indexes("prop"),
            # Home's "awaiting an answer", oldest sent first: the first six of an index, not a
            # sort of every open proposal (25 ms for 7,200 of them at 1M clients). Written as an
            # OR, which PostgreSQL prints back unchanged (an IN is printed as an ARRAY that
            # reads back differently: the bench load's index rebuild would not round-trip).
            models.Index(
                fields=["agency", "sent_at", "id"],
                condition=models.Q(status="sent") | models.Q(status="viewed"),
                name="prop_awaiting_answer",
            ),
        ]

    @property
    def trip_end_date(self) -> dt.date | None:
        return self.itinerary.end_date if self.itinerary_id and self.itinerary else None

    def __str__(self) -> str:
        return self.title

    @property
    def signed(self) -> Acceptance | None:
        """The client's e-signature, or None (reads the reverse one-to-one safely)."""
        try:
            return self.acceptance
        except ObjectDoesNotExist:
            return None

    @property
    def current_version(self) -> int | None:
        """The number of the latest version sent (annotated by the selectors, else read)."""
        if hasattr(self, "current_version_number"):
            return self.current_version_number
        return (
            self.versions.order_by("-number").values_list("number", flat=True).first()
            if self.pk
            else None
        )


class FrozenRowError(Exception):
    """A frozen row (a sent version, an acceptance) was about to be changed."""


class TermsVersion(TenantModel):
    """One published version of an agency's terms and conditions: never edited, only
    superseded by the next number."""

    number = models.PositiveIntegerField()
    text = models.TextField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "number"], name="terms_number_per_agency")
        ]

    def __str__(self) -> str:
        return f"Terms v{self.number}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise FrozenRowError("A published terms version never changes; publish a new one.")
        super().save(*args, **kwargs)


class ProposalVersion(TenantModel):
    """What the client was sent: a frozen snapshot of the proposal (``content``, see
    ``crm.proposals.versions``) and the SHA-256 of its canonical JSON. Only its view counters
    ever change after it is written."""

    visible_through = ("proposal__client__assigned_to",)

    COUNTERS = frozenset({"view_count", "last_viewed_at"})

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    content = models.JSONField()
    content_sha256 = models.CharField(max_length=64)
    terms = models.ForeignKey(
        TermsVersion, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    sent_at = models.DateTimeField()
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    view_count = models.PositiveIntegerField(default=0)
    last_viewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["proposal_id", "number"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "number"], name="version_number_per_prop")
        ]

    def __str__(self) -> str:
        return f"{self.proposal_id} v{self.number}"

    @property
    def is_accepted(self) -> bool:
        return hasattr(self, "acceptance")

    @property
    def terms_number(self) -> int | None:
        """The terms version this version carries (as frozen in its content)."""
        terms = (self.content or {}).get("terms")
        return terms["version"] if terms else None

    def save(self, *args: Any, **kwargs: Any) -> None:
        fields = kwargs.get("update_fields")
        if self.pk is not None and not (fields and set(fields) <= self.COUNTERS):
            raise FrozenRowError("A sent proposal version is frozen; send a new version instead.")
        super().save(*args, **kwargs)


class Acceptance(TenantModel):
    """The client's e-signature: who typed which name, when, from where, on which frozen
    version (and its hash) under which terms. Written once, never changed."""

    visible_through = ("proposal__client__assigned_to",)

    proposal = models.OneToOneField(Proposal, on_delete=models.CASCADE, related_name="acceptance")
    version = models.OneToOneField(
        ProposalVersion, on_delete=models.PROTECT, related_name="acceptance"
    )
    version_number = models.PositiveIntegerField()
    terms = models.ForeignKey(
        TermsVersion, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    terms_version = models.PositiveIntegerField(null=True, blank=True)
    full_name = models.CharField(max_length=200)
    accepted_at = models.DateTimeField()
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=500, blank=True)
    content_sha256 = models.CharField(max_length=64)
    # The option the client picked and the optional extras ticked, as the frozen version
    # priced them (``{"option_id", "title", "lines": [...], "extras": [ids]}``; empty for a
    # version without options), and the total they accepted: what the booking is made from.
    choice = models.JSONField(default=dict, blank=True)
    total_price = models.DecimalField(**MONEY, null=True, blank=True)
    currency = models.CharField(max_length=3, blank=True)

    def __str__(self) -> str:
        return f"Acceptance of {self.proposal_id} v{self.version_number}"

    @property
    def choice_or_none(self) -> dict[str, Any] | None:
        return self.choice or None

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise FrozenRowError("An acceptance is a record; it never changes.")
        super().save(*args, **kwargs)


class ProposalOption(models.Model):
    """One way of doing the trip ("4-star", "5-star with a private guide"), priced by its
    line items; the client picks one when accepting. Scoped through its proposal."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="options")
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True, max_length=2_000)

    class Meta:
        ordering = ["proposal_id", "position", "id"]

    def __str__(self) -> str:
        return self.title

    @property
    def total(self) -> Decimal:
        """The sum of its required lines (reads prefetched lines when there are)."""
        return sum((line.amount for line in self.lines.all() if not line.optional), Decimal("0.00"))


class ProposalLineItem(models.Model):
    """A priced line of an option: required lines make the option's total; an optional one
    is an extra the client may tick."""

    option = models.ForeignKey(ProposalOption, on_delete=models.CASCADE, related_name="lines")
    position = models.PositiveSmallIntegerField(default=0)
    description = models.CharField(max_length=300)
    quantity = models.PositiveIntegerField(default=1, validators=[MinValueValidator(1)])
    unit_price = models.DecimalField(
        **MONEY, default=Decimal("0.00"), validators=[MinValueValidator(Decimal("0"))]
    )
    optional = models.BooleanField(default=False)

    class Meta:
        ordering = ["option_id", "position", "id"]

    def __str__(self) -> str:
        return self.description

    @property
    def amount(self) -> Decimal:
        return self.unit_price * self.quantity


class RenderedPdfStatus(models.TextChoices):
    PENDING = "pending", "Being prepared"
    READY = "ready", "Ready"
    FAILED = "failed", "Failed"


class RenderedPdf(TenantModel):
    """A large PDF rendered by a job (``crm.proposals.rendering``): the HTML it is made of,
    keyed by its SHA-256 (the same document asked for twice is rendered once), then the bytes."""

    html_sha256 = models.CharField(max_length=64)
    html = models.TextField()
    filename = models.CharField(max_length=200)
    status = models.CharField(
        max_length=10, choices=RenderedPdfStatus.choices, default=RenderedPdfStatus.PENDING
    )
    content = models.BinaryField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    rendered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agency", "html_sha256"], name="rendered_pdf_once")
        ]

    def __str__(self) -> str:
        return self.filename


class VersionEmail(TenantModel):
    """A proposal version emailed to the client: the outbox row (``core.OutboundEmail``) it
    became, so the delivery job attaches that version's PDF (``crm.proposals.emails``)."""

    visible_through = ("version__proposal__client__assigned_to",)

    outbound_email_id = models.BigIntegerField(unique=True)
    version = models.ForeignKey(ProposalVersion, on_delete=models.CASCADE, related_name="emails")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"email {self.outbound_email_id} of {self.version}"
