"""The Tasks page, Home's My tasks, the done checkbox (plain post and htmx), the task form's
validation, the card on a client's page and Settings → Follow-ups (owners and admins)."""

from __future__ import annotations

import datetime as dt

import pytest

from crm.models import Task
from crm.tasks import services
from crm.tasks.selectors import agency_today
from tests.factories import TaskFactory

pytestmark = pytest.mark.django_db


def test_home_shows_my_overdue_today_and_upcoming_tasks(as_amir, agency, amir, alice, ada):
    today = agency_today(agency)
    TaskFactory(client=ada, assignee=amir, title="Late one", due_date=today - dt.timedelta(days=2))
    TaskFactory(client=ada, assignee=amir, title="Now one", due_date=today)
    TaskFactory(client=ada, assignee=amir, title="Soon one", due_date=today + dt.timedelta(days=3))
    TaskFactory(client=ada, assignee=alice, title="Alice's own", due_date=today)
    page = as_amir.get("/").content.decode()
    assert "My tasks" in page
    for title in ("Late one", "Now one", "Soon one"):
        assert title in page
    assert "Alice's own" not in page
    assert page.index("Overdue") < page.index("Late one") < page.index("Today")


def test_the_done_checkbox_works_without_js_and_with_htmx(as_amir, amir, ada):
    task = TaskFactory(client=ada, assignee=amir)
    answer = as_amir.post(f"/tasks/{task.pk}/done/", {"done": ["0", "1"], "next": "/"})
    assert answer.status_code == 302 and answer["Location"] == "/"
    task.refresh_from_db()
    assert task.done_by == amir
    swapped = as_amir.post(f"/tasks/{task.pk}/done/", {"done": "0"}, HTTP_HX_REQUEST="true")
    assert swapped.status_code == 200
    assert f'id="task-{task.pk}"' in swapped.content.decode()
    task.refresh_from_db()
    assert task.done_at is None


def test_the_next_parameter_never_leaves_the_site(as_amir, amir, ada):
    task = TaskFactory(client=ada, assignee=amir)
    answer = as_amir.post(f"/tasks/{task.pk}/done/", {"done": "1", "next": "https://evil.example/"})
    assert answer["Location"] == "/tasks/"


def test_the_tasks_page_filters_and_opens_on_open_tasks(as_amir, amir, alice, ada):
    TaskFactory(client=ada, assignee=amir, title="Mine open")
    TaskFactory(client=ada, assignee=alice, title="Alice open", priority="high")
    done = TaskFactory(client=ada, assignee=amir, title="Mine done")
    services.task_complete(task=done, actor=amir)
    page = as_amir.get("/tasks/").content.decode()
    assert "Mine open" in page and "Alice open" in page and "Mine done" not in page
    mine = as_amir.get("/tasks/?assignee_id=me&status=all").content.decode()
    assert "Mine open" in mine and "Mine done" in mine and "Alice open" not in mine
    high = as_amir.get("/tasks/?priority=high").content.decode()
    assert "Alice open" in high and "Mine open" not in high
    bad = as_amir.get("/tasks/?due=someday")
    assert bad.status_code == 200 and "form-errors" in bad.content.decode()


def test_the_task_form_shows_errors_beside_the_fields_and_saves_nothing(as_amir, amir, ada):
    answer = as_amir.post(
        "/tasks/new/", {"title": "", "client": ada.pk, "assignee": amir.pk, "priority": "normal"}
    )
    assert answer.status_code == 200
    assert "field--error" in answer.content.decode()
    assert not Task.objects.exists()
    answer = as_amir.post(
        "/tasks/new/",
        {
            "title": "Call Ada",
            "client": ada.pk,
            "assignee": amir.pk,
            "priority": "normal",
            "due_date": "2027-03-02",
            "next": f"/clients/{ada.pk}/",
        },
    )
    assert answer.status_code == 302 and answer["Location"] == f"/clients/{ada.pk}/"
    assert Task.objects.get().created_by == amir


def test_a_clients_page_has_its_tasks_card(as_amir, amir, ada):
    TaskFactory(client=ada, assignee=amir, title="Send visa list")
    page = as_amir.get(f"/clients/{ada.pk}/").content.decode()
    assert "Send visa list" in page and f"/tasks/new/?client={ada.pk}" in page


def test_follow_up_settings_are_for_owners_and_admins(as_amir, client, alice, agency):
    assert as_amir.get("/settings/follow-ups/").status_code == 403
    client.force_login(alice)
    answer = client.post(
        "/settings/follow-ups/",
        {"lead_reply": "on", "proposal_follow_up_days": "5", "collect_payment": "on"},
    )
    assert answer.status_code == 302
    saved = services.follow_up_settings(agency=agency)
    assert (saved.lead_reply, saved.proposal_follow_up, saved.proposal_follow_up_days) == (
        True,
        False,
        5,
    )
    refused = client.post("/settings/follow-ups/", {"proposal_follow_up_days": "0"})
    assert refused.status_code == 200
    assert services.follow_up_settings(agency=agency).proposal_follow_up_days == 5


def test_the_tasks_page_stays_within_its_query_budget(
    as_amir, amir, ada, django_assert_max_num_queries
):
    for n in range(30):
        TaskFactory(client=ada, assignee=amir, title=f"T{n}")
    with django_assert_max_num_queries(14):
        assert as_amir.get("/tasks/").status_code == 200
