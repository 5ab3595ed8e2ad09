"""The automatic follow-ups and the reminders of due tasks, run by the job queue
(``crm/tasks/jobs.py``).

- A new lead (a client created with status lead, from any channel, website forms included)
  becomes "Reply to <name>", due 1 business day later (Saturday and Sunday skipped), for its
  assigned agent, else the agency owner. Occasion ``lead_reply:<client>``.
- A proposal sent (or opened) and unanswered for the agency's N days (default 3) becomes
  "Follow up <proposal>" for the client's agent (else whoever drafted it, else the owner).
  Occasion ``proposal_follow_up:<proposal>:<sent date>``: a proposal sent again later is a new
  occasion.
- An instalment of a live booking due within 7 days (or overdue) and not paid becomes
  "Collect payment <booking> <label>" for the client's agent (else the booking's creator, else
  the owner). Occasion ``collect_payment:<instalment>:<due date>``.

Each is switched per agency (``FollowUpSettings``). The occasion is unique per agency, so a job
run twice or two workers at once make one task.

Closing the underlying thing completes the task (decided: the agent should not have to tick
off a follow-up the client already answered): the hourly run marks an open follow-up done, as
Itinera, once its proposal is answered (accepted, declined, expired or back to draft) or its
instalment is paid; the task and its history stay.

A task due (its day at its time, 09:00 when it has none, in the agency's timezone) reminds its
assignee once, in the bell and by email (``crm.notifications``; occasion
``task.due:<task>:<due moment>``, so moving the due date reminds again).
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.utils import timezone

from accounts.models import Activity, Agency, User
from accounts.tenancy import active_members
from core.mail import one_line
from crm.bookings.models import PaymentInstalment
from crm.bookings.schedules import InstalmentState, allocate
from crm.clients.models import Client, ClientStatus
from crm.notifications.models import NotificationKind
from crm.notifications.reminders import instalments_to_remind
from crm.notifications.services import Email, notify
from crm.proposals.models import Proposal, ProposalStatus
from crm.tasks.models import Task, TaskPriority, TaskSource
from crm.tasks.services import (
    agency_owner,
    follow_up_settings,
    task_complete,
    task_create_for_occasion,
)

DEFAULT_DUE_TIME = dt.time(9, 0)
REMIND_WITHIN_DAYS = 7  # a task overdue for longer is not reminded again by a new deployment
UNANSWERED = (ProposalStatus.SENT, ProposalStatus.VIEWED)


def add_business_days(day: dt.date, days: int = 1) -> dt.date:
    """``days`` working days after ``day`` (Saturday and Sunday are not working days)."""
    result = day
    while days > 0:
        result += dt.timedelta(days=1)
        if result.weekday() < 5:
            days -= 1
    return result


def agency_zone(agency: Agency) -> ZoneInfo:
    try:
        return ZoneInfo(agency.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def _first_member(agency_id: int, *candidates: int | None) -> User | None:
    members = active_members(agency=agency_id)
    for candidate in candidates:
        if candidate is not None:
            member = members.filter(pk=candidate).first()
            if member is not None:
                return member
    return agency_owner(agency_id)


# A new lead --------------------------------------------------------------------------------


def lead_reply_from_event(*, agency_id: int, activity_id: int) -> int:
    """The ``client.created`` event ``activity_id``: a lead gets its "Reply to" task (1, or 0
    when it is not a lead, is gone, the switch is off or the task exists)."""
    activity = Activity.objects.for_agency(agency_id).filter(pk=activity_id).first()
    agency = Agency.objects.filter(pk=agency_id).first()
    if activity is None or agency is None or activity.object_id is None:
        return 0
    if not follow_up_settings(agency=agency).lead_reply:
        return 0
    client = Client.objects.for_agency(agency).filter(pk=activity.object_id).first()
    if client is None or client.status != ClientStatus.LEAD or client.archived_at is not None:
        return 0
    created_on = timezone.localtime(client.created_at, agency_zone(agency)).date()
    task = task_create_for_occasion(
        agency=agency,
        occasion=f"lead_reply:{client.pk}",
        source=TaskSource.LEAD_REPLY,
        title=f"Reply to {one_line(client.name)}",
        notes=f"A new lead from {client.get_source_display().lower()}.",
        due_date=add_business_days(created_on, 1),
        client=client,
        assignee=_first_member(agency.pk, client.assigned_to_id),
        priority=TaskPriority.HIGH,
    )
    return int(task is not None)


# The hourly run ----------------------------------------------------------------------------


def follow_ups_run(*, agency_id: int, now: dt.datetime | None = None) -> dict[str, int]:
    """One agency's time-based follow-ups, auto-completions and due reminders; the counts."""
    agency = Agency.objects.filter(pk=agency_id).first()
    if agency is None:
        return {}
    now = now or timezone.now()
    today = timezone.localtime(now, agency_zone(agency)).date()
    switches = follow_up_settings(agency=agency)
    counts = {"proposal_follow_up": 0, "collect_payment": 0, "completed": 0, "reminded": 0}
    if switches.proposal_follow_up:
        counts["proposal_follow_up"] = _proposal_follow_ups(
            agency=agency, now=now, today=today, days=switches.proposal_follow_up_days
        )
    if switches.collect_payment:
        counts["collect_payment"] = _collect_payments(agency=agency, today=today)
    counts["completed"] = _complete_closed(agency=agency, today=today)
    counts["reminded"] = remind_due(agency=agency, now=now)
    return counts


def _proposal_follow_ups(*, agency: Agency, now: dt.datetime, today: dt.date, days: int) -> int:
    proposals = (
        Proposal.objects.for_agency(agency)
        .filter(status__in=UNANSWERED, sent_at__lte=now - dt.timedelta(days=days))
        .select_related("client")
        .order_by("sent_at", "id")
    )
    made = 0
    for proposal in proposals:
        assert proposal.sent_at is not None  # filtered above
        client = proposal.client
        sent_on = timezone.localtime(proposal.sent_at, agency_zone(agency)).date()
        task = task_create_for_occasion(
            agency=agency,
            occasion=f"proposal_follow_up:{proposal.pk}:{sent_on.isoformat()}",
            source=TaskSource.PROPOSAL_FOLLOW_UP,
            title=f"Follow up {one_line(proposal.title)}",
            notes=f"Sent to {one_line(client.name)} on {sent_on:%d %b %Y}, no answer yet.",
            due_date=today,
            client=client,
            proposal=proposal,
            assignee=_first_member(agency.pk, client.assigned_to_id, proposal.created_by_id),
        )
        made += task is not None
    return made


def _collect_payments(*, agency: Agency, today: dt.date) -> int:
    made = 0
    for booking, row in instalments_to_remind(agency=agency, today=today):
        client = booking.client
        owed = f"{row.outstanding:,.2f} {booking.currency}"
        task = task_create_for_occasion(
            agency=agency,
            occasion=f"collect_payment:{row.instalment.pk}:{row.due_date.isoformat()}",
            source=TaskSource.COLLECT_PAYMENT,
            title=f"Collect payment {booking.reference} {one_line(row.label)}",
            notes=f"{owed} due on {row.due_date:%d %b %Y} from {one_line(client.name)}.",
            due_date=row.due_date,
            client=client,
            booking=booking,
            assignee=_first_member(agency.pk, client.assigned_to_id, booking.created_by_id),
            priority=(
                TaskPriority.HIGH if row.state == InstalmentState.OVERDUE else TaskPriority.NORMAL
            ),
        )
        made += task is not None
    return made


def _complete_closed(*, agency: Agency, today: dt.date) -> int:
    """Open follow-ups whose proposal was answered, or whose instalment is paid, are done."""
    done = 0
    open_follow_ups = Task.objects.for_agency(agency).filter(
        done_at__isnull=True, source=TaskSource.PROPOSAL_FOLLOW_UP
    )
    for task in open_follow_ups.select_related("proposal"):
        if task.proposal is None or task.proposal.status not in UNANSWERED:
            task_complete(task=task, actor=None)
            done += 1
    collecting = list(
        Task.objects.for_agency(agency).filter(
            done_at__isnull=True, source=TaskSource.COLLECT_PAYMENT
        )
    )
    if collecting:
        still_due = {
            f"collect_payment:{row.instalment.pk}:{row.due_date.isoformat()}"
            for _, row in instalments_to_remind(agency=agency, today=today)
        }
        known = set(PaymentInstalment.objects.for_agency(agency).values_list("pk", flat=True))
        for task in collecting:
            instalment_id = int(task.occasion.split(":")[1])
            if task.occasion not in still_due and (
                instalment_id not in known or _paid(agency, instalment_id, today)
            ):
                task_complete(task=task, actor=None)
                done += 1
    return done


def _paid(agency: Agency, instalment_id: int, today: dt.date) -> bool:
    instalment = (
        PaymentInstalment.objects.for_agency(agency).select_related("booking").get(pk=instalment_id)
    )
    booking = instalment.booking
    rows = allocate(
        list(PaymentInstalment.objects.for_agency(agency).filter(booking=booking)),
        paid=booking.amount_paid,
        today=today,
    )
    return any(r.instalment.pk == instalment_id and r.state == InstalmentState.PAID for r in rows)


# Reminders of due tasks --------------------------------------------------------------------


def due_moment(task: Task, zone: ZoneInfo) -> dt.datetime:
    return dt.datetime.combine(task.due_date, task.due_time or DEFAULT_DUE_TIME, tzinfo=zone)


def remind_due(*, agency: Agency, now: dt.datetime) -> int:
    """Tell each assignee of an open task whose due moment has come, once per due moment."""
    zone = agency_zone(agency)
    today = timezone.localtime(now, zone).date()
    tasks = (
        Task.objects.for_agency(agency)
        .filter(done_at__isnull=True, assignee__isnull=False, assignee__is_active=True)
        .filter(due_date__lte=today, due_date__gte=today - dt.timedelta(days=REMIND_WITHIN_DAYS))
        .select_related("client", "assignee")
        .order_by("due_date", "id")
    )
    told = 0
    for task in tasks:
        moment = due_moment(task, zone)
        if moment > now:
            continue
        assert task.assignee is not None  # filtered above
        when = f"{task.due_date:%d %b %Y}" + (f" {task.due_time:%H:%M}" if task.due_time else "")
        text = f"Task due {when}: {one_line(task.title)} ({one_line(task.client.name)})."
        done = notify(
            agency_id=agency.pk,
            recipient=task.assignee,
            kind=NotificationKind.TASK_DUE,
            occasion=f"task.due:{task.pk}:{moment.isoformat()}",
            text=text,
            link=f"/tasks/{task.pk}/edit/",
            object_type="task",
            object_id=task.pk,
            client_id=task.client_id,
            email=Email(
                subject="Reminder: a task is due",
                template="reminder",
                context={"client_name": task.client.name, "client_email": task.client.email},
            ),
        )
        told += done is not None
    return told
