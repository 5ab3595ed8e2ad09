"""Writes of bookings.

A booking's status changes only through ``lifecycle.booking_transition``. Its ``amount_paid``
is the sum of its payments minus refunds, always: no edit takes it; ``crm.bookings.payments``
(its one writer) sets it from the entries, under the booking's row lock. ``payment_record`` and
the payment helpers are re-exported here for the callers that knew them here.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any, TypedDict, Unpack

from django.core.exceptions import ValidationError
from django.db import transaction

from accounts.models import Agency, User
from accounts.quotas import agency_quota_check
from accounts.tenancy import resolve_related
from core.errors import Conflict
from core.money import normalise_currency_field
from core.validation import save_validated, unknown_fields
from crm.bookings.booked_services import services_from_itinerary
from crm.bookings.lifecycle import BOOKING_TRANSITIONS, booking_lock, booking_transition
from crm.bookings.models import Booking, BookingStatus
from crm.bookings.payments import (  # re-exported: callers knew them here
    CENT,
    EARLIEST_PAYMENT,
    MONEY_MAX,
    agency_today,
    payment_record,
    validate_paid_on,
)
from crm.clients.models import Client
from crm.clients.travellers import travellers_assign
from crm.proposals.models import Acceptance, Proposal, ProposalStatus
from crm.suppliers.models import Supplier
from crm.suppliers.services import NOT_GIVEN, supplier_resolve
from crm.trips.models import Itinerary

__all__ = [
    "CENT",
    "EARLIEST_PAYMENT",
    "MONEY_MAX",
    "agency_today",
    "booking_create",
    "booking_create_from_proposal",
    "booking_update",
    "payment_record",
    "validate_paid_on",
]

S = BookingStatus
DERIVED = "Derived from the booking's payments: record a payment to change it."
PRICED_BY_SERVICES = (
    "This booking is priced by its services: its total is the sum of their prices. Change "
    "the services' prices instead."
)


class BookingChanges(TypedDict, total=False):
    """What an edit may change (omitted means unchanged); ``status`` goes through the door.
    ``amount_paid`` is not here: it is derived from the payments."""

    client: Client | int
    proposal: Proposal | int | None
    itinerary: Itinerary | int | None
    reference: str
    status: str
    start_date: dt.date | None
    end_date: dt.date | None
    currency: str
    total_price: Decimal
    supplier: Supplier | int | None  # a record or an id (``supplier_id`` in the API)
    supplier_name: str | None  # a name: the agency's supplier of that name, added when new
    notes: str | None


BOOKING_FIELDS = tuple(BookingChanges.__annotations__)
_REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def booking_generate_reference() -> str:
    return "BK-" + "".join(secrets.choice(_REFERENCE_ALPHABET) for _ in range(6))


def _booking_apply(booking: Booking, fields: Mapping[str, Any]) -> None:
    if "amount_paid" in fields:
        raise ValidationError({"amount_paid": [DERIVED]})
    unknown_fields(fields, BOOKING_FIELDS)
    fields = dict(fields)
    normalise_currency_field(fields)
    agency = booking.agency
    supplier = supplier_resolve(
        agency=agency,
        supplier=fields.pop("supplier", NOT_GIVEN),
        name=fields.pop("supplier_name", NOT_GIVEN),
        created_by=booking.created_by if booking.pk is None else None,
    )
    if supplier is not NOT_GIVEN:
        booking.supplier = supplier  # type: ignore[assignment]  # NOT_GIVEN ruled out above
    for name, value in fields.items():
        if name == "client":
            value = resolve_related(Client, agency=agency, value=value, field="client_id")
        elif name == "proposal":
            value = resolve_related(Proposal, agency=agency, value=value, field="proposal_id")
        elif name == "itinerary":
            value = resolve_related(Itinerary, agency=agency, value=value, field="itinerary_id")
        elif name == "reference" and isinstance(value, str):
            value = value.strip()
        elif name == "notes" and value is None:
            value = ""
        setattr(booking, name, value)
    for related in ("proposal", "itinerary"):
        linked = getattr(booking, related)
        if linked is not None and booking.client_id and linked.client_id != booking.client_id:
            raise ValidationError({f"{related}_id": [f"This {related} belongs to another client."]})


@transaction.atomic
def booking_create(
    *,
    agency: Agency,
    created_by: User | None = None,
    client: Client | int,
    proposal: Proposal | int | None = None,
    itinerary: Itinerary | int | None = None,
    reference: str = "",
    status: str = S.PENDING,
    start_date: dt.date | None = None,
    end_date: dt.date | None = None,
    currency: str | None = None,
    total_price: Decimal = Decimal("0.00"),
    supplier: Supplier | int | None = NOT_GIVEN,
    supplier_name: str | None = NOT_GIVEN,
    notes: str | None = "",
    traveller_ids: Sequence[int] | None = None,
) -> Booking:
    """Create a booking (pending; a ``status`` given is reached through the door, step by
    step); without a ``reference`` one is generated (``BK-XXXXXX``)."""
    agency_quota_check("bookings", agency_id=agency.pk, rows=Booking.objects.for_agency(agency.pk))
    booking = Booking(agency=agency, created_by=created_by, status=S.PENDING)
    fields: dict[str, Any] = {
        "client": client,
        "proposal": proposal,
        "itinerary": itinerary,
        "start_date": start_date,
        "end_date": end_date,
        "currency": currency or agency.default_currency,
        "total_price": total_price,
        "supplier": supplier,
        "supplier_name": supplier_name,
        "notes": notes,
    }
    generated = not (reference or "").strip()
    if not generated:
        fields["reference"] = reference
    _booking_apply(booking, fields)
    if generated:
        _save_with_generated_reference(booking)
    else:
        _save_booking(booking)
    if traveller_ids:
        travellers_assign(record=booking, traveller_ids=traveller_ids)
    for step in BOOKING_TRANSITIONS.path(S.PENDING, status):  # an unknown status is refused
        booking_transition(booking=booking, to=step)
    return booking


def _save_with_generated_reference(booking: Booking) -> None:
    """Save under a new ``BK-XXXXXX``, drawn again (up to five times) while one is taken."""
    for _attempt in range(5):
        booking.reference = booking_generate_reference()
        try:
            _save_booking(booking)
            return
        except ValidationError as exc:
            if "reference" not in exc.message_dict:
                raise
    raise ValidationError({"reference": ["Could not generate a unique reference; try again."]})


def _save_booking(booking: Booking) -> None:
    taken = (
        Booking.objects.for_agency(booking.agency_id)
        .filter(reference__iexact=booking.reference)
        .exclude(pk=booking.pk)
        .exists()
    )
    if taken:
        raise Conflict({"reference": ["A booking with this reference already exists."]})
    save_validated(booking, conflict_field="reference")


@transaction.atomic
def booking_create_from_proposal(*, proposal: Proposal, created_by: User | None = None) -> Booking:
    """Book an accepted proposal: confirmed, for its itinerary's dates, at the total the
    client accepted. The plan's items become services at no price; the accepted option's
    lines (the required ones and the extras ticked) become priced services, or, for a
    proposal without options, one package line holds its price."""
    if proposal.status != ProposalStatus.ACCEPTED:
        raise ValidationError({"proposal_id": ["Only an accepted proposal can be booked."]})
    acceptance = Acceptance.objects.for_agency(proposal.agency_id).filter(proposal_id=proposal.pk)
    signed = acceptance.first()
    choice = signed.choice if signed is not None else {}
    total = proposal.total_price
    if signed is not None and signed.total_price is not None:
        total = signed.total_price
    itinerary = proposal.itinerary
    booking = booking_create(
        agency=proposal.agency,
        created_by=created_by,
        client=proposal.client_id,
        proposal=proposal.pk,
        itinerary=itinerary.pk if itinerary else None,
        start_date=itinerary.start_date if itinerary else None,
        end_date=itinerary.end_date if itinerary else None,
        currency=proposal.currency,
        total_price=total,
        status=S.CONFIRMED,
        traveller_ids=[t.pk for t in proposal.named_travellers.all()],
    )
    priced = None
    if choice:
        priced = [
            (
                f"{choice['title']}: {line['description']} x {line['quantity']}",
                Decimal(line["amount"]),
            )
            for line in choice["lines"]
        ]
    if itinerary is not None or priced:
        services_from_itinerary(
            booking=booking,
            itinerary=itinerary,
            package_price=total,
            package_title=proposal.title,
            priced=priced,
        )
    return booking


@transaction.atomic
def booking_update(
    *,
    booking: Booking,
    traveller_ids: Sequence[int] | None = None,
    **changes: Unpack[BookingChanges],
) -> Booking:
    """Edit a booking. A new ``status`` must follow the table from the status the database
    holds; the paid amount is never taken from the caller's copy. A refusal changes nothing."""
    fields: dict[str, Any] = dict(changes)
    status = fields.pop("status", None)
    # A booking always has a reference: one sent blank is generated, as on a create.
    regenerate = "reference" in fields and not (fields["reference"] or "").strip()
    if regenerate:
        del fields["reference"]
    current = booking_lock(booking)
    if status is not None and status != current.status:
        BOOKING_TRANSITIONS.check(current.status, status)
    booking.status, booking.amount_paid = current.status, current.amount_paid
    for derived in ("total_cost", "commission_expected"):
        setattr(booking, derived, getattr(current, derived))
    if fields:
        has_services = current.services.exists()
        if (
            has_services
            and "total_price" in fields
            and Decimal(fields["total_price"]) != current.total_price
        ):
            raise Conflict({"total_price": [PRICED_BY_SERVICES]})
        if has_services:
            fields.pop("total_price", None)
            booking.total_price = current.total_price
        _booking_apply(booking, fields)
        if booking.currency != current.currency and current.payments.exists():
            raise Conflict(
                {
                    "currency": [
                        f"This booking has payments in {current.currency}; its currency "
                        "can no longer change."
                    ]
                }
            )
        if booking.currency != current.currency and has_services:
            raise Conflict(
                {
                    "currency": [
                        f"This booking's services are in {current.currency}; its currency "
                        "can no longer change."
                    ]
                }
            )
    if regenerate:
        _save_with_generated_reference(booking)
    elif fields:
        _save_booking(booking)
    if traveller_ids is not None or "client" in fields:
        travellers_assign(record=booking, traveller_ids=traveller_ids)
    if status is not None:
        booking_transition(booking=booking, to=status)
    return booking
