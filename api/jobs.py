"""The API layer's jobs: the webhook fan-out, and the event-log subscriber that starts it.

Imported by ``ApiConfig.ready()`` (so every web process subscribes) and by the workers
(procrastinate autodiscovers each app's ``jobs`` module).
"""

from __future__ import annotations

from accounts.events import subscribe
from accounts.models import Activity
from api import webhooks
from core import jobs
from crm.webhooks.catalogue import FROM_ACTIVITY
from crm.webhooks.models import WebhookEndpoint


@jobs.job("webhooks.fanout", queue="webhooks")
def fanout_job(*, agency_id: int, activity_id: int) -> int:
    """One event becomes its webhook message and a delivery per endpoint that wants it."""
    return webhooks.fan_out(agency_id=agency_id, activity_id=activity_id)


@subscribe(*FROM_ACTIVITY)
def fan_out_on_event(activity: Activity) -> None:
    """Inside the event's transaction: only an agency with an endpoint switched on pays for a
    job (one query on the ``webhook_agency_active`` index)."""
    if activity.agency_id is None:
        return
    if WebhookEndpoint.objects.filter(agency_id=activity.agency_id, is_active=True).exists():
        jobs.enqueue(fanout_job, agency_id=activity.agency_id, activity_id=activity.pk)
