"""Adding, editing, completing and reopening tasks: the links belong to the task's client in
the same agency, each change is a named event in the client's history."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from accounts.models import Activity
from crm.models import Task
from crm.tasks import services
from tests.factories import ClientFactory, ProposalFactory

pytestmark = pytest.mark.django_db

DUE = dt.date(2027, 3, 2)


def test_a_task_is_its_creators_by_default_and_recorded_in_the_clients_history(
    agency, amir, ada, offer
):
    task = services.task_create(
        agency=agency, created_by=amir, title="  Call Ada  ", due_date=DUE, proposal=offer.pk
    )
    assert task.assignee == amir
    assert task.client == ada  # the proposal's client
    assert task.title == "Call Ada"
    assert task.source == "manual" and task.occasion == ""
    event = Activity.objects.get(event="task.created")
    assert event.client_id == ada.pk and event.object_id == task.pk


def test_a_task_needs_a_client_title_and_due_date(agency, amir):
    with pytest.raises(ValidationError) as exc:
        services.task_create(agency=agency, created_by=amir, title="x", due_date=DUE)
    assert exc.value.message_dict == {"client_id": ["This field is required."]}
    assert not Task.objects.exists()


def test_it_refuses_a_link_to_another_clients_record(agency, amir, grace, offer):
    with pytest.raises(ValidationError) as exc:
        services.task_create(
            agency=agency, created_by=amir, title="x", due_date=DUE, client=grace, proposal=offer
        )
    assert exc.value.message_dict == {"proposal_id": ["This proposal belongs to another client."]}
    assert not Task.objects.exists()


def test_another_agencys_records_and_members_are_like_missing_ones(
    agency, other_agency, amir, bob, ada
):
    theirs = ProposalFactory(agency=other_agency, client=ClientFactory(agency=other_agency))
    with pytest.raises(ValidationError) as exc:
        services.task_create(
            agency=agency, created_by=amir, title="x", due_date=DUE, client=ada, proposal=theirs
        )
    assert exc.value.message_dict == {"proposal_id": [f"No proposal with id {theirs.pk}."]}
    with pytest.raises(ValidationError) as exc:
        services.task_create(
            agency=agency, created_by=amir, title="x", due_date=DUE, client=ada, assignee=bob.pk
        )
    assert exc.value.message_dict == {"assignee_id": [f"No agent with id {bob.pk} in this agency."]}


def test_a_priority_outside_the_list_and_a_far_date_are_refused(agency, amir, ada):
    with pytest.raises(ValidationError) as exc:
        services.task_create(
            agency=agency, created_by=amir, title="x", due_date=DUE, client=ada, priority="urgent"
        )
    assert "priority" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.task_create(
            agency=agency, created_by=amir, title="x", due_date=dt.date(2990, 1, 1), client=ada
        )
    assert "due_date" in exc.value.message_dict


def test_complete_and_reopen_are_named_events_once_each(agency, amir, alice, ada):
    task = services.task_create(
        agency=agency, created_by=amir, title="Call", due_date=DUE, client=ada
    )
    services.task_complete(task=task, actor=alice)
    services.task_complete(task=task, actor=amir)  # already done: nothing changes
    task.refresh_from_db()
    assert task.done_by == alice and task.done_at is not None
    services.task_reopen(task=task)
    services.task_reopen(task=task)
    task.refresh_from_db()
    assert task.done_at is None and task.done_by is None
    events = list(
        Activity.objects.filter(object_type="task").order_by("id").values_list("event", flat=True)
    )
    assert events == ["task.created", "task.completed", "task.reopened"]


def test_moving_a_task_to_another_client_drops_the_old_clients_links(
    agency, amir, ada, grace, offer
):
    task = services.task_create(
        agency=agency, created_by=amir, title="x", due_date=DUE, proposal=offer
    )
    services.task_update(task=task, client=grace)
    task.refresh_from_db()
    assert task.client == grace and task.proposal is None
    with pytest.raises(ValidationError):
        services.task_update(task=task, assignee=None)


def test_an_automatic_task_is_made_once_per_occasion(agency, ada, alice):
    first = services.task_create_for_occasion(
        agency=agency,
        occasion="lead_reply:1",
        source="lead_reply",
        title="Reply",
        due_date=DUE,
        client=ada,
        assignee=None,
    )
    again = services.task_create_for_occasion(
        agency=agency,
        occasion="lead_reply:1",
        source="lead_reply",
        title="Reply",
        due_date=DUE,
        client=ada,
        assignee=None,
    )
    assert first is not None and again is None
    assert first.assignee == alice  # nobody named: the owner
    assert Task.objects.count() == 1


def test_deleting_a_task_is_in_the_history(agency, amir, ada):
    task = services.task_create(agency=agency, created_by=amir, title="x", due_date=DUE, client=ada)
    services.task_delete(task=task)
    assert Activity.objects.filter(event="task.deleted", client_id=ada.pk).exists()
