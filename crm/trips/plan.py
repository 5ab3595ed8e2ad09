"""The builder's edits of a plan, one day or item at a time.

Day numbers and item positions stay contiguous (1..n and 0..n-1) after every change. Each
edit is recorded as an event of the itinerary (``itinerary.day_added``, ``item_moved``...) in
the edit's own transaction, so an edit that rolls back leaves no trace.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction

from accounts.audit import plain_value
from core.validation import blank_text
from crm.suppliers.models import Supplier
from crm.trips.models import ItemKind, Itinerary, ItineraryDay, ItineraryItem
from crm.trips.services import (
    DAY_TEXT_FIELDS,
    ITEM_FIELDS,
    ITEM_TEXT_FIELDS,
    MAX_DAYS,
    MAX_ITEMS_PER_DAY,
    SupplierNames,
    max_items,
    record_plan_event,
    too_many_items,
)


class Keep(enum.Enum):
    """An update's default: leave the field as it is (``None`` clears a date or a time)."""

    VALUE = "keep"


KEEP = Keep.VALUE


def _lock_itinerary(itinerary_id: int) -> Itinerary:
    """Serialise plan edits of one itinerary, so two agents reordering at once cannot collide
    on the (itinerary, day_number) unique constraint. The locked row is the events' subject."""
    return Itinerary.objects.select_for_update().get(pk=itinerary_id)


def _apply(
    instance: models.Model, fields: dict[str, Any], text: tuple[str, ...]
) -> dict[str, list[Any]]:
    """Set the given fields (text fields stripped, ``None`` as blank); the diff of what changed
    as ``{field: [before, after]}``."""
    fields = blank_text({k: v for k, v in fields.items() if v is not KEEP}, text)
    changes: dict[str, list[Any]] = {}
    for name, value in fields.items():
        before = getattr(instance, name)
        setattr(instance, name, value)
        if before != value:
            changes[name] = [_plain(before), _plain(value)]
    return changes


def _plain(value: Any) -> Any:
    """A value for the diff: a related record (an item's supplier) by its name."""
    if isinstance(value, models.Model):
        return str(value)
    return plain_value(value)


@transaction.atomic
def itinerary_day_add(
    *,
    itinerary: Itinerary,
    title: str = "",
    date: dt.date | None = None,
    location: str = "",
    description: str = "",
) -> ItineraryDay:
    """Append a day at the end of the plan."""
    locked = _lock_itinerary(itinerary.pk)
    count = ItineraryDay.objects.filter(itinerary=itinerary).count()
    if count >= MAX_DAYS:
        raise ValidationError({"__all__": [f"An itinerary has at most {MAX_DAYS} days."]})
    day = ItineraryDay(itinerary=itinerary, day_number=count + 1)
    _apply(
        day,
        {"title": title, "date": date, "location": location, "description": description},
        DAY_TEXT_FIELDS,
    )
    day.full_clean(exclude=["itinerary"], validate_unique=False, validate_constraints=False)
    day.save()
    record_plan_event(
        "itinerary.day_added",
        itinerary=locked,
        data={"day_number": day.day_number, "day_title": day.title, "date": plain_value(date)},
    )
    return day


@transaction.atomic
def itinerary_day_update(
    *,
    day: ItineraryDay,
    title: str | Keep = KEEP,
    date: dt.date | Keep | None = KEEP,
    location: str | Keep = KEEP,
    description: str | Keep = KEEP,
) -> ItineraryDay:
    """Change a day's own fields; recorded with the fields that changed (nothing if none)."""
    locked = _lock_itinerary(day.itinerary_id)
    changes = _apply(
        day,
        {"title": title, "date": date, "location": location, "description": description},
        DAY_TEXT_FIELDS,
    )
    day.full_clean(exclude=["itinerary"], validate_unique=False, validate_constraints=False)
    day.save()
    if changes:
        record_plan_event(
            "itinerary.day_updated",
            itinerary=locked,
            data={"day_number": day.day_number, "day_title": day.title},
            changes=changes,
        )
    return day


def _renumber_days(itinerary_id: int, ordered_ids: list[int]) -> None:
    # Two passes: first out of the way (past MAX_DAYS), then 1..n, so the unique constraint on
    # (itinerary, day_number) holds after every statement on every database.
    days = ItineraryDay.objects.filter(itinerary_id=itinerary_id)
    days.update(day_number=models.F("day_number") + MAX_DAYS + 1)
    for number, day_id in enumerate(ordered_ids, start=1):
        ItineraryDay.objects.filter(pk=day_id).update(day_number=number)


def _ordered_ids(rows: models.QuerySet[Any], position_field: str) -> list[int]:
    return list(rows.order_by(position_field, "id").values_list("id", flat=True))


def _reorder(ids: list[int], pk: int, to: int) -> tuple[int, int]:
    """Move ``pk`` within ``ids`` to 1-based position ``to``, clamped to the list; answer the
    1-based (origin, target)."""
    target = max(1, min(int(to), len(ids)))
    origin = ids.index(pk) + 1
    ids.remove(pk)
    ids.insert(target - 1, pk)
    return origin, target


def _ordered_day_ids(itinerary_id: int) -> list[int]:
    return _ordered_ids(ItineraryDay.objects.filter(itinerary_id=itinerary_id), "day_number")


@transaction.atomic
def itinerary_day_move(*, day: ItineraryDay, to: int) -> ItineraryDay:
    """Move a day to 1-based position ``to`` (clamped to the plan), renumbering the others."""
    locked = _lock_itinerary(day.itinerary_id)
    ids = _ordered_day_ids(day.itinerary_id)
    origin, target = _reorder(ids, day.pk, to)
    if target == origin:
        return day
    _renumber_days(day.itinerary_id, ids)
    day.day_number = target
    record_plan_event(
        "itinerary.day_moved",
        itinerary=locked,
        data={"day_title": day.title, "from": origin, "to": target},
    )
    return day


@transaction.atomic
def itinerary_day_remove(*, day: ItineraryDay) -> None:
    """Delete a day (and its items); the days after it move up by one."""
    locked = _lock_itinerary(day.itinerary_id)
    itinerary_id = day.itinerary_id
    items = ItineraryItem.objects.filter(day=day).count()
    number, title = day.day_number, day.title
    day.delete()
    _renumber_days(itinerary_id, _ordered_day_ids(itinerary_id))
    record_plan_event(
        "itinerary.day_removed",
        itinerary=locked,
        data={"day_number": number, "day_title": title, "items": items},
    )


def _item_arguments(arguments: dict[str, Any]) -> dict[str, Any]:
    """An item service's field arguments (its ``locals()`` on entry), by name."""
    return {name: arguments[name] for name in ITEM_FIELDS}


def _item_supplier(fields: dict[str, Any], itinerary: Itinerary) -> None:
    """``supplier`` (a name, typed in the builder, or a record) becomes the agency's record."""
    if fields.get("supplier", KEEP) is KEEP:
        fields.pop("supplier", None)
        return
    SupplierNames(itinerary.agency).resolve(fields)


def _item_data(item: ItineraryItem, day_number: int) -> dict[str, Any]:
    return {"day_number": day_number, "item_title": item.title, "kind": item.kind}


@transaction.atomic
def itinerary_item_add(
    *,
    day: ItineraryDay,
    title: str,
    kind: str = ItemKind.ACTIVITY,
    start_time: dt.time | None = None,
    end_time: dt.time | None = None,
    location: str = "",
    supplier: str | Supplier | None = "",
    reference: str = "",
    notes: str = "",
    position: int | None = None,
) -> ItineraryItem:
    """Add an item to a day: at its end, or at ``position`` (from 0, clamped; the items from
    there on move down one). ``supplier`` is a record or a name (the agency's supplier of that
    name, added to the directory when new)."""
    fields = _item_arguments(locals())
    locked = _lock_itinerary(day.itinerary_id)
    _item_supplier(fields, locked)
    count = ItineraryItem.objects.filter(day=day).count()
    if count >= MAX_ITEMS_PER_DAY:
        raise ValidationError({"__all__": [f"A day has at most {MAX_ITEMS_PER_DAY} items."]})
    limit = max_items()
    if ItineraryItem.objects.filter(day__itinerary_id=day.itinerary_id).count() >= limit:
        raise ValidationError({"__all__": [too_many_items(limit)]})
    item = ItineraryItem(day=day, position=count)
    _apply(item, fields, ("title", *ITEM_TEXT_FIELDS))
    item.full_clean(exclude=["day"])
    item.save()
    if position is not None and max(0, position) < count:
        ids = _ordered_item_ids(day.pk)
        ids.remove(item.pk)
        ids.insert(max(0, position), item.pk)
        _reposition_items(ids)
        item.position = max(0, position)
    record_plan_event(
        "itinerary.item_added", itinerary=locked, data=_item_data(item, day.day_number)
    )
    return item


@transaction.atomic
def itinerary_item_update(
    *,
    item: ItineraryItem,
    title: str | Keep = KEEP,
    kind: str | Keep = KEEP,
    start_time: dt.time | Keep | None = KEEP,
    end_time: dt.time | Keep | None = KEEP,
    location: str | Keep = KEEP,
    supplier: str | Supplier | Keep | None = KEEP,
    reference: str | Keep = KEEP,
    notes: str | Keep = KEEP,
) -> ItineraryItem:
    """Change an item's fields; recorded with the fields that changed (nothing if none)."""
    fields = _item_arguments(locals())
    locked = _lock_itinerary(item.day.itinerary_id)
    _item_supplier(fields, locked)
    changes = _apply(item, fields, ("title", *ITEM_TEXT_FIELDS))
    item.full_clean(exclude=["day"])
    item.save()
    if changes:
        record_plan_event(
            "itinerary.item_updated",
            itinerary=locked,
            data=_item_data(item, item.day.day_number),
            changes=changes,
        )
    return item


def _reposition_items(ordered_ids: list[int]) -> None:
    for position, item_id in enumerate(ordered_ids):
        ItineraryItem.objects.filter(pk=item_id).update(position=position)


def _ordered_item_ids(day_id: int) -> list[int]:
    return _ordered_ids(ItineraryItem.objects.filter(day_id=day_id), "position")


@transaction.atomic
def itinerary_item_move(
    *, item: ItineraryItem, to: int | None = None, day: ItineraryDay | None = None
) -> ItineraryItem:
    """Move an item to 1-based position ``to`` (clamped; ``None``: last) of ``day``, another
    day of the same itinerary, or of its own day when ``day`` is not given. Both days' positions
    stay 0..n-1. Recorded as ``itinerary.item_moved`` within a day, ``item_moved_to_day``
    across days."""
    locked = _lock_itinerary(item.day.itinerary_id)
    if day is None or day.pk == item.day_id:
        ids = _ordered_item_ids(item.day_id)
        origin, target = _reorder(ids, item.pk, len(ids) if to is None else to)
        if target == origin:
            return item
        _reposition_items(ids)
        item.position = target - 1
        record_plan_event(
            "itinerary.item_moved",
            itinerary=locked,
            data={**_item_data(item, item.day.day_number), "from": origin, "to": target},
        )
        return item
    if day.itinerary_id != item.day.itinerary_id:
        raise ValidationError({"day": ["That day is not in this item's itinerary."]})
    arriving = _ordered_item_ids(day.pk)
    if len(arriving) >= MAX_ITEMS_PER_DAY:
        full = f"Day {day.day_number} already has {MAX_ITEMS_PER_DAY} items, the most a day holds."
        raise ValidationError({"day": [full]})
    leaving = _ordered_item_ids(item.day_id)
    origin_day, origin = item.day.day_number, leaving.index(item.pk) + 1
    leaving.remove(item.pk)
    target = len(arriving) + 1 if to is None else max(1, min(int(to), len(arriving) + 1))
    arriving.insert(target - 1, item.pk)
    ItineraryItem.objects.filter(pk=item.pk).update(day=day)
    _reposition_items(leaving)
    _reposition_items(arriving)
    item.day, item.position = day, target - 1
    record_plan_event(
        "itinerary.item_moved_to_day",
        itinerary=locked,
        data={
            **_item_data(item, day.day_number),
            "from_day": origin_day,
            "from": origin,
            "to": target,
        },
    )
    return item


@transaction.atomic
def itinerary_item_remove(*, item: ItineraryItem) -> None:
    locked = _lock_itinerary(item.day.itinerary_id)
    day_id = item.day_id
    data = _item_data(item, item.day.day_number)
    item.delete()
    _reposition_items(_ordered_item_ids(day_id))
    record_plan_event("itinerary.item_removed", itinerary=locked, data=data)
