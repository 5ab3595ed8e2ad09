"""The webhooks' jobs, and ``wake``: the one way to get an endpoint's deliveries going."""

from __future__ import annotations

from core import jobs
from crm.webhooks import dispatch
from crm.webhooks.models import WebhookEndpoint


@jobs.job("webhooks.drain", queue="webhooks", attempts=1)
def drain_job(*, agency_id: int, webhook_id: int) -> int:
    """Send what is due to one endpoint, oldest first, one request at a time."""
    return dispatch.drain(webhook_id=webhook_id)


def wake(endpoint: WebhookEndpoint) -> None:
    """Make sure a drain of ``endpoint`` runs after this transaction commits (at most one
    waits per endpoint: a waiting drain sends whatever is due when it runs)."""
    jobs.enqueue(
        drain_job,
        agency_id=endpoint.agency_id,
        queueing_lock=f"webhooks.drain:{endpoint.pk}",
        webhook_id=endpoint.pk,
    )
