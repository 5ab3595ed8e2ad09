"""Writes of tasks: add, edit, complete, reopen, delete; the automatic follow-ups' one way in
(:func:`task_create_for_occasion`); and the agency's follow-up settings.

A task belongs to one client; the itinerary, proposal or booking it may name must be that
client's, in the same agency. Its assignee is an active member (by default whoever adds it,
else the agency's owner). Done and undone change only here, each a named event in the client's
history (``task.completed``, ``task.reopened``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypedDict, Unpack

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.events import named_event, record_event
from accounts.models import Agency, Role, User
from accounts.tenancy import active_members, resolve_member, resolve_related
from core.validation import blank_text, save_validated, unknown_fields
from crm.bookings.models import Booking
from crm.clients.models import Client
from crm.proposals.models import Proposal
from crm.tasks.models import FollowUpSettings, Task, TaskPriority, TaskSource
from crm.trips.models import Itinerary

# Due dates further out than this are typing mistakes (2062 for 2026).
LATEST_DUE_YEARS = 10
LINKS: dict[str, type[Itinerary] | type[Proposal] | type[Booking]] = {
    "itinerary": Itinerary,
    "proposal": Proposal,
    "booking": Booking,
}


class TaskChanges(TypedDict, total=False):
    """What an edit may change (omitted means unchanged); done/undone has its own doors."""

    title: str
    notes: str | None
    due_date: dt.date
    due_time: dt.time | None
    assignee: User | int | None
    priority: str
    client: Client | int
    itinerary: Itinerary | int | None
    proposal: Proposal | int | None
    booking: Booking | int | None


TASK_FIELDS = tuple(TaskChanges.__annotations__)


def agency_owner(agency_id: int) -> User | None:
    return active_members(agency=agency_id).filter(role=Role.OWNER).order_by("pk").first()


def _check_due(due_date: dt.date | None) -> None:
    if due_date is None:
        raise ValidationError({"due_date": ["This field is required."]})
    if due_date.year < 2000 or due_date.year > timezone.now().year + LATEST_DUE_YEARS:
        raise ValidationError({"due_date": ["Check the year: that date is too far away."]})


def _task_apply(task: Task, fields: dict[str, Any], *, agency: Agency) -> None:
    fields = blank_text(fields, ("title", "notes"))
    for name, value in fields.items():
        if name == "client":
            value = resolve_related(Client, agency=agency, value=value, field="client_id")
        elif name in LINKS:
            value = resolve_related(LINKS[name], agency=agency, value=value, field=f"{name}_id")
        elif name == "assignee":
            value = resolve_member(agency=agency, value=value, field="assignee_id")
        setattr(task, name, value)
    if task.client_id is None:
        raise ValidationError({"client_id": ["This field is required."]})
    for name in LINKS:
        linked = getattr(task, name)
        if linked is not None and linked.client_id != task.client_id:
            raise ValidationError({f"{name}_id": [f"This {name} belongs to another client."]})
    if task.priority not in TaskPriority.values:
        choices = ", ".join(TaskPriority.values)
        raise ValidationError({"priority": [f"Choose one of: {choices}."]})
    _check_due(task.due_date)


@transaction.atomic
def task_create(
    *,
    agency: Agency,
    created_by: User | None,
    title: str,
    due_date: dt.date,
    client: Client | int | None = None,
    notes: str | None = "",
    due_time: dt.time | None = None,
    assignee: User | int | None = None,
    priority: str = TaskPriority.NORMAL,
    itinerary: Itinerary | int | None = None,
    proposal: Proposal | int | None = None,
    booking: Booking | int | None = None,
) -> Task:
    """Add a task; recorded as ``task.created`` in the client's history. Without an assignee
    it is the creator's (the agency owner's when a job adds it)."""
    if client is None:
        # A task for a linked record is for that record's client.
        for name, value in (("booking", booking), ("proposal", proposal), ("itinerary", itinerary)):
            if value is not None:
                linked = resolve_related(
                    LINKS[name], agency=agency, value=value, field=f"{name}_id"
                )
                client = linked.client_id if linked else None
                break
    task = Task(agency=agency, created_by=created_by, source=TaskSource.MANUAL)
    if assignee is None:
        assignee = created_by if created_by is not None else agency_owner(agency.pk)
    _task_apply(
        task,
        {
            "title": title,
            "notes": notes,
            "due_date": due_date,
            "due_time": due_time,
            "assignee": assignee,
            "priority": priority,
            "client": client,
            "itinerary": itinerary,
            "proposal": proposal,
            "booking": booking,
        },
        agency=agency,
    )
    save_validated(task)
    return task


@transaction.atomic
def task_update(*, task: Task, **changes: Unpack[TaskChanges]) -> Task:
    """Edit a task (recorded as ``task.updated``); a refusal changes nothing."""
    unknown_fields(changes, TASK_FIELDS)
    fields: dict[str, Any] = dict(changes)
    if "client" in fields:
        # Moving to another client: the links given with it are checked against it, and the
        # old client's records are dropped unless named again.
        for name in LINKS:
            fields.setdefault(name, None)
    if "assignee" in fields and fields["assignee"] is None:
        raise ValidationError({"assignee_id": ["Choose who does it."]})
    agency = Agency.objects.get(pk=task.agency_id)
    _task_apply(task, fields, agency=agency)
    save_validated(task)
    return task


def _locked(task: Task) -> Task:
    return Task.objects.for_agency(task.agency_id).select_for_update().get(pk=task.pk)


@transaction.atomic
def task_complete(*, task: Task, actor: User | None) -> Task:
    """Mark done (``task.completed``); a task already done stays as it was."""
    current = _locked(task)
    if current.done_at is None:
        with named_event("task.completed", subject=task):
            task.done_at, task.done_by = timezone.now(), actor
            task.save(update_fields=["done_at", "done_by", "updated_at"])
    else:
        task.done_at, task.done_by_id = current.done_at, current.done_by_id
    return task


@transaction.atomic
def task_reopen(*, task: Task) -> Task:
    """Back to open (``task.reopened``); an open task stays as it was."""
    current = _locked(task)
    if current.done_at is not None:
        with named_event("task.reopened", subject=task):
            task.done_at, task.done_by = None, None
            task.save(update_fields=["done_at", "done_by", "updated_at"])
    else:
        task.done_at, task.done_by_id = None, None
    return task


def task_delete(*, task: Task) -> None:
    task.delete()


def task_create_for_occasion(
    *,
    agency: Agency,
    occasion: str,
    source: str,
    title: str,
    due_date: dt.date,
    client: Client,
    assignee: User | None,
    notes: str = "",
    priority: str = TaskPriority.NORMAL,
    proposal: Proposal | None = None,
    booking: Booking | None = None,
) -> Task | None:
    """The automatic follow-ups' door: one task per ``occasion`` in the agency, whatever runs
    at once (the unique constraint decides); ``None`` when the occasion already has its task."""
    if Task.objects.for_agency(agency).filter(occasion=occasion).exists():
        return None
    task = Task(
        agency=agency,
        created_by=None,
        source=source,
        occasion=occasion[:200],
        title=title[:200],
        notes=notes,
        due_date=due_date,
        assignee=assignee or agency_owner(agency.pk),
        priority=priority,
        client=client,
        proposal=proposal,
        booking=booking,
    )
    try:
        with transaction.atomic():
            task.save()
    except IntegrityError:
        if not Task.objects.for_agency(agency).filter(occasion=occasion).exists():
            raise
        return None
    return task


# Follow-up settings ----------------------------------------------------------------------

SETTINGS_FIELDS = ("lead_reply", "proposal_follow_up", "proposal_follow_up_days", "collect_payment")


def follow_up_settings(*, agency: Agency | int) -> FollowUpSettings:
    """The agency's switches (the defaults, unsaved, until someone changes one)."""
    agency_id = agency if isinstance(agency, int) else agency.pk
    found = FollowUpSettings.objects.for_agency(agency_id).first()
    return found or FollowUpSettings(agency_id=agency_id)


@transaction.atomic
def follow_up_settings_update(
    *, agency: Agency, actor: User | None, **changes: Any
) -> FollowUpSettings:
    """Change the switches (owners and admins: checked by the pages above); the history
    records ``agency.follow_ups_changed`` with what changed."""
    unknown_fields(changes, SETTINGS_FIELDS)
    current = follow_up_settings(agency=agency)
    before = {name: getattr(current, name) for name in SETTINGS_FIELDS}
    for name, value in changes.items():
        setattr(current, name, value)
    current.full_clean(exclude=["agency"], validate_unique=False, validate_constraints=False)
    current.save()
    changed = {
        name: [before[name], getattr(current, name)]
        for name in SETTINGS_FIELDS
        if before[name] != getattr(current, name)
    }
    if changed:
        record_event(
            "agency.follow_ups_changed",
            agency_id=agency.pk,
            subject=agency,
            changes=changed,
            actor=actor,
        )
    return current
