"""A job enqueued by a job, inside a worker, belongs to that job's transaction.

``manage.py procrastinate worker`` replaces the Django connector with a psycopg pool of its
own (``app.replace_connector(connector.get_worker_connector())``). Before the fix, a job that
enqueued another (``notifications.notify_event`` -> ``core.mail.send`` -> ``core.mail.deliver``)
wrote that job's row through the pool, committed at once, before the outbox row it names: a
worker could run ``deliver`` before the email existed for it, find nothing and succeed, and the
email stayed "queued" for ever (found by ``bench/scale_drill.py``: 1 of 5,647 emails lost).
"""

from __future__ import annotations

import pytest
from django.db import connection, transaction
from procrastinate.contrib.django import app as procrastinate_app
from procrastinate.testing import InMemoryConnector

from core import jobs


@jobs.job("tests.worker_enqueued", attempts=1)
def worker_enqueued(**kwargs):
    return kwargs


def _queued() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM procrastinate_jobs WHERE task_name = 'tests.worker_enqueued'"
        )
        return cursor.fetchone()[0]


@pytest.fixture
def worker_connector(settings):
    """Queue mode, the app's connector replaced as a worker replaces it (the worker's is a
    psycopg pool that needs a running event loop; procrastinate's in-memory connector stands
    in for "not Django's connection"); this test's job rows removed."""
    settings.JOBS_MODE = "queue"

    def forget() -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM procrastinate_jobs WHERE task_name LIKE 'tests.%%'")

    forget()
    with procrastinate_app.replace_connector(InMemoryConnector()):
        yield
    forget()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_in_a_worker_the_job_row_is_written_in_the_job_transaction(worker_connector):
    import psycopg
    from django.conf import settings

    db = settings.DATABASES["default"]
    other = psycopg.connect(
        host=db["HOST"],
        port=db["PORT"] or 5432,
        user=db["USER"],
        password=db["PASSWORD"],
        dbname=db["NAME"],
        autocommit=True,
    )
    query = "SELECT count(*) FROM procrastinate_jobs WHERE task_name = 'tests.worker_enqueued'"
    try:
        with transaction.atomic():
            jobs.enqueue(worker_enqueued, agency_id=None, email_id=2)
            assert other.execute(query).fetchone() == (0,)  # another worker cannot take it yet
        assert other.execute(query).fetchone() == (1,)
        with pytest.raises(RuntimeError), transaction.atomic():
            jobs.enqueue(worker_enqueued, agency_id=None, email_id=3)
            raise RuntimeError("the job's change failed")
        assert other.execute(query).fetchone() == (1,)  # the rolled-back one left nothing
    finally:
        other.close()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_in_a_worker_a_queueing_lock_refusal_keeps_the_job_transaction(worker_connector):
    with transaction.atomic():
        for _ in range(3):
            jobs.enqueue(worker_enqueued, agency_id=None, queueing_lock="once", email_id=3)
        assert _queued() == 1  # the transaction is still usable after the refusals
