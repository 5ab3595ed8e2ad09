"""Proposals in the dashboard: list, create, edit, send (by email), record a status, revoke,
book."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.tenancy import AgencyRequest, active_members, agency_required, get_or_404
from core.views import add_service_errors, form_page, list_page, run_action, run_service
from crm.bookings import selectors as booking_selectors
from crm.bookings import services as booking_services
from crm.dashboard.forms.proposals import (
    AGENT_STEPS,
    ProposalEmailForm,
    ProposalForm,
    ProposalStatusForm,
)
from crm.dashboard.views.common import client_from_query, edit_form, itinerary_from_query
from crm.models import Proposal, ProposalStatus
from crm.proposals import emails as proposal_emails
from crm.proposals import selectors as proposal_selectors
from crm.proposals import services as proposal_services
from crm.proposals import versions as proposal_versions
from crm.proposals.lifecycle import ANSWERABLE, PROPOSAL_TRANSITIONS, proposal_transition
from crm.tasks import selectors as task_selectors

DEFAULT_VALIDITY = dt.timedelta(days=14)


@agency_required
def proposal_list(request: AgencyRequest) -> HttpResponse:
    return list_page(
        request,
        "crm/proposals/list.html",
        proposal_selectors.proposal_list,
        agency=request.agency,
        model=Proposal,
        filter_names=("q", "status", "client", "awaiting", "consultant_id", "sort"),
        mine="consultant_id",
        sorts=(
            ("valid_until", "Valid until, soonest"),
            ("-total_price", "Highest total"),
            ("title", "Title A to Z"),
            ("created_at", "Oldest first"),
        ),
        prepare=lambda rows: rows.select_related("client", "itinerary"),
        context={
            "statuses": ProposalStatus.choices,
            "members": active_members(agency=request.agency),
        },
    )


def _to_detail(proposal: Proposal) -> str:
    return reverse("proposal_detail", args=[proposal.pk])


def _get_proposal(request: AgencyRequest, proposal_id: int) -> Proposal:
    return get_or_404(
        proposal_selectors.proposal_get, agency=request.agency, proposal_id=proposal_id
    )


# Create and edit share the form, its template and where a save lands.
_form_page = partial(form_page, template="crm/proposals/form.html", redirect_to=_to_detail)


@agency_required
def proposal_create(request: AgencyRequest) -> HttpResponse:
    agency = request.agency
    initial: dict[str, Any] = {
        "currency": agency.default_currency,
        "valid_until": timezone.localdate() + DEFAULT_VALIDITY,
    }
    itinerary = itinerary_from_query(request)
    client = None if itinerary else client_from_query(request)
    if itinerary:
        initial.update(itinerary=itinerary.pk, client=itinerary.client_id, title=itinerary.title)
    elif client:
        initial.update(client=client.pk)
    form = ProposalForm(request.POST or None, agency=agency, initial=initial)

    def save() -> Proposal:
        fields = form.service_fields()
        return proposal_services.proposal_create(agency=agency, created_by=request.user, **fields)

    success = "Proposal drafted. Send it to create the client's link."
    return _form_page(request, form, save, context={"proposal": None}, success=success)


@agency_required
def proposal_edit(request: AgencyRequest, proposal_id: int) -> HttpResponse:
    proposal = _get_proposal(request, proposal_id)
    form = edit_form(ProposalForm, request, proposal)

    def save() -> Proposal:
        return proposal_services.proposal_update(proposal=proposal, **form.service_fields())

    return _form_page(
        request, form, save, context={"proposal": proposal}, success="Proposal saved."
    )


def _render_detail(
    request: AgencyRequest, proposal: Proposal, status_form: ProposalStatusForm | None = None
) -> HttpResponse:
    share_url = (
        request.build_absolute_uri(reverse("proposal_public", args=[proposal.share_token]))
        if proposal.share_token
        else None
    )
    allowed = PROPOSAL_TRANSITIONS.allowed(proposal.status)
    sent_versions = list(proposal_selectors.proposal_versions(proposal=proposal))
    return render(
        request,
        "crm/proposals/detail.html",
        {
            "proposal": proposal,
            "share_url": share_url,
            "tasks": task_selectors.tasks_of(agency=request.agency, proposal_id=proposal.pk),
            "task_query": f"client={proposal.client_id}&proposal={proposal.pk}",
            "status_form": status_form or ProposalStatusForm(),
            "bookings": booking_selectors.booking_list(
                agency=request.agency, filters={"proposal_id": proposal.pk}
            ),
            "can_send": ProposalStatus.SENT in allowed,
            "versions": sent_versions,
            "unsent_changes": bool(sent_versions)
            and not PROPOSAL_TRANSITIONS.is_final(proposal.status)
            and proposal_versions.has_unsent_changes(proposal),
            "acceptance": proposal_selectors.proposal_acceptance(proposal=proposal),
            "link_state": proposal_services.proposal_link_state(proposal),
            "final": PROPOSAL_TRANSITIONS.is_final(proposal.status),
            "agent_steps": [
                (status, label, css)
                for status, (label, css) in AGENT_STEPS.items()
                if status in allowed
            ],
        },
    )


@agency_required
def proposal_detail(request: AgencyRequest, proposal_id: int) -> HttpResponse:
    return _render_detail(request, _get_proposal(request, proposal_id))


@agency_required
def proposal_send(request: AgencyRequest, proposal_id: int) -> HttpResponse:
    """The "Send to client" page: the email's subject and message (GET: the defaults), a
    preview of the exact email ("preview"), then sending ("send"; also re-sending a sent
    proposal: a new email, the same link). "link" only creates the link, without an email."""
    proposal = _get_proposal(request, proposal_id)
    if request.method == "POST" and request.POST.get("action") == "link":
        return _on_proposal(
            request,
            proposal_id,
            proposal_services.proposal_send,
            "The link is ready: copy it below and share it.",
        )
    subject, message = proposal_emails.proposal_email_defaults(proposal=proposal)
    form = ProposalEmailForm(
        request.POST if request.method == "POST" else None,
        initial={"subject": subject, "message": message},
    )
    preview = None
    try:
        proposal_emails.proposal_email_check(proposal=proposal)
        refusal = None
    except ValidationError as exc:
        refusal = " ".join(exc.messages)
    if request.method == "POST" and refusal is None and form.is_valid():
        data = form.cleaned_data
        if request.POST.get("action") == "send":
            done = run_service(
                request,
                form,
                lambda: proposal_emails.proposal_email_send(
                    proposal=proposal,
                    subject=data["subject"],
                    message=data["message"],
                    sent_by=request.user,
                ),
                success=f"Emailed to {proposal.client.email}, with the link.",
                redirect_to=_to_detail,
            )
            if done:
                return done
        else:
            try:
                preview = proposal_emails.proposal_email_render(
                    proposal=proposal,
                    subject=data["subject"],
                    message=data["message"],
                    agent=request.user,
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
    return render(
        request,
        "crm/proposals/send.html",
        {
            "proposal": proposal,
            "form": form,
            "preview": preview,
            "refusal": refusal,
            "resend": proposal.status in ANSWERABLE,
        },
    )


def _on_proposal(
    request: AgencyRequest, proposal_id: int, action: Callable[..., object], success: str
) -> HttpResponse:
    """A button on the proposal page: ``action(proposal=...)``, then back to the page."""
    proposal = _get_proposal(request, proposal_id)
    return run_action(
        request,
        lambda: action(proposal=proposal),
        success=success,
        redirect_to=_to_detail(proposal),
    )


@require_POST
@agency_required
def proposal_status(request: AgencyRequest, proposal_id: int) -> HttpResponse:
    """The agent records a status: an answer the client gave by phone or email, an expiry, a
    return to draft. The lifecycle's table decides; a refusal is shown beside the buttons."""
    proposal = _get_proposal(request, proposal_id)
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
def proposal_revoke_link(request: AgencyRequest, proposal_id: int) -> HttpResponse:
    revoked = (
        "The client's link was deactivated: it shows a “deactivated” page and accepts nothing."
    )
    return _on_proposal(request, proposal_id, proposal_services.proposal_share_revoke, revoked)


@require_POST
@agency_required
def proposal_book(request: AgencyRequest, proposal_id: int) -> HttpResponse:
    proposal = _get_proposal(request, proposal_id)
    return run_action(
        request,
        lambda: booking_services.booking_create_from_proposal(
            proposal=proposal, created_by=request.user
        ),
        success=lambda booking: f"Booking {booking.reference} created from the proposal.",
        redirect_to=_to_detail(proposal),
        success_to=lambda booking: reverse("booking_detail", args=[booking.pk]),
    )
