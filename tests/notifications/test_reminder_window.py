"""The upcoming-instalment reminder window is the agency's (7 days unless an owner or admin
changes it on Settings → Reminders); the change is in the history."""

from __future__ import annotations

import pytest

from accounts.models import Activity, Agency
from crm.models import Notification
from crm.notifications.reminders import reminders_send
from crm.notifications.services import reminder_window_set
from tests.notifications.test_instalment_reminders import TODAY, _scheduled

pytestmark = pytest.mark.django_db


def _due_reminders() -> list[str]:
    rows = Notification.objects.filter(kind="reminder.instalment_due")
    return sorted(rows.values_list("text", flat=True))


def test_by_default_an_instalment_due_within_7_days_is_reminded(agency, amir, ada, run_jobs):
    _scheduled(agency, amir, ada)  # "Second" due in 5 days, "Balance" in 15
    with run_jobs():
        reminders_send(agency_id=agency.pk, today=TODAY)
    assert agency.instalment_reminder_days == 7
    assert [t.split(" of ")[0] for t in _due_reminders()] == ["Second"]


def test_a_longer_window_reminds_the_later_instalment_too(agency, alice, amir, ada, run_jobs):
    _scheduled(agency, amir, ada)
    reminder_window_set(agency=agency, days=20, actor=alice)

    with run_jobs():
        reminders_send(agency_id=agency.pk, today=TODAY)

    assert [t.split(" of ")[0] for t in _due_reminders()] == ["Balance", "Second"]
    event = Activity.objects.get(event="agency.reminders_changed")
    assert event.data == {"from": 7, "to": 20}


def test_a_shorter_window_reminds_nothing_yet(agency, alice, amir, ada, run_jobs):
    _scheduled(agency, amir, ada)
    reminder_window_set(agency=agency, days=3, actor=alice)
    with run_jobs():
        reminders_send(agency_id=agency.pk, today=TODAY)
    assert _due_reminders() == []
    assert Notification.objects.filter(kind="reminder.instalment_overdue").count() == 1


def test_the_settings_page_is_owners_and_admins_and_refuses_a_bad_window(
    client, agency, alice, amir
):
    client.force_login(amir)
    assert client.get("/settings/reminders/").status_code == 403
    client.force_login(alice)
    assert client.get("/settings/reminders/").status_code == 200

    bad = client.post("/settings/reminders/", {"instalment_reminder_days": "0"})
    assert bad.status_code == 200 and "field--error" in bad.content.decode()
    good = client.post("/settings/reminders/", {"instalment_reminder_days": "14"})

    assert good.status_code == 302
    assert Agency.objects.get(pk=agency.pk).instalment_reminder_days == 14
