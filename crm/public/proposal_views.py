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

from accounts.branding import letterhead
from core.http import client_ip
from core.pdf import pdf_response
from core.validation import parse_int
from crm.proposals import documents, selectors, services, versions
from crm.proposals.models import Proposal


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def proposal_public(request: HttpRequest, token: str) -> HttpResponse:
    """No sign-in: the unguessable token is the key. It shows the latest version sent, never
    the live draft; a revoked link is a clear 410 page that shows and accepts nothing."""
    proposal = _proposal_or_404(token)
    is_agent = _is_agent(request, proposal)
    state = services.proposal_link_state(proposal)
    if state == "revoked":
        return _revoked(request, proposal)
    version = versions.latest_version(proposal)
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        answer = request.POST.get("answer")
        if answer not in ("accept", "decline"):
            messages.error(request, "Choose accept or decline.")
            return redirect("proposal_public", token=token)
        try:
            services.proposal_respond(
                proposal=proposal,
                accept=answer == "accept",
                version_number=parse_int(request.POST.get("version")),
                full_name=request.POST.get("full_name", ""),
                terms_accepted=request.POST.get("terms") == "on",
                confirmed=answer == "decline" or request.POST.get("confirm") == "on",
                ip_address=client_ip(request),
                user_agent=request.headers.get("User-Agent", ""),
                reason=request.POST.get("reason", ""),
                option_id=parse_int(request.POST.get("option")),
                extras=_ids(request.POST.getlist("extras")),
            )
        except ValidationError as exc:
            errors = exc.message_dict
            if "status" in errors or "version" in errors:
                messages.error(request, " ".join(exc.messages))
                return redirect("proposal_public", token=token)
        else:
            messages.success(
                request,
                "Thank you! Your acceptance is recorded; your travel agent will be in touch."
                if answer == "accept"
                else "Thank you for letting us know. Your travel agent has been told.",
            )
            return redirect("proposal_public", token=token)
    if version is None:  # sent before versions existed: nothing frozen to show
        raise Http404
    content = version.content
    start_date, end_date = versions.snapshot_dates(content)
    response = render(
        request,
        "crm/proposals/public.html",
        {
            "proposal": proposal,
            "agency": proposal.agency,
            "letterhead": letterhead(proposal.agency),
            "version": version,
            "shown": content,
            "start_date": start_date,
            "valid_until": versions.parse_date(content.get("valid_until")),
            "end_date": end_date,
            "plan": versions.snapshot_plan(content),
            "state": state,
            "can_answer": state == "open",
            "expired": state == "expired",
            "acceptance": selectors.proposal_acceptance(proposal=proposal),
            "errors": errors,
            "posted": request.POST if errors else {},
            "is_agent": is_agent,
            # Views are counted by the beacon, never for an agent's preview.
            "count_view": state in ("open", "accepted", "declined") and not is_agent,
        },
        status=422 if errors else 200,
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@never_cache
@require_http_methods(["GET", "HEAD"])
def proposal_certificate(request: HttpRequest, token: str) -> HttpResponse:
    """The acceptance certificate, for the client who signed (a 404 until accepted)."""
    proposal = _proposal_or_404(token)
    if proposal.link_revoked_at is not None:
        return _revoked(request, proposal)
    acceptance = selectors.proposal_acceptance(proposal=proposal)
    if acceptance is None:
        raise Http404
    response = render(
        request,
        "crm/proposals/certificate.html",
        {"proposal": proposal, "agency": proposal.agency, "acceptance": acceptance, "public": True},
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@never_cache
@require_http_methods(["GET", "HEAD"])
def proposal_pdf(request: HttpRequest, token: str, document: str) -> HttpResponse:
    """The client's PDFs from the link: ``proposal`` (the latest version sent: the options,
    the plan, the terms) and ``certificate`` (once signed); anything else is a 404."""
    proposal = _proposal_or_404(token)
    if proposal.link_revoked_at is not None:
        return _revoked(request, proposal)
    if document == "proposal":
        version = versions.latest_version(proposal)
        if version is None:
            raise Http404
        result = documents.version_document(version)
        if not isinstance(result, bytes):  # a long plan, rendered by a job
            return render(
                request,
                "crm/proposals/pdf_pending_public.html",
                {"agency": proposal.agency},
                status=202,
            )
        content, filename = result, documents.version_filename(version)
    elif document == "certificate":
        acceptance = selectors.proposal_acceptance(proposal=proposal)
        if acceptance is None:
            raise Http404
        content = documents.certificate_pdf(acceptance)
        filename = documents.certificate_filename(acceptance)
    else:
        raise Http404
    response = pdf_response(content, filename=filename)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _revoked(request: HttpRequest, proposal: Proposal) -> HttpResponse:
    response = render(
        request, "crm/proposals/public_revoked.html", {"agency": proposal.agency}, status=410
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
    if proposal.link_revoked_at is not None:
        raise Http404
    if not _is_prefetch(request) and not _is_agent(request, proposal):
        services.proposal_mark_viewed(proposal=proposal)
    return HttpResponse(status=204)


def _ids(values: list[str]) -> list[int]:
    """The ids ticked (at most 50; anything not a number is left out, and refused later as
    not an extra of the option when it matters)."""
    return [number for value in values[:50] if (number := parse_int(value)) is not None]


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
