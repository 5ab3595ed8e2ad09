"""Cross-domain reads: the record counts of ``GET /me``, and Home's new enquiries."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet
from django.utils import timezone

from accounts.models import Agency
from crm.bookings.models import Booking
from crm.clients.models import Client
from crm.enquiries.models import Enquiry
from crm.proposals.models import Proposal
from crm.trips.models import Itinerary

NEW_ENQUIRY_DAYS = 14


def agency_counts(*, agency: Agency | None) -> dict[str, int]:
    return {
        "clients": Client.objects.for_agency(agency).count(),
        "itineraries": Itinerary.objects.for_agency(agency).count(),
        "proposals": Proposal.objects.for_agency(agency).count(),
        "bookings": Booking.objects.for_agency(agency).count(),
    }


def new_enquiries(*, agency: Agency, days: int = NEW_ENQUIRY_DAYS) -> QuerySet[Enquiry]:
    """The website enquiries still ``new`` (nobody took them up) of the last ``days`` days,
    newest first: new leads and those matched to a client the agency already had (a
    returning client is not a new lead, but their enquiry is news)."""
    since = timezone.now() - dt.timedelta(days=days)
    return (
        Enquiry.objects.for_agency(agency)
        .filter(created_at__gte=since, status="new")
        .select_related("client", "form")
        .order_by("-created_at", "-id")
    )
