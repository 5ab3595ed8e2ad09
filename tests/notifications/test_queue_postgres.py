"""On PostgreSQL, in queue mode: the notification's job is written in the answer's transaction,
real worker processes run it once between them, and two runs racing tell the agent once."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.db import connection, transaction

from accounts.models import Activity
from core.models import OutboundEmail
from crm.models import Notification
from crm.notifications.jobs import notify_event
from crm.proposals import services as proposal_services

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]


def _jobs(status: str | None = None) -> list[tuple[str, str]]:
    sql = "SELECT task_name, status FROM procrastinate_jobs WHERE task_name LIKE 'notifications.%%'"
    with connection.cursor() as cursor:
        cursor.execute(sql)
        rows = cursor.fetchall()
    return [row for row in rows if status is None or row[1] == status]


@pytest.fixture
def queue_mode(settings):
    """Queue mode; procrastinate's tables are not flushed by Django: this test's rows go."""
    settings.JOBS_MODE = "queue"

    def forget() -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM procrastinate_jobs WHERE task_name LIKE 'notifications.%%'")

    forget()
    yield
    forget()


def test_queued_the_notification_job_is_written_with_the_answer(queue_mode, sent):
    with pytest.raises(RuntimeError), transaction.atomic():
        proposal_services.proposal_respond(
            proposal=sent, accept=True, full_name="Ada L", confirmed=True
        )
        raise RuntimeError("rolled back after the answer")
    assert _jobs() == []
    proposal_services.proposal_respond(
        proposal=sent, accept=True, full_name="Ada L", confirmed=True
    )
    assert _jobs() == [("notifications.notify_event", "todo")]
    assert Notification.objects.count() == 0  # a worker tells, not the web request


def _worker(database: str) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{database}",
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "SECRET_KEY": "x",
        "DEBUG": "1",
        "JOBS_MODE": "queue",
        "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", "procrastinate", "worker", "--one-shot"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def test_two_real_workers_run_the_job_once(queue_mode, sent, amir):
    proposal_services.proposal_respond(
        proposal=sent, accept=True, full_name="Ada L", confirmed=True
    )
    workers = [_worker(connection.settings_dict["NAME"]) for _ in range(2)]
    output = "".join(worker.communicate(timeout=120)[0] for worker in workers)
    assert [w.returncode for w in workers] == [0, 0], output
    # (A worker may also start the hourly reminders if it runs across the hour.)
    assert [job for job in _jobs() if job[0] == "notifications.notify_event"] == [
        ("notifications.notify_event", "succeeded")
    ]
    told = Notification.objects.get(kind="proposal.accepted")
    assert told.recipient == amir and told.kind == "proposal.accepted"
    assert output.count("X-Itinera-Kind: notification.proposal.accepted") == 1, output


def test_two_runs_racing_for_one_event_tell_once(queue_mode, sent, amir):
    proposal_services.proposal_respond(
        proposal=sent, accept=True, full_name="Ada L", confirmed=True
    )
    activity = Activity.objects.get(event="proposal.accepted")
    start = threading.Barrier(2)
    results: list[int] = []

    def run() -> None:
        try:
            start.wait()
            results.append(notify_event(agency_id=sent.agency_id, activity_id=activity.pk))
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [0, 1]
    assert Notification.objects.filter(recipient=amir).count() == 1
    # One email queued in the outbox for the workers (queue mode: delivered by a job).
    assert OutboundEmail.objects.filter(kind="notification.proposal.accepted").count() == 1
