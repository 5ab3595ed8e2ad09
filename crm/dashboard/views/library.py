"""The library of saved items (``crm.trips.library``): its page (search, kind, create, edit,
delete asking first) and the builder's two doors to it, "Insert from the library" on each day
and "Save to library" on each item. Plain form POSTs, like the rest of the builder."""

from __future__ import annotations

from functools import partial

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from accounts.tenancy import AgencyRequest, agency_required, get_or_404
from core.validation import parse_int
from core.views import form_page, list_page
from crm.dashboard.forms.library import LibraryItemForm
from crm.dashboard.views.itineraries import _back_to_builder, _get_day, _get_item, _render_builder
from crm.models import ItemKind, LibraryItem
from crm.trips import library as trip_library
from crm.trips import selectors as trip_selectors

CHOOSE_ITEM = "Choose an item of your library to insert."


@agency_required
def library_list(request: AgencyRequest) -> HttpResponse:
    return list_page(
        request,
        "crm/library/list.html",
        trip_selectors.library_item_list,
        agency=request.agency,
        model=LibraryItem,
        filter_names=("q", "kind", "sort"),
        sorts=(("title", "Title A to Z"), ("kind", "Kind"), ("created_at", "Oldest first")),
        context={"kinds": ItemKind.choices},
    )


def _get_library_item(request: AgencyRequest, library_item_id: int) -> LibraryItem:
    return get_or_404(
        trip_selectors.library_item_get, agency=request.agency, library_item_id=library_item_id
    )


_form_page = partial(
    form_page,
    template="crm/library/form.html",
    success=lambda saved: f"“{saved.title}” saved in the library.",
    redirect_to=lambda saved: reverse("library_list"),
)


@agency_required
def library_create(request: AgencyRequest) -> HttpResponse:
    form = LibraryItemForm(request.POST or None, initial={"kind": ItemKind.ACTIVITY})

    def save() -> LibraryItem:
        return trip_library.library_item_create(
            agency=request.agency, created_by=request.user, **form.service_fields()
        )

    return _form_page(request, form, save, context={"library_item": None})


@agency_required
def library_edit(request: AgencyRequest, library_item_id: int) -> HttpResponse:
    library_item = _get_library_item(request, library_item_id)
    form = LibraryItemForm(request.POST or None, initial=LibraryItemForm.initial_for(library_item))

    def save() -> LibraryItem:
        return trip_library.library_item_update(library_item=library_item, **form.service_fields())

    return _form_page(request, form, save, context={"library_item": library_item})


@require_http_methods(["GET", "POST"])
@agency_required
def library_delete(request: AgencyRequest, library_item_id: int) -> HttpResponse:
    """``GET`` asks first; ``POST`` deletes (the plans it went into keep their copies)."""
    library_item = _get_library_item(request, library_item_id)
    if request.method == "POST":
        trip_library.library_item_delete(library_item=library_item)
        messages.success(request, f"“{library_item.title}” was deleted from the library.")
        return redirect("library_list")
    return render(request, "crm/library/delete.html", {"library_item": library_item})


# The builder ---------------------------------------------------------------------------------


@require_POST
@agency_required
def library_insert(request: AgencyRequest, itinerary_id: int, day_id: int) -> HttpResponse:
    """ "Insert from the library" of one day: a copy of the chosen item goes last in the day,
    through the builder's door. A choice that is not one of the agency's library items, or a
    refusal (a full day), is shown beside the select, in the builder."""
    day = _get_day(request, itinerary_id, day_id)
    chosen = parse_int(request.POST.get("library_item", ""))
    try:
        if chosen is None:
            raise Http404
        library_item = _get_library_item(request, chosen)
        item = trip_library.library_item_insert(
            library_item=library_item, day=day, actor=request.user
        )
    except Http404:
        error = CHOOSE_ITEM
    except ValidationError as exc:
        error = " ".join(exc.messages)
    else:
        return _back_to_builder(itinerary_id, f"item-{item.pk}", day.day_number)
    return _render_builder(
        request, itinerary_id, day=day.day_number, library_insert=(day.pk, error)
    )


@require_POST
@agency_required
def item_save_to_library(request: AgencyRequest, itinerary_id: int, item_id: int) -> HttpResponse:
    """ "Save to library" of one item: a library item with its kind, title, times, location,
    supplier and description; the builder again, at the item, saying so."""
    item = _get_item(request, itinerary_id, item_id)
    saved = trip_library.library_item_from_itinerary_item(item=item, actor=request.user)
    messages.success(request, f"“{saved.title}” saved to the library.")
    return _back_to_builder(itinerary_id, f"item-{item.pk}", item.day.day_number)
