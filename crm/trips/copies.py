"""Duplicating an itinerary: the same plan for the same or another client of the agency,
optionally shifted to a new start date (every dated day moves by the same number of days).

The copy is a new draft, made through ``itinerary_create`` (the agency's quota, the plan's
limits and the ``itinerary.created`` / ``itinerary.plan_replaced`` events apply as to any new
itinerary); suppliers are kept by id, so the copy names the same records.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from accounts.models import User
from crm.clients.models import Client
from crm.trips.models import Itinerary, ItineraryDay, ItineraryItem, ItineraryStatus
from crm.trips.services import itinerary_create

TITLE_MAX_LENGTH = 200


def _shift(value: dt.date | None, by: dt.timedelta) -> dt.date | None:
    return value + by if value is not None else None


def itinerary_plan(itinerary: Itinerary, *, by: dt.timedelta | None) -> list[dict[str, Any]]:
    """The plan of ``itinerary`` (days and items in order) as the ``days`` list that
    ``itinerary_create`` takes: each day's date shifted ``by`` (left out altogether when ``by``
    is None: a template's days are numbered, never dated); suppliers by id."""
    days = ItineraryDay.objects.filter(itinerary_id=itinerary.pk).order_by("day_number", "id")
    items = (
        ItineraryItem.objects.filter(day__itinerary_id=itinerary.pk)
        .order_by("position", "id")
        .values()
    )
    by_day: dict[int, list[dict[str, Any]]] = {}
    for item in items:
        by_day.setdefault(item["day_id"], []).append(
            {
                "kind": item["kind"],
                "title": item["title"],
                "start_time": item["start_time"],
                "end_time": item["end_time"],
                "location": item["location"],
                "supplier_id": item["supplier_id"],
                "reference": item["reference"],
                "notes": item["notes"],
            }
        )
    plan: list[dict[str, Any]] = []
    for day in days:
        entry: dict[str, Any] = {"day_number": day.day_number}
        if by is not None:
            entry["date"] = _shift(day.date, by)
        entry.update(
            title=day.title,
            description=day.description,
            location=day.location,
            items=by_day.get(day.pk, []),
        )
        plan.append(entry)
    return plan


@transaction.atomic
def itinerary_duplicate(
    *,
    itinerary: Itinerary,
    created_by: User | None = None,
    client: Client | int | None = None,
    start_date: dt.date | None = None,
    title: str | None = None,
) -> Itinerary:
    """A copy of ``itinerary`` (days and items in order) as a new draft, for ``client`` (the
    same client by default; another one of the agency's is resolved like any ``client_id``),
    starting on ``start_date`` when given (every date shifts by the days between the two
    starts; an original without a start date keeps its days' dates), titled ``title`` (by
    default the original's)."""
    by = dt.timedelta(0)
    if start_date is not None and itinerary.start_date is not None:
        by = start_date - itinerary.start_date
    plan = itinerary_plan(itinerary, by=by)
    new_start = start_date if start_date is not None else itinerary.start_date
    new_end = _shift(itinerary.end_date, by)
    if start_date is not None and itinerary.start_date is None:
        new_end = None
    return itinerary_create(
        agency=itinerary.agency,
        created_by=created_by,
        days=plan,
        client=client if client is not None else itinerary.client_id,
        title=(title or itinerary.title)[:TITLE_MAX_LENGTH],
        status=ItineraryStatus.DRAFT,
        start_date=new_start,
        end_date=new_end,
        travellers=itinerary.travellers,
        notes=itinerary.notes,
    )
