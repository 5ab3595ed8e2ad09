"""Cross-domain reads: the record counts of ``GET /me``."""

from __future__ import annotations

from accounts.models import Agency
from crm.bookings.models import Booking
from crm.clients.models import Client
from crm.proposals.models import Proposal
from crm.trips.models import Itinerary


def agency_counts(*, agency: Agency | None) -> dict[str, int]:
    return {
        "clients": Client.objects.for_agency(agency).count(),
        "itineraries": Itinerary.objects.for_agency(agency).count(),
        "proposals": Proposal.objects.for_agency(agency).count(),
        "bookings": Booking.objects.for_agency(agency).count(),
    }
