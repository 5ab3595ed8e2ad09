"""Jobs for the queue's own tests; the worker subprocess imports this module
(tests/jobs/worker_settings.py). Each leaves a row per run in IdempotencyRecord (a table with
a unique key and nothing else depending on it), so a test can count runs across processes."""

from __future__ import annotations

import os
import time
import uuid
from typing import Any

from core import jobs
from core.models import IdempotencyRecord

RUN = "tests.worker.run"
STARTED = "tests.worker.started"
DONE = "tests.worker.done"


@jobs.job("tests.worker.append", attempts=1)
def append(*, n: int, **_: Any) -> None:
    """Not idempotent on purpose: a second run of job ``n`` would leave a second row."""
    IdempotencyRecord.objects.create(
        scope=RUN, key=f"{n}:{uuid.uuid4().hex}", request_hash=str(os.getpid())
    )


@jobs.job("tests.worker.sleepy", attempts=3, backoff=0)
def sleepy(*, n: int, **_: Any) -> None:
    """The first run says it started, then sleeps long enough to be killed; a later run
    (after recovery) finds the mark and finishes."""
    _mark, first = IdempotencyRecord.objects.get_or_create(
        scope=STARTED, key=str(n), defaults={"request_hash": str(os.getpid())}
    )
    if first:
        time.sleep(120)
    IdempotencyRecord.objects.create(scope=DONE, key=str(n), request_hash=str(os.getpid()))


@jobs.job("tests.worker.fails", attempts=2, backoff=0)
def fails(**_: Any) -> None:
    raise RuntimeError("SMTP said no: 550 mailbox unavailable")
