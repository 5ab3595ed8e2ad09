"""Writes of itineraries and their whole day-by-day plan."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count

from accounts.events import record_event
from accounts.models import Agency, User
from accounts.quotas import agency_quota_check
from accounts.tenancy import resolve_related
from core.validation import blank_text, save_validated, unknown_fields
from crm.clients.models import Client
from crm.clients.travellers import travellers_assign
from crm.suppliers.models import Supplier
from crm.suppliers.services import NOT_GIVEN, supplier_resolve
from crm.trips.models import Itinerary, ItineraryDay, ItineraryItem

ITINERARY_FIELDS = ("client", "title", "status", "start_date", "end_date", "travellers", "notes")
DAY_FIELDS = ("day_number", "date", "title", "description", "location")
ITEM_FIELDS = (
    "kind",
    "title",
    "start_time",
    "end_time",
    "location",
    "supplier",
    "reference",
    "notes",
)
DAY_TEXT_FIELDS = ("title", "description", "location")
ITEM_TEXT_FIELDS = ("location", "reference", "notes")
MAX_DAYS = 366
MAX_ITEMS_PER_DAY = 50


def max_items() -> int:
    """Items one itinerary may hold (``ITINERARY_MAX_ITEMS``, 1,000 by default): a plan past it
    made the builder page tens of megabytes and held a worker for seconds."""
    return int(settings.ITINERARY_MAX_ITEMS)


def too_many_items(limit: int) -> str:
    return (
        f"An itinerary holds at most {limit:,} items. Remove some, or split the trip into "
        "two itineraries."
    )


def _itinerary_apply(itinerary: Itinerary, fields: Mapping[str, Any]) -> None:
    unknown_fields(fields, ITINERARY_FIELDS)
    for name, value in fields.items():
        if name == "client":
            value = resolve_related(Client, agency=itinerary.agency, value=value, field="client_id")
        elif name in ("title", "notes") and value is None:
            value = ""
        setattr(itinerary, name, value)


def _validate_days(days: Any) -> list[Mapping[str, Any]]:
    if not isinstance(days, list | tuple):
        raise ValidationError({"days": ["Expected a list of days."]})
    if len(days) > MAX_DAYS:
        raise ValidationError({"days": [f"At most {MAX_DAYS} days."]})
    # Counted before anything is built or cleaned: a refused plan costs no validation work.
    limit = max_items()
    total = sum(
        len(day.get("items") or [])
        for day in days
        if isinstance(day, Mapping) and isinstance(day.get("items"), list | tuple)
    )
    if total > limit:
        raise ValidationError({"days": [f"{too_many_items(limit)} This plan has {total:,}."]})
    return list(days)


class SupplierNames:
    """Resolves the ``supplier`` (a name) / ``supplier_id`` pair of items for one agency,
    each name once per plan (see ``crm.suppliers.services.supplier_resolve``)."""

    def __init__(self, agency: Agency) -> None:
        self.agency = agency
        self.by_name: dict[str, Supplier | None] = {}

    def resolve(self, fields: dict[str, Any], *, prefix: str = "") -> None:
        """Replace ``supplier``/``supplier_id`` in ``fields`` by the ``supplier`` record (left
        out when neither was given)."""
        supplier_id = fields.pop("supplier_id", NOT_GIVEN)
        name = fields.pop("supplier", NOT_GIVEN)
        if isinstance(name, Supplier):
            fields["supplier"] = name
            return
        if supplier_id is NOT_GIVEN and isinstance(name, str | None):
            key = (name or "").strip().lower()
            if key not in self.by_name:
                self.by_name[key] = self._resolve(NOT_GIVEN, name, prefix)
            fields["supplier"] = self.by_name[key]
            return
        found = self._resolve(supplier_id, name, prefix)
        if found is not NOT_GIVEN:
            fields["supplier"] = found

    def _resolve(self, supplier_id: Any, name: Any, prefix: str) -> Any:
        try:
            return supplier_resolve(agency=self.agency, supplier=supplier_id, name=name)
        except ValidationError as exc:
            if not prefix:
                raise
            raise ValidationError(
                {f"{prefix}.{field}": messages for field, messages in exc.message_dict.items()}
            ) from None


def record_plan_event(
    name: str,
    *,
    itinerary: Itinerary,
    data: dict[str, Any],
    changes: dict[str, Any] | None = None,
) -> None:
    """One event of an itinerary's plan, in the caller's transaction: the itinerary is the
    subject (days and items are not audited rows of their own), its client's history shows it."""
    record_event(
        name,
        agency_id=itinerary.agency_id,
        subject=itinerary,
        client_id=itinerary.client_id,
        data=data,
        changes=changes,
    )


def _plan_size(itinerary: Itinerary) -> tuple[int, int]:
    """(days, items) of the stored plan, in one query."""
    sizes = ItineraryDay.objects.filter(itinerary=itinerary).aggregate(
        days=Count("id", distinct=True), items=Count("items")
    )
    return sizes["days"] or 0, sizes["items"] or 0


@transaction.atomic
def itinerary_replace_days(
    *,
    itinerary: Itinerary,
    days: Sequence[Mapping[str, Any]],
    before: tuple[int, int] | None = None,
) -> None:
    """Replace the whole day-by-day plan. Days are numbered by their order in the list unless
    they carry a ``day_number``; items keep the order they are given in.

    Recorded as ``itinerary.plan_replaced`` with the days and items counted before and after
    (``before`` when the caller knows it: a new itinerary has no plan yet)."""
    days = _validate_days(days)
    days_before, items_before = _plan_size(itinerary) if before is None else before
    itinerary.days.all().delete()
    errors: dict[str, list[str]] = {}
    seen: set[int] = set()
    new_days: list[tuple[ItineraryDay, Sequence[Mapping[str, Any]]]] = []
    for index, day_data in enumerate(days):
        if not isinstance(day_data, Mapping):
            raise ValidationError({f"days[{index}]": ["Expected an object."]})
        day_fields = dict(day_data)
        items = day_fields.pop("items", []) or []
        unknown_fields(
            {f"days[{index}].{k}": v for k, v in day_fields.items()},
            (f"days[{index}].{k}" for k in DAY_FIELDS),
        )
        day_fields.setdefault("day_number", index + 1)
        day_fields = blank_text(day_fields, DAY_TEXT_FIELDS)
        day = ItineraryDay(itinerary=itinerary, **day_fields)
        try:
            day.full_clean(exclude=["itinerary"], validate_unique=False)
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                errors[f"days[{index}].{field}"] = messages
            continue
        if day.day_number in seen:
            errors[f"days[{index}].day_number"] = [f"Day {day.day_number} appears twice."]
        seen.add(day.day_number)
        if not isinstance(items, list | tuple):
            errors[f"days[{index}].items"] = ["Expected a list of items."]
            continue
        if len(items) > MAX_ITEMS_PER_DAY:
            errors[f"days[{index}].items"] = [f"At most {MAX_ITEMS_PER_DAY} items a day."]
            continue
        new_days.append((day, items))
    if errors:
        raise ValidationError(errors)

    ItineraryDay.objects.bulk_create([day for day, _ in new_days])
    suppliers = SupplierNames(itinerary.agency)
    new_items: list[ItineraryItem] = []
    for day_index, (day, items) in enumerate(new_days):
        for position, item_data in enumerate(items):
            prefix = f"days[{day_index}].items[{position}]"
            if not isinstance(item_data, Mapping):
                errors[prefix] = ["Expected an object."]
                continue
            item_fields = dict(item_data)
            item_fields.pop("position", None)
            unknown = sorted(set(item_fields) - {*ITEM_FIELDS, "supplier_id"})
            if unknown:
                for name in unknown:
                    errors[f"{prefix}.{name}"] = ["Unknown field."]
                continue
            item_fields = blank_text(item_fields, ITEM_TEXT_FIELDS)
            try:
                suppliers.resolve(item_fields, prefix=prefix)
            except ValidationError as exc:
                errors.update(exc.message_dict)
                continue
            item = ItineraryItem(day=day, position=position, **item_fields)
            try:
                item.full_clean(exclude=["day"])
            except ValidationError as exc:
                for field, messages in exc.message_dict.items():
                    errors[f"{prefix}.{field}"] = messages
                continue
            new_items.append(item)
    if errors:
        raise ValidationError(errors)
    ItineraryItem.objects.bulk_create(new_items)
    if days_before or new_days:
        record_plan_event(
            "itinerary.plan_replaced",
            itinerary=itinerary,
            data={
                "days_before": days_before,
                "days_after": len(new_days),
                "items_before": items_before,
                "items_after": len(new_items),
            },
        )


@transaction.atomic
def itinerary_create(
    *,
    agency: Agency,
    created_by: User | None = None,
    days: Sequence[Mapping[str, Any]] | None = None,
    traveller_ids: Sequence[int] | None = None,
    **fields: Any,
) -> Itinerary:
    if "client" not in fields:
        raise ValidationError({"client_id": ["This field is required."]})
    agency_quota_check(
        "itineraries", agency_id=agency.pk, rows=Itinerary.objects.for_agency(agency.pk)
    )
    itinerary = Itinerary(agency=agency, created_by=created_by)
    _itinerary_apply(itinerary, fields)
    save_validated(itinerary)
    if traveller_ids:
        travellers_assign(record=itinerary, traveller_ids=traveller_ids)
    if days:
        itinerary_replace_days(itinerary=itinerary, days=days, before=(0, 0))
    return itinerary


@transaction.atomic
def itinerary_update(
    *,
    itinerary: Itinerary,
    days: Sequence[Mapping[str, Any]] | None = None,
    traveller_ids: Sequence[int] | None = None,
    **fields: Any,
) -> Itinerary:
    """Update fields; ``days`` (when given, even empty) replaces the whole plan;
    ``traveller_ids`` (when given) who goes, among the client's travellers."""
    _itinerary_apply(itinerary, fields)
    save_validated(itinerary)
    if traveller_ids is not None or "client" in fields:
        travellers_assign(record=itinerary, traveller_ids=traveller_ids)
    if days is not None:
        itinerary_replace_days(itinerary=itinerary, days=days)
    return itinerary


def itinerary_delete(*, itinerary: Itinerary) -> None:
    itinerary.delete()
