"""Writes of payments: money received against a booking, refunds, corrections and voids.

A booking's ``amount_paid`` is the sum of its payments minus its refunds, voided entries left
out, always. :func:`_set_amount_paid` is the column's one writer: every service here calls it
in its own transaction, under the booking's row lock (``booking_lock``), so two requests paying
the last of a balance at once are checked one after the other and cannot both pass.

An entry is never deleted. An owner or admin corrects one (:func:`payment_update`) or voids it
(:func:`payment_void`), each with a reason the history keeps; a voided entry stays listed and
counts for nothing.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any, TypedDict, Unpack

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Case, DecimalField, F, Sum, Value, When
from django.utils import timezone

from accounts.events import named_event
from accounts.models import Agency, User
from core.errors import Conflict
from core.money import MONEY
from core.validation import save_validated, unknown_fields
from crm.bookings.allocation import local_today
from crm.bookings.lifecycle import booking_lock
from crm.bookings.models import Booking, Payment, PaymentKind, PaymentMethod

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
# The largest amount a money column holds (9,999,999,999.99).
MONEY_MAX = Decimal(10) ** (MONEY["max_digits"] - MONEY["decimal_places"]) - CENT
# Payments dated earlier are typing mistakes, not history.
EARLIEST_PAYMENT = dt.date(2000, 1, 1)
REASON_MAX = 500
ADMINS_ONLY = (
    "Only the agency's owner or an admin can correct or void a payment. Ask one of them, "
    "or record a refund."
)


class PaymentRefused(PermissionDenied):
    """An agent asked to correct or void a payment."""


def _agency_today(agency_timezone: str) -> dt.date:
    return local_today(agency_timezone)


def agency_today(agency: Agency) -> dt.date:
    """Today where the agency works (its timezone; the server's when that is not a zone)."""
    return _agency_today(agency.timezone)


def validate_paid_on(paid_on: dt.date, *, today: dt.date) -> None:
    """A payment is dated between 2000 and the agency's today."""
    if paid_on > today:
        raise ValidationError({"paid_on": ["A payment cannot be received in the future."]})
    if paid_on < EARLIEST_PAYMENT:
        raise ValidationError(
            {"paid_on": [f"A payment date before {EARLIEST_PAYMENT.year}? Check the year."]}
        )


def _payment_amount(amount: Decimal | str | int) -> Decimal:
    try:
        value = Decimal(str(amount))
    except InvalidOperation:
        raise ValidationError({"amount": ["Enter an amount, e.g. 250.00."]}) from None
    if not value.is_finite() or value <= 0:
        raise ValidationError({"amount": ["A payment is an amount greater than zero."]})
    if value != value.quantize(CENT):
        raise ValidationError({"amount": ["A payment has at most 2 decimal places."]})
    if value > MONEY_MAX:
        raise ValidationError({"amount": [f"An amount is at most {MONEY_MAX:,}."]})
    return value.quantize(CENT)


def _method(value: str | None) -> str:
    """A method's code; its label is accepted too, in any case ("Bank transfer")."""
    text = (value or "").strip()
    if not text:
        return ""
    for code, label in PaymentMethod.choices:
        if text.lower() in (code, label.lower()):
            return code
    choices = ", ".join(PaymentMethod.values)
    raise ValidationError({"method": [f"Choose one of: {choices} (or leave it empty)."]})


def _reason(reason: str | None) -> str:
    text = " ".join((reason or "").split())
    if not text:
        raise ValidationError({"reason": ["Say why: the history keeps the reason."]})
    if len(text) > REASON_MAX:
        raise ValidationError({"reason": [f"A reason of at most {REASON_MAX} characters."]})
    return text


def _check_admin(actor: User | None) -> None:
    # No actor is an operator's command or a job; a member must be the owner or an admin.
    if actor is not None and not actor.is_agency_admin:
        raise PaymentRefused(ADMINS_ONLY)


def _money(value: Decimal, currency: str) -> str:
    return f"{value:,.2f} {currency}"


def net_paid(booking: Booking) -> Decimal:
    """Payments minus refunds, voided entries left out, read from the database."""
    signed = Case(
        When(kind=PaymentKind.REFUND, then=-F("amount")),
        default=F("amount"),
        output_field=DecimalField(**MONEY),
    )
    rows = Payment.objects.for_agency(booking.agency_id).filter(
        booking_id=booking.pk, voided_at__isnull=True
    )
    total = rows.aggregate(total=Sum(signed, default=Value(ZERO)))["total"] or ZERO
    return Decimal(total).quantize(CENT)  # SQLite sums in floating point


def _set_amount_paid(locked: Booking, booking: Booking) -> Decimal:
    """The one writer of ``Booking.amount_paid``: the entries' sum, under the caller's lock."""
    total = net_paid(locked)
    # A plain UPDATE: the entry's event already says what changed, and no other code path
    # writes this column.
    rows = Booking.objects.for_agency(locked.agency_id).filter(pk=locked.pk)
    rows.update(amount_paid=total, updated_at=timezone.now())
    for copy in (locked, booking):
        copy.amount_paid = total
        copy.__dict__.pop("schedule", None)
    return total


def _check_balance(
    *, locked: Booking, before: Decimal, after: Decimal, as_credit: bool, field: str = "amount"
) -> None:
    """Refuse what would leave the entries negative (refunds beyond payments) or pay more
    than the total without saying it is a credit: a Conflict (409), since the same amount
    is right for another booking, or for this one before its last payment."""
    currency = locked.currency
    if after < 0:
        raise Conflict(
            {
                field: [
                    f"Refunds would be more than what was paid ({_money(before, currency)} "
                    "paid so far)."
                ]
            }
        )
    if after > MONEY_MAX:
        raise Conflict({field: [f"The booking's payments would total more than {MONEY_MAX:,}."]})
    if after > locked.total_price and after > before and not as_credit:
        balance = max(locked.total_price - before, ZERO)
        raise Conflict(
            {
                field: [
                    f"This is more than the balance due ({_money(balance, currency)}). If the "
                    f"client really paid more, record it as a credit."
                ]
            }
        )


@transaction.atomic
def payment_record(
    *,
    booking: Booking,
    amount: Decimal | str | int,
    paid_on: dt.date | None = None,
    currency: str | None = None,
    kind: str = PaymentKind.PAYMENT,
    method: str | None = "",
    method_detail: str | None = "",
    reference: str | None = "",
    notes: str | None = "",
    as_credit: bool = False,
    recorded_by: User | None = None,
) -> Payment:
    """Record money received (``kind=payment``) or paid back (``kind=refund``); the booking's
    ``amount_paid`` becomes the entries' sum.

    Refused (a field error, nothing written): an amount that is not above zero or has more
    than 2 decimals; a date in the future (the agency's today) or before 2000; and, as a
    ``Conflict`` (the booking's state refuses it), a currency other than the booking's, a
    payment above the balance due unless ``as_credit`` (then the booking shows a credit), a
    refund above what was paid.
    """
    locked = booking_lock(booking)
    value = _payment_amount(amount)
    today = _agency_today(locked.agency.timezone)
    paid_on = paid_on or today
    validate_paid_on(paid_on, today=today)
    if kind not in PaymentKind.values:
        raise ValidationError({"kind": [f"Choose one of: {', '.join(PaymentKind.values)}."]})
    refund = kind == PaymentKind.REFUND
    if refund and as_credit:
        raise ValidationError({"as_credit": ["A refund is not a credit: leave it off."]})
    if currency is not None and currency.strip().upper() != locked.currency:
        raise Conflict(
            {"currency": [f"Payments are in the booking's currency ({locked.currency})."]}
        )
    before = net_paid(locked)
    after = before - value if refund else before + value
    _check_balance(locked=locked, before=before, after=after, as_credit=as_credit)
    payment = Payment(
        agency_id=locked.agency_id,
        booking=locked,
        kind=kind,
        amount=value,
        currency=locked.currency,
        paid_on=paid_on,
        method=_method(method),
        method_detail=(method_detail or "").strip(),
        reference=(reference or "").strip(),
        notes=notes or "",
        is_credit=bool(as_credit and after > locked.total_price),
        recorded_by=recorded_by,
    )
    data = {
        "kind": kind,
        "amount": str(value),
        "currency": locked.currency,
        "paid_on": paid_on.isoformat(),
        "amount_paid": str(after),
        "as_credit": payment.is_credit,
    }
    with named_event(
        "payment.refunded" if refund else "payment.recorded", subject=payment, data=data
    ):
        save_validated(payment)
    _set_amount_paid(locked, booking)
    return payment


class PaymentChanges(TypedDict, total=False):
    """What a correction may change (omitted means unchanged). The kind, the currency and the
    booking never change: void the entry and record the right one instead."""

    amount: Decimal | str | int
    paid_on: dt.date
    method: str | None
    method_detail: str | None
    reference: str | None
    notes: str | None
    as_credit: bool


PAYMENT_FIELDS = tuple(PaymentChanges.__annotations__)


def _locked_payment(payment: Payment) -> tuple[Booking, Payment]:
    locked = booking_lock(payment.booking)
    current = Payment.objects.for_agency(payment.agency_id).get(pk=payment.pk)
    return locked, current


@transaction.atomic
def payment_update(
    *, payment: Payment, actor: User | None, reason: str | None, **changes: Unpack[PaymentChanges]
) -> Payment:
    """Correct an entry (owners and admins only, with a reason); ``payment.updated`` carries the
    reason and the diff. A voided entry cannot be corrected; the same balance rules as
    recording apply to the corrected amount."""
    _check_admin(actor)
    unknown_fields(changes, PAYMENT_FIELDS)
    text = _reason(reason)
    locked, current = _locked_payment(payment)
    if current.is_voided:
        raise Conflict({"payment": ["This payment was voided; it can no longer change."]})
    old_signed, old_amount = current.signed_amount, current.amount
    fields: dict[str, Any] = dict(changes)
    as_credit = bool(fields.pop("as_credit", current.is_credit))
    if "amount" in fields:
        current.amount = _payment_amount(fields.pop("amount"))
    if "paid_on" in fields:
        paid_on = fields.pop("paid_on")
        if not isinstance(paid_on, dt.date):
            raise ValidationError({"paid_on": ["Enter a date (YYYY-MM-DD)."]})
        validate_paid_on(paid_on, today=_agency_today(locked.agency.timezone))
        current.paid_on = paid_on
    if "method" in fields:
        current.method = _method(fields.pop("method"))
    for name in ("method_detail", "reference", "notes"):
        if name in fields:
            value = fields.pop(name)
            setattr(current, name, (value or "").strip() if name != "notes" else value or "")
    others = net_paid(locked) - old_signed  # what the other entries make
    after = others + current.signed_amount
    _check_balance(locked=locked, before=others, after=after, as_credit=as_credit)
    is_payment = current.kind == PaymentKind.PAYMENT
    current.is_credit = is_payment and as_credit and after > locked.total_price
    data = {"reason": text, "currency": locked.currency, "amount_paid": str(after)}
    if old_amount != current.amount:
        data["amount_before"], data["amount"] = str(old_amount), str(current.amount)
    with named_event("payment.updated", subject=current, data=data):
        save_validated(current)
    _set_amount_paid(locked, payment.booking)
    return current


@transaction.atomic
def payment_void(*, payment: Payment, actor: User | None, reason: str | None) -> Payment:
    """Void an entry (owners and admins only, with a reason): it stays listed, struck through,
    and counts for nothing. Voiding a payment that later refunds depend on is refused (void the
    refund first); voiding twice is refused."""
    _check_admin(actor)
    text = _reason(reason)
    locked, current = _locked_payment(payment)
    if current.is_voided:
        raise Conflict({"payment": ["This payment is already voided."]})
    before = net_paid(locked)
    after = before - current.signed_amount
    if after < 0:
        raise ValidationError(
            {
                "payment": [
                    "Refunds were made against this payment: void the refunds first, then it."
                ]
            }
        )
    current.voided_at = timezone.now()
    current.voided_by = actor
    current.void_reason = text
    data = {
        "reason": text,
        "kind": current.kind,
        "amount": str(current.amount),
        "currency": locked.currency,
        "amount_paid": str(after),
    }
    with named_event("payment.voided", subject=current, data=data):
        current.save(update_fields=["voided_at", "voided_by", "void_reason", "updated_at"])
    _set_amount_paid(locked, payment.booking)
    return current
