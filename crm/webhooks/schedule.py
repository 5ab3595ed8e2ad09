"""Getting an endpoint's deliveries going: ``wake`` now, ``wake_at`` later.

The ``webhooks.drain`` job itself is declared in ``crm/webhooks/jobs.py`` (it runs the engine,
``dispatch.drain``, which uses the services); it is found here by name, so the services can
wake an endpoint without importing the engine that imports them.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from core import jobs
from crm.webhooks.models import WebhookEndpoint

DRAIN_JOB = "webhooks.drain"


def _drain_job() -> jobs.Job:
    try:
        return jobs.REGISTRY[DRAIN_JOB]
    except KeyError:  # crm.jobs (imported by the app's ready()) declares it
        raise RuntimeError("crm.webhooks.jobs is not imported: webhooks.drain is unknown") from None


def wake(endpoint: WebhookEndpoint) -> None:
    """Make sure a drain of ``endpoint`` runs after this transaction commits (at most one
    waits per endpoint: a waiting drain sends whatever is due when it runs)."""
    jobs.enqueue(
        _drain_job(),
        agency_id=endpoint.agency_id,
        queueing_lock=f"webhooks.drain:{endpoint.pk}",
        webhook_id=endpoint.pk,
    )


def wake_at(endpoint: WebhookEndpoint, *, when: dt.datetime) -> None:
    """A drain of ``endpoint`` at ``when`` (a retry's time; now if it has passed). Its own
    queueing lock per second, so a scheduled drain never keeps an immediate ``wake`` out, and
    one retry time is scheduled once. In-process mode (SQLite) runs nothing later: the next
    event's drain sends whatever is due by then."""
    if when <= timezone.now():
        wake(endpoint)
        return
    jobs.enqueue(
        _drain_job(),
        agency_id=endpoint.agency_id,
        queueing_lock=f"webhooks.drain-at:{endpoint.pk}:{int(when.timestamp())}",
        schedule_at=when,
        webhook_id=endpoint.pk,
    )
