"""The one door for a booking's status: the table of allowed changes and the function that
makes them, naming the event.

A booking is pending until the suppliers confirm, then confirmed until the trip is over
(completed); either may be cancelled. Cancelled and completed are final: a cancelled trip that
comes back is a new booking (with its own reference and payments), so the history of the old
one stays true.
"""

from __future__ import annotations

from django.db import transaction

from accounts.events import named_event
from core.transitions import Transitions
from crm.bookings.models import Booking, BookingStatus

S = BookingStatus
BOOKING_TRANSITIONS = Transitions(
    "booking",
    {
        S.PENDING: frozenset({S.CONFIRMED, S.CANCELLED}),
        S.CONFIRMED: frozenset({S.COMPLETED, S.CANCELLED}),
        S.CANCELLED: frozenset(),
        S.COMPLETED: frozenset(),
    },
)
EVENTS: dict[str, str] = {
    S.CONFIRMED: "booking.confirmed",
    S.CANCELLED: "booking.cancelled",
    S.COMPLETED: "booking.completed",
}


def booking_lock(booking: Booking) -> Booking:
    """Re-read the row under a lock (inside the caller's transaction): its status and paid
    amount are the ones a change starts from, whatever another request did meanwhile."""
    return Booking.objects.for_agency(booking.agency_id).select_for_update().get(pk=booking.pk)


@transaction.atomic
def booking_transition(*, booking: Booking, to: str) -> Booking:
    """The booking's one status door (see ``Transitions.begin`` for what it refuses)."""
    current = booking.status = booking_lock(booking).status
    if not BOOKING_TRANSITIONS.begin(current, to):
        return booking
    booking.status = to
    with named_event(EVENTS[to], subject=booking, data={"from": current, "to": to}):
        booking.save(update_fields=["status", "updated_at"])
    return booking
