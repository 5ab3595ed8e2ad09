"""A booking's figures, derived from its parts and never typed.

:func:`booking_financials` is the one computation: total price, total cost, margin, commission
expected, amount paid and balance due, in the booking's one currency.

- A booking **with services** is priced by them: its total is the sum of the prices of its
  services that are not cancelled (cost and commission alike). A booking **without services**
  keeps the total it was given (typed, or the accepted proposal's price), as before services
  existed; its cost and commission are zero.
- ``amount_paid`` is the booking's stored sum of its payments (written only by the payments
  code); the balance due is ``total_price - amount_paid`` and is negative when more was paid
  than the booking now costs (a service cancelled after payment): a credit, never "paid in full".

- Commission **received** is the sum of a service's commission receipts, voided ones left out;
  **outstanding** is expected minus received (a cancelled service expects nothing more). The
  booking's received is its services' (cancelled ones left out), so on a booking
  ``commission_received + commission_outstanding == commission_expected`` always.

The booking's ``total_price`` (once it has services), ``total_cost``, ``commission_expected``
and ``commission_received`` columns, and each service's ``commission_received``, are stored for
cheap lists, filters and reports. Their one writer is :func:`booking_recompute`, which every
write of a service or of a commission receipt calls in its own transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Sum
from django.utils import timezone

from crm.bookings.models import Booking, BookingService, CommissionReceipt, ServiceStatus

CENT = Decimal("0.01")
ZERO = Decimal("0.00")


def commission_from_rate(price: Decimal, rate: Decimal) -> Decimal:
    """``rate`` percent of ``price``, to the cent (half up)."""
    return (Decimal(price) * Decimal(rate) / Decimal(100)).quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Financials:
    currency: str
    priced_by: str  # "services" or "booking"
    services: int  # services counted (not cancelled)
    total_price: Decimal
    total_cost: Decimal
    margin: Decimal
    commission_expected: Decimal
    commission_received: Decimal
    amount_paid: Decimal
    balance_due: Decimal  # what is still owed, never below 0
    credit_balance: Decimal  # what was paid beyond the total, never below 0

    @property
    def commission_outstanding(self) -> Decimal:
        return self.commission_expected - self.commission_received

    @property
    def is_paid_in_full(self) -> bool:
        return self.balance_due == 0 and self.credit_balance == 0 and self.total_price > 0


def service_totals(services: Iterable[BookingService]) -> tuple[int, Decimal, Decimal, Decimal]:
    """(count, price, cost, commission) of the services that are not cancelled."""
    count, price, cost, commission = 0, ZERO, ZERO, ZERO
    for service in services:
        if service.status == ServiceStatus.CANCELLED:
            continue
        count += 1
        price += service.price
        cost += service.cost
        commission += service.commission_expected
    return count, price, cost, commission


def booking_financials(
    booking: Booking, services: Iterable[BookingService] | None = None
) -> Financials:
    """The booking's figures from its services (``booking.services.all()`` unless given: a
    prefetch serves it without a query) and its stored paid amount."""
    rows = list(booking.services.all() if services is None else services)
    count, price, cost, commission = service_totals(rows)
    received = sum(
        (s.commission_received for s in rows if s.status != ServiceStatus.CANCELLED), ZERO
    )
    if not rows:
        price, cost, commission, received = booking.total_price, ZERO, ZERO, ZERO
    paid = booking.amount_paid
    return Financials(
        currency=booking.currency,
        priced_by="services" if rows else "booking",
        services=count,
        total_price=price,
        total_cost=cost,
        margin=price - cost,
        commission_expected=commission,
        commission_received=received,
        amount_paid=paid,
        balance_due=max(ZERO, price - paid),
        credit_balance=max(ZERO, paid - price),
    )


def booking_recompute(booking: Booking, *, reset_total: bool = False) -> Financials:
    """Write the derived columns from the services, in the caller's transaction (after its
    writes of services, with the booking's row locked): the one writer of ``total_cost`` and
    ``commission_expected``, and of ``total_price`` while the booking has services.
    ``reset_total``: the last service was removed, so the total its services made goes too."""
    services = list(
        BookingService.objects.for_agency(booking.agency_id).filter(booking_id=booking.pk)
    )
    _recompute_received(booking, services)
    figures = booking_financials(booking, services)
    fields = {
        "total_cost": figures.total_cost,
        "commission_expected": figures.commission_expected,
        "commission_received": figures.commission_received,
    }
    if services or reset_total:
        fields["total_price"] = figures.total_price if services else ZERO
    # A plain UPDATE: the service's own event says what changed and why.
    Booking.objects.for_agency(booking.agency_id).filter(pk=booking.pk).update(
        **fields, updated_at=timezone.now()
    )
    for name, value in fields.items():
        setattr(booking, name, value)
    return booking_financials(booking, services)


def _recompute_received(booking: Booking, services: list[BookingService]) -> None:
    """Each service's ``commission_received``: its receipts' sum, voided ones left out (one
    grouped query, and an UPDATE only for a service whose sum changed)."""
    sums = dict(
        CommissionReceipt.objects.for_agency(booking.agency_id)
        .filter(booking_id=booking.pk, voided_at__isnull=True)
        .values("service_id")
        .annotate(total=Sum("amount"))
        .values_list("service_id", "total")
    )
    for service in services:
        # SQLite sums in floating point: back to cents.
        received = Decimal(sums.get(service.pk) or ZERO).quantize(CENT)
        if received != service.commission_received:
            BookingService.objects.for_agency(booking.agency_id).filter(pk=service.pk).update(
                commission_received=received
            )
            service.commission_received = received
