"""The proposals' scheduled work: proposals past ``valid_until`` expire by themselves.

Every 15 minutes one scan finds the agencies that have answerable proposals past their date
and queues one job per agency (under a queueing lock, so a slow agency never piles up
copies); each job expires that agency's proposals through the lifecycle's one door
(``proposals_expire_due``), judging "past" by the agency's own calendar. Running twice is
harmless: an expired proposal is no longer answerable.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.utils import timezone

from accounts.models import Agency
from core import jobs
from crm.proposals.lifecycle import ANSWERABLE
from crm.proposals.models import Proposal
from crm.proposals.rendering import render_pdf_job  # declared there; workers import it here
from crm.proposals.services import proposals_expire_due


def _agency_today(agency: Agency) -> dt.date:
    try:
        return timezone.localdate(timezone=ZoneInfo(agency.timezone))
    except (ZoneInfoNotFoundError, ValueError):
        return timezone.localdate()


@jobs.job("proposals.expire_due", attempts=5)
def expire_due(*, agency_id: int, **_: Any) -> int:
    """Expire one agency's answerable proposals whose validity has passed; the count."""
    agency = Agency.objects.filter(pk=agency_id).first()
    if agency is None:  # deleted since it was queued
        return 0
    return proposals_expire_due(agency=agency, today=_agency_today(agency))


@jobs.job("proposals.expire_due_scan", attempts=1)
def expire_due_scan(timestamp: int | None = None, **_: Any) -> int:
    """Queue :func:`expire_due` for each agency with a proposal past its date; how many.

    The scan reads across agencies on purpose (the system's own work, never shown to anyone);
    it only learns which agencies to visit. A day of slack covers agencies east of UTC."""
    horizon = timezone.localdate() + dt.timedelta(days=1)
    agency_ids = (
        Proposal.objects.filter(status__in=sorted(ANSWERABLE), valid_until__lt=horizon)
        .values_list("agency_id", flat=True)
        .distinct()
        .order_by()
    )
    queued = 0
    for agency_id in agency_ids:
        jobs.enqueue(
            expire_due, agency_id=agency_id, queueing_lock=f"proposals.expire_due:{agency_id}"
        )
        queued += 1
    return queued


jobs.periodic(expire_due_scan, cron="*/15 * * * *")

__all__ = ["expire_due", "expire_due_scan", "render_pdf_job"]
