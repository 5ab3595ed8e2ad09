"""Scheduled work without cron: each periodic job is registered with the workers, and does
its work when it runs (in-process here; tests/jobs/test_worker.py runs a real worker)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from procrastinate.contrib.django import app as procrastinate_app

from accounts.models import Activity
from core import idempotency
from core import jobs as core_jobs
from core.models import IdempotencyRecord
from crm import jobs as crm_jobs
from crm.models import Proposal
from crm.proposals import jobs as proposal_jobs
from tests.factories import AgencyFactory, ClientFactory, ProposalFactory


def _schedule() -> dict[str, str]:
    """task name -> cron, as the workers will defer them."""
    registry = procrastinate_app.periodic_registry.periodic_tasks
    return {task.task.name: task.cron for task in registry.values()}


def test_the_periodic_jobs_are_registered_with_their_schedule():
    schedule = _schedule()
    assert schedule["proposals.expire_due_scan"] == "*/15 * * * *"
    assert schedule["core.purge_idempotency_keys"] == "17 * * * *"
    assert schedule["core.recover_stalled_jobs"] == "* * * * *"
    assert schedule["core.prune_finished_jobs"] == "41 3 * * *"


def test_the_crm_jobs_module_imports_every_domain_jobs_module():
    assert crm_jobs.proposals_jobs is proposal_jobs
    assert "proposals.expire_due" in core_jobs.REGISTRY


def test_the_worker_imports_the_purge_job(settings):
    assert "core.idempotency" in settings.PROCRASTINATE_IMPORT_PATHS
    assert core_jobs.REGISTRY["core.purge_idempotency_keys"].func is (
        idempotency.purge_idempotency_keys.func
    )


def test_the_heartbeat_and_stalled_timeout_reach_the_workers(settings):
    defaults = settings.PROCRASTINATE_WORKER_DEFAULTS
    assert defaults["update_heartbeat_interval"] == settings.JOBS_HEARTBEAT_SECONDS
    assert defaults["stalled_worker_timeout"] == settings.JOBS_STALLED_SECONDS
    assert settings.JOBS_HEARTBEAT_SECONDS < settings.JOBS_STALLED_SECONDS


@pytest.mark.django_db
def test_the_scan_expires_each_agencys_overdue_proposals_in_a_job_of_its_own(
    django_capture_on_commit_callbacks,
):
    today = timezone.localdate()
    alpha, beta = AgencyFactory(), AgencyFactory()
    overdue_a = ProposalFactory(
        client=ClientFactory(agency=alpha), status="sent", valid_until=today - dt.timedelta(2)
    )
    overdue_b = ProposalFactory(
        client=ClientFactory(agency=beta), status="viewed", valid_until=today - dt.timedelta(3)
    )
    valid = ProposalFactory(client=overdue_a.client, status="sent", valid_until=today)
    answered = ProposalFactory(
        client=overdue_a.client, status="accepted", valid_until=today - dt.timedelta(5)
    )
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        queued = proposal_jobs.expire_due_scan.func(timestamp=0)
    assert queued == 2 and len(callbacks) == 2  # one job per agency
    statuses = dict(Proposal.objects.values_list("pk", "status"))
    assert statuses == {
        overdue_a.pk: "expired",
        overdue_b.pk: "expired",
        valid.pk: "sent",
        answered.pk: "accepted",
    }
    expired = Activity.objects.filter(event="proposal.expired").values_list(
        "agency_id", "object_id"
    )
    assert sorted(expired) == sorted([(alpha.pk, overdue_a.pk), (beta.pk, overdue_b.pk)])


@pytest.mark.django_db
def test_expiry_runs_twice_without_harm_and_skips_a_deleted_agency():
    agency = AgencyFactory()
    proposal = ProposalFactory(
        client=ClientFactory(agency=agency),
        status="sent",
        valid_until=timezone.localdate() - dt.timedelta(1),
    )
    assert proposal_jobs.expire_due(agency_id=agency.pk) == 1
    assert proposal_jobs.expire_due(agency_id=agency.pk) == 0
    assert Activity.objects.filter(event="proposal.expired", object_id=proposal.pk).count() == 1
    assert proposal_jobs.expire_due(agency_id=987_654) == 0


@pytest.mark.django_db
def test_expiry_follows_the_agencys_own_calendar(monkeypatch):
    # 23:30 UTC on 10 March is already 11 March in Auckland: a proposal valid until the 10th
    # has expired there, not yet in London.
    now = dt.datetime(2026, 3, 10, 23, 30, tzinfo=dt.UTC)
    monkeypatch.setattr(timezone, "now", lambda: now)
    auckland = AgencyFactory(timezone="Pacific/Auckland")
    london = AgencyFactory(timezone="Europe/London")
    kiwi = ProposalFactory(
        client=ClientFactory(agency=auckland), status="sent", valid_until=dt.date(2026, 3, 10)
    )
    brit = ProposalFactory(
        client=ClientFactory(agency=london), status="sent", valid_until=dt.date(2026, 3, 10)
    )
    proposal_jobs.expire_due(agency_id=auckland.pk)
    proposal_jobs.expire_due(agency_id=london.pk)
    statuses = dict(Proposal.objects.values_list("pk", "status"))
    assert statuses == {kiwi.pk: "expired", brit.pk: "sent"}


@pytest.mark.django_db
def test_the_periodic_purge_deletes_expired_idempotency_keys():
    old = IdempotencyRecord.objects.create(scope="token:1", key="old", request_hash="h")
    IdempotencyRecord.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - dt.timedelta(hours=25)
    )
    fresh = IdempotencyRecord.objects.create(scope="form:2", key="fresh", request_hash="h")
    assert idempotency.purge_idempotency_keys(timestamp=0) == 1
    assert list(IdempotencyRecord.objects.values_list("pk", flat=True)) == [fresh.pk]
