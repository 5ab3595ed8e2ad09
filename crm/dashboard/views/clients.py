from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts import selectors as account_selectors
from accounts.tenancy import agency_required, get_or_404
from core.views import paginate, querystring_without_page, run_service
from crm.bookings import selectors as booking_selectors
from crm.clients import archive as client_archive_services
from crm.clients import selectors as client_selectors
from crm.clients import services as client_services
from crm.dashboard.forms.clients import ClientDeleteForm, ClientFilterForm, ClientForm, NoteForm
from crm.enquiries import selectors as enquiry_selectors
from crm.models import Client
from crm.proposals import selectors as proposal_selectors
from crm.trips import selectors as trip_selectors

LIST_FILTERS = ("q", "status", "tag", "sort", "source", "assigned_to", "archived")


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


def _client_fields(form: ClientForm) -> dict[str, Any]:
    data = dict(form.cleaned_data)
    member = data.pop("assigned_to")
    data["assigned_to"] = member.pk if member else None
    return data


def _to_detail(client: Client) -> str:
    return reverse("client_detail", args=[client.pk])


@agency_required
def client_create(request: HttpRequest) -> HttpResponse:
    form = ClientForm(request.POST or None, agency=request.agency)
    done = run_service(
        request,
        form,
        lambda: client_services.client_create(
            agency=request.agency, created_by=request.user, **_client_fields(form)
        ),
        success=lambda client: f"{client.name} was added.",
        redirect_to=_to_detail,
    )
    return done or render(request, "crm/clients/form.html", {"form": form, "client": None})


@agency_required
def client_edit(request: HttpRequest, client_id: int) -> HttpResponse:
    client = get_or_404(client_selectors.client_get, agency=request.agency, client_id=client_id)
    form = ClientForm(
        request.POST or None, agency=request.agency, initial=ClientForm.initial_for(client)
    )
    done = run_service(
        request,
        form,
        lambda: client_services.client_update(client=client, **_client_fields(form)),
        success="Changes saved.",
        redirect_to=_to_detail,
    )
    return done or render(request, "crm/clients/form.html", {"form": form, "client": client})


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
    done = run_service(
        request,
        form,
        lambda: client_services.client_note_add(
            client=client, text=form.cleaned_data["text"], author=request.user
        ),
        success="Note added.",
        redirect_to=_to_detail,
    )
    return done or _render_detail(request, client, form)


@require_POST
@agency_required
def client_archive(request: HttpRequest, client_id: int) -> HttpResponse:
    client = get_or_404(client_selectors.client_get, agency=request.agency, client_id=client_id)
    client_archive_services.client_archive(client=client, actor=request.user)
    messages.success(request, f"{client.name} was archived: hidden from the lists, kept in full.")
    return redirect("client_detail", client_id=client.pk)


@require_POST
@agency_required
def client_restore(request: HttpRequest, client_id: int) -> HttpResponse:
    client = get_or_404(client_selectors.client_get, agency=request.agency, client_id=client_id)
    client_archive_services.client_restore(client=client)
    messages.success(request, f"{client.name} was restored.")
    return redirect("client_detail", client_id=client.pk)


@agency_required
def client_delete(request: HttpRequest, client_id: int) -> HttpResponse:
    """The confirmation page names everything a delete takes with it. A client with money
    attached is deleted only by an owner or admin who types the client's name; an agent is
    offered Archive instead (and a POST from one is refused with a 403)."""
    client = get_or_404(client_selectors.client_get, agency=request.agency, client_id=client_id)
    plan = client_archive_services.client_deletion_plan(client=client)
    allowed = client_archive_services.may_delete(plan=plan, actor=request.user)
    data = request.POST if request.method == "POST" else None  # an empty POST is still one
    form = ClientDeleteForm(data, client=client, plan=plan)
    context = {"client": client, "plan": plan, "allowed": allowed, "form": form}
    if request.method == "POST":
        if not allowed:
            return render(request, "crm/clients/delete.html", context, status=403)
        name = client.name
        done = run_service(
            request,
            form,
            lambda: client_archive_services.client_delete(client=client, actor=request.user),
            success=f"{name} was deleted, with everything attached.",
            redirect_to=lambda _plan: reverse("client_list"),
        )
        if done:
            return done
    return render(request, "crm/clients/delete.html", context)
