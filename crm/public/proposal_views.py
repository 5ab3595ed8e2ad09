"""The client's public, read-only proposal link ``/p/<share_token>``: no sign-in, the
unguessable token is the key."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from crm.proposals import selectors, services
from crm.proposals.lifecycle import ANSWERABLE
from crm.proposals.models import Proposal, ProposalStatus
from crm.trips.selectors import plan_outline


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
    if not is_agent:  # an agent previewing the link is not the client opening it
        services.proposal_mark_viewed(proposal=proposal)
    expired = proposal.status == ProposalStatus.EXPIRED or (
        proposal.status in ANSWERABLE and services.proposal_is_past_validity(proposal)
    )
    itinerary = proposal.itinerary
    response = render(
        request,
        "crm/proposals/public.html",
        {
            "proposal": proposal,
            "agency": proposal.agency,
            "itinerary": itinerary,
            "plan": plan_outline(itinerary) if itinerary else [],
            "can_answer": proposal.status in ANSWERABLE and not expired,
            "expired": expired,
            "is_agent": is_agent,
        },
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
