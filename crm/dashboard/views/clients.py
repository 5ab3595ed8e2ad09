from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from accounts import selectors as account_selectors
from accounts.tenancy import agency_required, get_or_404
from core.views import add_service_errors, paginate, querystring_without_page
from crm.bookings import selectors as booking_selectors
from crm.clients import selectors as client_selectors
from crm.clients import services as client_services
from crm.dashboard.forms.clients import ClientFilterForm, ClientForm, NoteForm
from crm.enquiries import selectors as enquiry_selectors
from crm.models import Client
from crm.proposals import selectors as proposal_selectors
from crm.trips import selectors as trip_selectors

LIST_FILTERS = ("q", "status", "tag", "sort", "source", "assigned_to")


@agency_required
def client_list(request: HttpRequest) -> HttpResponse:
    """Search and filter with the API's own ``ClientFilter`` (same ``q``, ``status``, ``tag``)."""
    filters = {k: v for k, v in request.GET.items() if k in LIST_FILTERS and v}
    filter_error = None
    try:
        clients = client_selectors.client_list(agency=request.agency, filters=filters)
    except ValidationError as exc:
        filter_error = "; ".join(exc.messages)
        clients = Client.objects.none()
    page = paginate(request, clients.select_related("assigned_to"))
    return render(
        request,
        "crm/clients/list.html",
        {
            "page": page,
            "filter_form": ClientFilterForm(request.GET or None),
            "filtering": bool(filters),
            "filter_error": filter_error,
            "querystring": querystring_without_page(request),
            "total": page.paginator.count,
        },
    )


def _client_fields(form: ClientForm) -> dict:
    data = dict(form.cleaned_data)
    member = data.pop("assigned_to")
    data["assigned_to"] = member.pk if member else None
    return data


@agency_required
def client_create(request: HttpRequest) -> HttpResponse:
    form = ClientForm(request.POST or None, agency=request.agency)
    if request.method == "POST" and form.is_valid():
        try:
            client = client_services.client_create(
                agency=request.agency, created_by=request.user, **_client_fields(form)
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"{client.name} was added.")
            return redirect("client_detail", client_id=client.pk)
    return render(request, "crm/clients/form.html", {"form": form, "client": None})


@agency_required
def client_edit(request: HttpRequest, client_id: int) -> HttpResponse:
    client = get_or_404(client_selectors.client_get, agency=request.agency, client_id=client_id)
    form = ClientForm(
        request.POST or None, agency=request.agency, initial=ClientForm.initial_for(client)
    )
    if request.method == "POST" and form.is_valid():
        try:
            client_services.client_update(client=client, **_client_fields(form))
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Changes saved.")
            return redirect("client_detail", client_id=client.pk)
    return render(request, "crm/clients/form.html", {"form": form, "client": client})


@agency_required
def client_detail(request: HttpRequest, client_id: int) -> HttpResponse:
    client = get_or_404(client_selectors.client_get, agency=request.agency, client_id=client_id)
    return _render_detail(request, client, NoteForm())


def _render_detail(request: HttpRequest, client: Client, note_form: NoteForm) -> HttpResponse:
    agency = request.agency
    return render(
        request,
        "crm/clients/detail.html",
        {
            "client": client,
            "note_form": note_form,
            "itineraries": trip_selectors.itinerary_list(
                agency=agency, filters={"client": client.pk}
            ),
            "proposals": proposal_selectors.proposal_list(
                agency=agency, filters={"client": client.pk}
            ),
            "bookings": booking_selectors.booking_list(
                agency=agency, filters={"client": client.pk}
            ),
            "enquiries": enquiry_selectors.client_enquiries(agency=agency, client=client)[:10],
            "history": account_selectors.client_activity(agency=agency, client_id=client.pk)[:15],
        },
    )


@require_POST
@agency_required
def client_note_add(request: HttpRequest, client_id: int) -> HttpResponse:
    client = get_or_404(client_selectors.client_get, agency=request.agency, client_id=client_id)
    form = NoteForm(request.POST)
    if form.is_valid():
        try:
            client_services.client_note_add(
                client=client, text=form.cleaned_data["text"], author=request.user
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Note added.")
            return redirect("client_detail", client_id=client.pk)
    return _render_detail(request, client, form)


@agency_required
def client_delete(request: HttpRequest, client_id: int) -> HttpResponse:
    client = get_or_404(client_selectors.client_get, agency=request.agency, client_id=client_id)
    if request.method == "POST":
        name = client.name
        client_services.client_delete(client=client)
        messages.success(request, f"{name} was deleted, with their itineraries and proposals.")
        return redirect("client_list")
    return render(request, "crm/clients/delete.html", {"client": client})
