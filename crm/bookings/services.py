"""Writes of bookings and payments."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from accounts.models import Agency, User
from accounts.tenancy import resolve_related
from core.money import normalise_currency_field
from core.validation import save_validated, unknown_fields
from crm.bookings.models import Booking, BookingStatus, Payment
from crm.clients.models import Client
from crm.proposals.models import Proposal, ProposalStatus
from crm.trips.models import Itinerary

BOOKING_FIELDS = (
    "client",
    "proposal",
    "itinerary",
    "reference",
    "status",
    "start_date",
    "end_date",
    "currency",
    "total_price",
    "amount_paid",
    "supplier",
    "notes",
)

_REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def booking_generate_reference() -> str:
    return "BK-" + "".join(secrets.choice(_REFERENCE_ALPHABET) for _ in range(6))


def _booking_apply(booking: Booking, fields: Mapping[str, Any]) -> None:
    unknown_fields(fields, BOOKING_FIELDS)
    fields = dict(fields)
    normalise_currency_field(fields)
    agency = booking.agency
    for name, value in fields.items():
        if name == "client":
            value = resolve_related(Client, agency=agency, value=value, field="client_id")
        elif name == "proposal":
            value = resolve_related(Proposal, agency=agency, value=value, field="proposal_id")
        elif name == "itinerary":
            value = resolve_related(Itinerary, agency=agency, value=value, field="itinerary_id")
        elif name == "reference" and isinstance(value, str):
            value = value.strip()
        elif name in ("supplier", "notes") and value is None:
            value = ""
        setattr(booking, name, value)
    for related in ("proposal", "itinerary"):
        linked = getattr(booking, related)
        if linked is not None and booking.client_id and linked.client_id != booking.client_id:
            raise ValidationError({f"{related}_id": [f"This {related} belongs to another client."]})


def booking_create(*, agency: Agency, created_by: User | None = None, **fields: Any) -> Booking:
    """Create a booking; without a ``reference`` one is generated (``BK-XXXXXX``)."""
    fields = dict(fields)
    if "client" not in fields:
        raise ValidationError({"client_id": ["This field is required."]})
    generated = not fields.get("reference")
    if generated:
        fields.pop("reference", None)
    booking = Booking(agency=agency, created_by=created_by, currency=agency.default_currency)
    _booking_apply(booking, fields)
    for _attempt in range(5):
        if generated:
            booking.reference = booking_generate_reference()
        try:
            _save_booking(booking)
            return booking
        except ValidationError as exc:
            if not (generated and "reference" in exc.message_dict):
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
        raise ValidationError({"reference": ["A booking with this reference already exists."]})
    save_validated(booking, conflict_field="reference")


@transaction.atomic
def booking_create_from_proposal(*, proposal: Proposal, created_by: User | None = None) -> Booking:
    if proposal.status != ProposalStatus.ACCEPTED:
        raise ValidationError({"proposal_id": ["Only an accepted proposal can be booked."]})
    itinerary = proposal.itinerary
    return booking_create(
        agency=proposal.agency,
        created_by=created_by,
        client=proposal.client_id,
        proposal=proposal.pk,
        itinerary=itinerary.pk if itinerary else None,
        start_date=itinerary.start_date if itinerary else None,
        end_date=itinerary.end_date if itinerary else None,
        currency=proposal.currency,
        total_price=proposal.total_price,
        status=BookingStatus.CONFIRMED,
    )


def booking_update(*, booking: Booking, **fields: Any) -> Booking:
    _booking_apply(booking, fields)
    _save_booking(booking)
    return booking


def booking_delete(*, booking: Booking) -> None:
    booking.delete()


@transaction.atomic
def payment_record(
    *,
    booking: Booking,
    amount: Decimal,
    paid_on: date | None = None,
    method: str = "",
    reference: str = "",
    notes: str = "",
    recorded_by: User | None = None,
) -> Payment:
    """Record money received; the booking's ``amount_paid`` becomes the sum of its payments."""
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    payment = Payment(
        agency_id=booking.agency_id,
        booking=booking,
        amount=amount,
        currency=booking.currency,
        paid_on=paid_on or timezone.localdate(),
        method=method or "",
        reference=reference or "",
        notes=notes or "",
        recorded_by=recorded_by,
    )
    save_validated(payment)
    total = booking.payments.aggregate(total=Sum("amount"))["total"] or Decimal("0")
    booking.amount_paid = total
    booking.save(update_fields=["amount_paid", "updated_at"])
    return payment
