"""The tasks' jobs and the subscriber that starts them.

- ``tasks.lead_reply``: a ``client.created`` event (by its Activity id) becomes the lead's
  "Reply to" task; idempotent by occasion.
- ``tasks.tick`` (every hour, queue mode): one ``tasks.follow_ups`` job per agency, under a
  queueing lock so a slow hour never piles them up.
- ``tasks.follow_ups``: one agency's time-based follow-ups and due reminders
  (``crm.tasks.follow_ups.follow_ups_run``); it emails, so it is retried with backoff.

Imported by ``crm/jobs.py``.
"""

from __future__ import annotations

from typing import Any

from accounts.events import subscribe
from accounts.models import Activity, Agency
from core import jobs
from crm.tasks.follow_ups import follow_ups_run, lead_reply_from_event


@jobs.job("tasks.lead_reply")
def lead_reply(*, agency_id: int, activity_id: int) -> int:
    return lead_reply_from_event(agency_id=agency_id, activity_id=activity_id)


@jobs.job("tasks.follow_ups")
def follow_ups(*, agency_id: int) -> dict[str, int]:
    return follow_ups_run(agency_id=agency_id)


@jobs.job("tasks.tick", attempts=1)
def tick(**_tick: Any) -> int:
    """Start each agency's follow-ups (the periodic task passes ``timestamp``)."""
    agency_ids = list(Agency.objects.order_by("pk").values_list("pk", flat=True))
    for agency_id in agency_ids:
        jobs.enqueue(follow_ups, agency_id=agency_id, queueing_lock=f"tasks:{agency_id}")
    return len(agency_ids)


jobs.periodic(tick, cron="5 * * * *")


@subscribe("client.created")
def lead_reply_on_event(activity: Activity) -> None:
    """Inside the event's transaction: the job is written with it and runs after commit."""
    # Only a lead needs its "Reply to" task; the job reads the switch and the client again.
    status = (activity.changes or {}).get("status")
    if activity.agency_id is not None and isinstance(status, list) and status[-1:] == ["lead"]:
        jobs.enqueue(lead_reply, agency_id=activity.agency_id, activity_id=activity.pk)
