"""The one door for a proposal's status: the table of allowed changes and the function that
makes them, stamping the timestamps and naming the event.

Sending, the client opening the link, answering (on the link, or an agent recording a phone
answer), expiring, the API and the dashboard all go through :func:`proposal_transition`.

Accepted and declined are final: nothing reopens them, and their terms (price, currency,
client, itinerary, validity) are frozen; accepting confirms the proposal's itinerary. Becoming
sent freezes a version (``versions.py``): what the client's link shows from then on, whatever
is edited afterwards. An expired proposal can be
sent again. A sent or viewed proposal can be taken back to draft to be revised; its link then
refuses an answer until it is sent again.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone

from accounts.events import named_event
from core.errors import Conflict
from core.transitions import Transitions
from crm.proposals.models import Proposal, ProposalStatus, new_share_token
from crm.proposals.versions import version_freeze
from crm.trips.models import Itinerary, ItineraryStatus

if TYPE_CHECKING:
    from accounts.models import User

S = ProposalStatus
PROPOSAL_TRANSITIONS = Transitions(
    "proposal",
    {
        S.DRAFT: frozenset({S.SENT}),
        S.SENT: frozenset({S.VIEWED, S.ACCEPTED, S.DECLINED, S.EXPIRED, S.DRAFT}),
        S.VIEWED: frozenset({S.ACCEPTED, S.DECLINED, S.EXPIRED, S.DRAFT}),
        S.EXPIRED: frozenset({S.SENT}),
        S.ACCEPTED: frozenset(),
        S.DECLINED: frozenset(),
    },
)
# The statuses a client may still answer from on the link.
ANSWERABLE = frozenset({S.SENT, S.VIEWED})
EVENTS: dict[str, str] = {
    S.DRAFT: "proposal.reopened",
    S.SENT: "proposal.sent",
    S.VIEWED: "proposal.viewed",
    S.ACCEPTED: "proposal.accepted",
    S.DECLINED: "proposal.declined",
    S.EXPIRED: "proposal.expired",
}
# The terms an answer was given to: frozen once accepted or declined.
FROZEN_TERMS: dict[str, str] = {
    "client": "client",
    "itinerary": "itinerary",
    "currency": "currency",
    "total_price": "price",
    "valid_until": "validity date",
}


def proposal_lock(proposal: Proposal) -> Proposal:
    """Re-read the row under a lock (inside the caller's transaction): the status it holds is
    the one the change starts from, whatever another request did meanwhile."""
    return Proposal.objects.for_agency(proposal.agency_id).select_for_update().get(pk=proposal.pk)


def check_terms_editable(current: Proposal, edited: Proposal, names: Iterable[str]) -> None:
    """Refuse an edit of an answered proposal's terms: ``current`` is the row as stored,
    ``edited`` the same proposal with the edit applied to the fields ``names``."""
    if not PROPOSAL_TRANSITIONS.is_final(current.status):
        return
    errors: dict[str, list[str]] = {}
    for name in names:
        label = FROZEN_TERMS.get(name)
        attname = f"{name}_id" if name in ("client", "itinerary") else name
        if label and getattr(edited, attname) != getattr(current, attname):
            errors[name] = [f"This proposal is {current.status}; its {label} can no longer change."]
    if errors:
        raise Conflict(errors)


@transaction.atomic
def proposal_transition(
    *,
    proposal: Proposal,
    to: str,
    data: dict[str, Any] | None = None,
    actor: User | None = None,
) -> Proposal:
    """Move ``proposal`` to status ``to`` if the table allows it from its current status (a
    ``status`` error naming that status otherwise); the same status is no change at all.
    Becoming sent freezes the next version (``versions.version_freeze``); ``data`` joins the
    event's; ``actor`` is who sent a frozen version (the request's user by default)."""
    locked = proposal_lock(proposal)
    current = proposal.status = locked.status
    proposal.link_revoked_at = locked.link_revoked_at
    if not PROPOSAL_TRANSITIONS.begin(current, to):
        return proposal
    now = timezone.now()
    proposal.status = to
    changed = ["status", "updated_at"]
    if to == S.SENT:
        # A new round: sent now, not yet opened or answered; the client needs a link.
        proposal.sent_at, proposal.viewed_at, proposal.responded_at = now, None, None
        changed += ["sent_at", "viewed_at", "responded_at"]
        if proposal.share_token is None:
            proposal.share_token = new_share_token()
            changed.append("share_token")
    elif to == S.VIEWED:
        proposal.viewed_at = now
        changed.append("viewed_at")
    elif to in (S.ACCEPTED, S.DECLINED):
        proposal.responded_at = now
        changed.append("responded_at")
    elif to == S.DRAFT:
        proposal.sent_at = proposal.viewed_at = None
        changed += ["sent_at", "viewed_at"]
        if proposal.link_revoked_at is not None:  # sending re-activates a revoked link
            proposal.link_revoked_at = None
            changed.append("link_revoked_at")
    details = {"from": current, "to": to, **(data or {})}
    with named_event(EVENTS[to], subject=proposal, data=details):
        proposal.save(update_fields=changed)
    if to == S.SENT:
        version_freeze(proposal=proposal, sent_by=actor)
    elif to == S.ACCEPTED:
        _itinerary_confirm(proposal)
    return proposal


def _itinerary_confirm(proposal: Proposal) -> None:
    """An accepted proposal confirms its itinerary (a draft or proposed one: a completed or
    cancelled trip keeps its status)."""
    if proposal.itinerary_id is None:
        return
    itinerary = (
        Itinerary.objects.for_agency(proposal.agency_id)
        .select_for_update()
        .filter(pk=proposal.itinerary_id)
        .first()
    )
    if itinerary is None or itinerary.status not in (
        ItineraryStatus.DRAFT,
        ItineraryStatus.PROPOSED,
    ):
        return
    itinerary.status = ItineraryStatus.CONFIRMED
    with named_event("itinerary.confirmed", subject=itinerary, data={"proposal_id": proposal.pk}):
        itinerary.save(update_fields=["status", "updated_at"])
