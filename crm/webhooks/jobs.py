"""The webhooks' jobs: ``webhooks.drain`` (send what is due to one endpoint) and
``webhooks.sweep`` (every minute: wake endpoints with overdue deliveries). ``wake`` and
``wake_at`` (crm/webhooks/schedule.py) start a drain."""

from __future__ import annotations

from typing import Any

from core import jobs
from crm.webhooks import dispatch
from crm.webhooks.schedule import wake, wake_at

__all__ = ["drain_job", "sweep_job", "wake", "wake_at"]


@jobs.job("webhooks.drain", queue="webhooks", attempts=1)
def drain_job(*, agency_id: int, webhook_id: int) -> int:
    """Send what is due to one endpoint, oldest first, one request at a time."""
    return dispatch.drain(webhook_id=webhook_id)


@jobs.job("webhooks.sweep", queue="webhooks", attempts=1)
def sweep_job(**_tick: Any) -> int:
    """The safety net (the periodic task passes ``timestamp``)."""
    return dispatch.sweep()


jobs.periodic(sweep_job, cron="* * * * *")
