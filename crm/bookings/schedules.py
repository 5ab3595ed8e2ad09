"""A booking's payment schedule: what the client owes, and by when.

The instalments (label, due date, amount) always add up to the booking's total when they are
set; :func:`schedule_set` refuses anything else. Each instalment's state is derived, never
stored: the booking's net paid amount (``amount_paid``: payments minus refunds, voided entries
left out) is allocated to the instalments in due-date order, so the earliest is paid first.

When the booking's total changes after the schedule was set, the schedule no longer adds up:
:class:`Schedule` says so (``matches_total`` false and a ``warning``) instead of pretending.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import TextChoices
from django.utils import timezone

from accounts.events import record_event
from core.errors import Conflict
from crm.bookings.allocation import (  # re-exported: the schedule's reads
    InstalmentRow,
    InstalmentState,
    Schedule,
    allocate,
)
from crm.bookings.lifecycle import booking_lock
from crm.bookings.models import Booking, PaymentInstalment
from crm.bookings.payments import CENT, EARLIEST_PAYMENT, MONEY_MAX, agency_today

__all__ = [
    "InstalmentRow",
    "InstalmentState",
    "Schedule",
    "ScheduleTemplate",
    "allocate",
    "booking_schedule",
    "schedule_apply_template",
    "schedule_clear",
    "schedule_plan",
    "schedule_set",
]
MAX_INSTALMENTS = 36
MONTHLY_DEFAULT = 3  # monthly instalments after the deposit when the count is not given
ZERO = Decimal("0.00")


class ScheduleTemplate(TextChoices):
    FULL = "full", "Full payment now"
    DEPOSIT_BALANCE = "deposit_balance", "Deposit now, balance before departure"
    DEPOSIT_MONTHLY = "deposit_monthly", "Deposit now, then monthly instalments"


def booking_schedule(*, booking: Booking, today: dt.date | None = None) -> Schedule:
    """The booking's schedule with derived states as of ``today`` (the agency's by default:
    ``Booking.schedule``); reads the prefetched instalments when the selector prefetched them."""
    if today is None:
        return booking.schedule
    instalments = list(booking.instalments.all())
    return Schedule(
        instalments=allocate(instalments, paid=booking.amount_paid, today=today),
        total=sum((i.amount for i in instalments), ZERO),
        booking_total=booking.total_price,
        currency=booking.currency,
    )


# Templates ------------------------------------------------------------------------------------


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _percent(value: Decimal | str | int | None, field: str) -> Decimal:
    try:
        percent = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise ValidationError({field: ["Enter a percentage between 1 and 99."]}) from None
    if not percent.is_finite() or not Decimal(1) <= percent <= Decimal(99):
        raise ValidationError({field: ["Enter a percentage between 1 and 99."]})
    return percent


def _whole(value: Any, field: str, low: int, high: int, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        try:
            value = int(str(value))
        except ValueError:
            raise ValidationError({field: [f"Enter {what} between {low} and {high}."]}) from None
    if not low <= value <= high:
        raise ValidationError({field: [f"Enter {what} between {low} and {high}."]})
    return value


def schedule_plan(
    *,
    total: Decimal,
    template: str,
    today: dt.date,
    departure: dt.date | None = None,
    deposit_percent: Decimal | str | int | None = None,
    balance_days_before: int | None = None,
    instalments: int | None = None,
) -> list[dict[str, Any]]:
    """The instalments a template gives for ``total``: dates from ``today`` (and the
    departure), amounts rounded to the cent with the last instalment taking the remainder, so
    the sum is exact. Refused with a field error when a parameter is missing or out of range.

    - ``full``: everything today.
    - ``deposit_balance``: ``deposit_percent`` today, the rest ``balance_days_before`` days
      before departure (today if that day has passed).
    - ``deposit_monthly``: ``deposit_percent`` today, the rest in ``instalments`` (3 when not
      given) equal monthly payments from a month after today.
    """
    if total <= 0:
        raise Conflict(
            {"template": ["The booking has no total yet: set its price before its schedule."]}
        )
    if template == ScheduleTemplate.FULL:
        return [{"label": "Full payment", "due_date": today, "amount": total}]
    if template not in ScheduleTemplate.values:
        choices = ", ".join(ScheduleTemplate.values)
        raise ValidationError({"template": [f"Choose one of: {choices}."]})
    percent = _percent(deposit_percent if deposit_percent is not None else 30, "deposit_percent")
    deposit = (total * percent / 100).quantize(CENT, rounding=ROUND_HALF_UP)
    rest = total - deposit
    plan: list[dict[str, Any]] = [
        {"label": f"Deposit ({percent.normalize():f}%)", "due_date": today, "amount": deposit}
    ]
    if template == ScheduleTemplate.DEPOSIT_BALANCE:
        if departure is None:
            # The booking's state, not the request's: the same body is right once it has dates.
            raise Conflict(
                {"template": ["The booking has no departure date to count the balance from."]}
            )
        days = _whole(
            balance_days_before if balance_days_before is not None else 60,
            "balance_days_before",
            0,
            730,
            "a number of days",
        )
        due = max(departure - dt.timedelta(days=days), today)
        plan.append({"label": "Balance", "due_date": due, "amount": rest})
        return plan
    count = _whole(
        instalments if instalments is not None else MONTHLY_DEFAULT,
        "instalments_count",  # the form's and the API's name
        1,
        MAX_INSTALMENTS - 1,
        "a number of instalments",
    )
    part = (rest / count).quantize(CENT, rounding=ROUND_DOWN)
    for number in range(1, count + 1):
        amount = part if number < count else rest - part * (count - 1)
        plan.append(
            {
                "label": f"Instalment {number} of {count}",
                "due_date": _add_months(today, number),
                "amount": amount,
            }
        )
    return plan


# Writes ---------------------------------------------------------------------------------------


def _clean_rows(rows: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    if not rows:
        raise ValidationError(
            {"instalments": ["Give at least one instalment, or clear the schedule."]}
        )
    if len(rows) > MAX_INSTALMENTS:
        raise ValidationError({"instalments": [f"At most {MAX_INSTALMENTS} instalments."]})
    cleaned = []
    for number, row in enumerate(rows, start=1):
        where = f"Instalment {number}"
        label = str(row.get("label") or "").strip() or where
        if len(label) > 100:
            raise ValidationError({"instalments": [f"{where}: a label of at most 100 characters."]})
        due = row.get("due_date")
        if not isinstance(due, dt.date):
            raise ValidationError({"instalments": [f"{where}: a due date is required."]})
        if due < EARLIEST_PAYMENT:
            raise ValidationError({"instalments": [f"{where}: a due date before 2000?"]})
        try:
            amount = Decimal(str(row.get("amount")))
        except InvalidOperation:
            raise ValidationError({"instalments": [f"{where}: enter an amount."]}) from None
        if not amount.is_finite() or amount <= 0 or amount > MONEY_MAX:
            raise ValidationError({"instalments": [f"{where}: an amount greater than zero."]})
        if amount != amount.quantize(CENT):
            raise ValidationError({"instalments": [f"{where}: at most 2 decimal places."]})
        cleaned.append({"label": label, "due_date": due, "amount": amount})
    return cleaned


@transaction.atomic
def schedule_set(
    *, booking: Booking, instalments: Sequence[Mapping[str, Any]], template: str = ""
) -> list[PaymentInstalment]:
    """Replace the booking's schedule with ``instalments`` (each ``label``, ``due_date``,
    ``amount``). Their total must equal the booking's total, else a field error naming both
    figures and nothing changes. Records ``schedule.set``."""
    locked = booking_lock(booking)
    rows = _clean_rows(instalments)
    total = sum((row["amount"] for row in rows), ZERO)
    if total != locked.total_price:
        raise Conflict(
            {
                "instalments": [
                    f"The instalments total {total:,.2f} {locked.currency} but the booking total "
                    f"is {locked.total_price:,.2f} {locked.currency}: they must be equal."
                ]
            }
        )
    replaced = locked.instalments.count()
    locked.instalments.all().delete()
    created = PaymentInstalment.objects.bulk_create(
        PaymentInstalment(
            agency_id=locked.agency_id,
            booking=locked,
            position=position,
            label=row["label"],
            due_date=row["due_date"],
            amount=row["amount"],
        )
        for position, row in enumerate(rows, start=1)
    )
    data: dict[str, Any] = {
        "currency": locked.currency,
        "total": str(total),
        "replaced": replaced,
        "instalments": [
            {"label": r["label"], "due_date": r["due_date"].isoformat(), "amount": str(r["amount"])}
            for r in rows
        ],
    }
    if template:
        data["template"] = template
    record_event(
        "schedule.set",
        agency_id=locked.agency_id,
        subject=locked,
        client_id=locked.client_id,
        data=data,
    )
    _forget_schedule(booking)
    return sorted(created, key=lambda i: (i.due_date, i.position))


def schedule_apply_template(
    *,
    booking: Booking,
    template: str,
    deposit_percent: Decimal | str | int | None = None,
    balance_days_before: int | None = None,
    instalments: int | None = None,
) -> list[PaymentInstalment]:
    """Set the schedule from a template (see :func:`schedule_plan`), counted from the agency's
    today and the booking's departure."""
    plan = schedule_plan(
        total=booking.total_price,
        template=template,
        today=agency_today(booking.agency),
        departure=booking.start_date,
        deposit_percent=deposit_percent,
        balance_days_before=balance_days_before,
        instalments=instalments,
    )
    return schedule_set(booking=booking, instalments=plan, template=template)


@transaction.atomic
def schedule_clear(*, booking: Booking) -> int:
    """Remove the schedule (the booking then has none); the number of instalments removed.
    Records ``schedule.cleared`` when there was one."""
    locked = booking_lock(booking)
    count = locked.instalments.count()
    if count:
        locked.instalments.all().delete()
        record_event(
            "schedule.cleared",
            agency_id=locked.agency_id,
            subject=locked,
            client_id=locked.client_id,
            data={"instalments": count},
        )
    _forget_schedule(booking)
    return count


def instalment_record_overdue(*, instalment: PaymentInstalment, outstanding: Decimal) -> bool:
    """Record ``instalment.overdue`` for this instalment once, ever: one conditional UPDATE
    decides, so two reminder runs racing each other cannot both record it. True for the run
    that recorded it."""
    with transaction.atomic():
        won = (
            PaymentInstalment.objects.for_agency(instalment.agency_id)
            .filter(pk=instalment.pk, overdue_recorded_at__isnull=True)
            .update(overdue_recorded_at=timezone.now())
        )
        if not won:
            return False
        booking = instalment.booking
        record_event(
            "instalment.overdue",
            agency_id=instalment.agency_id,
            subject=instalment,
            client_id=booking.client_id,
            data={
                "booking_id": booking.pk,
                "booking_reference": booking.reference,
                "label": instalment.label,
                "due_date": instalment.due_date.isoformat(),
                "amount": str(instalment.amount),
                "outstanding": str(outstanding),
                "currency": booking.currency,
            },
        )
    return True


def _forget_schedule(booking: Booking) -> None:
    """The caller's copy re-reads its instalments (and their states) next time."""
    booking.__dict__.pop("schedule", None)
    cache = getattr(booking, "_prefetched_objects_cache", None)
    if cache:
        cache.pop("instalments", None)
