"""The jobs facade (core/jobs.py): a job belongs to the transaction that enqueues it."""

from __future__ import annotations

import pytest
from django.db import connection, transaction

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
