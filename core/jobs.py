"""The one door for background work: declare a job with :func:`job`, start it with
:func:`enqueue`. Nothing else in Itinera talks to procrastinate (the PostgreSQL task queue).

- A job's arguments are ids and plain values (int, str, bool, None, lists and dicts of them),
  never model instances: the job reads the rows it needs when it runs, so it sees what was
  committed, not a stale copy.
- ``enqueue`` inside a transaction belongs to that transaction. On PostgreSQL ("queue" mode)
  the job row is inserted on the same connection, so a rolled-back change never runs its job
  and a committed one is never forgotten, whatever happens to Redis or to the web process.
  Workers (``manage.py procrastinate worker``) run it, retrying with exponential backoff.
- On the SQLite development default ("inline" mode; procrastinate needs PostgreSQL) the job
  runs in this process right after the transaction commits; a failure is logged, not retried.
  ``JOBS_MODE`` chooses ("queue" or "inline"; by default "queue" on PostgreSQL).

A job must be safe to run twice (a worker may die after the work and before the row says
so): key its side effects (an email's outbox row, a reminder's occasion) so the second run
finds them done.

What procrastinate does itself, and what this module adds:

- procrastinate: the job rows, one worker per job (``SELECT ... FOR UPDATE SKIP LOCKED``),
  retries with backoff, periodic deferral once per tick whichever worker gets there first,
  queueing locks, workers' heartbeats (``procrastinate_workers``), and the pieces to find the
  jobs of a dead worker (``get_stalled_jobs``) and put them back (``retry_job``).
- here: the every-minute job that uses those pieces (:func:`recover_stalled`: a job left
  "doing" by a worker silent for ``JOBS_STALLED_SECONDS`` goes back to "todo"); the error of a
  job that failed for good (procrastinate keeps its events but not the exception), announced by
  the :data:`job_failed` signal (``accounts.jobs`` records it as the agency's ``job.failed``
  event); and the reads and the retry behind the owners' Jobs page (:func:`job_list`,
  :func:`job_counts`, :func:`job_retry`), always scoped by the job's ``agency_id`` argument.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cache, partial
from typing import Any, TypeAlias

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import connection, transaction
from django.db.models import Count, Max, Q, QuerySet
from django.dispatch import Signal
from django.utils import timezone
from procrastinate import RetryStrategy
from procrastinate import sql as procrastinate_sql
from procrastinate.contrib.django import app as procrastinate_app
from procrastinate.contrib.django.django_connector import DjangoConnector
from procrastinate.contrib.django.models import ProcrastinateJob
from procrastinate.exceptions import AlreadyEnqueued
from procrastinate.manager import JobManager

logger = logging.getLogger(__name__)

JobArg: TypeAlias = int | str | bool | float | Sequence["JobArg"] | Mapping[str, "JobArg"] | None

# Jobs that talk to the outside (SMTP, webhooks) retry with these waits: 2, 4, 8... seconds
# (2 ** (attempt + 1)), about 34 minutes in all over 10 attempts, then the job ends as failed.
DEFAULT_ATTEMPTS = 10
DEFAULT_BACKOFF = 2

REGISTRY: dict[str, Job] = {}

# Sent once per job that failed for good (no retry left), from the worker that ran it, with
# ``job_id``, ``task_name``, ``agency_id`` and ``error`` (the exception's type and message,
# cut to ERROR_LENGTH). Receivers must not raise; a failure to record is logged, not fatal.
job_failed = Signal()
ERROR_LENGTH = 1000


@dataclass(frozen=True)
class Job:
    """A declared job: its name (stable: it is stored in queued rows), the function, and the
    procrastinate task that carries it in queue mode."""

    name: str
    func: Callable[..., Any]
    task: Any = field(repr=False)
    queue: str = "default"

    def __call__(self, **kwargs: JobArg) -> Any:
        """Run now, in this process (tests, management commands)."""
        return self.func(**kwargs)


def job(
    name: str,
    *,
    queue: str = "default",
    attempts: int = DEFAULT_ATTEMPTS,
    backoff: int = DEFAULT_BACKOFF,
    lock: str | None = None,
) -> Callable[[Callable[..., Any]], Job]:
    """Declare a job. ``attempts`` = 1 means no retry; ``lock`` keeps two jobs with the same
    lock string from running at once."""

    def declare(func: Callable[..., Any]) -> Job:
        if name in REGISTRY:
            raise ValueError(f"A job named {name!r} is already declared.")
        retry = (
            RetryStrategy(max_attempts=attempts - 1, exponential_wait=backoff)
            if attempts > 1
            else False
        )
        task = procrastinate_app.task(
            name=name,
            queue=queue,
            retry=retry,
            lock=lock,
            task_middleware=[_announce_final_failure],
        )(func)
        declared = REGISTRY[name] = Job(name=name, func=func, task=task, queue=queue)
        return declared

    return declare


def periodic(declared: Job, *, cron: str) -> Job:
    """Run ``declared`` on a schedule (cron syntax, UTC) in queue mode: the workers defer it
    once per tick, whichever of them gets there first. The function receives ``timestamp``
    (the tick, in seconds) as its only argument."""
    procrastinate_app.periodic(cron=cron, periodic_id="")(declared.task)
    return declared


def mode() -> str:
    """ "queue" (procrastinate on PostgreSQL) or "inline" (in-process after commit)."""
    configured = getattr(settings, "JOBS_MODE", "")
    if configured in ("queue", "inline"):
        return configured
    return "queue" if connection.vendor == "postgresql" else "inline"


def _check_args(kwargs: Mapping[str, Any]) -> None:
    def plain(value: Any) -> bool:
        if value is None or isinstance(value, (bool, int, float, str)):
            return True
        if isinstance(value, (list, tuple)):
            return all(plain(item) for item in value)
        if isinstance(value, dict):
            return all(isinstance(k, str) and plain(v) for k, v in value.items())
        return False

    for key, value in kwargs.items():
        if not plain(value):
            raise TypeError(
                f"Job argument {key!r} is a {type(value).__name__}: pass ids and plain values."
            )


def enqueue(
    declared: Job,
    *,
    agency_id: int | None,
    queueing_lock: str | None = None,
    schedule_at: datetime | None = None,
    **kwargs: JobArg,
) -> None:
    """Start ``declared`` once the current transaction commits (now, outside one).

    ``agency_id`` is the agency the work is for (None: the system's own, such as a purge); the
    job receives it with ``kwargs``, and it is what scopes an owner's view of the queue.
    ``queueing_lock``: while a job with this lock is waiting, another is not queued (a repeat
    is dropped: the waiting one will do the work). ``schedule_at``: not before this time (queue
    mode; in inline mode a job scheduled for later is not run at all: nothing in-process waits,
    the log says so)."""
    kwargs = {"agency_id": agency_id, **kwargs}
    _check_args(kwargs)
    later = schedule_at is not None and schedule_at > timezone.now()
    if mode() == "inline":
        if later:
            logger.info(
                "job %s scheduled for %s not run (JOBS_MODE=inline runs nothing later)",
                declared.name,
                schedule_at,
            )
            return
        transaction.on_commit(partial(_run_inline, declared, kwargs))
        return
    new_job = declared.task.configure(
        queueing_lock=queueing_lock, schedule_at=schedule_at if later else None
    ).make_new_job(**kwargs)
    try:
        with transaction.atomic():  # a savepoint: a refused queueing lock keeps the caller's
            _in_this_transaction().defer_job(job=new_job)
    except AlreadyEnqueued:
        logger.info(
            "job %s already waiting under %r; not queued again", declared.name, queueing_lock
        )


@cache
def _in_this_transaction() -> JobManager:
    """Job rows written on Django's own connection, so in the caller's transaction. Not the
    app's job manager: in a worker (``manage.py procrastinate worker``) the app's connector is
    a psycopg pool of its own, whose writes commit at once, so a job enqueued by a job (an
    email's ``deliver`` from ``notify_event``) could run before the row it names existed."""
    return JobManager(DjangoConnector())


def _run_inline(declared: Job, kwargs: Mapping[str, Any]) -> None:
    try:
        declared.func(**kwargs)
    except Exception:
        if getattr(settings, "JOBS_INLINE_RAISE", False):  # the test suite: fail loudly
            raise
        # Development mode: no queue to retry from. The log says what was lost.
        logger.exception("job %s failed in-process (JOBS_MODE=inline): %r", declared.name, kwargs)


def _describe(exc: BaseException) -> str:
    text = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    return text[:ERROR_LENGTH]


def _announce_final_failure(call_next: Callable[[], Any], context: Any, worker: Any) -> Any:
    """Task middleware (in the worker): a job that fails with no retry left says why."""
    try:
        return call_next()
    except Exception as exc:
        job = context.job
        if context.task.get_retry_exception(exception=exc, job=job) is None:
            agency_id = (job.task_kwargs or {}).get("agency_id")
            try:
                job_failed.send(
                    sender=Job,
                    job_id=job.id,
                    task_name=job.task_name,
                    agency_id=agency_id if isinstance(agency_id, int) else None,
                    error=_describe(exc),
                )
            except Exception:
                logger.exception("could not record the failure of job %s", job.id)
        raise


# Dead workers ---------------------------------------------------------------------------------


def recover_stalled(*, seconds_since_heartbeat: float | None = None) -> list[int]:
    """Put back to "todo" every job left "doing" by a worker that stopped sending heartbeats
    (killed, machine gone); the ids. The attempt it was on counts as one attempt."""
    silent = (
        settings.JOBS_STALLED_SECONDS
        if seconds_since_heartbeat is None
        else seconds_since_heartbeat
    )
    cutoff = timezone.now() - timedelta(seconds=silent)
    stalled = ProcrastinateJob.objects.filter(status="doing").filter(
        Q(worker__isnull=True) | Q(worker__last_heartbeat__lt=cutoff)
    )
    recovered = []
    for job_id in stalled.values_list("id", flat=True):
        try:
            procrastinate_app.job_manager.retry_job_by_id(job_id=job_id, retry_at=timezone.now())
        except Exception:  # finished or recovered by someone else meanwhile
            logger.info("stalled job %s changed before it could be retried", job_id)
            continue
        logger.warning("job %s was left running by a dead worker: retried", job_id)
        recovered.append(job_id)
    return recovered


# No ``lock``: a recovery job that was itself on a dead worker would hold it and keep every
# later recovery from running. Two recoveries at once are harmless (a job is retried once:
# the second ``retry_job`` finds it "todo" and is skipped).
@job("core.recover_stalled_jobs", attempts=1)
def recover_stalled_jobs(timestamp: int | None = None, **_: JobArg) -> int:
    return len(recover_stalled())


periodic(recover_stalled_jobs, cron="* * * * *")


# Finished jobs do not pile up: procrastinate keeps every row until told otherwise.


def prune_finished(*, done_hours: int, failed_hours: int) -> None:
    """Delete jobs finished (succeeded, cancelled, aborted) more than ``done_hours`` ago and
    failed ones more than ``failed_hours`` ago (kept longer: the owners' Jobs page shows them),
    with procrastinate's own query (its ``remove_old_jobs`` task is async and all-or-nothing
    on failed jobs)."""
    connector = procrastinate_app.job_manager.connector.get_sync_connector()
    for statuses, hours in (
        (["succeeded", "cancelled", "aborted"], done_hours),
        (["failed"], failed_hours),
    ):
        connector.execute_query(
            query=procrastinate_sql.queries["delete_old_jobs"],
            nb_hours=hours,
            queue=None,
            statuses=statuses,
        )


@job("core.prune_finished_jobs", attempts=3)
def prune_finished_jobs(timestamp: int | None = None, **_: JobArg) -> None:
    prune_finished(
        done_hours=settings.JOBS_KEEP_DONE_HOURS, failed_hours=settings.JOBS_KEEP_FAILED_HOURS
    )


periodic(prune_finished_jobs, cron="41 3 * * *")


# The owners' Jobs page: reads and the retry, scoped by the job's agency_id argument -----------

STATUSES = ("todo", "doing", "failed", "succeeded", "cancelled", "aborted")


def queue_available() -> bool:
    """Whether jobs go through procrastinate's table here (not in development mode)."""
    return mode() == "queue" and connection.vendor == "postgresql"


def _agency_jobs(agency_id: int) -> QuerySet[ProcrastinateJob]:
    return ProcrastinateJob.objects.filter(args__agency_id=agency_id)


def job_list(*, agency_id: int, status: str | None = None) -> QuerySet[ProcrastinateJob]:
    """The agency's jobs, newest first, each with ``last_event_at``; ``status`` one of
    STATUSES (None: all)."""
    jobs = _agency_jobs(agency_id)
    if status:
        jobs = jobs.filter(status=status)
    return jobs.annotate(last_event_at=Max("procrastinateevent__at")).order_by("-id")


def job_counts(*, agency_id: int) -> dict[str, int]:
    counts = dict.fromkeys(STATUSES, 0)
    for row in _agency_jobs(agency_id).values("status").annotate(n=Count("id")).order_by():
        counts[row["status"]] = row["n"]
    return counts


def job_retry(*, agency_id: int, job_id: int) -> str:
    """Queue a failed job of this agency again, now; its task name. Another agency's job, or
    none, raises ``ObjectDoesNotExist``; a job that has not failed, ``ValidationError``."""
    with transaction.atomic():
        found = _agency_jobs(agency_id).select_for_update().filter(id=job_id).first()
        if found is None:
            raise ObjectDoesNotExist(f"No job {job_id}.")
        if found.status != "failed":
            raise ValidationError(
                {"job": [f"Only a failed job can be retried; this one is {found.status}."]}
            )
        procrastinate_app.job_manager.retry_job_by_id(job_id=job_id, retry_at=timezone.now())
        return found.task_name
