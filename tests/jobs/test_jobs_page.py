"""Settings → Jobs: owners see the agency's jobs (queued, running, failed with the error) and
retry a failed one; nobody else sees them, and another agency's job is a 404."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client

from accounts.models import Activity, Role
from core import jobs
from tests.factories import UserFactory
from tests.jobs import tasks

URL = "/accounts/jobs/"


def test_development_mode_says_jobs_run_in_process(as_alice):
    page = as_alice.get(URL)
    assert page.status_code == 200
    assert b"Jobs run in-process in development mode" in page.content


def test_a_retry_in_development_mode_is_a_404_not_a_500(as_alice):
    assert as_alice.post(URL, {"job": "1"}).status_code == 404


@pytest.mark.parametrize("role", [Role.ADMIN, Role.AGENT])
def test_admins_and_agents_get_a_403(client, agency, role):
    client.force_login(UserFactory(agency=agency, role=role))
    assert client.get(URL).status_code == 403
    assert client.post(URL, {"job": "1"}).status_code == 403


def test_signed_out_visitors_are_sent_to_sign_in(client, db):
    page = client.get(URL)
    assert page.status_code == 302 and "/accounts/login/" in page["Location"]


def test_only_owners_have_the_jobs_link(client, alice, amir):
    client.force_login(alice)
    assert b'href="/accounts/jobs/"' in client.get("/").content
    client.force_login(amir)
    assert b'href="/accounts/jobs/"' not in client.get("/").content


# Queue mode (PostgreSQL): rows in procrastinate's table, inside the test's transaction --------


@pytest.fixture
def queue(settings, db):
    settings.JOBS_MODE = "queue"


def _job(agency_id: int | None, n: int, status: str = "todo") -> int:
    jobs.enqueue(tasks.append, agency_id=agency_id, n=n)
    with connection.cursor() as cursor:
        cursor.execute("SELECT max(id) FROM procrastinate_jobs")
        job_id = cursor.fetchone()[0]
        if status != "todo":
            cursor.execute(
                "UPDATE procrastinate_jobs SET status = %s, attempts = 2 WHERE id = %s",
                [status, job_id],
            )
    return job_id


def _status(job_id: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT status FROM procrastinate_jobs WHERE id = %s", [job_id])
        return cursor.fetchone()[0]


def _fail(job_id: int, agency_id: int, error: str) -> None:
    """What the worker announces when a job fails for good (tests/jobs/test_worker.py)."""
    jobs.job_failed.send(
        sender=jobs.Job,
        job_id=job_id,
        task_name="tests.worker.append",
        agency_id=agency_id,
        error=error,
    )


@pytest.mark.postgres
def test_the_owner_sees_the_agencys_jobs_with_counts_and_the_error(queue, as_alice, agency, bob):
    queued = _job(agency.pk, 1)
    failed = _job(agency.pk, 2, status="failed")
    _fail(failed, agency.pk, "SMTPRecipientsRefused: 550 mailbox unavailable")
    theirs = _job(bob.agency_id, 3, status="failed")
    _fail(theirs, bob.agency_id, "Beta's secret failure")
    system = _job(None, 4)

    page = as_alice.get(URL)
    text = page.content.decode()
    assert page.status_code == 200
    assert f'data-testid="job-{queued}"' in text and f'data-testid="job-{failed}"' in text
    assert f'data-testid="job-{theirs}"' not in text and f'data-testid="job-{system}"' not in text
    assert "550 mailbox unavailable" in text and "Beta&#x27;s secret" not in text
    assert "Beta" not in text
    assert 'data-testid="count-todo">Queued <span class="count">1</span>' in text
    assert 'data-testid="count-failed">Failed <span class="count">1</span>' in text

    only_failed = as_alice.get(URL, {"status": "failed"}).content.decode()
    assert f'data-testid="job-{failed}"' in only_failed
    assert f'data-testid="job-{queued}"' not in only_failed


@pytest.mark.postgres
def test_an_unknown_status_filter_shows_all_and_an_empty_one_says_so(queue, as_alice, agency):
    job = _job(agency.pk, 1)
    assert f'data-testid="job-{job}"' in as_alice.get(URL, {"status": "nope"}).content.decode()
    empty = as_alice.get(URL, {"status": "failed"})
    assert empty.status_code == 200 and b"No failed jobs." in empty.content


@pytest.mark.postgres
def test_no_jobs_yet_is_an_empty_state(queue, as_alice):
    assert b"No background jobs for Alpha Tours yet." in as_alice.get(URL).content


@pytest.mark.postgres
def test_a_long_list_is_paginated(queue, as_alice, agency):
    ids = [_job(agency.pk, n) for n in range(30)]
    first = as_alice.get(URL).content.decode()
    second = as_alice.get(URL, {"page": "2"}).content.decode()
    assert f'data-testid="job-{ids[-1]}"' in first and f'data-testid="job-{ids[0]}"' not in first
    assert f'data-testid="job-{ids[0]}"' in second
    for bad in ("x", "0", "9" * 30):
        assert as_alice.get(URL, {"page": bad}).status_code == 200


@pytest.mark.postgres
def test_the_owner_retries_a_failed_job(queue, as_alice, agency, alice):
    failed = _job(agency.pk, 1, status="failed")
    answer = as_alice.post(URL, {"job": str(failed)})
    assert answer.status_code == 302 and answer["Location"] == URL
    assert _status(failed) == "todo"
    event = Activity.objects.get(event="job.retried", object_id=failed)
    assert event.agency_id == agency.pk and event.actor_id == alice.pk
    assert event.object_repr == "tests.worker.append"


@pytest.mark.postgres
def test_a_job_that_has_not_failed_is_not_retried(queue, as_alice, agency):
    queued = _job(agency.pk, 1)
    answer = as_alice.post(URL, {"job": str(queued)}, follow=True)
    assert b"Only a failed job can be retried; this one is todo." in answer.content
    assert _status(queued) == "todo"
    assert not Activity.objects.filter(event="job.retried").exists()


@pytest.mark.postgres
def test_another_agencys_job_answers_like_a_missing_one_and_stays_failed(queue, as_alice, bob):
    theirs = _job(bob.agency_id, 1, status="failed")
    system = _job(None, 2, status="failed")
    missing = as_alice.post(URL, {"job": "987654321"})
    for job_id in (theirs, system):
        got = as_alice.post(URL, {"job": str(job_id)})
        assert got.status_code == missing.status_code == 404
        assert got.content == missing.content
        assert _status(job_id) == "failed"
    for bad in ("", "abc", "-1", "1" * 40, "\uff11"):
        assert as_alice.post(URL, {"job": bad}).status_code == 404
    assert not Activity.objects.filter(event="job.retried").exists()


@pytest.mark.postgres
def test_a_retry_needs_the_csrf_token(queue, agency, alice):
    failed = _job(agency.pk, 1, status="failed")
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(alice)
    assert browser.post(URL, {"job": str(failed)}).status_code == 403
    assert _status(failed) == "failed"


@pytest.mark.postgres
def test_the_jobs_page_reads_the_queue_through_the_agency_index(db, agency):
    """The page's query filters on the job's agency_id argument: core 0003's expression index
    serves it, so an agency's page does not read the whole queue."""
    sql, params = jobs.job_list(agency_id=agency.pk).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # an empty test table: ask the planner
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "procrastinate_jobs_agency" in plan, plan
