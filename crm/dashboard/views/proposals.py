"""Proposals in the dashboard: list, create, edit, send, record a status, revoke, book."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.tenancy import agency_required, get_or_404
from core.views import paginate, querystring_without_page, run_service
from crm.bookings import selectors as booking_selectors
from crm.bookings import services as booking_services
from crm.clients import selectors as client_selectors
from crm.dashboard.forms.proposals import AGENT_STEPS, ProposalForm, ProposalStatusForm
from crm.models import Proposal, ProposalStatus
from crm.proposals import selectors as proposal_selectors
from crm.proposals import services as proposal_services
from crm.proposals.lifecycle import PROPOSAL_TRANSITIONS, proposal_transition
from crm.trips import selectors as trip_selectors

DEFAULT_VALIDITY = dt.timedelta(days=14)


@agency_required
def proposal_list(request: HttpRequest) -> HttpResponse:
    filters = {k: v for k, v in request.GET.items() if k in ("q", "status", "client") and v}
    filter_error = None
    try:
        proposals = proposal_selectors.proposal_list(agency=request.agency, filters=filters)
    except ValidationError as exc:
        filter_error = "; ".join(exc.messages)
        proposals = Proposal.objects.none()
    page = paginate(request, proposals.select_related("client", "itinerary"))
    return render(
        request,
        "crm/proposals/list.html",
        {
            "page": page,
            "filtering": bool(filters),
            "filter_error": filter_error,
            "statuses": ProposalStatus.choices,
            "querystring": querystring_without_page(request),
        },
    )


def _to_detail(proposal: Proposal) -> str:
    return reverse("proposal_detail", args=[proposal.pk])


@agency_required
def proposal_create(request: HttpRequest) -> HttpResponse:
    agency = request.agency
    initial: dict[str, Any] = {
        "currency": agency.default_currency,
        "valid_until": timezone.localdate() + DEFAULT_VALIDITY,
    }
    itinerary_id, client_id = request.GET.get("itinerary", ""), request.GET.get("client", "")
    if itinerary_id.isdigit():
        itinerary = get_or_404(
            trip_selectors.itinerary_get, agency=agency, itinerary_id=int(itinerary_id)
        )
        initial.update(itinerary=itinerary.pk, client=itinerary.client_id, title=itinerary.title)
    elif client_id.isdigit():
        client = get_or_404(client_selectors.client_get, agency=agency, client_id=int(client_id))
        initial.update(client=client.pk)
    form = ProposalForm(request.POST or None, agency=agency, initial=initial)
    done = run_service(
        request,
        form,
        lambda: proposal_services.proposal_create(
            agency=agency, created_by=request.user, **form.service_fields()
        ),
        success="Proposal drafted. Send it to create the client's link.",
        redirect_to=_to_detail,
    )
    return done or render(request, "crm/proposals/form.html", {"form": form, "proposal": None})


@agency_required
def proposal_edit(request: HttpRequest, proposal_id: int) -> HttpResponse:
    proposal = get_or_404(
        proposal_selectors.proposal_get, agency=request.agency, proposal_id=proposal_id
    )
    form = ProposalForm(
        request.POST or None, agency=request.agency, initial=ProposalForm.initial_for(proposal)
    )
    done = run_service(
        request,
        form,
        lambda: proposal_services.proposal_update(proposal=proposal, **form.service_fields()),
        success="Proposal saved.",
        redirect_to=_to_detail,
    )
    return done or render(request, "crm/proposals/form.html", {"form": form, "proposal": proposal})


def _render_detail(
    request: HttpRequest, proposal: Proposal, status_form: ProposalStatusForm | None = None
) -> HttpResponse:
    share_url = (
        request.build_absolute_uri(reverse("proposal_public", args=[proposal.share_token]))
        if proposal.share_token
        else None
    )
    allowed = PROPOSAL_TRANSITIONS.allowed(proposal.status)
    return render(
        request,
        "crm/proposals/detail.html",
        {
            "proposal": proposal,
            "share_url": share_url,
            "status_form": status_form or ProposalStatusForm(),
            "bookings": booking_selectors.booking_list(
                agency=request.agency, filters={"proposal_id": proposal.pk}
            ),
            "can_send": ProposalStatus.SENT in allowed,
            "final": PROPOSAL_TRANSITIONS.is_final(proposal.status),
            "agent_steps": [
                (status, label, css)
                for status, (label, css) in AGENT_STEPS.items()
                if status in allowed
            ],
        },
    )


@agency_required
def proposal_detail(request: HttpRequest, proposal_id: int) -> HttpResponse:
    proposal = get_or_404(
        proposal_selectors.proposal_get, agency=request.agency, proposal_id=proposal_id
    )
    return _render_detail(request, proposal)


def _action_failed(request: HttpRequest, exc: ValidationError) -> None:
    messages.error(request, " ".join(exc.messages))


@require_POST
@agency_required
def proposal_send(request: HttpRequest, proposal_id: int) -> HttpResponse:
    proposal = get_or_404(
        proposal_selectors.proposal_get, agency=request.agency, proposal_id=proposal_id
    )
    try:
        proposal_services.proposal_send(proposal=proposal)
    except ValidationError as exc:
        _action_failed(request, exc)
    else:
        messages.success(request, "Marked as sent. Copy the link below and share it.")
    return redirect("proposal_detail", proposal_id=proposal.pk)


@require_POST
@agency_required
def proposal_status(request: HttpRequest, proposal_id: int) -> HttpResponse:
    """The agent records a status: an answer the client gave by phone or email, an expiry, a
    return to draft. The lifecycle's table decides; a refusal is shown beside the buttons."""
    proposal = get_or_404(
        proposal_selectors.proposal_get, agency=request.agency, proposal_id=proposal_id
    )
    form = ProposalStatusForm(request.POST)
    done = run_service(
        request,
        form,
        lambda: proposal_transition(proposal=proposal, to=form.cleaned_data["status"]),
        success=lambda p: f"Marked as {p.get_status_display().lower()}.",
        redirect_to=_to_detail,
    )
    return done or _render_detail(request, proposal, status_form=form)


@require_POST
@agency_required
def proposal_revoke_link(request: HttpRequest, proposal_id: int) -> HttpResponse:
    proposal = get_or_404(
        proposal_selectors.proposal_get, agency=request.agency, proposal_id=proposal_id
    )
    proposal_services.proposal_share_revoke(proposal=proposal)
    messages.success(request, "The client's link was revoked; it now answers “not found”.")
    return redirect("proposal_detail", proposal_id=proposal.pk)


@require_POST
@agency_required
def proposal_book(request: HttpRequest, proposal_id: int) -> HttpResponse:
    proposal = get_or_404(
        proposal_selectors.proposal_get, agency=request.agency, proposal_id=proposal_id
    )
    try:
        booking = booking_services.booking_create_from_proposal(
            proposal=proposal, created_by=request.user
        )
    except ValidationError as exc:
        _action_failed(request, exc)
        return redirect("proposal_detail", proposal_id=proposal.pk)
    messages.success(request, f"Booking {booking.reference} created from the proposal.")
    return redirect("booking_detail", booking_id=booking.pk)
