from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from crm import selectors
from crm.views.base import agency_required

PANEL_SIZE = 6


@agency_required
def home(request: HttpRequest) -> HttpResponse:
    """What needs attention today: new leads, unanswered proposals, departures, balances."""
    agency = request.agency
    leads = selectors.client_new_leads(agency=agency)
    awaiting = selectors.proposals_awaiting_answer(agency=agency)
    departures = selectors.upcoming_departures(agency=agency)
    balances = selectors.bookings_with_balance_due(agency=agency)
    return render(
        request,
        "crm/home.html",
        {
            "today": timezone.localdate(),
            "counts": selectors.agency_counts(agency=agency),
            "leads": leads[:PANEL_SIZE],
            "lead_count": leads.count(),
            "awaiting": awaiting[:PANEL_SIZE],
            "awaiting_count": awaiting.count(),
            "departures": departures[:PANEL_SIZE],
            "departure_count": departures.count(),
            "balances": balances[:PANEL_SIZE],
            "balance_count": balances.count(),
        },
    )
