"""Itineraries and the day-by-day builder.

The builder is one page (``itinerary_detail``). Every change is a plain form POST that redirects
back to it, so the builder works without JavaScript; htmx (``hx-boost`` on the plan) only swaps
the plan in place. A form that fails validation is rendered again inside the builder with what
the agent typed and the errors beside the fields, so no work is lost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import Any, TypeVar

from django.contrib import messages
from django.db import models
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts.tenancy import AgencyRequest, active_members, agency_required, get_or_404
from core.views import form_page, list_page, run_service
from crm.dashboard.forms.trips import DayForm, ItemForm, ItineraryForm
from crm.dashboard.views.common import client_from_query, edit_form
from crm.dashboard.views.plan_page import build_plan, plan_context
from crm.models import Itinerary, ItineraryDay, ItineraryItem, ItineraryStatus
from crm.proposals import selectors as proposal_selectors
from crm.tasks import selectors as task_selectors
from crm.trips import plan as trip_plan
from crm.trips import selectors as trip_selectors
from crm.trips import services as trip_services

MAX_PREFILLED_DAYS = 60

_DAY_COUNT = Coalesce(
    Subquery(
        ItineraryDay.objects.filter(itinerary=OuterRef("pk"))
        .order_by()
        .values("itinerary")
        .annotate(days=Count("pk"))
        .values("days")[:1]
    ),
    0,
)


@agency_required
def itinerary_list(request: AgencyRequest) -> HttpResponse:
    return list_page(
        request,
        "crm/itineraries/list.html",
        trip_selectors.itinerary_list,
        agency=request.agency,
        model=Itinerary,
        filter_names=("q", "status", "client", "date_from", "date_to", "consultant_id", "sort"),
        mine="consultant_id",
        sorts=(
            ("start_date", "Trip start, soonest"),
            ("-start_date", "Trip start, latest"),
            ("title", "Title A to Z"),
            ("created_at", "Oldest first"),
        ),
        # The days are counted for the rows of the page only (a correlated subquery, which the
        # page's COUNT drops), never over a GROUP BY of every itinerary of the agency.
        prepare=lambda rows: rows.select_related("client").annotate(day_count=_DAY_COUNT),
        context={
            "statuses": ItineraryStatus.choices,
            "members": active_members(agency=request.agency),
        },
    )


def _date_range_days(start: dt.date | None, end: dt.date | None) -> list[dict[str, Any]]:
    if not start or not end or end < start:
        return []
    count = min((end - start).days + 1, MAX_PREFILLED_DAYS)
    return [{"date": start + dt.timedelta(days=n)} for n in range(count)]


def _itinerary_fields(form: ItineraryForm) -> dict[str, Any]:
    data = dict(form.cleaned_data)
    data["client"] = data["client"].pk
    return data


# Create and edit share the form and its template, and a save lands in the builder.
_form_page = partial(
    form_page,
    template="crm/itineraries/form.html",
    redirect_to=lambda itinerary: _builder_url(itinerary.pk),
)


@agency_required
def itinerary_create(request: AgencyRequest) -> HttpResponse:
    client = client_from_query(request)
    initial = {"client": client.pk, "title": f"Trip for {client.name}"} if client else {}
    form = ItineraryForm(request.POST or None, agency=request.agency, initial=initial)
    prefill = request.POST.get("prefill_days")

    def save() -> Itinerary:
        data = _itinerary_fields(form)
        days = _date_range_days(data["start_date"], data["end_date"]) if prefill else []
        return trip_services.itinerary_create(
            agency=request.agency, created_by=request.user, days=days, **data
        )

    return _form_page(
        request,
        form,
        save,
        context={"itinerary": None, "prefill_days": request.POST.get("prefill_days", "1")},
        success="Itinerary created. Now add the days and what happens.",
    )


@agency_required
def itinerary_edit(request: AgencyRequest, itinerary_id: int) -> HttpResponse:
    itinerary = _get_itinerary(request, itinerary_id)
    form = edit_form(ItineraryForm, request, itinerary)

    def save() -> Itinerary:
        return trip_services.itinerary_update(itinerary=itinerary, **_itinerary_fields(form))

    context = {"itinerary": itinerary}
    return _form_page(request, form, save, context=context, success="Itinerary details saved.")


@agency_required
def itinerary_delete(request: AgencyRequest, itinerary_id: int) -> HttpResponse:
    itinerary = _get_itinerary(request, itinerary_id)
    if request.method == "POST":
        client_id = itinerary.client_id
        trip_services.itinerary_delete(itinerary=itinerary)
        messages.success(request, f"“{itinerary.title}” was deleted.")
        return redirect("client_detail", client_id=client_id)
    return render(request, "crm/itineraries/delete.html", {"itinerary": itinerary})


# The builder -------------------------------------------------------------------------------


def _render_builder(
    request: AgencyRequest,
    itinerary_id: int,
    *,
    new_day_form: DayForm | None = None,
    status: int = 200,
    day: int | None = None,
    **plan_kwargs: Any,
) -> HttpResponse:
    itinerary = get_or_404(
        trip_selectors.itinerary_header_get, agency=request.agency, itinerary_id=itinerary_id
    )
    context = plan_context(request, itinerary, day=day, adding_day=new_day_form is not None)
    return render(
        request,
        "crm/itineraries/detail.html",
        {
            "itinerary": itinerary,
            **context,
            "tasks": task_selectors.tasks_of(agency=request.agency, itinerary_id=itinerary.pk),
            "task_query": f"client={itinerary.client_id}&itinerary={itinerary.pk}",
            "plan": build_plan(
                itinerary,
                context["days"],
                page=context["page"],
                total_days=context["total_days"],
                move_options=context["move_options"],
                **plan_kwargs,
            ),
            # "Insert from the library" on each day: one query, however many days.
            "library_choices": trip_selectors.library_item_choices(agency=request.agency),
            "new_day_form": new_day_form or DayForm(auto_id="newday-%s"),
            "new_day_open": new_day_form is not None or not context["pages"],
            "proposals": proposal_selectors.proposal_list(
                agency=request.agency, filters={"itinerary_id": itinerary.pk}
            ),
        },
        status=status,
    )


def _builder_url(itinerary_id: int, anchor: str = "", day: int | None = None) -> str:
    """The builder, on the page holding day number ``day`` when given, at ``#anchor``."""
    url = reverse("itinerary_detail", kwargs={"itinerary_id": itinerary_id})
    if day is not None:
        url = f"{url}?day={day}"
    return f"{url}#{anchor}" if anchor else url


def _back_to_builder(itinerary_id: int, anchor: str = "", day: int | None = None) -> HttpResponse:
    return redirect(_builder_url(itinerary_id, anchor, day))


PlanForm = TypeVar("PlanForm", DayForm, ItemForm)
Saved = TypeVar("Saved", ItineraryDay, ItineraryItem)


def _plan_form(
    request: AgencyRequest, form_class: type[PlanForm], record: models.Model, auto_id: str
) -> PlanForm:
    """The day or item form: as posted, or filled with the record's values to edit."""
    if request.method == "POST":
        return form_class(request.POST, auto_id=auto_id)
    initial = {name: getattr(record, name) for name in form_class.base_fields}
    return form_class(initial=initial, auto_id=auto_id)


def _plan_save(
    request: AgencyRequest,
    form: DayForm | ItemForm,
    service: Callable[..., Saved],
    itinerary_id: int,
    **target: Any,
) -> HttpResponse | None:
    """A day or item edit through ``run_service``, back to the builder at what was saved."""
    return run_service(
        request,
        form,
        lambda: service(**target, **form.cleaned_data),
        success=None,
        redirect_to=lambda saved: _builder_url(itinerary_id, _anchor(saved), _day_number(saved)),
    )


def _anchor(saved: ItineraryDay | ItineraryItem) -> str:
    return f"{'day' if isinstance(saved, ItineraryDay) else 'item'}-{saved.pk}"


def _day_number(piece: ItineraryDay | ItineraryItem) -> int:
    return piece.day_number if isinstance(piece, ItineraryDay) else piece.day.day_number


@agency_required
def itinerary_detail(request: AgencyRequest, itinerary_id: int) -> HttpResponse:
    return _render_builder(request, itinerary_id)


@agency_required
def itinerary_print(request: AgencyRequest, itinerary_id: int) -> HttpResponse:
    itinerary = _get_itinerary(request, itinerary_id)
    return render(
        request,
        "crm/itineraries/print.html",
        {
            "itinerary": itinerary,
            "plan": trip_selectors.plan_outline(itinerary),
            "agency": request.agency,
        },
    )


def _get_itinerary(request: AgencyRequest, itinerary_id: int) -> Itinerary:
    return get_or_404(
        trip_selectors.itinerary_get, agency=request.agency, itinerary_id=itinerary_id
    )


def _get_day(request: AgencyRequest, itinerary_id: int, day_id: int) -> ItineraryDay:
    return get_or_404(
        trip_selectors.itinerary_day_get,
        agency=request.agency,
        itinerary_id=itinerary_id,
        day_id=day_id,
    )


def _get_item(request: AgencyRequest, itinerary_id: int, item_id: int) -> ItineraryItem:
    return get_or_404(
        trip_selectors.itinerary_item_get,
        agency=request.agency,
        itinerary_id=itinerary_id,
        item_id=item_id,
    )


@require_POST
@agency_required
def day_add(request: AgencyRequest, itinerary_id: int) -> HttpResponse:
    itinerary = _get_itinerary(request, itinerary_id)
    form = DayForm(request.POST, auto_id="newday-%s")
    done = _plan_save(request, form, trip_plan.itinerary_day_add, itinerary.pk, itinerary=itinerary)
    return done or _render_builder(request, itinerary_id, new_day_form=form)


@agency_required
def day_delete(request: AgencyRequest, itinerary_id: int, day_id: int) -> HttpResponse:
    """Removing a day asks first, as an item's removal does: ``GET`` shows the question in
    the day's header (the plan swapped in place with htmx), its ``POST`` removes the day."""
    day = _get_day(request, itinerary_id, day_id)
    if request.method == "GET":
        return _render_builder(request, itinerary_id, day=day.day_number, confirm_remove_day=day.pk)
    trip_plan.itinerary_day_remove(day=day)
    messages.success(request, f"Day {day.day_number} was removed.")
    return _back_to_builder(itinerary_id, day=max(1, day.day_number - 1))


@require_POST
@agency_required
def item_add(request: AgencyRequest, itinerary_id: int, day_id: int) -> HttpResponse:
    day = _get_day(request, itinerary_id, day_id)
    form = ItemForm(request.POST, auto_id=f"day{day.pk}-new-%s")
    done = _plan_save(request, form, trip_plan.itinerary_item_add, itinerary_id, day=day)
    return done or _render_builder(
        request, itinerary_id, day=day.day_number, add_item=(day.pk, form)
    )


def _get_piece(
    request: AgencyRequest, itinerary_id: int, day_id: int | None, item_id: int | None
) -> ItineraryDay | ItineraryItem:
    """The day (``day_id``) or the item (``item_id``) a builder URL names."""
    if item_id is not None:
        return _get_item(request, itinerary_id, item_id)
    assert day_id is not None, "a builder URL names a day or an item"
    return _get_day(request, itinerary_id, day_id)


@agency_required
def plan_edit(
    request: AgencyRequest, itinerary_id: int, day_id: int | None = None, item_id: int | None = None
) -> HttpResponse:
    """Edit a day (``day_edit``) or an item (``item_edit``) in place in the builder."""
    piece = _get_piece(request, itinerary_id, day_id, item_id)
    if isinstance(piece, ItineraryDay):
        day_form = _plan_form(request, DayForm, piece, f"day{piece.pk}-edit-%s")
        done = _plan_save(
            request, day_form, trip_plan.itinerary_day_update, itinerary_id, day=piece
        )
        return done or _render_builder(
            request, itinerary_id, day=piece.day_number, edit_day=(piece.pk, day_form)
        )
    item_form = _plan_form(request, ItemForm, piece, f"item{piece.pk}-%s")
    done = _plan_save(request, item_form, trip_plan.itinerary_item_update, itinerary_id, item=piece)
    return done or _render_builder(
        request, itinerary_id, day=piece.day.day_number, edit_item=(piece.pk, item_form)
    )
