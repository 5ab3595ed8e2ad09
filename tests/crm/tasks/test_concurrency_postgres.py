"""On PostgreSQL: follow-up runs racing in threads (two workers at once) make one task per
occasion, and a lead's job run twice makes one "Reply to" task."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.db import connection

from accounts.models import Activity
from crm.models import Task
from crm.tasks.follow_ups import follow_ups_run, lead_reply_from_event
from tests.factories import ClientFactory, ProposalFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

NOW = dt.datetime(2027, 3, 3, 12, 0, tzinfo=dt.UTC)


def _race(target, count: int = 6) -> list[BaseException]:
    errors: list[BaseException] = []
    barrier = threading.Barrier(count)

    def run() -> None:
        try:
            barrier.wait()
            target()
        except BaseException as exc:  # reported by the test
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_racing_follow_up_runs_make_one_task_per_proposal(agency, amir):
    ada = ClientFactory(agency=agency, name="Ada", assigned_to=amir, status="active")
    for n in range(3):
        ProposalFactory(
            agency=agency,
            client=ada,
            title=f"Offer {n}",
            status="sent",
            sent_at=NOW - dt.timedelta(days=5),
        )
    errors = _race(lambda: follow_ups_run(agency_id=agency.pk, now=NOW))
    assert errors == []
    titles = sorted(Task.objects.values_list("title", flat=True))
    assert titles == ["Follow up Offer 0", "Follow up Offer 1", "Follow up Offer 2"]


def test_a_lead_job_run_concurrently_makes_one_task(agency, amir):
    lead = ClientFactory(agency=agency, name="Lin", assigned_to=amir, status="lead")
    activity = Activity.objects.get(event="client.created", object_id=lead.pk)
    errors = _race(lambda: lead_reply_from_event(agency_id=agency.pk, activity_id=activity.pk))
    assert errors == []
    assert Task.objects.filter(client=lead).count() == 1
