"""PDF downloads in the dashboard: an itinerary's plan, a proposal version as sent, the
acceptance certificate (branded: ``crm.trips.documents``, ``crm.proposals.documents``)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from accounts.tenancy import AgencyRequest, agency_required, get_or_404
from core.pdf import pdf_response
from crm.models import ProposalVersion, RenderedPdf
from crm.proposals import documents as proposal_documents
from crm.proposals import selectors as proposal_selectors
from crm.proposals.rendering import pdf_now_or_later
from crm.trips import documents as trip_documents
from crm.trips import selectors as trip_selectors


def serve(request: HttpRequest, result: bytes | RenderedPdf, *, filename: str) -> HttpResponse:
    """The PDF, or (a long one a job is rendering) a page saying so, with a link to retry."""
    if isinstance(result, bytes):
        return pdf_response(result, filename=filename)
    return render(request, "crm/proposals/pdf_pending.html", {"document": result}, status=202)


@require_safe
@agency_required
def itinerary_pdf(request: AgencyRequest, itinerary_id: int) -> HttpResponse:
    itinerary = get_or_404(
        trip_selectors.itinerary_get, agency=request.agency, itinerary_id=itinerary_id
    )
    filename = trip_documents.itinerary_filename(itinerary)
    result = pdf_now_or_later(
        agency_id=request.agency.pk,
        html=trip_documents.itinerary_html(itinerary),
        filename=filename,
    )
    return serve(request, result, filename=filename)


@require_safe
@agency_required
def proposal_version_pdf(request: AgencyRequest, proposal_id: int, number: int) -> HttpResponse:
    proposal = get_or_404(
        proposal_selectors.proposal_get, agency=request.agency, proposal_id=proposal_id
    )
    try:
        version = proposal_selectors.proposal_version_get(proposal=proposal, number=number)
    except ProposalVersion.DoesNotExist:
        raise Http404 from None
    return serve(
        request,
        proposal_documents.version_document(version),
        filename=proposal_documents.version_filename(version),
    )


@require_safe
@agency_required
def proposal_certificate_pdf(request: AgencyRequest, proposal_id: int) -> HttpResponse:
    """The certificate as a PDF (while the client has not signed, the certificate page,
    which says so)."""
    proposal = get_or_404(
        proposal_selectors.proposal_get, agency=request.agency, proposal_id=proposal_id
    )
    acceptance = proposal_selectors.proposal_acceptance(proposal=proposal)
    if acceptance is None:
        return redirect("proposal_certificate", proposal_id=proposal.pk)
    return pdf_response(
        proposal_documents.certificate_pdf(acceptance),
        filename=proposal_documents.certificate_filename(acceptance),
    )
