"""Bookings and the payments received against them."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.functional import cached_property

from accounts.tenancy import AuthoredTenantModel, TenantModel
from core.money import MONEY
from core.validation import validate_date_range
from crm.bookings.allocation import Schedule, allocate, local_today
from crm.clients.models import Archivable, Client, NamesTravellers, Traveller, recent_indexes
from crm.proposals.models import Proposal
from crm.suppliers.models import Supplier
from crm.trips.models import Itinerary


class BookingStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    CONFIRMED = "confirmed", "Confirmed"
    CANCELLED = "cancelled", "Cancelled"
    COMPLETED = "completed", "Completed"


class Booking(AuthoredTenantModel, Archivable, NamesTravellers):
    visible_through = ("client__assigned_to",)

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="bookings")
    # Who goes, among the client's travellers (the services check they are the client's).
    named_travellers = models.ManyToManyField(Traveller, blank=True, related_name="bookings")
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
    # Derived from the booking's services by crm.bookings.financials.booking_recompute, their
    # one writer (with total_price, once the booking has services); stored for cheap lists.
    # A database default too: rows written without the ORM (the bench loader's COPY) are zero.
    total_cost = models.DecimalField(**MONEY, default=Decimal("0.00"), db_default=Decimal("0.00"))
    commission_expected = models.DecimalField(
        **MONEY, default=Decimal("0.00"), db_default=Decimal("0.00")
    )
    # The non-voided commission receipts of its services that are not cancelled: written by
    # booking_recompute too, never typed.
    commission_received = models.DecimalField(
        **MONEY, default=Decimal("0.00"), db_default=Decimal("0.00")
    )
    supplier = models.ForeignKey(
        Supplier, null=True, blank=True, on_delete=models.RESTRICT, related_name="bookings"
    )
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
        """What the client still owes; never negative (money paid beyond the total is
        ``credit_balance``)."""
        return max(self.total_price - self.amount_paid, Decimal("0.00"))

    @property
    def credit_balance(self) -> Decimal:
        """Money paid beyond the total (recorded explicitly as a credit), owed back or kept."""
        return max(self.amount_paid - self.total_price, Decimal("0.00"))

    @property
    def margin(self) -> Decimal:
        return self.total_price - self.total_cost

    @property
    def commission_outstanding(self) -> Decimal:
        return self.commission_expected - self.commission_received

    @property
    def supplier_name(self) -> str:
        """The linked supplier's name (load it with ``select_related("supplier")``)."""
        return self.supplier.name if self.supplier is not None else ""

    @cached_property
    def schedule(self) -> Schedule:
        """The payment schedule with each instalment's state derived from ``amount_paid``
        (``allocation.py``), as of the agency's today; reads prefetched instalments."""
        instalments = list(self.instalments.all())
        return Schedule(
            instalments=allocate(
                instalments, paid=self.amount_paid, today=local_today(self.agency.timezone)
            ),
            total=sum((i.amount for i in instalments), Decimal("0.00")),
            booking_total=self.total_price,
            currency=self.currency,
        )


class PaymentKind(models.TextChoices):
    PAYMENT = "payment", "Payment"
    REFUND = "refund", "Refund"


class PaymentMethod(models.TextChoices):
    BANK_TRANSFER = "bank_transfer", "Bank transfer"
    CARD = "card", "Card"
    CASH = "cash", "Cash"
    CHEQUE = "cheque", "Cheque"
    VOUCHER = "voucher", "Voucher"
    OTHER = "other", "Other"


class Payment(TenantModel):
    """Money received against a booking (or a refund paid back). The booking's ``amount_paid``
    is the payments minus the refunds, voided entries left out. An entry is never deleted: it
    is corrected (``payment.updated``) or voided (``payment.voided``), each with a reason."""

    visible_through = ("booking__client__assigned_to",)

    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="payments")
    kind = models.CharField(max_length=10, choices=PaymentKind.choices, default=PaymentKind.PAYMENT)
    amount = models.DecimalField(**MONEY, validators=[MinValueValidator(Decimal("0.01"))])
    currency = models.CharField(max_length=3)
    paid_on = models.DateField()
    method = models.CharField(max_length=20, choices=PaymentMethod.choices, blank=True)
    # What "other" was (or the card's type): free text beside the method.
    method_detail = models.CharField(max_length=100, blank=True)
    reference = models.CharField(max_length=100, blank=True)
    notes = models.TextField(blank=True)
    # Recorded explicitly as a credit: the one way a payment may exceed the balance due.
    is_credit = models.BooleanField(default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    voided_at = models.DateTimeField(null=True, blank=True)
    voided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    void_reason = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["paid_on", "id"]

    def __str__(self) -> str:
        prefix = "refund of " if self.kind == PaymentKind.REFUND else ""
        return f"{prefix}{self.amount} {self.currency}"

    @property
    def is_voided(self) -> bool:
        return self.voided_at is not None

    @property
    def signed_amount(self) -> Decimal:
        """What the entry adds to ``amount_paid``: a refund takes away, a voided entry nothing."""
        if self.is_voided:
            return Decimal("0.00")
        return -self.amount if self.kind == PaymentKind.REFUND else self.amount


class PaymentInstalment(TenantModel):
    """One line of a booking's payment schedule: what the client owes by when. Its state
    (paid, part paid, due, overdue) is derived from the payments, never stored."""

    visible_through = ("booking__client__assigned_to",)

    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="instalments")
    position = models.PositiveSmallIntegerField()
    label = models.CharField(max_length=100)
    due_date = models.DateField()
    amount = models.DecimalField(**MONEY, validators=[MinValueValidator(Decimal("0.01"))])
    # When the reminders recorded ``instalment.overdue`` for it: once per instalment, decided by
    # one conditional UPDATE, so racing reminder runs cannot both record it.
    overdue_recorded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_date", "position", "id"]
        indexes = [models.Index(fields=["agency", "due_date"], name="instalment_agency_due")]

    def __str__(self) -> str:
        return f"{self.label} ({self.amount})"


class ServiceKind(models.TextChoices):
    FLIGHT = "flight", "Flight"
    HOTEL = "hotel", "Hotel"
    TRANSFER = "transfer", "Transfer"
    ACTIVITY = "activity", "Activity"
    CRUISE = "cruise", "Cruise"
    INSURANCE = "insurance", "Insurance"
    OTHER = "other", "Other"


class ServiceStatus(models.TextChoices):
    REQUESTED = "requested", "Requested"
    CONFIRMED = "confirmed", "Confirmed"
    CANCELLED = "cancelled", "Cancelled"


class CommissionSource(models.TextChoices):
    TYPED = "typed", "Typed"
    SUPPLIER_RATE = "supplier_rate", "Supplier's default rate"


class BookingService(TenantModel):
    """A booked service (a "sector" of the trip): what a supplier provides, what it costs the
    agency, what the client pays for it and the commission the supplier owes. Money is in the
    booking's currency (a service in another currency is refused)."""

    visible_through = ("booking__client__assigned_to",)

    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="services")
    position = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(max_length=10, choices=ServiceKind.choices, default=ServiceKind.OTHER)
    supplier = models.ForeignKey(
        Supplier,
        null=True,
        blank=True,
        on_delete=models.RESTRICT,
        related_name="booking_services",
    )
    description = models.CharField(max_length=300)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    start_time = models.TimeField(null=True, blank=True)
    end_time = models.TimeField(null=True, blank=True)
    confirmation_number = models.CharField(max_length=100, blank=True)
    status = models.CharField(
        max_length=10, choices=ServiceStatus.choices, default=ServiceStatus.REQUESTED
    )
    currency = models.CharField(max_length=3)
    cost = models.DecimalField(
        **MONEY, default=Decimal("0.00"), validators=[MinValueValidator(Decimal("0"))]
    )
    price = models.DecimalField(
        **MONEY, default=Decimal("0.00"), validators=[MinValueValidator(Decimal("0"))]
    )
    commission_expected = models.DecimalField(
        **MONEY, default=Decimal("0.00"), validators=[MinValueValidator(Decimal("0"))]
    )
    commission_source = models.CharField(
        max_length=15, choices=CommissionSource.choices, default=CommissionSource.SUPPLIER_RATE
    )
    # The sum of its commission receipts, voided ones left out: written only by
    # crm.bookings.financials.booking_recompute (the receipts' writes call it).
    commission_received = models.DecimalField(
        **MONEY, default=Decimal("0.00"), db_default=Decimal("0.00")
    )
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["booking", "position", "id"]
        indexes = [
            models.Index(fields=["agency", "supplier"], name="bsvc_agency_supplier"),
            # The commission page and reports read only services with commission owed: a
            # partial index stays small as commission comes in.
            models.Index(
                fields=["agency", "supplier"],
                name="bsvc_commission_owed",
                condition=models.Q(commission_expected__gt=models.F("commission_received"))
                & ~models.Q(status="cancelled"),
            ),
        ]

    def __str__(self) -> str:
        return self.description

    def clean(self) -> None:
        validate_date_range(self)

    @property
    def is_cancelled(self) -> bool:
        return self.status == ServiceStatus.CANCELLED

    @property
    def supplier_name(self) -> str:
        return self.supplier.name if self.supplier is not None else ""

    @property
    def commission_outstanding(self) -> Decimal:
        """What the supplier still owes: nothing on a cancelled service, and never below 0 (a
        commission lowered after it was received leaves nothing outstanding)."""
        if self.is_cancelled:
            return Decimal("0.00")
        return max(self.commission_expected - self.commission_received, Decimal("0.00"))


class CommissionReceipt(TenantModel):
    """Commission a supplier paid the agency for one booked service. Partial receipts add up
    to the service's ``commission_received``; a receipt is never deleted, an owner or admin
    voids it with a reason (it stays listed and counts for nothing)."""

    visible_through = ("booking__client__assigned_to",)

    service = models.ForeignKey(
        BookingService, on_delete=models.CASCADE, related_name="commission_receipts"
    )
    # Denormalised from the service (it never moves): the filters and the reports read them.
    booking = models.ForeignKey(
        Booking, on_delete=models.CASCADE, related_name="commission_receipts"
    )
    supplier = models.ForeignKey(
        Supplier, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    amount = models.DecimalField(**MONEY, validators=[MinValueValidator(Decimal("0.01"))])
    currency = models.CharField(max_length=3)
    received_on = models.DateField()
    reference = models.CharField(max_length=100, blank=True)
    note = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    voided_at = models.DateTimeField(null=True, blank=True)
    voided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    void_reason = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-received_on", "-id"]
        indexes = [
            models.Index(fields=["agency", "-received_on", "-id"], name="commrcpt_agency_date"),
        ]

    def __str__(self) -> str:
        return f"commission of {self.amount} {self.currency}"

    @property
    def is_voided(self) -> bool:
        return self.voided_at is not None
