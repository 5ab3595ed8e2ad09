"""The agency's side of background jobs: a job that failed for good is recorded as the
agency's ``job.failed`` event (procrastinate keeps no error text), and an owner's retry of a
failed job is a ``job.retried`` event. The queue itself is ``core.jobs``.

Imported by every process (procrastinate's Django app autodiscovers each app's ``jobs``
module), so the receiver below is connected in the workers, where jobs fail.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import QuerySet

from accounts.api_access import api_usage_flush
from accounts.events import record_event
from accounts.models import Activity, ActivityChannel, User
from core import jobs

FAILED = "job.failed"


def _record_failure(
    sender: Any, *, job_id: int, task_name: str, agency_id: int | None, error: str, **_: Any
) -> None:
    record_event(
        FAILED,
        agency_id=agency_id,
        object_type="job",
        object_id=job_id,
        object_repr=task_name,
        data={"error": error},
        action="update",
        actor_name="Itinera",
        channel=ActivityChannel.SYSTEM,
    )


jobs.job_failed.connect(_record_failure, dispatch_uid="accounts.jobs.record_failure")


def job_errors(*, agency_id: int, job_ids: list[int]) -> dict[str, str]:
    """The last recorded error of each of these jobs of the agency, by job id (as text, for
    templates)."""
    rows: QuerySet[Activity] = (
        Activity.objects.for_agency(agency_id)
        .filter(event=FAILED, object_type="job", object_id__in=job_ids)
        .order_by("object_id", "-id")
    )
    errors: dict[str, str] = {}
    for row in rows:
        errors.setdefault(str(row.object_id), str((row.data or {}).get("error", "")))
    return errors


def agency_job_retry(*, agency_id: int, actor: User, job_id: int) -> None:
    """An owner queues a failed job of the agency again (``core.jobs.job_retry``'s errors)."""
    with transaction.atomic():
        task_name = jobs.job_retry(agency_id=agency_id, job_id=job_id)
        record_event(
            "job.retried",
            agency_id=agency_id,
            object_type="job",
            object_id=job_id,
            object_repr=task_name,
            actor=actor,
        )


@jobs.job("accounts.flush_api_usage", attempts=1, lock="accounts.flush_api_usage")
def flush_api_usage(timestamp: int | None = None, **_: Any) -> int:
    """Every five minutes: the API tokens' daily request tallies, from Redis to the database
    (``accounts.api_access.api_usage_flush``)."""
    return api_usage_flush()


jobs.periodic(flush_api_usage, cron="*/5 * * * *")
