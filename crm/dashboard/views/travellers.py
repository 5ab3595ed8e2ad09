"""A client's travellers: add, edit, remove, and the audited reveal of document numbers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts.tenancy import AgencyRequest, agency_required, get_or_404
from core.validation import parse_int
from core.views import form_page, run_action
from crm.bookings import selectors as booking_selectors
from crm.clients import selectors as client_selectors
from crm.clients import travellers as traveller_services
from crm.dashboard.forms.travellers import TravellerForm
from crm.models import Client, Traveller
from crm.proposals import selectors as proposal_selectors
from crm.trips import selectors as trip_selectors


def _get_client(request: AgencyRequest, client_id: int) -> Client:
    return get_or_404(client_selectors.client_get, agency=request.agency, client_id=client_id)


def _get_traveller(request: AgencyRequest, client_id: int, traveller_id: int) -> Traveller:
    client = _get_client(request, client_id)
    return get_or_404(
        client_selectors.traveller_get,
        agency=request.agency,
        client=client,
        traveller_id=traveller_id,
    )


def _to_client(traveller: Traveller) -> str:
    return reverse("client_detail", args=[traveller.client_id]) + "#travellers"


@agency_required
def traveller_create(request: AgencyRequest, client_id: int) -> HttpResponse:
    client = _get_client(request, client_id)
    form = TravellerForm(request.POST or None)

    def save() -> Traveller:
        return traveller_services.traveller_create(
            client=client, created_by=request.user, **form.service_fields()
        )

    return form_page(
        request,
        form,
        save,
        template="crm/clients/traveller_form.html",
        context={"client": client, "traveller": None},
        success=lambda t: f"{t.full_name} was added.",
        redirect_to=_to_client,
    )


@agency_required
def traveller_edit(request: AgencyRequest, client_id: int, traveller_id: int) -> HttpResponse:
    traveller = _get_traveller(request, client_id, traveller_id)
    form = TravellerForm(request.POST or None, initial=TravellerForm.initial_for(traveller))

    def save() -> Traveller:
        return traveller_services.traveller_update(traveller=traveller, **form.service_fields())

    return form_page(
        request,
        form,
        save,
        template="crm/clients/traveller_form.html",
        context={"client": traveller.client, "traveller": traveller},
        success="Changes saved.",
        redirect_to=_to_client,
    )


@require_POST
@agency_required
def traveller_delete(request: AgencyRequest, client_id: int, traveller_id: int) -> HttpResponse:
    traveller = _get_traveller(request, client_id, traveller_id)
    name = traveller.full_name
    return run_action(
        request,
        lambda: traveller_services.traveller_delete(traveller=traveller),
        success=f"{name} was removed.",
        redirect_to=_to_client(traveller),
    )


@never_cache
@require_POST
@agency_required
def traveller_reveal(request: AgencyRequest, client_id: int, traveller_id: int) -> HttpResponse:
    """The full document numbers (a POST, so no prefetch or crawler reveals anything), for
    owners, admins and the client's agent; anyone else gets a 403. Recorded in the history."""
    traveller = _get_traveller(request, client_id, traveller_id)
    values = traveller_services.traveller_documents_reveal(traveller=traveller, actor=request.user)
    return render(
        request,
        "crm/clients/traveller_documents.html",
        {"client": traveller.client, "traveller": traveller, "values": values},
    )


# Who goes on an itinerary, a proposal or a booking: the "Travellers" card on their pages.


def _who_goes(
    getter: Callable[..., Any], id_name: str, page: str
) -> Callable[[AgencyRequest, int], HttpResponse]:
    @require_POST
    @agency_required
    def view(request: AgencyRequest, **ids: int) -> HttpResponse:
        record = get_or_404(getter, agency=request.agency, **{id_name: ids[id_name]})
        raw = request.POST.getlist("traveller_ids")
        # An id that is not one is passed on as typed: the service refuses it by name.
        chosen = [parse_int(value) if parse_int(value) is not None else value for value in raw]
        return run_action(
            request,
            lambda: traveller_services.travellers_assign(record=record, traveller_ids=chosen),
            success="Saved who is travelling.",
            redirect_to=reverse(page, args=[record.pk]) + "#who-goes",
        )

    return view


itinerary_travellers = _who_goes(
    trip_selectors.itinerary_header_get, "itinerary_id", "itinerary_detail"
)
proposal_travellers = _who_goes(proposal_selectors.proposal_get, "proposal_id", "proposal_detail")
booking_travellers = _who_goes(booking_selectors.booking_get, "booking_id", "booking_detail")
