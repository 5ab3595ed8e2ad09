"""Archiving and restoring a booking: it leaves the lists and keeps its payments.

Deleting a booking is not offered to agents here: money once recorded is archived, never
silently destroyed.
"""

from __future__ import annotations

from django.utils import timezone

from accounts.events import named_event
from accounts.models import User
from crm.bookings.models import Booking


def booking_archive(*, booking: Booking, actor: User | None) -> Booking:
    """Archive the booking (archiving twice changes nothing)."""
    if booking.archived_at is not None:
        return booking
    booking.archived_at = timezone.now()
    booking.archived_by = actor
    with named_event("booking.archived", subject=booking):
        booking.save(update_fields=["archived_at", "archived_by", "updated_at"])
    return booking


def booking_restore(*, booking: Booking) -> Booking:
    """Bring an archived booking back, as it was."""
    if booking.archived_at is None:
        return booking
    booking.archived_at = None
    booking.archived_by = None
    with named_event("booking.restored", subject=booking):
        booking.save(update_fields=["archived_at", "archived_by", "updated_at"])
    return booking
