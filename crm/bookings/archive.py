"""Archiving and restoring a booking: it leaves the lists and keeps its payments.

Deleting a booking is not offered to agents here: money once recorded is archived, never
silently destroyed. The mechanics are the clients' (``crm.clients.archive.record_archive``).
"""

from __future__ import annotations

from accounts.models import User
from crm.bookings.models import Booking
from crm.clients.archive import record_archive, record_restore


def booking_archive(*, booking: Booking, actor: User | None) -> Booking:
    """Archive the booking (archiving twice changes nothing)."""
    return record_archive(booking, actor=actor, event="booking.archived")


def booking_restore(*, booking: Booking) -> Booking:
    """Bring an archived booking back, as it was."""
    return record_restore(booking, event="booking.restored")
