"""The pure arithmetic of a payment schedule: the net paid amount allocated to the instalments
in due-date order, and each instalment's state derived from it (never stored). No model import
at run time, so ``models.Booking.schedule`` can use it without a cycle; ``schedules.py`` holds
the writes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.db.models import TextChoices
from django.utils import timezone

if TYPE_CHECKING:
    from crm.bookings.models import PaymentInstalment

ZERO = Decimal("0.00")


def local_today(zone_name: str) -> dt.date:
    """Today in the zone ``zone_name`` (the server's when that is not a known zone)."""
    try:
        return timezone.localdate(timezone=ZoneInfo(zone_name))
    except (ZoneInfoNotFoundError, ValueError):
        return timezone.localdate()


class InstalmentState(TextChoices):
    PAID = "paid", "Paid"
    PART_PAID = "part_paid", "Part paid"
    DUE = "due", "Due"
    OVERDUE = "overdue", "Overdue"


# Reads ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class InstalmentRow:
    """An instalment with what has been allocated to it and the state that follows."""

    instalment: PaymentInstalment
    paid: Decimal
    outstanding: Decimal
    state: str

    # The API and the pages read these as if the row were the instalment.
    @property
    def id(self) -> int:
        return self.instalment.pk

    @property
    def label(self) -> str:
        return self.instalment.label

    @property
    def due_date(self) -> dt.date:
        return self.instalment.due_date

    @property
    def amount(self) -> Decimal:
        return self.instalment.amount

    @property
    def state_label(self) -> str:
        return InstalmentState(self.state).label


@dataclass(frozen=True)
class Schedule:
    instalments: list[InstalmentRow]
    total: Decimal  # the instalments' sum
    booking_total: Decimal
    currency: str

    @property
    def is_set(self) -> bool:
        return bool(self.instalments)

    @property
    def matches_total(self) -> bool:
        return not self.instalments or self.total == self.booking_total

    @property
    def warning(self) -> str:
        if self.matches_total:
            return ""
        return (
            f"The schedule totals {self.total:,.2f} {self.currency} but the booking total is now "
            f"{self.booking_total:,.2f} {self.currency}: set the schedule again."
        )

    @property
    def overdue(self) -> list[InstalmentRow]:
        return [row for row in self.instalments if row.state == InstalmentState.OVERDUE]

    @property
    def next_due(self) -> InstalmentRow | None:
        return next((r for r in self.instalments if r.state != InstalmentState.PAID), None)


def allocate(
    instalments: Sequence[PaymentInstalment], *, paid: Decimal, today: dt.date
) -> list[InstalmentRow]:
    """Allocate the net ``paid`` amount to ``instalments`` in due-date order and derive each
    one's state: paid when covered, overdue when not and its date has passed, part paid when
    partly covered, else due."""
    rows = []
    left = max(paid, ZERO)
    ordered = sorted(instalments, key=lambda i: (i.due_date, i.position, i.pk or 0))
    for instalment in ordered:
        share = min(left, instalment.amount)
        left -= share
        outstanding = instalment.amount - share
        if outstanding == 0:
            state = InstalmentState.PAID
        elif instalment.due_date < today:
            state = InstalmentState.OVERDUE
        elif share > 0:
            state = InstalmentState.PART_PAID
        else:
            state = InstalmentState.DUE
        rows.append(InstalmentRow(instalment, share, outstanding, state))
    return rows
