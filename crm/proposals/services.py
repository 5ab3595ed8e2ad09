"""Writes of proposals: create, edit, delete, and the lifecycle steps (send, view, answer,
expire, revoke the link). Every status change goes through ``lifecycle.proposal_transition``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, TypedDict, Unpack

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from accounts.events import named_event
from accounts.models import Agency, User
from accounts.quotas import agency_quota_check
from accounts.tenancy import resolve_related
from core.errors import Conflict
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
from crm.proposals.models import (
    Acceptance,
    Proposal,
    ProposalOption,
    ProposalStatus,
    ProposalVersion,
    new_share_token,
)
from crm.proposals.options import DERIVED_PRICE, accepted_choice, options_replace
from crm.proposals.versions import content_sha256, latest_version, version_freeze
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
    options: Sequence[Mapping[str, Any]]


PROPOSAL_FIELDS = tuple(ProposalChanges.__annotations__)
# The fields only the door writes: an edit never saves its (possibly stale) copy of them.
DOOR_FIELDS = (
    "status",
    "sent_at",
    "viewed_at",
    "responded_at",
    "share_token",
    "link_revoked_at",
)
FULL_NAME_MAX_LENGTH = 200
DECLINE_REASON_MAX_LENGTH = 2_000
USER_AGENT_MAX_LENGTH = 500


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
    options: Sequence[Mapping[str, Any]] | None = None,
) -> Proposal:
    """Draft a proposal (for ``itinerary``'s client when no ``client`` is given). A ``status``
    other than draft is reached through the door, step by step, each step an event. With
    ``options`` (see ``options.options_replace``) the price is derived from them."""
    if client is None and itinerary is not None:
        linked = resolve_related(Itinerary, agency=agency, value=itinerary, field="itinerary_id")
        client = linked.client_id if linked else None
    if client is None:
        raise ValidationError({"client_id": ["This field is required."]})
    agency_quota_check(
        "proposals", agency_id=agency.pk, rows=Proposal.objects.for_agency(agency.pk)
    )
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
    if options:
        if total_price:
            raise ValidationError({"total_price": [DERIVED_PRICE]})
        options_replace(proposal=proposal, options=options)
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
    options = fields.pop("options", None)
    current = proposal_lock(proposal)
    if status is not None and status != current.status:
        PROPOSAL_TRANSITIONS.check(current.status, status)
    for name in DOOR_FIELDS:
        setattr(proposal, name, getattr(current, name))
    priced_by_options = (
        bool(options)
        if options is not None
        else ProposalOption.objects.filter(proposal_id=current.pk).exists()
    )
    if priced_by_options:
        typed = fields.pop("total_price", None)
        if typed is not None and Decimal(typed) != current.total_price:
            # The stored price is the state a client may send back unchanged (a PUT of what
            # it read); another figure conflicts with it, as a booking priced by services.
            raise Conflict({"total_price": [DERIVED_PRICE]})
        proposal.total_price = current.total_price
    if fields:
        _proposal_apply(proposal, fields)
        check_terms_editable(current, proposal, fields)
        save_validated(proposal)
    if traveller_ids is not None or "client" in fields:
        travellers_assign(record=proposal, traveller_ids=traveller_ids)
    if options is not None:
        options_replace(proposal=proposal, options=options)
    if status is not None:
        proposal_transition(proposal=proposal, to=status)
    return proposal


def proposal_delete(*, proposal: Proposal) -> None:
    proposal.delete()


@transaction.atomic
def proposal_send(*, proposal: Proposal, sent_by: User | None = None) -> Proposal:
    """Send to the client: a draft or expired proposal becomes sent (freezing its next
    version); one already out freezes a new version if its content changed since the last one
    (the link then shows it) and has its link re-activated if it was revoked. An answered
    proposal is refused."""
    current = proposal_lock(proposal)
    if current.status not in ANSWERABLE:
        return proposal_transition(proposal=proposal, to=S.SENT, actor=sent_by)
    proposal.status = current.status
    proposal.share_token, proposal.link_revoked_at = current.share_token, current.link_revoked_at
    if proposal.share_token is None:
        proposal.share_token = new_share_token()
        with named_event("proposal.sent", subject=proposal, data={"new_link": True}):
            proposal.save(update_fields=["share_token", "updated_at"])
    if proposal.link_revoked_at is not None:
        proposal_link_reactivate(proposal=proposal)
    version_freeze(proposal=proposal, sent_by=sent_by)
    return proposal


@transaction.atomic
def proposal_share_revoke(*, proposal: Proposal) -> Proposal:
    """Deactivate the client's link: it then shows a clear page and accepts nothing, until it
    is re-activated (or the proposal is sent again)."""
    current = proposal_lock(proposal)
    if current.share_token is None:
        raise ValidationError({"share_token": ["This proposal has no link yet: send it first."]})
    if current.link_revoked_at is not None:
        proposal.link_revoked_at = current.link_revoked_at
        return proposal
    proposal.link_revoked_at = timezone.now()
    with named_event("proposal.link_revoked", subject=proposal):
        proposal.save(update_fields=["link_revoked_at", "updated_at"])
    return proposal


@transaction.atomic
def proposal_link_reactivate(*, proposal: Proposal) -> Proposal:
    """Re-activate a revoked link: the same address works again, showing the latest version."""
    current = proposal_lock(proposal)
    if current.share_token is None:
        raise ValidationError({"share_token": ["This proposal has no link yet: send it first."]})
    proposal.link_revoked_at = None
    if current.link_revoked_at is not None:
        with named_event("proposal.link_reactivated", subject=proposal):
            proposal.save(update_fields=["link_revoked_at", "updated_at"])
    return proposal


def proposal_mark_viewed(*, proposal: Proposal) -> Proposal:
    """The client opened the link: the version it shows counts one more view, and a sent
    proposal becomes viewed (anything else stays). The count is a counter, not an event (the
    first view is the ``proposal.viewed`` event)."""
    latest = latest_version(proposal)
    if latest is not None:
        ProposalVersion.objects.filter(pk=latest.pk).update(
            view_count=F("view_count") + 1, last_viewed_at=timezone.now()
        )
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


def proposal_link_state(proposal: Proposal, *, today: dt.date | None = None) -> str:
    """What the client's link can do now: ``revoked``, ``accepted``, ``declined``, ``expired``,
    ``revising`` (taken back to draft), or ``open`` (it can be answered)."""
    if proposal.link_revoked_at is not None:
        return "revoked"
    if proposal.status in (S.ACCEPTED, S.DECLINED):
        return str(proposal.status)
    if proposal.status == S.EXPIRED or (
        proposal.status in ANSWERABLE and proposal_is_past_validity(proposal, today=today)
    ):
        return "expired"
    if proposal.status not in ANSWERABLE:
        return "revising"
    return "open"


_REFUSALS = {
    "revoked": "This link has been deactivated; contact your travel agent.",
    "accepted": "This proposal has already been answered.",
    "declined": "This proposal has already been answered.",
    "expired": "This proposal has expired.",
    "revising": "This proposal is being revised; your travel agent will send it again.",
}


@transaction.atomic
def proposal_respond(
    *,
    proposal: Proposal,
    accept: bool,
    version_number: int | None = None,
    full_name: str = "",
    terms_accepted: bool = False,
    confirmed: bool = False,
    ip_address: str = "",
    user_agent: str = "",
    reason: str = "",
    option_id: int | None = None,
    extras: Iterable[int] = (),
) -> Proposal:
    """The client's answer on the shared link, to the version it shows: only a sent or viewed
    proposal within its validity, on a live link, can be answered, and only once.

    Accepting is an e-signature: the full name typed, the terms ticked (when the version
    carries terms) and the confirmation; an :class:`Acceptance` records them with the time,
    IP address, user agent, the version and terms version, and the SHA-256 of the frozen
    content. A version with options needs ``option_id`` (one of its frozen options; the only
    one by default) and takes ``extras`` (ids of that option's optional lines): the choice
    and its total, priced from the frozen version, are recorded, and become the proposal's
    price. Declining takes an optional reason, kept in the event."""
    current = proposal_lock(proposal)
    state = proposal_link_state(current)
    if state != "open":
        raise ValidationError({"status": [_REFUSALS[state]]})
    version = latest_version(current)
    if version is None:  # sent before versions existed and never re-sent
        version = version_freeze(proposal=current)
        assert version is not None
    if version_number is not None and version_number != version.number:
        raise ValidationError(
            {
                "version": [
                    "This proposal has been updated since you opened it: review the new "
                    "version, then answer."
                ]
            }
        )
    if not accept:
        reason = (reason or "").strip()
        if len(reason) > DECLINE_REASON_MAX_LENGTH:
            raise ValidationError({"reason": [f"At most {DECLINE_REASON_MAX_LENGTH} characters."]})
        data: dict[str, Any] = {"version": version.number}
        if reason:
            data["reason"] = reason
        return proposal_transition(proposal=proposal, to=S.DECLINED, data=data)
    full_name = " ".join((full_name or "").split())
    errors: dict[str, list[str]] = {}
    if len(full_name) < 2:
        errors["full_name"] = ["Type your full name to sign."]
    elif len(full_name) > FULL_NAME_MAX_LENGTH:
        errors["full_name"] = [f"At most {FULL_NAME_MAX_LENGTH} characters."]
    if version.terms_id is not None and not terms_accepted:
        errors["terms"] = ["Tick the box to accept the terms and conditions."]
    if not confirmed:
        errors["confirm"] = ["Confirm that you accept this proposal."]
    try:
        choice, total = accepted_choice(version.content, option_id=option_id, extras=extras)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
    digest = content_sha256(version.content)
    if digest != version.content_sha256:  # the frozen row was tampered with outside Itinera
        raise ValidationError({"version": ["This proposal cannot be accepted; contact us."]})
    terms_number = version.content["terms"]["version"] if version.content.get("terms") else None
    Acceptance.objects.create(
        agency_id=current.agency_id,
        proposal_id=current.pk,
        version=version,
        version_number=version.number,
        terms_id=version.terms_id,
        terms_version=terms_number,
        full_name=full_name,
        accepted_at=timezone.now(),
        ip_address=ip_address or None,
        user_agent=(user_agent or "")[:USER_AGENT_MAX_LENGTH],
        content_sha256=digest,
        choice=choice,
        total_price=total,
        currency=version.content["currency"],
    )
    event: dict[str, Any] = {"version": version.number, "terms_version": terms_number}
    if choice:
        # The accepted total is the proposal's price from now on (frozen: it is answered).
        Proposal.objects.filter(pk=current.pk).update(total_price=total)
        proposal.total_price = total
        event.update(option=choice["title"], total_price=choice["total"])
    return proposal_transition(proposal=proposal, to=S.ACCEPTED, data={**event, "sha256": digest})


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
