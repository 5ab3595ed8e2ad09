"""The enquiries inbox: an enquiry's status (its one door), who works on it, and converting it
into an itinerary.

Statuses: ``new`` (nobody has looked at it), ``in_progress`` (an agent is answering),
``converted`` (it became a trip: an itinerary was started from it), ``closed`` (nothing came of
it, or it was spam). A closed enquiry can be taken up again (back to ``in_progress``); a
converted one can still be closed. A client's own status (lead, active, inactive) keeps its
meaning: it describes the person, this describes one request of theirs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.events import record_event
from accounts.models import ActivityAction
from accounts.tenancy import resolve_member
from core.transitions import Transitions
from crm.enquiries.models import Enquiry, EnquiryStatus
from crm.trips.models import Itinerary
from crm.trips.services import itinerary_create

if TYPE_CHECKING:
    from accounts.models import User

S = EnquiryStatus
ENQUIRY_TRANSITIONS = Transitions(
    "enquiry",
    {
        S.NEW: frozenset({S.IN_PROGRESS, S.CONVERTED, S.CLOSED}),
        S.IN_PROGRESS: frozenset({S.CONVERTED, S.CLOSED}),
        S.CONVERTED: frozenset({S.CLOSED}),
        S.CLOSED: frozenset({S.IN_PROGRESS}),
    },
)


def _lock(enquiry: Enquiry) -> Enquiry:
    return Enquiry.objects.for_agency(enquiry.agency_id).select_for_update().get(pk=enquiry.pk)


def _record(name: str, *, enquiry: Enquiry, actor: User | None, data: dict) -> None:
    record_event(
        name,
        agency_id=enquiry.agency_id,
        subject=enquiry,
        object_type="enquiry",
        object_repr=enquiry.name or enquiry.email or enquiry.phone,
        client_id=enquiry.client_id,
        action=ActivityAction.UPDATE,
        actor=actor,
        data=data,
    )


@transaction.atomic
def enquiry_transition(*, enquiry: Enquiry, to: str, actor: User | None = None) -> Enquiry:
    """The enquiry's one status door (``Transitions.begin``: the same status is no change; a
    step off the table is a ``status`` error naming the current one)."""
    locked = _lock(enquiry)
    current = enquiry.status = locked.status
    if not ENQUIRY_TRANSITIONS.begin(current, to):
        return enquiry
    enquiry.status = to
    enquiry.status_changed_at = timezone.now()
    enquiry.save(update_fields=["status", "status_changed_at"])
    _record(
        "enquiry.status_changed",
        enquiry=enquiry,
        actor=actor,
        data={"from": current, "to": to, "status": S(to).label.lower()},
    )
    return enquiry


@transaction.atomic
def enquiry_assign(
    *, enquiry: Enquiry, assignee: User | int | None, actor: User | None = None
) -> Enquiry:
    """Give the enquiry to an active member of its agency (``None``: nobody). Taking a new
    enquiry moves it to ``in_progress``: somebody is on it."""
    member = resolve_member(
        agency=enquiry.agency, value=assignee, field="assigned_to_id"
    )  # another agency's user is a field error, like a missing one
    locked = _lock(enquiry)
    before = locked.assigned_to_id
    enquiry.status = locked.status
    if before == (member.pk if member else None):
        return enquiry
    enquiry.assigned_to = member
    enquiry.save(update_fields=["assigned_to"])
    _record(
        "enquiry.assigned",
        enquiry=enquiry,
        actor=actor,
        data={
            "from": before,
            "to": member.pk if member else None,
            "assignee": member.display_name if member else "",
        },
    )
    if member is not None and enquiry.status == S.NEW:
        enquiry_transition(enquiry=enquiry, to=S.IN_PROGRESS, actor=actor)
    return enquiry


def enquiry_itinerary_title(enquiry: Enquiry) -> str:
    where = enquiry.destination or "Trip"
    who = enquiry.client.name if enquiry.client else enquiry.name
    return f"{where} for {who}"[:200] if who else where[:200]


@transaction.atomic
def enquiry_convert(*, enquiry: Enquiry, actor: User | None = None) -> Itinerary:
    """Start an itinerary for the enquiry's client, pre-filled with its destination (in the
    title), dates and travellers, and mark the enquiry ``converted``."""
    if enquiry.client_id is None:
        raise ValidationError(
            {"client_id": ["This enquiry has no client (it was deleted): nothing to plan for."]}
        )
    ENQUIRY_TRANSITIONS.check(_lock(enquiry).status, S.CONVERTED)
    notes = "\n".join(
        line
        for line in (
            f"From the website enquiry of {enquiry.created_at:%Y-%m-%d}.",
            f"Budget: {enquiry.budget}" if enquiry.budget else "",
            enquiry.message,
        )
        if line
    )
    itinerary = itinerary_create(
        agency=enquiry.agency,
        created_by=actor,
        client=enquiry.client_id,
        title=enquiry_itinerary_title(enquiry),
        start_date=enquiry.travel_start,
        end_date=enquiry.travel_end,
        travellers=enquiry.travellers or 1,
        notes=notes,
    )
    enquiry.itinerary = itinerary
    enquiry.save(update_fields=["itinerary"])
    enquiry_transition(enquiry=enquiry, to=S.CONVERTED, actor=actor)
    _record(
        "enquiry.converted",
        enquiry=enquiry,
        actor=actor,
        data={"itinerary_id": itinerary.pk, "itinerary_title": itinerary.title},
    )
    return itinerary


_UNCHANGED: Any = object()


@transaction.atomic
def enquiry_update(
    *,
    enquiry: Enquiry,
    status: str = _UNCHANGED,
    assigned_to: User | int | None = _UNCHANGED,
    actor: User | None = None,
) -> Enquiry:
    """The API's PATCH: the assignee first (taking a new enquiry puts it in progress), then the
    status, each through its own door; a refusal changes neither (one transaction)."""
    if assigned_to is not _UNCHANGED:
        enquiry = enquiry_assign(enquiry=enquiry, assignee=assigned_to, actor=actor)
    if status is not _UNCHANGED:
        enquiry = enquiry_transition(enquiry=enquiry, to=status, actor=actor)
    return enquiry
