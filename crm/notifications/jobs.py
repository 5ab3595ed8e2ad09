"""The notifications' jobs and the subscriber that starts them from the event log.

- ``notifications.notify_event``: one named event (by its Activity id) becomes notifications;
  retried with backoff (it emails), idempotent by occasion.
- ``notifications.reminders_tick`` (every hour, queue mode): one ``send_reminders`` job per
  agency, each under a queueing lock so a slow hour never piles them up.
- ``notifications.send_reminders``: one agency's reminders (``manage.py send_reminders`` runs
  the same function in-process, for the SQLite development mode where nothing is scheduled).

Imported by ``crm/jobs.py`` (the worker's autodiscovery) and by the app's ``ready()``.
"""

from __future__ import annotations

from typing import Any

from accounts.events import subscribe
from accounts.models import Activity, Agency
from core import jobs
from crm.notifications.events import EVENT_NAMES, notify_from_event
from crm.notifications.reminders import reminders_send


@jobs.job("notifications.notify_event")
def notify_event(*, agency_id: int, activity_id: int) -> int:
    return notify_from_event(agency_id=agency_id, activity_id=activity_id)


@jobs.job("notifications.send_reminders")
def send_reminders(*, agency_id: int) -> int:
    return reminders_send(agency_id=agency_id)


@jobs.job("notifications.reminders_tick", attempts=1)
def reminders_tick(**_tick: Any) -> int:
    """Start each agency's reminders (the periodic task passes ``timestamp``)."""
    agency_ids = list(Agency.objects.order_by("pk").values_list("pk", flat=True))
    for agency_id in agency_ids:
        jobs.enqueue(send_reminders, agency_id=agency_id, queueing_lock=f"reminders:{agency_id}")
    return len(agency_ids)


jobs.periodic(reminders_tick, cron="0 * * * *")


@subscribe(*EVENT_NAMES)
def notify_on_event(activity: Activity) -> None:
    """Inside the event's transaction: the job is written with it, and runs after commit."""
    if activity.agency_id is not None:
        jobs.enqueue(notify_event, agency_id=activity.agency_id, activity_id=activity.pk)
