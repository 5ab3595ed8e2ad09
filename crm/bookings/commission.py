"""Writes of commission receipts: what a supplier paid the agency for a booked service.

A service's ``commission_received`` is the sum of its receipts, voided ones left out, and its
booking's is its services' sum: both are written by ``financials.booking_recompute`` (the one
door of a booking's derived figures), which every write here calls under the booking's row
lock, so two agents marking the same commission received at once are checked one after the
other and cannot both pass.

A receipt is never deleted. Partial receipts add up; one beyond what is still outstanding is
refused (a field error naming the outstanding amount: a 409 in the API, as the same amount
was fine before the last receipt). An owner or admin voids a receipt with a
reason; it stays listed and counts for nothing.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.events import record_event
from accounts.models import User
from core.errors import Conflict
from crm.bookings.allocation import local_today
from crm.bookings.financials import booking_recompute
from crm.bookings.lifecycle import booking_lock
from crm.bookings.models import (
    Booking,
    BookingService,
    BookingStatus,
    CommissionReceipt,
)
from crm.bookings.payments import EARLIEST_PAYMENT, MONEY_MAX, REASON_MAX

CENT = Decimal("0.01")
ADMINS_ONLY = "Only the agency's owner or an admin can void a commission receipt. Ask one of them."


class ReceiptRefused(PermissionDenied):
    """An agent asked to void a commission receipt."""


def _amount(value: Decimal | str | int) -> Decimal:
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise ValidationError({"amount": ["Enter an amount, e.g. 120.00."]}) from None
    if not amount.is_finite() or amount <= 0:
        raise ValidationError({"amount": ["A receipt is an amount greater than zero."]})
    if amount != amount.quantize(CENT):
        raise ValidationError({"amount": ["An amount has at most 2 decimal places."]})
    if amount > MONEY_MAX:
        raise ValidationError({"amount": [f"An amount is at most {MONEY_MAX:,}."]})
    return amount.quantize(CENT)


def _received_on(value: dt.date | None, *, today: dt.date) -> dt.date:
    received_on = value or today
    if not isinstance(received_on, dt.date):
        raise ValidationError({"received_on": ["Enter a date (YYYY-MM-DD)."]})
    if received_on > today:
        raise ValidationError({"received_on": ["Commission cannot be received in the future."]})
    if received_on < EARLIEST_PAYMENT:
        raise ValidationError(
            {"received_on": [f"A date before {EARLIEST_PAYMENT.year}? Check the year."]}
        )
    return received_on


def _reason(reason: str | None) -> str:
    text = " ".join((reason or "").split())
    if not text:
        raise ValidationError({"reason": ["Say why: the history keeps the reason."]})
    if len(text) > REASON_MAX:
        raise ValidationError({"reason": [f"A reason of at most {REASON_MAX} characters."]})
    return text


def _locked(service: BookingService) -> tuple[Booking, BookingService]:
    locked = booking_lock(service.booking)
    current = (
        BookingService.objects.for_agency(locked.agency_id)
        .select_related("supplier")
        .get(pk=service.pk)
    )
    return locked, current


def _record(
    name: str, receipt: CommissionReceipt, locked: Booking, service: BookingService, **extra: str
) -> None:
    record_event(
        name,
        agency_id=locked.agency_id,
        subject=receipt,
        client_id=locked.client_id,
        data={
            "service_id": service.pk,
            "booking_id": locked.pk,
            "booking_reference": locked.reference,
            "description": service.description,
            "supplier": service.supplier_name,
            "amount": str(receipt.amount),
            "currency": receipt.currency,
            "received_on": receipt.received_on.isoformat(),
            "commission_received": str(service.commission_received),
            "commission_outstanding": str(service.commission_outstanding),
            **extra,
        },
    )


@transaction.atomic
def commission_receipt_record(
    *,
    service: BookingService,
    amount: Decimal | str | int | None = None,
    received_on: dt.date | None = None,
    currency: str | None = None,
    reference: str | None = "",
    note: str | None = "",
    recorded_by: User | None = None,
) -> CommissionReceipt:
    """Record commission received for ``service`` (``commission.received``). ``amount`` left
    out is everything still outstanding ("Mark received").

    Refused (a field error, nothing written): a cancelled service or booking, nothing
    outstanding, an amount beyond what is outstanding, a currency other than the booking's
    (each a ``Conflict``: the record's state refuses it); an amount not above zero or with
    more than 2 decimals, a date in the future (the agency's today) or before 2000.
    """
    locked, current = _locked(service)
    if current.is_cancelled:
        raise Conflict({"service": ["This service is cancelled: it expects no commission."]})
    if locked.status == BookingStatus.CANCELLED:
        raise Conflict({"service": ["This booking is cancelled: it expects no commission."]})
    outstanding = current.commission_outstanding
    if outstanding <= 0:
        raise Conflict(
            {"amount": ["Nothing is outstanding: this service's commission is all received."]}
        )
    value = outstanding if amount is None or amount == "" else _amount(amount)
    if value > outstanding:
        raise Conflict(
            {
                "amount": [
                    f"This is more than the commission outstanding ({outstanding:,.2f} "
                    f"{locked.currency})."
                ]
            }
        )
    if currency and currency.strip().upper() != locked.currency:
        raise Conflict(
            {"currency": [f"Commission is in the booking's currency ({locked.currency})."]}
        )
    today = local_today(locked.agency.timezone)
    receipt = CommissionReceipt(
        agency_id=locked.agency_id,
        service=current,
        booking=locked,
        supplier=current.supplier,
        amount=value,
        currency=locked.currency,
        received_on=_received_on(received_on, today=today),
        reference=(reference or "").strip()[:100],
        note=note or "",
        recorded_by=recorded_by,
    )
    receipt.full_clean(exclude=["service", "booking", "supplier", "agency", "recorded_by"])
    receipt.save()
    booking_recompute(locked)
    current.refresh_from_db(fields=["commission_received"])
    _record("commission.received", receipt, locked, current)
    service.commission_received = current.commission_received
    return receipt


@transaction.atomic
def commission_receipt_void(
    *, receipt: CommissionReceipt, actor: User | None, reason: str | None
) -> CommissionReceipt:
    """Void a receipt (owners and admins only, with a reason; ``commission.voided``): it stays
    listed and counts for nothing, so its amount is outstanding again. Voiding twice is
    refused."""
    if actor is not None and not actor.is_agency_admin:
        raise ReceiptRefused(ADMINS_ONLY)
    text = _reason(reason)
    locked, current_service = _locked(receipt.service)
    current = CommissionReceipt.objects.for_agency(locked.agency_id).get(pk=receipt.pk)
    if current.is_voided:
        raise Conflict({"receipt": ["This receipt is already voided."]})
    current.voided_at = timezone.now()
    current.voided_by = actor
    current.void_reason = text
    current.save(update_fields=["voided_at", "voided_by", "void_reason"])
    booking_recompute(locked)
    current_service.refresh_from_db(fields=["commission_received"])
    _record("commission.voided", current, locked, current_service, reason=text)
    for name in ("voided_at", "voided_by", "void_reason"):
        setattr(receipt, name, getattr(current, name))
    return current
