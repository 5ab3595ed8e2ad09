"""The client's public, read-only proposal link ``/p/<share_token>``: no sign-in, the
unguessable token is the key.

Opening the page does not mark the proposal viewed: link-preview bots, mail scanners and
browsers' prefetches fetch it (GET or HEAD) without anyone reading it. The page loads a small
same-origin script (``static/js/proposal-seen.js``, no inline script under the CSP) that, once
the page is shown (not while prerendered or hidden), posts a beacon to ``/p/<token>/seen``;
only that counts, and never for a prefetch or a signed-in member of the proposal's agency.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from crm.proposals import selectors, services
from crm.proposals.lifecycle import ANSWERABLE
from crm.proposals.models import Proposal, ProposalStatus
from crm.trips.selectors import plan_outline


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def proposal_public(request: HttpRequest, token: str) -> HttpResponse:
    """No sign-in: the unguessable token is the key. A revoked link is a plain 404."""
    proposal = _proposal_or_404(token)
    is_agent = _is_agent(request, proposal)
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
            # Only a sent proposal can become viewed; an agent's preview never does.
            "count_view": proposal.status == ProposalStatus.SENT and not is_agent,
        },
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@csrf_exempt  # a beacon carries no token; all it can do is what opening the link did before
@never_cache
@require_POST
def proposal_seen(request: HttpRequest, token: str) -> HttpResponse:
    """The page's beacon: the client's browser showed the page. Always 204 for a live link
    (a prefetch or an agent's preview is simply not counted); a dead one is a 404."""
    proposal = _proposal_or_404(token)
    if not _is_prefetch(request) and not _is_agent(request, proposal):
        services.proposal_mark_viewed(proposal=proposal)
    return HttpResponse(status=204)


def _proposal_or_404(token: str) -> Proposal:
    try:
        return selectors.proposal_get_by_share_token(token=token)
    except Proposal.DoesNotExist:
        raise Http404 from None


def _is_agent(request: HttpRequest, proposal: Proposal) -> bool:
    """A signed-in member of the proposal's agency: an agent previewing, not the client."""
    user = request.user
    return bool(user.is_authenticated and user.agency_id == proposal.agency_id)


# Headers browsers send on speculative loads (Chromium's Sec-Purpose, the older Purpose,
# Safari's X-Purpose, Firefox's X-Moz): nobody is looking at the page.
PREFETCH_HEADERS = ("Sec-Purpose", "Purpose", "X-Purpose", "X-Moz")


def _is_prefetch(request: HttpRequest) -> bool:
    return any(
        word in request.headers.get(name, "").lower()
        for name in PREFETCH_HEADERS
        for word in ("prefetch", "prerender", "preview")
    )
