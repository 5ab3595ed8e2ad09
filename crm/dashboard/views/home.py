from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from accounts.tenancy import AgencyRequest, agency_required
from crm import summary
from crm.bookings import selectors as booking_selectors
from crm.clients import selectors as client_selectors
from crm.proposals import selectors as proposal_selectors
from crm.tasks import selectors as task_selectors

PANEL_SIZE = 6


@agency_required
def home(request: AgencyRequest) -> HttpResponse:
    """What needs attention today: new enquiries and leads, unanswered proposals, departures,
    balances."""
    agency = request.agency
    leads = client_selectors.client_new_leads(agency=agency)
    awaiting = proposal_selectors.proposals_awaiting_answer(agency=agency)
    departures = booking_selectors.upcoming_departures(agency=agency)
    balances = booking_selectors.bookings_with_balance_due(agency=agency)
    enquiries = summary.new_enquiries(agency=agency)
    mine = task_selectors.my_tasks(agency=agency, user=request.user)
    return render(
        request,
        "crm/home.html",
        {
            "today": timezone.localdate(),
            "departures_query": "departing_within=30&sort=start_date",
            "counts": summary.agency_counts(agency=agency),
            "leads": leads[:PANEL_SIZE],
            "lead_count": leads.count(),
            "awaiting": awaiting[:PANEL_SIZE],
            "awaiting_count": awaiting.count(),
            "departures": departures[:PANEL_SIZE],
            "departure_count": departures.count(),
            "balances": balances[:PANEL_SIZE],
            "balance_count": balances.count(),
            "enquiries": enquiries[:PANEL_SIZE],
            "enquiry_count": enquiries.count(),
            "enquiry_days": summary.NEW_ENQUIRY_DAYS,
            "my_tasks": mine,
            "task_groups": [
                ("Overdue", mine.overdue),
                ("Today", mine.today),
                ("Next 7 days", mine.upcoming),
            ],
        },
    )
