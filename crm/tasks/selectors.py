"""Reads of tasks, scoped to the agency: the list (with its filters), one task, a member's
"My tasks" (overdue, today, upcoming) and the open tasks of one record."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Case, IntegerField, QuerySet, Value, When

from accounts.models import Agency, User
from core.filters import Filters, apply_filters
from crm.bookings.allocation import local_today
from crm.tasks.filters import TaskFilter, resolve_me
from crm.tasks.models import Task, TaskPriority

UPCOMING_DAYS = 7
PRIORITY_RANK = Case(
    When(priority=TaskPriority.HIGH, then=Value(0)),
    When(priority=TaskPriority.NORMAL, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)


def agency_today(agency: Agency) -> dt.date:
    return local_today(agency.timezone)


def _rows(agency: Agency | int) -> QuerySet[Task]:
    return Task.objects.for_agency(agency).select_related(
        "client", "assignee", "itinerary", "proposal", "booking"
    )


def task_list(
    *, agency: Agency, filters: Filters = None, user: User | None = None
) -> QuerySet[Task]:
    """The agency's tasks, soonest due first; ``mine``/``assignee_id=me`` mean ``user``."""
    cleaned = resolve_me(filters, user_id=user.pk if user else None)
    if cleaned.get("due"):
        cleaned["_today"] = agency_today(agency)
    return apply_filters(TaskFilter, _rows(agency), cleaned or None)


def task_get(*, agency: Agency, task_id: int) -> Task:
    return _rows(agency).get(pk=task_id)


@dataclass(frozen=True)
class MyTasks:
    overdue: list[Task]
    today: list[Task]
    upcoming: list[Task]
    more: int  # open tasks due later than the upcoming window (a link to the Tasks page)

    @property
    def total(self) -> int:
        return len(self.overdue) + len(self.today) + len(self.upcoming)


def my_tasks(*, agency: Agency, user: User, limit: int = 10) -> MyTasks:
    """The member's open tasks for Home: overdue, due today, due in the next 7 days; each
    group by time then priority, at most ``limit`` rows each (two queries in all)."""
    today = agency_today(agency)
    horizon = today + dt.timedelta(days=UPCOMING_DAYS)
    rows = (
        _rows(agency)
        .filter(assignee=user, done_at__isnull=True, due_date__lte=horizon)
        .alias(rank=PRIORITY_RANK)
        .order_by("due_date", "due_time", "rank", "id")
    )
    overdue: list[Task] = []
    due_today: list[Task] = []
    upcoming: list[Task] = []
    for task in rows[: limit * 3]:
        group = (
            overdue if task.due_date < today else due_today if task.due_date == today else upcoming
        )
        if len(group) < limit:
            group.append(task)
    more = (
        Task.objects.for_agency(agency)
        .filter(assignee=user, done_at__isnull=True, due_date__gt=horizon)
        .count()
    )
    return MyTasks(overdue=overdue, today=due_today, upcoming=upcoming, more=more)


def tasks_of(*, agency: Agency, limit: int = 20, **record: int) -> list[Task]:
    """The tasks of one record (``client_id=``, ``itinerary_id=``, ``proposal_id=`` or
    ``booking_id=``): open ones first, soonest due first."""
    rows = (
        _rows(agency)
        .filter(**record)
        .order_by(
            Case(When(done_at__isnull=True, then=Value(0)), default=Value(1)), "due_date", "id"
        )
    )
    return list(rows[:limit])
