"""The builder's plan, a page of days at a time (issue #12: a plan at the caps, 1,000 items or
366 days, made a 3 to 5 MB page; a page is now at most 14 days and about 100 items).

``?page=N`` picks a page; ``?day=N`` the page holding day number N (where a save lands).
"""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from accounts.tenancy import AgencyRequest
from core.validation import parse_int
from crm.dashboard.forms.trips import DayForm, ItemForm
from crm.models import Itinerary, ItineraryDay
from crm.trips import selectors as trip_selectors
from crm.trips.selectors import PlanPage

# "Move to day…" lists the other days in a select up to this many days; a longer plan asks for
# a day number (366 options on each of 100 items would be megabytes again).
MOVE_SELECT_DAYS = 31


def build_plan(
    itinerary: Itinerary,
    days: list[ItineraryDay],
    *,
    page: PlanPage | None = None,
    total_days: int = 0,
    add_item: tuple[int, ItemForm] | None = None,
    edit_day: tuple[int, DayForm] | None = None,
    edit_item: tuple[int, ItemForm] | None = None,
    confirm_remove: int | None = None,
    confirm_remove_day: int | None = None,
    library_insert: tuple[int, str] | None = None,
    move_options: dict[int, SafeString] | None = None,
) -> list[dict[str, Any]]:
    """One page of days in order, each with its items, its forms and what to show open (an
    item being edited, ``confirm_remove`` / ``confirm_remove_day``: the item or the day whose
    removal asks first, or ``library_insert``: the day whose "Insert from the library" was
    refused, and why)."""
    plan = []
    offset = page.offset if page else 0
    blank_add_form = blank_item_form_html() if days else ""
    item_urls = item_url_patterns(itinerary.pk)
    for index, day in enumerate(days):
        entry: dict[str, Any] = {
            "day": day,
            "date": trip_selectors.day_date(itinerary, day),
            "first": offset + index == 0,
            "last": offset + index == total_days - 1,
            "add_form": ItemForm(auto_id=f"day{day.pk}-new-%s"),
            "add_open": False,
            "edit_form": None,
            "confirm_remove": day.pk == confirm_remove_day,
            "library_error": "",
            "move_options": (move_options or {}).get(day.pk, ""),
        }
        if add_item and add_item[0] == day.pk:
            entry["add_form"], entry["add_open"] = add_item[1], True
        else:
            # Every other day's empty form is the same HTML but for its ids.
            entry["add_form_html"] = mark_safe(blank_add_form.replace(DAY_MARK, str(day.pk)))
        if library_insert and library_insert[0] == day.pk:
            entry["library_error"], entry["add_open"] = library_insert[1], True
        if edit_day and edit_day[0] == day.pk:
            entry["edit_form"] = edit_day[1]
        items = list(day.items.all())
        entry["items"] = [
            {
                "item": item,
                "urls": {
                    key: url.replace(ITEM_MARK, str(item.pk)) for key, url in item_urls.items()
                },
                "first": i == 0,
                "last": i == len(items) - 1,
                "edit_form": edit_item[1] if edit_item and edit_item[0] == item.pk else None,
                "confirm_remove": item.pk == confirm_remove,
            }
            for i, item in enumerate(items)
        ]
        plan.append(entry)
    return plan


def page_index(request: AgencyRequest, pages: list[PlanPage], day: int | None) -> int:
    """The page holding day number ``day`` (a form shown again, or ``?day=`` after a save),
    else ``?page=`` (1-based, clamped), else the first."""
    day = day if day is not None else parse_int(request.GET.get("day", ""))
    if day is not None:
        return next((i for i, page in enumerate(pages) if day <= page.last), len(pages) - 1)
    number = parse_int(request.GET.get("page", "")) or 1
    return max(0, min(number, len(pages)) - 1)


def plan_context(
    request: AgencyRequest, itinerary: Itinerary, *, day: int | None, adding_day: bool
) -> dict[str, Any]:
    """The page of days to show (``days``, ``page``) and the whole plan's ``pages``,
    ``total_days`` and ``item_count``; ``adding_day`` shows the last page (the new day's)."""
    pages = trip_selectors.plan_pages(itinerary=itinerary)
    total_days = sum(page.days for page in pages)
    index = page_index(request, pages, total_days if adding_day else day) if pages else 0
    page = pages[index] if pages else None
    days = (
        trip_selectors.plan_page_days(itinerary=itinerary, first=page.first, last=page.last)
        if page
        else []
    )
    move_days = (
        # A plan on one page already has every day; a longer one up to the cap reads them
        # (one query, the same for 1 day or 31); past it the form takes a day number.
        days
        if len(pages) == 1 and total_days <= MOVE_SELECT_DAYS
        else trip_selectors.plan_day_choices(itinerary=itinerary)
        if 0 < total_days <= MOVE_SELECT_DAYS
        else []
    )
    return {
        "move_days": move_days,
        "move_options": move_options(move_days),
        "days": days,
        "page": page,
        "pages": pages,
        "page_number": index + 1,
        "total_days": total_days,
        "item_count": sum(page.items for page in pages),
    }


DAY_MARK = "__day__"
ITEM_MARK = "2147483647"  # an id no item has (the largest integer), in URLs reversed once
ITEM_ROUTES = {
    "move": "item_move",
    "edit": "item_edit",
    "delete": "item_delete",
    "save_to_library": "item_save_to_library",
}


def item_url_patterns(itinerary_id: int) -> dict[str, str]:
    """Each item action's URL with ``ITEM_MARK`` for the item's id: reversed once per page, not
    eight times for each of ~60 items (a tenth of the builder's time)."""
    return {
        key: reverse(name, args=[itinerary_id, int(ITEM_MARK)]) for key, name in ITEM_ROUTES.items()
    }


def blank_item_form_html() -> str:
    """The empty "Add to day" form, rendered once for a page with ``DAY_MARK`` in its ids:
    drawn for each of 14 days it was a fifth of the builder's time (8 fields, 14 times)."""
    return render_to_string(
        "crm/itineraries/_item_form.html", {"form": ItemForm(auto_id=f"day{DAY_MARK}-new-%s")}
    )


def move_options(move_days: list[ItineraryDay]) -> dict[int, SafeString]:
    """Each day's "Move to day…" options: every other day, in order. Built once per page as
    HTML: drawn by the template, the options were the builder's slowest part (a select of 13
    days on each of 56 items, 728 options each truncated and localised: ~90 of its 280 ms)."""
    options = [
        (
            day.pk,
            format_html(
                '<option value="{}">Day {}{}</option>',
                day.pk,
                day.day_number,
                f": {Truncator(day.title).chars(32)}" if day.title else "",
            ),
        )
        for day in move_days
    ]
    return {
        pk: mark_safe("".join(option for other, option in options if other != pk))
        for pk, _ in options
    }
