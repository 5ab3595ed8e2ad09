"""Reads of proposals, scoped to the agency (or to a share token)."""

from __future__ import annotations

from django.db.models import F, Prefetch, QuerySet

from accounts.models import Agency
from core.filters import Filters, apply_filters
from crm.proposals.filters import ProposalFilter
from crm.proposals.models import Proposal
from crm.trips.selectors import days_prefetch


def proposal_list(*, agency: Agency, filters: Filters = None) -> QuerySet[Proposal]:
    return apply_filters(ProposalFilter, Proposal.objects.for_agency(agency), filters)


def proposal_get(*, agency: Agency, proposal_id: int) -> Proposal:
    return (
        Proposal.objects.for_agency(agency)
        .select_related("client", "itinerary")
        .prefetch_related("named_travellers")
        .get(pk=proposal_id)
    )


def proposal_get_by_share_token(*, token: str) -> Proposal:
    """The public, read-only link: the token alone identifies the proposal (and its agency)."""
    if not token:
        raise Proposal.DoesNotExist
    return (
        Proposal.objects.select_related("client", "itinerary", "agency")
        .prefetch_related(
            Prefetch("itinerary__days", queryset=days_prefetch().queryset), "named_travellers"
        )
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
