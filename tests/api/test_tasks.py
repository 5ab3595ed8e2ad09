"""``/api/v1/tasks``: the battery, the filters (``mine``, status, due dates, client,
priority), complete/reopen, and 422s that change nothing."""

from __future__ import annotations

import pytest

from accounts.models import Activity
from crm.models import Task
from tests.api.battery import ResourceBattery
from tests.api.conftest import Api
from tests.factories import ClientFactory, ProposalFactory, TaskFactory


class TestTasks(ResourceBattery):
    path = "/tasks"
    model = Task

    def make(self, agency, **fields):
        return TaskFactory(client=ClientFactory(agency=agency, status="active"), **fields)

    def write_body(self, agency):
        client = ClientFactory(agency=agency, status="active")
        return {"client_id": client.pk, "title": "Call back", "due_date": "2027-03-02"}


@pytest.fixture
def ada(agency, amir):
    return ClientFactory(agency=agency, name="Ada", status="active", assigned_to=amir)


def test_a_task_reads_its_relations_as_ids_and_its_time_in_iso_8601(api: Api, agency, alice, ada):
    offer = ProposalFactory(agency=agency, client=ada)
    response = api.post(
        "/tasks",
        {
            "title": "Chase the answer",
            "due_date": "2027-03-02",
            "due_time": "14:30",
            "priority": "high",
            "proposal_id": offer.pk,
        },
    )
    assert response.status_code == 201, response.json()
    data = response.json()["data"]
    assert data["client_id"] == ada.pk and data["proposal_id"] == offer.pk
    assert data["assignee_id"] == alice.pk  # the token's user by default
    assert (data["due_time"], data["priority"], data["source"]) == ("14:30:00", "high", "manual")
    assert data["done_at"] is None


def test_a_link_to_another_clients_record_is_a_422_and_nothing_is_made(api: Api, agency, ada):
    other = ClientFactory(agency=agency, status="active")
    offer = ProposalFactory(agency=agency, client=other)
    response = api.post(
        "/tasks",
        {"title": "x", "due_date": "2027-03-02", "client_id": ada.pk, "proposal_id": offer.pk},
    )
    assert response.status_code == 422
    assert response.json()["errors"] == {
        "proposal_id": ["This proposal belongs to another client."]
    }
    assert not Task.objects.exists()


def test_another_agencys_client_is_a_422_like_a_missing_one(api: Api, other_agency):
    theirs = ClientFactory(agency=other_agency)
    response = api.post("/tasks", {"title": "x", "due_date": "2027-03-02", "client_id": theirs.pk})
    assert response.status_code == 422
    assert response.json()["errors"] == {"client_id": [f"No client with id {theirs.pk}."]}


def test_mine_lists_only_the_token_users_tasks(api: Api, agent_api: Api, alice, amir, ada):
    TaskFactory(client=ada, assignee=alice, title="Alice's")
    TaskFactory(client=ada, assignee=amir, title="Amir's")
    assert [t["title"] for t in agent_api.get("/tasks?mine=true").json()["data"]] == ["Amir's"]
    assert [t["title"] for t in api.get("/tasks?mine=true").json()["data"]] == ["Alice's"]
    assert len(api.get("/tasks?mine=false").json()["data"]) == 2
    assert [t["title"] for t in api.get(f"/tasks?assignee_id={amir.pk}").json()["data"]] == [
        "Amir's"
    ]
    assert api.get("/tasks?mine=perhaps").status_code == 422


def test_the_filters_by_status_dates_client_and_priority(api: Api, agency, alice, ada):
    other = ClientFactory(agency=agency, status="active")
    import datetime as dt

    from django.utils import timezone

    TaskFactory(client=ada, title="early", due_date=dt.date(2027, 1, 1), priority="high")
    TaskFactory(client=other, title="late", due_date=dt.date(2027, 6, 1))
    TaskFactory(client=ada, title="done", due_date=dt.date(2027, 2, 1), done_at=timezone.now())

    def titles(query: str) -> list[str]:
        response = api.get(f"/tasks?{query}")
        assert response.status_code == 200, response.json()
        return [t["title"] for t in response.json()["data"]]

    assert titles("status=open") == ["early", "late"]
    assert titles("status=done") == ["done"]
    assert titles("due_before=2027-02-01") == ["early", "done"]
    assert titles("due_after=2027-02-02") == ["late"]
    assert titles(f"client_id={other.pk}") == ["late"]
    assert titles("priority=high") == ["early"]
    assert titles("due=overdue") == []  # today (the clock) is before all of them
    assert api.get("/tasks?due_before=tomorrow").status_code == 422
    assert api.get("/tasks?status=finished").status_code == 422


def test_complete_and_reopen(api: Api, agency, alice, ada):
    task = TaskFactory(client=ada, assignee=alice)
    done = api.post(f"/tasks/{task.pk}/complete", {})
    assert done.status_code == 200
    assert done.json()["data"]["done_by_id"] == alice.pk and done.json()["data"]["done_at"]
    again = api.post(f"/tasks/{task.pk}/reopen", {})
    assert again.status_code == 200 and again.json()["data"]["done_at"] is None
    events = Activity.objects.filter(object_type="task").values_list("event", flat=True)
    assert list(events.order_by("id")) == ["task.created", "task.completed", "task.reopened"]


def test_another_agencys_task_cannot_be_completed(api: Api, other_agency):
    theirs = TaskFactory(client=ClientFactory(agency=other_agency))
    assert api.post(f"/tasks/{theirs.pk}/complete", {}).status_code == 404
    theirs.refresh_from_db()
    assert theirs.done_at is None


def test_an_update_refuses_a_null_assignee_and_changes_nothing(api: Api, ada, amir):
    task = TaskFactory(client=ada, assignee=amir, title="Keep")
    response = api.patch(f"/tasks/{task.pk}", {"assignee_id": None, "title": "Changed"})
    assert response.status_code in (400, 422)
    task.refresh_from_db()
    assert task.title == "Keep" and task.assignee == amir


def test_task_responses_match_the_schema(api: Api, agency, alice, ada):
    from tests.api.test_schema import Contract

    schema = api.get("/schema", headers={"Accept": "application/vnd.oai.openapi+json"})
    contract = Contract(schema.json())
    task = TaskFactory(client=ada, assignee=alice, due_time="09:30")
    body = {"title": "Call", "due_date": "2027-03-02", "client_id": ada.pk}
    checks = [
        (api.get("/tasks?mine=true"), "/api/v1/tasks", "GET"),
        (api.get("/tasks?due=someday"), "/api/v1/tasks", "GET"),
        (api.get(f"/tasks/{task.pk}"), "/api/v1/tasks/{id}", "GET"),
        (api.post("/tasks", body), "/api/v1/tasks", "POST"),
        (api.post("/tasks", {"title": ""}), "/api/v1/tasks", "POST"),
        (api.patch(f"/tasks/{task.pk}", {"priority": "high"}), "/api/v1/tasks/{id}", "PATCH"),
        (api.post(f"/tasks/{task.pk}/complete", {}), "/api/v1/tasks/{id}/complete", "POST"),
        (api.post(f"/tasks/{task.pk}/reopen", {}), "/api/v1/tasks/{id}/reopen", "POST"),
        (api.post("/tasks/999999/complete", {}), "/api/v1/tasks/{id}/complete", "POST"),
        (api.delete(f"/tasks/{task.pk}"), "/api/v1/tasks/{id}", "DELETE"),
    ]
    for response, template, method in checks:
        contract.check(response, template, method)
