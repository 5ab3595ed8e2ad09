"""``/tasks``: an agency's to-dos, each for a client (and optionally one of that client's
itineraries, proposals or bookings), with ``/tasks/{id}/complete`` and ``/reopen``."""

from __future__ import annotations

from typing import Any, ClassVar

from django.http import QueryDict
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from api.base import TenantViewSet, envelope
from api.serializers import Id, LocalTimeField, OutputSerializer, Text
from crm.models import Task, TaskPriority, TaskSource
from crm.tasks import selectors as task_selectors
from crm.tasks import services as task_services
from crm.tasks.filters import TaskFilter, resolve_me


class TaskSerializer(OutputSerializer):
    """A task: due on `due_date` (and `due_time`, when given) in the agency's timezone;
    `done_at` is set while it is done. `source` says who made it: `manual`, or the automatic
    follow-up (`lead_reply`, `proposal_follow_up`, `collect_payment`)."""

    id = Id()
    title = serializers.CharField()
    notes = Text()
    due_date = serializers.DateField()
    due_time = LocalTimeField(allow_null=True)
    priority = serializers.ChoiceField(choices=TaskPriority.choices)
    assignee_id = Id(allow_null=True)
    client_id = Id()
    itinerary_id = Id(allow_null=True)
    proposal_id = Id(allow_null=True)
    booking_id = Id(allow_null=True)
    # A declared field (DRF's metaclass takes it off the class), not Field.source.
    source = serializers.ChoiceField(choices=TaskSource.choices)  # type: ignore[assignment]
    done_at = serializers.DateTimeField(allow_null=True)
    done_by_id = Id(allow_null=True)
    created_by_id = Id(allow_null=True)
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class TaskInputSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    notes = Text(required=False, allow_null=True)
    due_date = serializers.DateField()
    due_time = LocalTimeField(
        required=False, allow_null=True, help_text="HH:MM (or HH:MM:SS), in the agency's timezone."
    )
    priority = serializers.ChoiceField(choices=TaskPriority.choices, required=False)
    assignee_id = Id(
        required=False,
        help_text="An active member of the agency; by default the token's user. Null is "
        "refused on an update.",
    )
    required_one_of = ("client_id", "itinerary_id", "proposal_id", "booking_id")  # api.schema
    client_id = Id(
        required=False,
        help_text="Required unless itinerary_id, proposal_id or booking_id is given (the "
        "task is then for that record's client).",
    )
    itinerary_id = Id(required=False, allow_null=True, help_text="One of the client's.")
    proposal_id = Id(required=False, allow_null=True, help_text="One of the client's.")
    booking_id = Id(required=False, allow_null=True, help_text="One of the client's.")


def _task_fields(validated: dict[str, Any]) -> dict[str, Any]:
    return {
        (name[: -len("_id")] if name.endswith("_id") else name): value
        for name, value in validated.items()
    }


class TaskViewSet(TenantViewSet):
    """Tasks, soonest due first. `mine=true` lists the token user's; `status=open` hides the
    done ones; `due=overdue|today|week|later` reads the agency's calendar."""

    resource = "task"
    model = Task
    output_serializer = TaskSerializer
    input_serializer = TaskInputSerializer
    filterset_class = TaskFilter
    list_selector = task_selectors.task_list
    get_selector = task_selectors.task_get
    create_service = task_services.task_create
    update_service = task_services.task_update
    delete_service = task_services.task_delete
    action_responses: ClassVar[dict[str, tuple[int, Any, tuple[int, ...]]]] = {
        "complete": (200, TaskSerializer, (401, 403, 404, 429)),
        "reopen": (200, TaskSerializer, (401, 403, 404, 429)),
    }

    def filters(self) -> QueryDict:
        """``mine=true`` (and ``assignee_id=me``) mean the token's user."""
        params = super().filters()
        if "mine" not in params and params.get("assignee_id") != "me":
            return params
        resolved = QueryDict(mutable=True)
        for name, value in resolve_me(params, user_id=self.request.auth.user.pk).items():
            resolved[name] = value
        return resolved

    def validated_fields(self, request: Request, *, partial: bool) -> dict[str, Any]:
        serializer = self.input_serializer(data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        return _task_fields(dict(serializer.validated_data))

    @extend_schema(summary="Mark a task done", request=None)
    @action(detail=True, methods=["post"], url_path="complete", filter_backends=[])
    def complete(self, request: Request, pk: str) -> Response:
        """Done now, by the token's user; a task already done is answered as it is."""
        task = task_services.task_complete(task=self._task(), actor=request.auth.user)
        return envelope(self.represent(task))

    @extend_schema(summary="Reopen a done task", request=None)
    @action(detail=True, methods=["post"], url_path="reopen", filter_backends=[])
    def reopen(self, request: Request, pk: str) -> Response:
        """Open again; an open task is answered as it is."""
        task = task_services.task_reopen(task=self._task())
        return envelope(self.represent(task))

    def _task(self) -> Task:
        task = self.get_object()
        assert isinstance(task, Task)
        return task
