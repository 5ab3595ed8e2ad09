"""Task webhook types: a task's creation, completion, reopening and deletion reach an endpoint
that asked for them, with the task as ``GET /api/v1/tasks/{id}`` shows it."""

from __future__ import annotations

import datetime as dt

import pytest

from accounts.models import Activity
from api.webhooks import render_data
from crm.tasks import services as task_services
from crm.webhooks.catalogue import FROM_ACTIVITY, TYPES
from tests.factories import ClientFactory

pytestmark = pytest.mark.django_db


def test_every_task_event_is_a_webhook_type_of_its_own():
    for name in ("task.created", "task.updated", "task.completed", "task.reopened", "task.deleted"):
        assert FROM_ACTIVITY[name] == name and TYPES[name].resource == "task"
    assert TYPES["task.deleted"].deleted


def test_a_completed_tasks_data_is_the_task_as_the_api_shows_it(agency, alice):
    client = ClientFactory(agency=agency)
    task = task_services.task_create(
        agency=agency,
        created_by=alice,
        title="Call Ada",
        due_date=dt.date(2027, 3, 2),
        client=client,
    )
    task_services.task_complete(task=task, actor=alice)
    activity = Activity.objects.get(event="task.completed")
    data = render_data(agency=agency, event_type="task.completed", activity=activity)
    assert data["id"] == task.pk and data["title"] == "Call Ada"
    assert data["done_at"] is not None and data["client_id"] == client.pk


def test_a_deleted_tasks_data_names_its_id(agency, alice):
    task = task_services.task_create(
        agency=agency,
        created_by=alice,
        title="Call Ada",
        due_date=dt.date(2027, 3, 2),
        client=ClientFactory(agency=agency),
    )
    task_id = task.pk
    task_services.task_delete(task=task)
    activity = Activity.objects.get(event="task.deleted")
    assert render_data(agency=agency, event_type="task.deleted", activity=activity) == {
        "id": task_id
    }
