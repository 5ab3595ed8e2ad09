"""Proposals in the dashboard, and the client's public, read-only link ``/p/<share_token>``."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from crm import selectors, services
from crm.forms import ProposalForm, ProposalStatusForm
from crm.models import Proposal, ProposalStatus
from crm.views.base import (
    add_service_errors,
    agency_required,
    get_or_404,
    paginate,
    querystring_without_page,
)
from crm.views.itineraries import build_plan

DEFAULT_VALIDITY = dt.timedelta(days=14)
ANSWERABLE = (ProposalStatus.SENT, ProposalStatus.VIEWED)


@agency_required
def proposal_list(request: HttpRequest) -> HttpResponse:
    filters = {k: v for k, v in request.GET.items() if k in ("q", "status", "client") and v}
    filter_error = None
    try:
        proposals = selectors.proposal_list(agency=request.agency, filters=filters)
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


def _proposal_fields(form: ProposalForm) -> dict[str, Any]:
    data = dict(form.cleaned_data)
    data["client"] = data["client"].pk
    data["itinerary"] = data["itinerary"].pk if data["itinerary"] else None
    return data


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
            selectors.itinerary_get, agency=agency, itinerary_id=int(itinerary_id)
        )
        initial.update(itinerary=itinerary.pk, client=itinerary.client_id, title=itinerary.title)
    elif client_id.isdigit():
        client = get_or_404(selectors.client_get, agency=agency, client_id=int(client_id))
        initial.update(client=client.pk)
    form = ProposalForm(request.POST or None, agency=agency, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            proposal = services.proposal_create(
                agency=agency, created_by=request.user, **_proposal_fields(form)
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Proposal drafted. Send it to create the client's link.")
            return redirect("proposal_detail", proposal_id=proposal.pk)
    return render(request, "crm/proposals/form.html", {"form": form, "proposal": None})


@agency_required
def proposal_edit(request: HttpRequest, proposal_id: int) -> HttpResponse:
    proposal = get_or_404(selectors.proposal_get, agency=request.agency, proposal_id=proposal_id)
    form = ProposalForm(
        request.POST or None, agency=request.agency, initial=ProposalForm.initial_for(proposal)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.proposal_update(proposal=proposal, **_proposal_fields(form))
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Proposal saved.")
            return redirect("proposal_detail", proposal_id=proposal.pk)
    return render(request, "crm/proposals/form.html", {"form": form, "proposal": proposal})


@agency_required
def proposal_detail(request: HttpRequest, proposal_id: int) -> HttpResponse:
    proposal = get_or_404(selectors.proposal_get, agency=request.agency, proposal_id=proposal_id)
    share_url = (
        request.build_absolute_uri(reverse("proposal_public", args=[proposal.share_token]))
        if proposal.share_token
        else None
    )
    return render(
        request,
        "crm/proposals/detail.html",
        {
            "proposal": proposal,
            "share_url": share_url,
            "status_form": ProposalStatusForm(),
            "bookings": selectors.booking_list(
                agency=request.agency, filters={"proposal_id": proposal.pk}
            ),
            "answerable": proposal.status in ANSWERABLE,
        },
    )


def _action_failed(request: HttpRequest, exc: ValidationError) -> None:
    messages.error(request, " ".join(exc.messages))


@require_POST
@agency_required
def proposal_send(request: HttpRequest, proposal_id: int) -> HttpResponse:
    proposal = get_or_404(selectors.proposal_get, agency=request.agency, proposal_id=proposal_id)
    try:
        services.proposal_send(proposal=proposal)
    except ValidationError as exc:
        _action_failed(request, exc)
    else:
        messages.success(request, "Marked as sent. Copy the link below and share it.")
    return redirect("proposal_detail", proposal_id=proposal.pk)


@require_POST
@agency_required
def proposal_status(request: HttpRequest, proposal_id: int) -> HttpResponse:
    """The agent records an answer the client gave by phone or email."""
    proposal = get_or_404(selectors.proposal_get, agency=request.agency, proposal_id=proposal_id)
    form = ProposalStatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose accepted or declined.")
    else:
        try:
            services.proposal_update(proposal=proposal, status=form.cleaned_data["status"])
        except ValidationError as exc:
            _action_failed(request, exc)
        else:
            messages.success(request, f"Marked as {proposal.get_status_display().lower()}.")
    return redirect("proposal_detail", proposal_id=proposal.pk)


@require_POST
@agency_required
def proposal_revoke_link(request: HttpRequest, proposal_id: int) -> HttpResponse:
    proposal = get_or_404(selectors.proposal_get, agency=request.agency, proposal_id=proposal_id)
    services.proposal_share_revoke(proposal=proposal)
    messages.success(request, "The client's link was revoked; it now answers “not found”.")
    return redirect("proposal_detail", proposal_id=proposal.pk)


@require_POST
@agency_required
def proposal_book(request: HttpRequest, proposal_id: int) -> HttpResponse:
    proposal = get_or_404(selectors.proposal_get, agency=request.agency, proposal_id=proposal_id)
    try:
        booking = services.booking_create_from_proposal(proposal=proposal, created_by=request.user)
    except ValidationError as exc:
        _action_failed(request, exc)
        return redirect("proposal_detail", proposal_id=proposal.pk)
    messages.success(request, f"Booking {booking.reference} created from the proposal.")
    return redirect("booking_detail", booking_id=booking.pk)


# The client's public link ------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def proposal_public(request: HttpRequest, token: str) -> HttpResponse:
    """No sign-in: the unguessable token is the key. A revoked link is a plain 404."""
    try:
        proposal = selectors.proposal_get_by_share_token(token=token)
    except Proposal.DoesNotExist:
        raise Http404 from None
    user = request.user
    is_agent = user.is_authenticated and user.agency_id == proposal.agency_id
    if request.method == "POST":
        answer = request.POST.get("answer")
        if answer not in ("accept", "decline"):
            messages.error(request, "Choose accept or decline.")
        else:
            try:
                services.proposal_respond(proposal=proposal, accept=answer == "accept")
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                messages.success(
                    request,
                    "Thank you! Your travel agent has been told and will be in touch."
                    if answer == "accept"
                    else "Thank you for letting us know. Your travel agent has been told.",
                )
        return redirect("proposal_public", token=token)
    if not is_agent:
        services.proposal_mark_viewed(proposal=proposal)
    expired = proposal.status == ProposalStatus.EXPIRED or bool(
        proposal.valid_until and proposal.valid_until < timezone.localdate()
    )
    itinerary = proposal.itinerary
    response = render(
        request,
        "crm/proposals/public.html",
        {
            "proposal": proposal,
            "agency": proposal.agency,
            "itinerary": itinerary,
            "plan": build_plan(itinerary) if itinerary else [],
            "can_answer": proposal.status in ANSWERABLE and not expired,
            "expired": expired,
            "is_agent": is_agent,
        },
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
