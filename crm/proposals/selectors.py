"""Reads of proposals, scoped to the agency (or to a share token)."""

from __future__ import annotations

from django.db.models import F, OuterRef, Prefetch, QuerySet, Subquery

from accounts.models import Agency
from core.filters import Filters, apply_filters
from crm.proposals.filters import ProposalFilter
from crm.proposals.models import (
    Acceptance,
    Proposal,
    ProposalLineItem,
    ProposalOption,
    ProposalVersion,
    TermsVersion,
)


def _with_versions(rows: QuerySet[Proposal]) -> QuerySet[Proposal]:
    """The latest version's number and the acceptance, in the same query."""
    latest = (
        ProposalVersion.objects.filter(proposal_id=OuterRef("pk"))
        .order_by("-number")
        .values("number")[:1]
    )
    return rows.annotate(current_version_number=Subquery(latest)).select_related("acceptance")


def proposal_list(*, agency: Agency, filters: Filters = None) -> QuerySet[Proposal]:
    return apply_filters(
        ProposalFilter, _with_versions(Proposal.objects.for_agency(agency)), filters
    )


def proposal_get(*, agency: Agency, proposal_id: int) -> Proposal:
    """One proposal, with who goes (one more query) and its options and their lines in order
    (two more)."""
    return (
        _with_versions(Proposal.objects.for_agency(agency).select_related("client", "itinerary"))
        .prefetch_related(
            "named_travellers",
            Prefetch(
                "options",
                queryset=ProposalOption.objects.order_by("position", "id").prefetch_related(
                    Prefetch("lines", queryset=ProposalLineItem.objects.order_by("position", "id"))
                ),
            ),
        )
        .get(pk=proposal_id)
    )


def proposal_get_by_share_token(*, token: str) -> Proposal:
    """The public, read-only link: the token alone identifies the proposal (and its agency)."""
    if not token:
        raise Proposal.DoesNotExist
    return (
        Proposal.objects.select_related("client", "agency")
        .prefetch_related("named_travellers")
        .get(share_token=token)
    )


def proposals_awaiting_answer(*, agency: Agency) -> QuerySet[Proposal]:
    """Sent or viewed proposals the client has not answered yet, oldest sent first."""
    return (
        Proposal.objects.for_agency(agency)
        .filter(status__in=["sent", "viewed"])
        .select_related("client")
        .order_by(F("sent_at").asc(nulls_last=True), "id")
    )


def proposal_acceptance(*, proposal: Proposal) -> Acceptance | None:
    """The client's e-signature of ``proposal``, or None (never accepted on the link)."""
    return (
        Acceptance.objects.for_agency(proposal.agency_id)
        .select_related("version", "terms")
        .filter(proposal_id=proposal.pk)
        .first()
    )


def proposal_versions(*, proposal: Proposal) -> QuerySet[ProposalVersion]:
    """The versions sent, first to last, with who sent each and its acceptance if any."""
    return (
        ProposalVersion.objects.for_agency(proposal.agency_id)
        .filter(proposal_id=proposal.pk)
        .select_related("sent_by", "acceptance")
        .order_by("number")
    )


def proposal_version_get(*, proposal: Proposal, number: int) -> ProposalVersion:
    return proposal_versions(proposal=proposal).get(number=number)


def terms_list(*, agency: Agency) -> QuerySet[TermsVersion]:
    return TermsVersion.objects.for_agency(agency).select_related("created_by").order_by("-number")
