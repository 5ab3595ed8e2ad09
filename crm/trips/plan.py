"""The builder's edits of a plan, one day or item at a time.

Day numbers and item positions stay contiguous (1..n and 0..n-1) after every change.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction

from core.validation import blank_text, unknown_fields
from crm.trips.models import Itinerary, ItineraryDay, ItineraryItem
from crm.trips.services import (
    DAY_TEXT_FIELDS,
    ITEM_FIELDS,
    ITEM_TEXT_FIELDS,
    MAX_DAYS,
    MAX_ITEMS_PER_DAY,
)


def _lock_itinerary(itinerary_id: int) -> None:
    """Serialise plan edits of one itinerary, so two agents reordering at once cannot collide
    on the (itinerary, day_number) unique constraint."""
    Itinerary.objects.select_for_update().filter(pk=itinerary_id).first()


def _day_text_fields(fields: Mapping[str, Any]) -> dict[str, Any]:
    unknown_fields(fields, ("date", *DAY_TEXT_FIELDS))
    return blank_text(fields, DAY_TEXT_FIELDS)


@transaction.atomic
def itinerary_day_add(*, itinerary: Itinerary, **fields: Any) -> ItineraryDay:
    """Append a day at the end of the plan."""
    _lock_itinerary(itinerary.pk)
    fields = _day_text_fields(fields)
    count = ItineraryDay.objects.filter(itinerary=itinerary).count()
    if count >= MAX_DAYS:
        raise ValidationError({"__all__": [f"An itinerary has at most {MAX_DAYS} days."]})
    day = ItineraryDay(itinerary=itinerary, day_number=count + 1, **fields)
    day.full_clean(exclude=["itinerary"], validate_unique=False, validate_constraints=False)
    day.save()
    return day


def itinerary_day_update(*, day: ItineraryDay, **fields: Any) -> ItineraryDay:
    for name, value in _day_text_fields(fields).items():
        setattr(day, name, value)
    day.full_clean(exclude=["itinerary"], validate_unique=False, validate_constraints=False)
    day.save()
    return day


def _renumber_days(itinerary_id: int, ordered_ids: list[int]) -> None:
    # Two passes: first out of the way (past MAX_DAYS), then 1..n, so the unique constraint on
    # (itinerary, day_number) holds after every statement on every database.
    days = ItineraryDay.objects.filter(itinerary_id=itinerary_id)
    days.update(day_number=models.F("day_number") + MAX_DAYS + 1)
    for number, day_id in enumerate(ordered_ids, start=1):
        ItineraryDay.objects.filter(pk=day_id).update(day_number=number)


@transaction.atomic
def itinerary_day_move(*, day: ItineraryDay, to: int) -> ItineraryDay:
    """Move a day to 1-based position ``to`` (clamped to the plan), renumbering the others."""
    _lock_itinerary(day.itinerary_id)
    ids = list(
        ItineraryDay.objects.filter(itinerary_id=day.itinerary_id)
        .order_by("day_number", "id")
        .values_list("id", flat=True)
    )
    target = max(1, min(int(to), len(ids)))
    ids.remove(day.pk)
    ids.insert(target - 1, day.pk)
    _renumber_days(day.itinerary_id, ids)
    day.day_number = target
    return day


@transaction.atomic
def itinerary_day_remove(*, day: ItineraryDay) -> None:
    """Delete a day (and its items); the days after it move up by one."""
    _lock_itinerary(day.itinerary_id)
    itinerary_id = day.itinerary_id
    day.delete()
    ids = list(
        ItineraryDay.objects.filter(itinerary_id=itinerary_id)
        .order_by("day_number", "id")
        .values_list("id", flat=True)
    )
    _renumber_days(itinerary_id, ids)


def _item_fields(fields: Mapping[str, Any]) -> dict[str, Any]:
    unknown_fields(fields, ITEM_FIELDS)
    return blank_text(fields, ("title", *ITEM_TEXT_FIELDS))


@transaction.atomic
def itinerary_item_add(*, day: ItineraryDay, **fields: Any) -> ItineraryItem:
    """Append an item at the end of a day."""
    _lock_itinerary(day.itinerary_id)
    fields = _item_fields(fields)
    count = ItineraryItem.objects.filter(day=day).count()
    if count >= MAX_ITEMS_PER_DAY:
        raise ValidationError({"__all__": [f"A day has at most {MAX_ITEMS_PER_DAY} items."]})
    item = ItineraryItem(day=day, position=count, **fields)
    item.full_clean(exclude=["day"])
    item.save()
    return item


def itinerary_item_update(*, item: ItineraryItem, **fields: Any) -> ItineraryItem:
    for name, value in _item_fields(fields).items():
        setattr(item, name, value)
    item.full_clean(exclude=["day"])
    item.save()
    return item


def _reposition_items(ordered_ids: list[int]) -> None:
    for position, item_id in enumerate(ordered_ids):
        ItineraryItem.objects.filter(pk=item_id).update(position=position)


@transaction.atomic
def itinerary_item_move(*, item: ItineraryItem, to: int) -> ItineraryItem:
    """Move an item to 1-based position ``to`` within its day (clamped)."""
    _lock_itinerary(item.day.itinerary_id)
    ids = list(
        ItineraryItem.objects.filter(day_id=item.day_id)
        .order_by("position", "id")
        .values_list("id", flat=True)
    )
    target = max(1, min(int(to), len(ids)))
    ids.remove(item.pk)
    ids.insert(target - 1, item.pk)
    _reposition_items(ids)
    item.position = target - 1
    return item


@transaction.atomic
def itinerary_item_remove(*, item: ItineraryItem) -> None:
    _lock_itinerary(item.day.itinerary_id)
    day_id = item.day_id
    item.delete()
    ids = list(
        ItineraryItem.objects.filter(day_id=day_id)
        .order_by("position", "id")
        .values_list("id", flat=True)
    )
    _reposition_items(ids)
