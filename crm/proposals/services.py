"""Writes of proposals and their lifecycle (send, view, answer)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts.models import Agency, User
from accounts.tenancy import resolve_related
from core.money import normalise_currency_field
from core.validation import save_validated, unknown_fields
from crm.clients.models import Client
from crm.proposals.models import Proposal, ProposalStatus, new_share_token
from crm.trips.models import Itinerary

PROPOSAL_FIELDS = (
    "client",
    "itinerary",
    "title",
    "status",
    "currency",
    "total_price",
    "valid_until",
    "message",
)


def _proposal_apply(proposal: Proposal, fields: Mapping[str, Any]) -> None:
    unknown_fields(fields, PROPOSAL_FIELDS)
    fields = dict(fields)
    normalise_currency_field(fields)
    for name, value in fields.items():
        if name == "client":
            value = resolve_related(Client, agency=proposal.agency, value=value, field="client_id")
        elif name == "itinerary":
            value = resolve_related(
                Itinerary, agency=proposal.agency, value=value, field="itinerary_id"
            )
        elif name == "message" and value is None:
            value = ""
        setattr(proposal, name, value)
    linked = proposal.itinerary
    if linked is not None and proposal.client_id and linked.client_id != proposal.client_id:
        raise ValidationError({"itinerary_id": ["This itinerary belongs to another client."]})


def proposal_create(*, agency: Agency, created_by: User | None = None, **fields: Any) -> Proposal:
    fields = dict(fields)
    if "client" not in fields and fields.get("itinerary") is not None:
        itinerary = resolve_related(
            Itinerary, agency=agency, value=fields["itinerary"], field="itinerary_id"
        )
        fields["client"] = itinerary.client_id
    if "client" not in fields:
        raise ValidationError({"client_id": ["This field is required."]})
    proposal = Proposal(agency=agency, created_by=created_by, currency=agency.default_currency)
    _proposal_apply(proposal, fields)
    _stamp_proposal_status(proposal, previous=None)
    save_validated(proposal)
    return proposal


def proposal_update(*, proposal: Proposal, **fields: Any) -> Proposal:
    previous = proposal.status
    _proposal_apply(proposal, fields)
    _stamp_proposal_status(proposal, previous=previous)
    save_validated(proposal)
    return proposal


def _stamp_proposal_status(proposal: Proposal, *, previous: str | None) -> None:
    """Keep the sent/viewed/responded timestamps true to the status."""
    if proposal.status == previous:
        return
    now = timezone.now()
    if proposal.status == ProposalStatus.SENT and proposal.sent_at is None:
        proposal.sent_at = now
    elif proposal.status == ProposalStatus.VIEWED and proposal.viewed_at is None:
        proposal.viewed_at = now
        proposal.sent_at = proposal.sent_at or now
    elif proposal.status in (ProposalStatus.ACCEPTED, ProposalStatus.DECLINED):
        proposal.responded_at = now
        proposal.sent_at = proposal.sent_at or now


def proposal_delete(*, proposal: Proposal) -> None:
    proposal.delete()


def proposal_send(*, proposal: Proposal) -> Proposal:
    """Mark as sent and make sure it has a shareable link for the client."""
    if proposal.status in (ProposalStatus.ACCEPTED, ProposalStatus.DECLINED):
        raise ValidationError({"status": ["This proposal has already been answered."]})
    if proposal.share_token is None:
        proposal.share_token = new_share_token()
    if proposal.status in (ProposalStatus.DRAFT, ProposalStatus.EXPIRED):
        proposal.status = ProposalStatus.SENT
        proposal.sent_at = timezone.now()
    proposal.save()
    return proposal


def proposal_share_revoke(*, proposal: Proposal) -> Proposal:
    proposal.share_token = None
    proposal.save(update_fields=["share_token", "updated_at"])
    return proposal


def proposal_mark_viewed(*, proposal: Proposal) -> Proposal:
    if proposal.status == ProposalStatus.SENT:
        proposal.status = ProposalStatus.VIEWED
        proposal.viewed_at = timezone.now()
        proposal.save(update_fields=["status", "viewed_at", "updated_at"])
    return proposal


def proposal_respond(*, proposal: Proposal, accept: bool) -> Proposal:
    """The client's answer through the shared link (or recorded by an agent)."""
    if proposal.status in (ProposalStatus.ACCEPTED, ProposalStatus.DECLINED):
        raise ValidationError({"status": ["This proposal has already been answered."]})
    if proposal.status == ProposalStatus.EXPIRED or (
        proposal.valid_until and proposal.valid_until < timezone.localdate()
    ):
        raise ValidationError({"status": ["This proposal has expired."]})
    proposal.status = ProposalStatus.ACCEPTED if accept else ProposalStatus.DECLINED
    proposal.responded_at = timezone.now()
    proposal.save(update_fields=["status", "responded_at", "updated_at"])
    return proposal
