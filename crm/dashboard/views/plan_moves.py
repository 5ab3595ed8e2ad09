"""The builder's moves and removals of days and items: up, down, to a position (drag and
drop) or, for an item, to another day; an item's removal asks first. Plain form POSTs back to
the builder, like the rest of it (``crm.dashboard.views.itineraries``)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.views.decorators.http import require_http_methods, require_POST

from accounts.tenancy import AgencyRequest, agency_required, get_or_404
from core.validation import parse_int
from crm.dashboard.views.itineraries import (
    _anchor,
    _back_to_builder,
    _day_number,
    _get_day,
    _get_item,
    _get_piece,
    _render_builder,
)
from crm.models import ItineraryDay, ItineraryItem
from crm.trips import plan as trip_plan
from crm.trips import selectors as trip_selectors

BAD_POSITION = "Give the position to move to as a whole number (1, 2, 3...)."


def _target_position(request: AgencyRequest, current: int) -> int | None:
    """``direction=up|down`` (the buttons) or ``to=N`` (drag and drop), 1-based; ``None`` when
    neither is a position (ASCII digits, a few of them: past the plan's end lands last)."""
    direction = request.POST.get("direction")
    if direction == "up":
        return current - 1
    if direction == "down":
        return current + 1
    return parse_int(request.POST.get("to", ""))


@require_POST
@agency_required
def plan_move(
    request: AgencyRequest, itinerary_id: int, day_id: int | None = None, item_id: int | None = None
) -> HttpResponse:
    """Move a day (``day_move``) or an item (``item_move``) up, down or to a position; an
    item also to another day (``day``)."""
    piece = _get_piece(request, itinerary_id, day_id, item_id)
    if isinstance(piece, ItineraryItem) and ("day" in request.POST or "day_number" in request.POST):
        return _item_to_day(request, piece)
    current = piece.day_number if isinstance(piece, ItineraryDay) else piece.position + 1
    to = _target_position(request, current)
    if to is None:
        messages.error(request, BAD_POSITION)
        return _render_builder(request, itinerary_id, status=400, day=_day_number(piece))
    if isinstance(piece, ItineraryDay):
        trip_plan.itinerary_day_move(day=piece, to=to)
    else:
        trip_plan.itinerary_item_move(item=piece, to=to)
    return _back_to_builder(itinerary_id, _anchor(piece), _day_number(piece))


BAD_DAY = "Choose a day of this itinerary to move the item to."


def _item_to_day(request: AgencyRequest, item: ItineraryItem) -> HttpResponse:
    """The "Move to day…" control: ``day`` (a day's id) or ``day_number`` of the same
    itinerary, the item going last there; the builder then shows that day's page, at the item."""
    itinerary_id = item.day.itinerary_id
    day_id = parse_int(request.POST.get("day", ""))
    number = parse_int(request.POST.get("day_number", ""))
    try:
        if day_id is not None:
            day = _get_day(request, itinerary_id, day_id)
        else:
            day = get_or_404(
                trip_selectors.itinerary_day_numbered,
                agency=request.agency,
                itinerary_id=itinerary_id,
                day_number=number,
            )
    except Http404:
        day = None
    if day is None:
        messages.error(request, BAD_DAY)
        return _render_builder(request, itinerary_id, status=400, day=item.day.day_number)
    try:
        trip_plan.itinerary_item_move(item=item, day=day)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return _render_builder(request, itinerary_id, status=400, day=item.day.day_number)
    return _back_to_builder(itinerary_id, _anchor(item), day.day_number)


@require_http_methods(["GET", "POST"])
@agency_required
def item_delete(request: AgencyRequest, itinerary_id: int, item_id: int) -> HttpResponse:
    """Removing an item asks first: ``GET`` shows the question in the item's place in the
    builder (a full page without JavaScript, the plan swapped in place with htmx), its
    ``POST`` removes the item."""
    item = _get_item(request, itinerary_id, item_id)
    if request.method == "GET":
        return _render_builder(
            request, itinerary_id, day=item.day.day_number, confirm_remove=item.pk
        )
    trip_plan.itinerary_item_remove(item=item)
    return _back_to_builder(itinerary_id, f"day-{item.day_id}", item.day.day_number)
