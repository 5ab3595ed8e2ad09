"""Real workers (``manage.py procrastinate worker`` subprocesses) on the PostgreSQL test
database: each job runs exactly once even when two workers race for it, a worker killed
mid-job leaves its job to be retried (not lost, not completed twice), and a job that keeps
failing ends failed, with its error, on the owners' Jobs page."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection, transaction

from accounts.models import Activity, Role
from core import jobs
from core.models import IdempotencyRecord
from tests.factories import AgencyFactory, UserFactory
from tests.jobs import tasks

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
DEADLINE = 25.0  # seconds any wait below may take before the test fails (typically 1-3)


def wait_for(what: str, check: Callable[[], Any], deadline: float = DEADLINE) -> Any:
    """Poll ``check`` until it returns something true; fail (saying what) at the deadline."""
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        if result := check():
            return result
        time.sleep(0.1)
    pytest.fail(f"gave up waiting for {what} after {deadline:.0f} s")


def sql(query: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(query, params or [])
        return cursor.fetchall() if cursor.description else []


def _forget_the_queue() -> None:
    # procrastinate's tables are not Django's: a transactional test's flush leaves their rows.
    sql("DELETE FROM procrastinate_jobs")
    sql("DELETE FROM procrastinate_periodic_defers")
    sql("DELETE FROM procrastinate_workers")


@pytest.fixture
def start_worker(settings, tmp_path) -> Iterator[Callable[[], subprocess.Popen[bytes]]]:
    """Start worker processes against the test database (pytest-django's ``test_<name>``,
    read from the settings once it exists); each is stopped, or killed, at the end."""
    settings.JOBS_MODE = "queue"
    _forget_the_queue()
    db = settings.DATABASES["default"]
    url = "postgres://{user}:{password}@{host}:{port}/{name}".format(
        user=quote(db["USER"] or "", safe=""),
        password=quote(db["PASSWORD"] or "", safe=""),
        host=db["HOST"] or "127.0.0.1",
        port=db["PORT"] or 5432,
        name=quote(db["NAME"], safe=""),
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.jobs.worker_settings",
        "DATABASE_URL": url,
        "SECRET_KEY": "itinera-test-secret-key",
        # A dead worker is noticed within seconds, not the production 30.
        "JOBS_HEARTBEAT_SECONDS": "1",
        "JOBS_STALLED_SECONDS": "3",
    }
    started: list[subprocess.Popen[bytes]] = []

    def start() -> subprocess.Popen[bytes]:
        log = (tmp_path / f"worker-{len(started)}.log").open("wb")
        command = [sys.executable, "manage.py", "procrastinate", "worker", "--concurrency", "1"]
        worker = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)
        started.append(worker)
        return worker

    yield start
    for worker in started:
        if worker.poll() is None:
            worker.send_signal(signal.SIGTERM)
    for worker in started:
        try:
            worker.wait(timeout=15)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
    _forget_the_queue()


def statuses(task_name: str) -> dict[int, str]:
    return dict(sql("SELECT id, status FROM procrastinate_jobs WHERE task_name = %s", [task_name]))


def test_two_workers_racing_run_each_job_exactly_once(start_worker):
    start_worker()
    start_worker()
    wait_for(
        "both workers to listen",
        lambda: sql("SELECT count(*) FROM procrastinate_workers") == [(2,)],
    )
    with transaction.atomic():  # all 40 appear at once, in front of both
        for n in range(40):
            jobs.enqueue(tasks.append, agency_id=None, n=n)
    wait_for(
        "40 jobs to succeed",
        lambda: list(statuses("tests.worker.append").values()) == ["succeeded"] * 40,
    )
    runs = list(IdempotencyRecord.objects.filter(scope=tasks.RUN).values_list("key", flat=True))
    assert sorted(int(key.split(":")[0]) for key in runs) == list(range(40))


def test_a_worker_killed_mid_job_leaves_it_to_be_retried_and_it_completes_once(start_worker):
    first = start_worker()
    jobs.enqueue(tasks.sleepy, agency_id=None, n=1)
    wait_for(
        "the job to start",
        lambda: IdempotencyRecord.objects.filter(scope=tasks.STARTED, key="1").exists(),
    )
    first.send_signal(signal.SIGKILL)
    first.wait()
    [(job_id, status)] = statuses("tests.worker.sleepy").items()
    assert status == "doing"  # neither lost nor done: left behind by a dead worker

    # The every-minute recovery, run here at once: retried when the heartbeat is stale.
    assert wait_for(
        "the dead worker's heartbeat to go stale",
        lambda: jobs.recover_stalled(seconds_since_heartbeat=2),
    ) == [job_id]
    assert statuses("tests.worker.sleepy") == {job_id: "todo"}
    assert jobs.recover_stalled(seconds_since_heartbeat=2) == []  # a job is retried once

    start_worker()
    wait_for(
        "the retried job to succeed",
        lambda: statuses("tests.worker.sleepy") == {job_id: "succeeded"},
    )
    assert IdempotencyRecord.objects.filter(scope=tasks.DONE, key="1").count() == 1
    # Two attempts counted: the one the kill cut short, and the one that finished.
    assert sql("SELECT attempts FROM procrastinate_jobs WHERE id = %s", [job_id]) == [(2,)]


def test_a_job_that_keeps_failing_ends_failed_with_its_error_on_the_jobs_page(start_worker, client):
    agency = AgencyFactory(name="Gamma Trips")
    owner = UserFactory(agency=agency, role=Role.OWNER)
    start_worker()
    jobs.enqueue(tasks.fails, agency_id=agency.pk)
    [job_id] = wait_for(
        "the job to fail for good",
        lambda: [i for i, s in statuses("tests.worker.fails").items() if s == "failed"],
    )
    # Two attempts (attempts=2): the first was retried, the second was the last.
    assert sql("SELECT attempts FROM procrastinate_jobs WHERE id = %s", [job_id]) == [(2,)]
    failure = wait_for(
        "the failure to be recorded",
        lambda: Activity.objects.filter(event="job.failed", object_id=job_id).first(),
    )
    assert failure.agency_id == agency.pk
    assert failure.data == {"error": "RuntimeError: SMTP said no: 550 mailbox unavailable"}
    assert Activity.objects.filter(event="job.failed").count() == 1  # not once per attempt

    client.force_login(owner)
    page = client.get("/accounts/jobs/", {"status": "failed"}).content.decode()
    assert f'data-testid="job-{job_id}"' in page
    assert "RuntimeError: SMTP said no: 550 mailbox unavailable" in page

    client.post("/accounts/jobs/", {"job": str(job_id)})
    wait_for(
        "the retried job to fail again",
        lambda: (
            statuses("tests.worker.fails") == {job_id: "failed"}
            and Activity.objects.filter(event="job.failed").count() == 2
        ),
    )


def test_the_worker_settings_point_at_the_test_database():
    assert settings.DATABASES["default"]["NAME"].startswith("test_")
