"""A proposal's versions in the dashboard: one version as the client was sent it, the diff
between two in words, the acceptance certificate; and Settings → Terms and conditions."""

from __future__ import annotations

from django import forms
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from accounts.tenancy import AgencyRequest, agency_admin_required, agency_required, get_or_404
from core.validation import parse_int
from core.views import form_page, run_action
from crm.models import Proposal, ProposalVersion
from crm.proposals import selectors as proposal_selectors
from crm.proposals import services as proposal_services
from crm.proposals import terms as proposal_terms
from crm.proposals import versions


def _proposal(request: AgencyRequest, proposal_id: int) -> Proposal:
    return get_or_404(
        proposal_selectors.proposal_get, agency=request.agency, proposal_id=proposal_id
    )


def _version(proposal: Proposal, number: int | None) -> ProposalVersion:
    if number is None:
        raise Http404
    try:
        return proposal_selectors.proposal_version_get(proposal=proposal, number=number)
    except ProposalVersion.DoesNotExist:
        raise Http404 from None


@require_safe
@agency_required
def proposal_version_detail(request: AgencyRequest, proposal_id: int, number: int) -> HttpResponse:
    """Version ``number`` exactly as the client was sent it (read-only)."""
    proposal = _proposal(request, proposal_id)
    version = _version(proposal, number)
    start_date, end_date = versions.snapshot_dates(version.content)
    return render(
        request,
        "crm/proposals/version.html",
        {
            "proposal": proposal,
            "version": version,
            "shown": version.content,
            "plan": versions.snapshot_plan(version.content),
            "start_date": start_date,
            "end_date": end_date,
            "valid_until": versions.parse_date(version.content.get("valid_until")),
            "show_suppliers": True,
        },
    )


@require_safe
@agency_required
def proposal_version_diff(request: AgencyRequest, proposal_id: int) -> HttpResponse:
    """What changed between versions ``a`` (1 by default) and ``b`` (``draft`` by default: the
    live, unsent edits), in words."""
    proposal = _proposal(request, proposal_id)
    old = _version(proposal, parse_int(request.GET.get("a", "1")))
    raw_b = request.GET.get("b", "draft")
    if raw_b == "draft":
        new_content = versions.proposal_content(
            proposal, terms=versions.terms_current(agency_id=proposal.agency_id)
        )
        new_label = "the unsent draft"
    else:
        new = _version(proposal, parse_int(raw_b))
        new_content, new_label = new.content, f"version {new.number}"
    return render(
        request,
        "crm/proposals/version_diff.html",
        {
            "proposal": proposal,
            "old": old,
            "new_label": new_label,
            "changes": versions.version_diff(old.content, new_content),
        },
    )


@require_safe
@agency_required
def proposal_certificate(request: AgencyRequest, proposal_id: int) -> HttpResponse:
    """The acceptance certificate: every field the client's e-signature recorded (a page
    saying so while the client has not signed on the link)."""
    proposal = _proposal(request, proposal_id)
    acceptance = proposal_selectors.proposal_acceptance(proposal=proposal)
    return render(
        request,
        "crm/proposals/certificate_dashboard.html",
        {"proposal": proposal, "acceptance": acceptance, "agency": request.agency},
    )


@require_POST
@agency_required
def proposal_reactivate_link(request: AgencyRequest, proposal_id: int) -> HttpResponse:
    proposal = _proposal(request, proposal_id)
    return run_action(
        request,
        lambda: proposal_services.proposal_link_reactivate(proposal=proposal),
        success="The client's link works again; it shows the latest version sent.",
        redirect_to=reverse("proposal_detail", args=[proposal.pk]),
    )


class TermsForm(forms.Form):
    text = forms.CharField(
        label="Terms and conditions",
        widget=forms.Textarea(attrs={"rows": 18}),
        max_length=proposal_terms.TERMS_MAX_LENGTH,
        help_text="Publishing makes a new version: proposals sent from now on carry it, and "
        "clients tick it when they accept. Versions already sent keep theirs.",
    )


@agency_admin_required
def terms_settings(request: AgencyRequest) -> HttpResponse:
    """Settings → Terms and conditions: the current text, publish a new version, the history."""
    history = list(proposal_selectors.terms_list(agency=request.agency))
    current = history[0] if history else None
    form = TermsForm(
        request.POST if request.method == "POST" else None,
        initial={"text": current.text if current else ""},
    )
    return form_page(
        request,
        form,
        lambda: proposal_terms.terms_publish(
            agency=request.agency, created_by=request.user, text=form.cleaned_data["text"]
        ),
        template="crm/proposals/terms_settings.html",
        context={"current": current, "history": history},
        success=lambda terms: f"Terms and conditions version {terms.number} published.",
        redirect_to=lambda terms: reverse("terms_settings"),
    )
