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
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any, TypeAlias

from django.conf import settings
from django.db import connection, transaction
from procrastinate import RetryStrategy
from procrastinate.contrib.django import app as procrastinate_app
from procrastinate.exceptions import AlreadyEnqueued

logger = logging.getLogger(__name__)

JobArg: TypeAlias = int | str | bool | float | Sequence["JobArg"] | Mapping[str, "JobArg"] | None

# Jobs that talk to the outside (SMTP, webhooks) retry with these waits: 2, 4, 8... seconds
# (2 ** (attempt + 1)), about 34 minutes in all over 10 attempts, then the job ends as failed.
DEFAULT_ATTEMPTS = 10
DEFAULT_BACKOFF = 2

REGISTRY: dict[str, Job] = {}


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
        task = procrastinate_app.task(name=name, queue=queue, retry=retry, lock=lock)(func)
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
    **kwargs: JobArg,
) -> None:
    """Start ``declared`` once the current transaction commits (now, outside one).

    ``agency_id`` is the agency the work is for (None: the system's own, such as a purge); the
    job receives it with ``kwargs``, and it is what scopes an owner's view of the queue.
    ``queueing_lock``: while a job with this lock is waiting, another is not queued (a repeat
    is dropped: the waiting one will do the work)."""
    kwargs = {"agency_id": agency_id, **kwargs}
    _check_args(kwargs)
    if mode() == "inline":
        transaction.on_commit(partial(_run_inline, declared, kwargs))
        return
    deferrer = (
        declared.task.configure(queueing_lock=queueing_lock) if queueing_lock else declared.task
    )
    try:
        deferrer.defer(**kwargs)
    except AlreadyEnqueued:
        logger.info(
            "job %s already waiting under %r; not queued again", declared.name, queueing_lock
        )


def _run_inline(declared: Job, kwargs: Mapping[str, Any]) -> None:
    try:
        declared.func(**kwargs)
    except Exception:
        if getattr(settings, "JOBS_INLINE_RAISE", False):  # the test suite: fail loudly
            raise
        # Development mode: no queue to retry from. The log says what was lost.
        logger.exception("job %s failed in-process (JOBS_MODE=inline): %r", declared.name, kwargs)
