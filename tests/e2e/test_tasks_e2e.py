"""Tasks in a real browser on a 390 px phone: Home's My tasks (ticked done through htmx), the
Tasks page, the task form and a client's Tasks card; nothing scrolls sideways. Saves the
screenshot of Home with tasks (docs/screenshots/home-tasks.png)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from accounts.models import Role
from crm.models import Task
from crm.tasks.selectors import agency_today
from tests.e2e.test_payments_e2e import no_sideways_scroll
from tests.factories import PASSWORD, AgencyFactory, ClientFactory, TaskFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture
def owner(db):
    agency = AgencyFactory(name="Alpha Tours", slug="alpha-tours")
    return UserFactory(
        username="alice", email="alice@alpha.example", agency=agency, role=Role.OWNER
    )


@pytest.fixture
def phone(chromium, live_server, plain_http):
    context = chromium.new_context(base_url=live_server.url, viewport=PHONE)
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


def test_tasks_fit_a_phone_and_tick_done_with_htmx(phone, owner):
    agency = owner.agency
    today = agency_today(agency)
    client = ClientFactory(agency=agency, name="Aisha Rahman-Whitfield", status="active")
    late = TaskFactory(
        client=client,
        assignee=owner,
        title="Reply to Aisha Rahman-Whitfield about the Zanzibar extension",
        due_date=today - dt.timedelta(days=1),
        priority="high",
    )
    TaskFactory(client=client, assignee=owner, title="Follow up Safari proposal", due_date=today)
    TaskFactory(
        client=client,
        assignee=owner,
        title="Collect payment BK-ZNZ1 Deposit",
        due_date=today + dt.timedelta(days=3),
        due_time=dt.time(10, 30),
    )
    phone.goto("/accounts/login/")
    phone.fill("#id_username", "alice")
    phone.fill("#id_password", PASSWORD)
    phone.click("button[type=submit]")
    phone.goto("/")
    assert phone.get_by_role("heading", name="My tasks").is_visible()
    no_sideways_scroll(phone)
    SCREENSHOTS.mkdir(exist_ok=True)
    phone.screenshot(path=str(SCREENSHOTS / "home-tasks.png"), full_page=True)

    phone.get_by_label(f"Done: {late.title}").check()
    phone.wait_for_selector(f"#task-{late.pk}.task--done")
    late.refresh_from_db()
    assert late.done_at is not None

    for path in (
        "/tasks/",
        "/tasks/?status=all&due=overdue",
        "/tasks/new/",
        f"/clients/{client.pk}/",
    ):
        phone.goto(path)
        no_sideways_scroll(phone)
    phone.goto(f"/tasks/{late.pk}/edit/")
    no_sideways_scroll(phone)
    assert Task.objects.count() == 3
