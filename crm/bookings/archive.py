"""Archiving, restoring and deleting a booking: money once recorded is never destroyed unseen.

An archived booking leaves the lists and keeps its payments; restoring brings it back. A booking
with payments may be hard-deleted only by the agency's owner or an admin (or an operator's
command); an agent archives it instead. The mechanics are the clients'
(``crm.clients.archive.record_archive``).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import models, transaction

from accounts.events import named_event
from accounts.models import User
from core.errors import Conflict
from crm.bookings.models import Booking
from crm.clients.archive import record_archive, record_restore

ARCHIVE_INSTEAD = (
    "Only the agency's owner or an admin can delete a booking with payments. "
    "Archive the booking instead: it leaves the lists and can be restored."
)


class BookingDeleteRefused(PermissionDenied):
    """An agent asked to hard-delete a booking with payments."""


def refuse_deleting_issued_documents(bookings: object) -> None:
    """Invoices and receipts, once issued, are kept for the accounts (their series has no
    holes): a booking that has any is archived, never deleted, by anyone. ``bookings`` is a
    queryset of bookings; the documents are read by their reverse relations (``crm.invoices``
    is a floor above)."""
    issued = bookings.filter(  # type: ignore[attr-defined]
        models.Q(invoices__isnull=False) | models.Q(receipts__isnull=False)
    )
    if issued.exists():
        raise Conflict(
            {
                "booking": [
                    "Invoices or receipts were issued for this booking: they are kept for the "
                    "accounts, so it cannot be deleted. Archive it instead."
                ]
            }
        )


@transaction.atomic
def booking_delete(*, booking: Booking, actor: User | None) -> None:
    """Delete the booking and its payments; ``booking.deleted`` carries what went."""
    refuse_deleting_issued_documents(
        Booking.objects.for_agency(booking.agency_id).filter(pk=booking.pk)
    )
    payments = booking.payments.count()
    if payments and actor is not None and not actor.is_agency_admin:
        raise BookingDeleteRefused(ARCHIVE_INSTEAD)
    data = {"payments": payments, "amount_paid": str(booking.amount_paid)}
    with named_event("booking.deleted", subject=booking, data=data):
        booking.delete()


def booking_archive(*, booking: Booking, actor: User | None) -> Booking:
    """Archive the booking (archiving twice changes nothing)."""
    return record_archive(booking, actor=actor, event="booking.archived")


def booking_restore(*, booking: Booking) -> Booking:
    """Bring an archived booking back, as it was."""
    return record_restore(booking, event="booking.restored")
