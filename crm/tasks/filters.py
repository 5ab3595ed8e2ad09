"""The task list's filters, shared by the API and the dashboard's Tasks page.

``mine=true`` (and ``assignee_id=me``) mean the asking member: :func:`resolve_me` turns them into
their id before the FilterSet runs, so the FilterSet itself never needs the request."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import django_filters
from django.core.exceptions import ValidationError
from django.db.models import QuerySet

from core.filters import ClientLinkedFilterSet
from crm.tasks.models import Task, TaskPriority, TaskSource

STATUS_CHOICES = (("open", "Open"), ("done", "Done"), ("all", "Open and done"))
DUE_CHOICES = (
    ("overdue", "Overdue"),
    ("today", "Today"),
    ("week", "This week"),
    ("later", "Later"),
)
TRUE_FALSE = (("true", "Yes"), ("false", "No"))


def resolve_me(filters: Mapping[str, Any] | None, *, user_id: int | None) -> dict[str, Any]:
    """``mine=true`` or ``assignee_id=me`` become ``assignee_id=<user_id>``; ``mine=false``
    means everyone (it is dropped). Anything else is left for the FilterSet to judge."""
    cleaned = dict(filters.items()) if filters else {}
    mine = str(cleaned.pop("mine", "") or "").lower()
    if mine not in ("", "true", "false"):
        raise ValidationError({"mine": ["Use true or false."]})
    if str(cleaned.get("assignee_id", "")).lower() == "me" or mine == "true":
        if user_id is None:
            raise ValidationError({"mine": ["Only a member's request can ask for their tasks."]})
        cleaned["assignee_id"] = str(user_id)
    return cleaned


class TaskFilter(ClientLinkedFilterSet):
    q = django_filters.CharFilter(method="filter_q", max_length=200)
    mine = django_filters.ChoiceFilter(
        choices=TRUE_FALSE,
        method="filter_mine",
        help_text="true: only the tasks assigned to you (the token's user).",
    )
    assignee_id = django_filters.NumberFilter(
        field_name="assignee_id", help_text="A member's id (the dashboard also takes `me`)."
    )
    status = django_filters.ChoiceFilter(
        choices=STATUS_CHOICES,
        method="filter_status",
        help_text="open (not done), done, or all. Without it, every task is listed.",
    )
    priority = django_filters.ChoiceFilter(choices=TaskPriority.choices)
    source = django_filters.ChoiceFilter(choices=TaskSource.choices)
    itinerary_id = django_filters.NumberFilter(field_name="itinerary_id")
    proposal_id = django_filters.NumberFilter(field_name="proposal_id")
    booking_id = django_filters.NumberFilter(field_name="booking_id")
    due_after = django_filters.DateFilter(
        field_name="due_date", lookup_expr="gte", help_text="Due on or after this date."
    )
    due_before = django_filters.DateFilter(
        field_name="due_date", lookup_expr="lte", help_text="Due on or before this date."
    )
    due = django_filters.ChoiceFilter(
        choices=DUE_CHOICES,
        method="filter_due",
        help_text="Open tasks by when they are due, in the agency's timezone: overdue (before "
        "today), today, week (today to Sunday), later (after this week).",
    )
    sort = django_filters.OrderingFilter(
        fields=(("due_date", "due_date"), ("priority", "priority"), ("created_at", "created_at"))
    )

    class Meta:
        model = Task
        fields: list[str] = []

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        value = value.strip()
        return queryset.filter(title__icontains=value) if value else queryset

    def filter_mine(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset  # resolve_me turned it into assignee_id before the FilterSet ran

    def filter_status(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if value == "open":
            return queryset.filter(done_at__isnull=True)
        if value == "done":
            return queryset.filter(done_at__isnull=False)
        return queryset

    def filter_due(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        today = self.today()
        week_end = today + dt.timedelta(days=6 - today.weekday())
        open_tasks = queryset.filter(done_at__isnull=True)
        if value == "overdue":
            return open_tasks.filter(due_date__lt=today)
        if value == "today":
            return open_tasks.filter(due_date=today)
        if value == "week":
            return open_tasks.filter(due_date__gte=today, due_date__lte=week_end)
        return open_tasks.filter(due_date__gt=week_end)

    def today(self) -> dt.date:
        given = self.data.get("_today")
        return given if isinstance(given, dt.date) else dt.date.today()
