"""The jobs facade (core/jobs.py): a job belongs to the transaction that enqueues it."""

from __future__ import annotations

import pytest
from django.db import connection, transaction

from accounts.models import Activity
from core import jobs
from tests.factories import ClientFactory

RAN: list[dict] = []


@jobs.job("tests.record_run", attempts=1)
def record_run(**kwargs):
    RAN.append(kwargs)


@pytest.fixture(autouse=True)
def _clear():
    RAN.clear()
    yield
    RAN.clear()


def test_inline_a_job_runs_after_its_transaction_commits(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        jobs.enqueue(record_run, agency_id=1, client_id=7, note="hi")
        assert RAN == []  # not before the commit
    assert RAN == [{"agency_id": 1, "client_id": 7, "note": "hi"}]


def test_inline_a_rolled_back_transaction_runs_no_job(db, django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        jobs.enqueue(record_run, agency_id=None, client_id=7)
        raise RuntimeError("the change failed")
    assert callbacks == [] and RAN == []


def test_a_model_instance_is_refused_as_an_argument(db, agency):
    client = ClientFactory(agency=agency)
    with pytest.raises(TypeError, match="pass ids and plain values"):
        jobs.enqueue(record_run, agency_id=agency.pk, client=client)


def test_a_job_name_is_declared_once():
    with pytest.raises(ValueError, match="already declared"):
        jobs.job("tests.record_run")(lambda: None)


def test_the_mode_defaults_to_the_database(settings):
    settings.JOBS_MODE = ""
    assert jobs.mode() == ("queue" if connection.vendor == "postgresql" else "inline")


def _queued(name: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM procrastinate_jobs WHERE task_name = %s AND status = 'todo'",
            [name],
        )
        return cursor.fetchone()[0]


@pytest.fixture
def queue_mode(settings):
    """Queue mode on PostgreSQL; procrastinate's tables are not Django's, so a transactional
    test's flush leaves their rows: this test's are removed on both sides."""
    settings.JOBS_MODE = "queue"

    def forget() -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM procrastinate_jobs WHERE task_name LIKE 'tests.%%'")

    forget()
    yield
    forget()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_queued_the_job_row_is_written_in_the_enqueuing_transaction(queue_mode):
    with pytest.raises(RuntimeError), transaction.atomic():
        jobs.enqueue(record_run, agency_id=None, client_id=1)
        raise RuntimeError("rolled back")
    assert _queued("tests.record_run") == 0
    with transaction.atomic():
        jobs.enqueue(record_run, agency_id=None, client_id=2)
    assert _queued("tests.record_run") == 1
    assert RAN == []  # a worker runs it, not this process


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_queued_a_queueing_lock_keeps_one_job_waiting(queue_mode):
    for _ in range(3):
        jobs.enqueue(record_run, agency_id=None, queueing_lock="once", client_id=3)
    assert _queued("tests.record_run") == 1


@pytest.mark.postgres
def test_recovery_retries_only_the_jobs_of_workers_that_stopped_beating(db, queue_mode):
    """A worker's heartbeat is its proof of life: a job it holds is left alone while it beats,
    retried once it has been silent too long (tests/jobs/test_worker.py kills a real one)."""

    def job_on(heartbeat_age: str | None) -> int:
        jobs.enqueue(record_run, agency_id=None, client_id=1)
        with connection.cursor() as cursor:
            worker_id = None
            if heartbeat_age is not None:
                cursor.execute(
                    "INSERT INTO procrastinate_workers (last_heartbeat) "
                    "VALUES (clock_timestamp() - %s::interval) RETURNING id",
                    [heartbeat_age],
                )
                worker_id = cursor.fetchone()[0]
            cursor.execute(
                "UPDATE procrastinate_jobs SET status = 'doing', worker_id = %s "
                "WHERE id = (SELECT max(id) FROM procrastinate_jobs) RETURNING id",
                [worker_id],
            )
            return cursor.fetchone()[0]

    alive = job_on("1 second")
    silent = job_on("10 minutes")
    orphan = job_on(None)  # its worker was pruned by another worker: no worker at all
    assert sorted(jobs.recover_stalled(seconds_since_heartbeat=30)) == sorted([silent, orphan])
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, status FROM procrastinate_jobs WHERE id IN (%s, %s, %s)",
            [alive, silent, orphan],
        )
        assert dict(cursor.fetchall()) == {alive: "doing", silent: "todo", orphan: "todo"}
    assert jobs.recover_stalled(seconds_since_heartbeat=30) == []
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM procrastinate_workers")


def test_a_final_failure_is_announced_once_with_its_error_and_agency(agency):
    """The task middleware: a failure with retries left says nothing; the last one says why."""
    from procrastinate.job_context import JobContext

    announced: list[dict] = []

    def listen(sender, **kwargs):
        announced.append(kwargs)

    jobs.job_failed.connect(listen)
    try:
        task = failing.task
        for attempts, expected in ((0, 0), (1, 1)):
            job = task.configure().job
            job = job.evolve(id=41, attempts=attempts, task_kwargs={"agency_id": agency.pk})
            context = JobContext(
                app=task.blueprint, job=job, abort_reason=lambda: None, start_timestamp=0
            )

            def boom() -> None:
                raise ValueError("x" * 2000)

            with pytest.raises(ValueError):
                jobs._announce_final_failure(boom, context, None)
            assert len(announced) == expected
    finally:
        jobs.job_failed.disconnect(listen)
    [final] = announced
    assert final["job_id"] == 41 and final["agency_id"] == agency.pk
    assert final["task_name"] == "tests.failing"
    assert final["error"].startswith("ValueError: xxx") and len(final["error"]) == 1000
    # accounts.jobs records it as the agency's event, the Jobs page's source of errors.
    [event] = Activity.objects.filter(event="job.failed")
    assert (event.agency_id, event.object_type, event.object_id) == (agency.pk, "job", 41)
    assert event.object_repr == "tests.failing" and event.data == {"error": final["error"]}


@jobs.job("tests.failing", attempts=2, backoff=0)
def failing(**kwargs):
    raise ValueError("never works")


@pytest.mark.postgres
def test_finished_jobs_are_pruned_and_failed_ones_kept_longer(db, queue_mode):
    def finished(status: str, days_ago: int) -> int:
        jobs.enqueue(record_run, agency_id=None, client_id=1)
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE procrastinate_jobs SET status = %s "
                "WHERE id = (SELECT max(id) FROM procrastinate_jobs) RETURNING id",
                [status],
            )
            job_id = cursor.fetchone()[0]
            cursor.execute(
                "UPDATE procrastinate_events SET at = now() - %s::interval WHERE job_id = %s",
                [f"{days_ago} days", job_id],
            )
        return job_id

    old_done, new_done = finished("succeeded", 8), finished("succeeded", 1)
    old_failed, new_failed = finished("failed", 31), finished("failed", 8)
    waiting = finished("todo", 40)
    jobs.prune_finished(done_hours=7 * 24, failed_hours=30 * 24)
    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM procrastinate_jobs WHERE task_name = 'tests.record_run'")
        left = {row[0] for row in cursor.fetchall()}
    assert left == {new_done, new_failed, waiting}
    assert old_done not in left and old_failed not in left
