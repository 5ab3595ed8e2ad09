"""Reads of itineraries and their plans, scoped to the agency."""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from django.db.models import Count, Prefetch, QuerySet

from accounts.models import Agency
from core.filters import Filters, apply_filters
from crm.suppliers.models import Supplier
from crm.trips.filters import ItineraryFilter, ItineraryTemplateFilter, LibraryItemFilter
from crm.trips.models import (
    ItemKind,
    Itinerary,
    ItineraryDay,
    ItineraryItem,
    ItineraryTemplate,
    LibraryItem,
)


def days_prefetch() -> Prefetch:
    return Prefetch(
        "days",
        queryset=ItineraryDay.objects.order_by("day_number").prefetch_related(
            Prefetch(
                "items",
                queryset=ItineraryItem.objects.select_related("supplier").order_by(
                    "position", "id"
                ),
            )
        ),
    )


def itinerary_list(*, agency: Agency, filters: Filters = None) -> QuerySet[Itinerary]:
    return apply_filters(ItineraryFilter, Itinerary.objects.for_agency(agency), filters)


def itinerary_day_get(*, agency: Agency, itinerary_id: int, day_id: int) -> ItineraryDay:
    """A day of this agency's itinerary; ``DoesNotExist`` for another agency's or another
    itinerary's day alike."""
    return ItineraryDay.objects.select_related("itinerary").get(
        pk=day_id, itinerary_id=itinerary_id, itinerary__agency=agency
    )


def itinerary_day_numbered(*, agency: Agency, itinerary_id: int, day_number: int) -> ItineraryDay:
    """Day number ``day_number`` of this agency's itinerary; ``DoesNotExist`` otherwise."""
    return ItineraryDay.objects.select_related("itinerary").get(
        day_number=day_number, itinerary_id=itinerary_id, itinerary__agency=agency
    )


def plan_day_choices(*, itinerary: Itinerary) -> list[ItineraryDay]:
    """Every day of the plan, in order, with its id, number and title only (the builder's
    "Move to day…" select)."""
    return list(
        ItineraryDay.objects.filter(itinerary=itinerary)
        .order_by("day_number")
        .only("id", "day_number", "title")
    )


def itinerary_item_get(*, agency: Agency, itinerary_id: int, item_id: int) -> ItineraryItem:
    return ItineraryItem.objects.select_related("day", "day__itinerary").get(
        pk=item_id, day__itinerary_id=itinerary_id, day__itinerary__agency=agency
    )


def itinerary_get(*, agency: Agency, itinerary_id: int) -> Itinerary:
    """The itinerary with its days in order, each with its items in order, and who goes
    (4 queries)."""
    return (
        Itinerary.objects.for_agency(agency)
        .select_related("client")
        .prefetch_related(days_prefetch(), "named_travellers")
        .get(pk=itinerary_id)
    )


def itinerary_header_get(*, agency: Agency, itinerary_id: int) -> Itinerary:
    """The itinerary and its client, without its plan (the builder reads one page of days)."""
    return Itinerary.objects.for_agency(agency).select_related("client").get(pk=itinerary_id)


# The builder shows the plan a page of days at a time: at most this many days, and no more
# items than this unless one day alone holds more (a day is never split). A plan at the caps
# (1,000 items, 366 days) is then 10 to 27 pages of a few hundred kilobytes, not 3 to 5 MB.
PLAN_PAGE_DAYS = 14
PLAN_PAGE_ITEMS = 100


class PlanPage(NamedTuple):
    """Days ``first``..``last`` (day numbers) of a plan: ``days`` of them, ``items`` in all,
    after ``offset`` days on the pages before."""

    first: int
    last: int
    days: int
    items: int
    offset: int


def plan_pages(*, itinerary: Itinerary) -> list[PlanPage]:
    """The builder's pages of ``itinerary``'s plan, from one grouped query over its days."""
    sizes = (
        ItineraryDay.objects.filter(itinerary=itinerary)
        .annotate(item_count=Count("items"))
        .order_by("day_number")
        .values_list("day_number", "item_count")
    )
    pages: list[PlanPage] = []
    for number, count in sizes:
        page = pages[-1] if pages else None
        if page and page.days < PLAN_PAGE_DAYS and page.items + count <= PLAN_PAGE_ITEMS:
            pages[-1] = page._replace(last=number, days=page.days + 1, items=page.items + count)
        else:
            offset = page.offset + page.days if page else 0
            pages.append(PlanPage(number, number, 1, count, offset))
    return pages


def plan_page_days(*, itinerary: Itinerary, first: int, last: int) -> list[ItineraryDay]:
    """Days ``first``..``last`` of the plan, each with its items in order (2 queries)."""
    return list(
        ItineraryDay.objects.filter(itinerary=itinerary, day_number__range=(first, last))
        .order_by("day_number")
        .prefetch_related(
            Prefetch(
                "items",
                queryset=ItineraryItem.objects.select_related("supplier").order_by(
                    "position", "id"
                ),
            )
        )
    )


def day_date(itinerary: Itinerary, day: ItineraryDay) -> dt.date | None:
    """A day's own date, or the one its position implies from the itinerary's start."""
    if day.date:
        return day.date
    if itinerary.start_date:
        return itinerary.start_date + dt.timedelta(days=day.day_number - 1)
    return None


def plan_outline(itinerary: Itinerary) -> list[dict[str, Any]]:
    """The read-only plan (printable view, the client's link): each day with its date and its
    items, from the prefetched days of ``itinerary_get`` / ``proposal_get_by_share_token``."""
    return [
        {
            "day": day,
            "date": day_date(itinerary, day),
            "items": [{"item": item} for item in day.items.all()],
        }
        for day in itinerary.days.all()
    ]


def template_list(*, agency: Agency, filters: Filters = None) -> QuerySet[ItineraryTemplate]:
    """The agency's itinerary templates, newest first (``q`` searches their names)."""
    return apply_filters(
        ItineraryTemplateFilter, ItineraryTemplate.objects.for_agency(agency), filters
    )


def template_get(*, agency: Agency, template_id: int) -> ItineraryTemplate:
    return ItineraryTemplate.objects.for_agency(agency).get(pk=template_id)


def template_outline(template: ItineraryTemplate) -> list[dict[str, Any]]:
    """A template's plan in ``plan_outline``'s shape, for the same read-only page part: undated
    days, each item with its kind's label and its supplier's name (one query for them all)."""
    plan = template.plan
    supplier_ids = {item.supplier_id for day in plan for item in day.items if item.supplier_id}
    names = dict(
        Supplier.objects.filter(agency_id=template.agency_id, pk__in=supplier_ids).values_list(
            "pk", "name"
        )
        if supplier_ids
        else []
    )
    kinds = dict(ItemKind.choices)
    outline = []
    for day in plan:
        items = []
        for item in day.items:
            item.get_kind_display = kinds.get(item.kind, item.kind)
            item.supplier = names.get(item.supplier_id, "")
            items.append({"item": item})
        day.pk = day.day_number
        outline.append({"day": day, "date": None, "items": items})
    return outline


def library_item_list(*, agency: Agency, filters: Filters = None) -> QuerySet[LibraryItem]:
    """The agency's library, newest first: ``q`` searches titles, locations, descriptions and
    supplier names; ``kind`` and ``supplier_id`` filter. Suppliers come in the same query."""
    return apply_filters(
        LibraryItemFilter, LibraryItem.objects.for_agency(agency), filters
    ).select_related("supplier")


def library_item_get(*, agency: Agency, library_item_id: int) -> LibraryItem:
    """Raises ``LibraryItem.DoesNotExist`` for a missing id and another agency's alike."""
    return LibraryItem.objects.for_agency(agency).select_related("supplier").get(pk=library_item_id)


# The builder's "Insert from the library" select lists at most this many items (each day of a
# page has one; the Library page finds the others).
LIBRARY_PICKER_ITEMS = 60


def library_item_choices(*, agency: Agency) -> list[LibraryItem]:
    """The newest ``LIBRARY_PICKER_ITEMS`` library items, by kind (in the kinds' order) then
    title, for the builder's select: one query, whatever the plan."""
    order = {value: index for index, value in enumerate(ItemKind.values)}
    newest = (
        LibraryItem.objects.for_agency(agency)
        .order_by("-created_at", "-id")
        .only("id", "kind", "title", "location")[:LIBRARY_PICKER_ITEMS]
    )
    return sorted(newest, key=lambda item: (order.get(item.kind, 99), item.title.lower(), item.pk))
