"""Writes of proposals: create, edit, delete, and the lifecycle steps (send, view, answer,
expire, revoke the link). Every status change goes through ``lifecycle.proposal_transition``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any, TypedDict, Unpack

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.events import named_event
from accounts.models import Agency, User
from accounts.quotas import agency_quota_check
from accounts.tenancy import resolve_related
from core.money import normalise_currency_field
from core.validation import save_validated, unknown_fields
from crm.clients.models import Client
from crm.clients.travellers import travellers_assign
from crm.proposals.lifecycle import (
    ANSWERABLE,
    PROPOSAL_TRANSITIONS,
    check_terms_editable,
    proposal_lock,
    proposal_transition,
)
from crm.proposals.models import Proposal, ProposalStatus, new_share_token
from crm.trips.models import Itinerary

S = ProposalStatus


class ProposalChanges(TypedDict, total=False):
    """What an edit may change (omitted means unchanged); ``status`` goes through the door."""

    client: Client | int
    itinerary: Itinerary | int | None
    title: str
    status: str
    currency: str
    total_price: Decimal
    valid_until: dt.date | None
    message: str | None


PROPOSAL_FIELDS = tuple(ProposalChanges.__annotations__)
# The fields only the door writes: an edit never saves its (possibly stale) copy of them.
DOOR_FIELDS = ("status", "sent_at", "viewed_at", "responded_at", "share_token")


def _proposal_apply(proposal: Proposal, fields: Mapping[str, Any]) -> None:
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


@transaction.atomic
def proposal_create(
    *,
    agency: Agency,
    created_by: User | None = None,
    title: str,
    client: Client | int | None = None,
    itinerary: Itinerary | int | None = None,
    status: str = S.DRAFT,
    currency: str | None = None,
    total_price: Decimal = Decimal("0.00"),
    valid_until: dt.date | None = None,
    message: str | None = "",
    traveller_ids: Sequence[int] | None = None,
) -> Proposal:
    """Draft a proposal (for ``itinerary``'s client when no ``client`` is given). A ``status``
    other than draft is reached through the door, step by step, each step an event."""
    if client is None and itinerary is not None:
        linked = resolve_related(Itinerary, agency=agency, value=itinerary, field="itinerary_id")
        client = linked.client_id if linked else None
    if client is None:
        raise ValidationError({"client_id": ["This field is required."]})
    agency_quota_check("proposals", agency_id=agency.pk, rows=Proposal.objects.for_agency(agency))
    proposal = Proposal(agency=agency, created_by=created_by, status=S.DRAFT)
    fields: dict[str, Any] = {
        "client": client,
        "itinerary": itinerary,
        "title": title,
        "currency": currency or agency.default_currency,
        "total_price": total_price,
        "valid_until": valid_until,
        "message": message,
    }
    _proposal_apply(proposal, fields)
    save_validated(proposal)
    if traveller_ids:
        travellers_assign(record=proposal, traveller_ids=traveller_ids)
    for step in PROPOSAL_TRANSITIONS.path(S.DRAFT, status):  # an unknown status is refused
        proposal_transition(proposal=proposal, to=step)
    return proposal


@transaction.atomic
def proposal_update(
    *,
    proposal: Proposal,
    traveller_ids: Sequence[int] | None = None,
    **changes: Unpack[ProposalChanges],
) -> Proposal:
    """Edit a proposal. An answered one keeps its terms; a new ``status`` must follow the table
    from the status the database holds. A refusal changes nothing."""
    unknown_fields(changes, PROPOSAL_FIELDS)
    fields: dict[str, Any] = dict(changes)
    status = fields.pop("status", None)
    current = proposal_lock(proposal)
    if status is not None and status != current.status:
        PROPOSAL_TRANSITIONS.check(current.status, status)
    for name in DOOR_FIELDS:
        setattr(proposal, name, getattr(current, name))
    if fields:
        _proposal_apply(proposal, fields)
        check_terms_editable(current, proposal, fields)
        save_validated(proposal)
    if traveller_ids is not None or "client" in fields:
        travellers_assign(record=proposal, traveller_ids=traveller_ids)
    if status is not None:
        proposal_transition(proposal=proposal, to=status)
    return proposal


def proposal_delete(*, proposal: Proposal) -> None:
    proposal.delete()


@transaction.atomic
def proposal_send(*, proposal: Proposal) -> Proposal:
    """Send to the client: a draft or expired proposal becomes sent; one already out keeps its
    status and gets a link again if it was revoked. An answered proposal is refused."""
    current = proposal_lock(proposal)
    if current.status not in ANSWERABLE:
        return proposal_transition(proposal=proposal, to=S.SENT)
    proposal.status = current.status
    if current.share_token is None:
        proposal.share_token = new_share_token()
        with named_event("proposal.sent", subject=proposal, data={"new_link": True}):
            proposal.save(update_fields=["share_token", "updated_at"])
    return proposal


@transaction.atomic
def proposal_share_revoke(*, proposal: Proposal) -> Proposal:
    proposal.share_token = None
    with named_event("proposal.link_revoked", subject=proposal):
        proposal.save(update_fields=["share_token", "updated_at"])
    return proposal


def proposal_mark_viewed(*, proposal: Proposal) -> Proposal:
    """The client opened the link: a sent proposal becomes viewed (anything else stays)."""
    if proposal.status != S.SENT:
        return proposal
    with transaction.atomic():
        proposal.status = proposal_lock(proposal).status
        if proposal.status == S.SENT:
            proposal_transition(proposal=proposal, to=S.VIEWED)
    return proposal


def proposal_is_past_validity(proposal: Proposal, *, today: dt.date | None = None) -> bool:
    today = today or timezone.localdate()
    return bool(proposal.valid_until and proposal.valid_until < today)


@transaction.atomic
def proposal_respond(*, proposal: Proposal, accept: bool) -> Proposal:
    """The client's answer on the shared link: only a sent or viewed proposal still within
    its validity can be answered, and only once."""
    current = proposal_lock(proposal)
    if current.status in (S.ACCEPTED, S.DECLINED):
        raise ValidationError({"status": ["This proposal has already been answered."]})
    if current.status == S.EXPIRED or (
        current.status in ANSWERABLE and proposal_is_past_validity(current)
    ):
        raise ValidationError({"status": ["This proposal has expired."]})
    if current.status not in ANSWERABLE:
        raise ValidationError(
            {"status": ["This proposal is being revised; your travel agent will send it again."]}
        )
    return proposal_transition(proposal=proposal, to=S.ACCEPTED if accept else S.DECLINED)


def proposal_expire(*, proposal: Proposal) -> Proposal:
    return proposal_transition(proposal=proposal, to=S.EXPIRED)


def proposals_expire_due(*, agency: Agency, today: dt.date | None = None) -> int:
    """Expire the agency's sent or viewed proposals whose validity has passed; the count."""
    today = today or timezone.localdate()
    due = Proposal.objects.for_agency(agency).filter(
        status__in=sorted(ANSWERABLE), valid_until__lt=today
    )
    expired = 0
    for proposal in due:
        with transaction.atomic():
            if proposal_lock(proposal).status in ANSWERABLE:
                proposal_expire(proposal=proposal)
                expired += 1
    return expired
