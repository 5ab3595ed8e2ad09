"""Writes of a booking's services (its "sectors"): add, update, cancel, remove, and the copy of
an itinerary's plan into services when a proposal is booked.

Every write locks the booking, recomputes its derived figures (``financials.booking_recompute``)
and records an event whose subject is the booking, so the client's history shows it. Money is
in the booking's currency: a service in another currency is refused (convert it first), so a
booking's figures are always one currency's sums.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from accounts.audit import plain_value
from accounts.events import record_event
from accounts.models import User
from core.errors import Conflict
from core.transitions import Transitions
from core.validation import blank_text
from crm.bookings.financials import Financials, booking_recompute, commission_from_rate
from crm.bookings.lifecycle import booking_lock
from crm.bookings.models import (
    Booking,
    BookingService,
    BookingStatus,
    CommissionSource,
    ServiceKind,
    ServiceStatus,
)
from crm.suppliers.models import Supplier
from crm.suppliers.services import NOT_GIVEN, supplier_resolve
from crm.trips.models import ItemKind, Itinerary, ItineraryItem

SS = ServiceStatus
# A cancelled service stays on the booking (its history, and what the supplier may still owe)
# and never comes back: a service rebooked is a new one.
SERVICE_TRANSITIONS = Transitions(
    "service",
    {
        SS.REQUESTED: frozenset({SS.CONFIRMED, SS.CANCELLED}),
        SS.CONFIRMED: frozenset({SS.REQUESTED, SS.CANCELLED}),
        SS.CANCELLED: frozenset(),
    },
)
SERVICE_FIELDS = (
    "kind",
    "description",
    "start_date",
    "end_date",
    "start_time",
    "end_time",
    "confirmation_number",
    "status",
    "currency",
    "cost",
    "price",
    "notes",
)
TEXT_FIELDS = ("description", "confirmation_number", "notes")
MONEY_FIELDS = ("cost", "price", "commission_expected")
MAX_SERVICES = 200
# What an itinerary item becomes when a proposal is booked; meals and notes are part of the
# plan, not services booked with a supplier, and are not copied.
KIND_FROM_ITEM = {
    ItemKind.FLIGHT: ServiceKind.FLIGHT,
    ItemKind.ACCOMMODATION: ServiceKind.HOTEL,
    ItemKind.TRANSFER: ServiceKind.TRANSFER,
    ItemKind.ACTIVITY: ServiceKind.ACTIVITY,
}
PACKAGE = "Package price (proposal {title})"


def _money(name: str, value: Any) -> Decimal:
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise ValidationError({name: ["Enter an amount, e.g. 250.00."]}) from None
    if not amount.is_finite() or amount < 0:
        raise ValidationError({name: ["An amount is zero or more."]})
    if amount != amount.quantize(Decimal("0.01")):
        raise ValidationError({name: ["An amount has at most 2 decimal places."]})
    return amount


def _currency(booking: Booking, value: Any) -> str:
    code = (value or "").strip().upper() if isinstance(value, str) or value is None else value
    if not code:
        return booking.currency
    if code != booking.currency:
        message = (
            f"Services are in the booking's currency ({booking.currency}); this one is in "
            f"{code}. Convert the amounts to {booking.currency} first."
        )
        raise Conflict({"currency": [message]})
    return code


def _data(service: BookingService, figures: Financials) -> dict[str, Any]:
    return {
        "service_id": service.pk,
        "description": service.description,
        "kind": service.kind,
        "supplier": service.supplier.name if service.supplier else "",
        "price": str(service.price),
        "cost": str(service.cost),
        "commission_expected": str(service.commission_expected),
        "currency": service.currency,
        "total_price": str(figures.total_price),
    }


def _record(name: str, booking: Booking, data: dict[str, Any], changes: Any = None) -> None:
    record_event(
        name,
        agency_id=booking.agency_id,
        subject=booking,
        client_id=booking.client_id,
        data=data,
        changes=changes,
    )


def _apply(
    service: BookingService,
    booking: Booking,
    fields: Mapping[str, Any],
    *,
    supplier: Any,
    supplier_name: Any,
    commission_expected: Any,
    created_by: User | None,
) -> dict[str, list[Any]]:
    """Set the given fields on ``service`` (not saved); the diff of what changed."""
    given = blank_text({k: v for k, v in fields.items() if v is not NOT_GIVEN}, TEXT_FIELDS)
    if "currency" in given:
        given["currency"] = _currency(booking, given["currency"])
    for name in ("cost", "price"):
        if name in given:
            given[name] = _money(name, "0" if given[name] is None else given[name])
    for name in ("kind", "status"):
        if name in given and given[name] is None:
            given.pop(name)
    resolved = supplier_resolve(
        agency=booking.agency, supplier=supplier, name=supplier_name, created_by=created_by
    )
    if resolved is not NOT_GIVEN:
        given["supplier"] = resolved
    if commission_expected is not NOT_GIVEN:
        if commission_expected is None:
            given["commission_source"] = CommissionSource.SUPPLIER_RATE
        else:
            given["commission_source"] = CommissionSource.TYPED
            given["commission_expected"] = _money("commission_expected", commission_expected)
    changes: dict[str, list[Any]] = {}
    for name, value in given.items():
        before = getattr(service, name)
        setattr(service, name, value)
        if before != value:
            changes[name] = [_plain(before), _plain(value)]
    if service.commission_source == CommissionSource.SUPPLIER_RATE:
        rate = service.supplier.default_commission_rate if service.supplier else Decimal(0)
        value = commission_from_rate(service.price, rate)
        if value != service.commission_expected:
            changes["commission_expected"] = [
                str(service.commission_expected),
                str(value),
            ]
            service.commission_expected = value
    return changes


def _plain(value: Any) -> Any:
    if isinstance(value, Supplier):
        return value.name
    return None if value is None else plain_value(value)


def _validate(service: BookingService) -> None:
    service.full_clean(exclude=["booking", "supplier", "agency"])


@transaction.atomic
def booking_service_add(
    *,
    booking: Booking,
    created_by: User | None = None,
    description: str,
    kind: str = ServiceKind.OTHER,
    supplier: Supplier | int | None = NOT_GIVEN,
    supplier_name: str | None = NOT_GIVEN,
    start_date: dt.date | None = None,
    end_date: dt.date | None = None,
    start_time: dt.time | None = None,
    end_time: dt.time | None = None,
    confirmation_number: str | None = "",
    status: str = SS.REQUESTED,
    currency: str | None = None,
    cost: Decimal | str | None = Decimal("0.00"),
    price: Decimal | str | None = Decimal("0.00"),
    commission_expected: Decimal | str | None = None,
    notes: str | None = "",
) -> BookingService:
    """Add a service at the end of the booking's list. ``supplier`` is a record or an id of the
    agency's, ``supplier_name`` a name (found or added, see ``supplier_for_name``).
    ``commission_expected`` typed is kept as typed; left out (or null) it is the supplier's
    default rate on the price, and follows the price and the supplier when they change."""
    fields = {name: value for name, value in locals().items() if name in SERVICE_FIELDS}
    locked = booking_lock(booking)
    if locked.status == BookingStatus.CANCELLED:
        raise Conflict({"booking": ["This booking is cancelled; it takes no new services."]})
    count = BookingService.objects.for_agency(locked.agency_id).filter(booking_id=locked.pk).count()
    if count >= MAX_SERVICES:
        raise Conflict({"__all__": [f"A booking holds at most {MAX_SERVICES} services."]})
    if status not in (SS.REQUESTED, SS.CONFIRMED):
        raise ValidationError({"status": ["A new service is requested or confirmed."]})
    fields["currency"] = fields["currency"] or locked.currency
    service = BookingService(
        agency_id=locked.agency_id, booking=locked, position=count, currency=locked.currency
    )
    _apply(
        service,
        locked,
        fields,
        supplier=supplier,
        supplier_name=supplier_name,
        commission_expected=commission_expected,
        created_by=created_by,
    )
    _validate(service)
    service.save()
    figures = booking_recompute(locked)
    _record("booking_service.added", locked, _data(service, figures))
    _sync(booking, locked)
    return service


@transaction.atomic
def booking_service_update(
    *,
    service: BookingService,
    updated_by: User | None = None,
    description: str = NOT_GIVEN,
    kind: str = NOT_GIVEN,
    supplier: Supplier | int | None = NOT_GIVEN,
    supplier_name: str | None = NOT_GIVEN,
    start_date: dt.date | None = NOT_GIVEN,
    end_date: dt.date | None = NOT_GIVEN,
    start_time: dt.time | None = NOT_GIVEN,
    end_time: dt.time | None = NOT_GIVEN,
    confirmation_number: str | None = NOT_GIVEN,
    status: str = NOT_GIVEN,
    currency: str | None = NOT_GIVEN,
    cost: Decimal | str | None = NOT_GIVEN,
    price: Decimal | str | None = NOT_GIVEN,
    commission_expected: Decimal | str | None = NOT_GIVEN,
    notes: str | None = NOT_GIVEN,
) -> BookingService:
    """Change the given fields (left out: unchanged). A status follows the service table
    (cancelled is final); a change to cancelled is recorded as ``booking_service.cancelled``."""
    fields = {name: value for name, value in locals().items() if name in SERVICE_FIELDS}
    locked = booking_lock(service.booking)
    current = (
        BookingService.objects.for_agency(locked.agency_id).select_for_update().get(pk=service.pk)
    )
    cancelling = False
    if status is not NOT_GIVEN and status is not None and status != current.status:
        SERVICE_TRANSITIONS.check(current.status, status)
        cancelling = status == SS.CANCELLED
    elif current.status == SS.CANCELLED and any(
        value is not NOT_GIVEN
        for value in (
            *(v for name, v in fields.items() if name != "status"),
            supplier,
            supplier_name,
            commission_expected,
        )
    ):
        raise Conflict({"status": ["This service is cancelled; it can no longer change."]})
    changes = _apply(
        service,
        locked,
        fields,
        supplier=supplier,
        supplier_name=supplier_name,
        commission_expected=commission_expected,
        created_by=updated_by,
    )
    _validate(service)
    service.save()
    figures = booking_recompute(locked)
    if changes:
        name = "booking_service.cancelled" if cancelling else "booking_service.updated"
        _record(name, locked, _data(service, figures), changes)
    _sync(service.booking, locked)
    return service


def booking_service_cancel(
    *, service: BookingService, updated_by: User | None = None
) -> BookingService:
    """Cancel the service: it stays on the booking, out of its totals."""
    return booking_service_update(service=service, updated_by=updated_by, status=SS.CANCELLED)


@transaction.atomic
def booking_service_remove(*, service: BookingService) -> None:
    """Delete a service typed by mistake (a cancelled one is kept with ``cancel`` instead);
    the booking's figures follow, and the event keeps what it was."""
    locked = booking_lock(service.booking)
    service_id = service.pk
    service.delete()
    ids = list(
        BookingService.objects.for_agency(locked.agency_id)
        .filter(booking_id=locked.pk)
        .order_by("position", "id")
        .values_list("pk", flat=True)
    )
    for position, pk in enumerate(ids):
        rows = BookingService.objects.for_agency(locked.agency_id).filter(pk=pk)
        rows.exclude(position=position).update(position=position)
    figures = booking_recompute(locked, reset_total=not ids)
    data = {**_data(service, figures), "service_id": service_id}
    _record("booking_service.removed", locked, data)
    _sync(service.booking, locked)


def _sync(booking: Booking, locked: Booking) -> None:
    """The caller's copy of the booking shows the figures just written."""
    for name in ("total_price", "total_cost", "commission_expected", "amount_paid"):
        setattr(booking, name, getattr(locked, name))


def services_from_itinerary(
    *,
    booking: Booking,
    itinerary: Itinerary | None,
    package_price: Decimal,
    package_title: str,
    priced: list[tuple[str, Decimal]] | None = None,
) -> list[BookingService]:
    """The plan's flights, stays, transfers and activities as services (requested, no price),
    with supplier, dates, times, reference; then ``priced`` (description, price: the accepted
    option's lines), else one "package" service of ``package_price`` (when above zero): the
    total is what the client accepted, still the sum of the services. Called inside the
    booking's creation (no events of their own: ``booking.created`` says it)."""
    items = (
        ItineraryItem.objects.filter(day__itinerary=itinerary)
        .select_related("day", "supplier")
        .order_by("day__day_number", "position", "id")
    )
    rows: list[BookingService] = []
    for item in items:
        kind = KIND_FROM_ITEM.get(ItemKind(item.kind))
        if kind is None:
            continue
        rows.append(
            BookingService(
                agency_id=booking.agency_id,
                booking=booking,
                position=len(rows),
                kind=kind,
                supplier=item.supplier,
                description=item.title[:300],
                start_date=item.day.date,
                end_date=item.day.date,
                start_time=item.start_time,
                end_time=item.end_time,
                confirmation_number=item.reference,
                currency=booking.currency,
                notes="\n".join(part for part in (item.location, item.notes) if part),
            )
        )
    if priced is None:
        priced = [(PACKAGE.format(title=package_title), package_price)] if package_price > 0 else []
    for description, price in priced:
        rows.append(
            BookingService(
                agency_id=booking.agency_id,
                booking=booking,
                position=len(rows),
                kind=ServiceKind.OTHER,
                description=description[:300],
                currency=booking.currency,
                price=price,
                status=SS.CONFIRMED,
                commission_source=CommissionSource.TYPED,
            )
        )
    rows = rows[:MAX_SERVICES]
    BookingService.objects.bulk_create(rows)
    booking_recompute(booking)
    return rows
