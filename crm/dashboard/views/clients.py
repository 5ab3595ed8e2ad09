from __future__ import annotations

from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts.tenancy import AgencyRequest, active_members, agency_required, get_or_404
from core.views import form_page, list_page, run_service
from crm.bookings import selectors as booking_selectors
from crm.clients import archive as client_archive_services
from crm.clients import selectors as client_selectors
from crm.clients import services as client_services
from crm.clients.duplicates import DuplicateClientError
from crm.clients.travellers import can_reveal_documents
from crm.dashboard.forms.clients import ClientDeleteForm, ClientFilterForm, ClientForm, NoteForm
from crm.dashboard.views.common import archive_view, edit_form
from crm.enquiries import selectors as enquiry_selectors
from crm.models import Client
from crm.proposals import selectors as proposal_selectors
from crm.tasks import selectors as task_selectors
from crm.trips import selectors as trip_selectors

LIST_FILTERS = (
    "q",
    "status",
    "tag",
    "sort",
    "source",
    "assigned_to",
    "archived",
    "active",
    "corporate",
)
SORTS = (
    ("name", "Name A to Z"),
    ("-name", "Name Z to A"),
    ("created_at", "Oldest first"),
    ("-updated_at", "Recently changed"),
)


@agency_required
def client_list(request: AgencyRequest) -> HttpResponse:
    """Search and filter with the API's own ``ClientFilter`` (same ``q``, ``status``, ``tag``)."""
    return list_page(
        request,
        "crm/clients/list.html",
        client_selectors.client_list,
        agency=request.agency,
        model=Client,
        filter_names=LIST_FILTERS,
        prepare=lambda rows: rows.select_related("assigned_to"),
        mine="assigned_to",
        sorts=SORTS,
        context={
            "filter_form": ClientFilterForm(request.GET or None),
            "members": active_members(agency=request.agency),
        },
    )


def _client_fields(form: ClientForm) -> dict[str, Any]:
    data = dict(form.cleaned_data)
    if not data.get("kind"):
        data.pop("kind", None)  # left empty: a person (create) or as it was (edit)
    member = data.pop("assigned_to")
    data["assigned_to"] = member.pk if member else None
    return data


def _to_detail(client: Client) -> str:
    return reverse("client_detail", args=[client.pk])


def _get_client(request: AgencyRequest, client_id: int) -> Client:
    return get_or_404(client_selectors.client_get, agency=request.agency, client_id=client_id)


# Create and edit share the form, its template and where a save lands.
_form_page = partial(form_page, template="crm/clients/form.html", redirect_to=_to_detail)


@agency_required
def client_create(request: AgencyRequest) -> HttpResponse:
    """A client whose email or phone matches another is shown the matches first; the agent
    opens one of them or presses "Create anyway" (``create_anyway``)."""
    # A new client is its creator's by default: an agent who sees only their own clients
    # would otherwise lose sight of it at once.
    form = ClientForm(
        request.POST or None, agency=request.agency, initial={"assigned_to": request.user.pk}
    )
    context: dict[str, Any] = {"client": None, "duplicates": []}

    def save() -> Client:
        fields = _client_fields(form)
        try:
            return client_services.client_create(
                agency=request.agency,
                created_by=request.user,
                allow_duplicate=request.POST.get("create_anyway") == "1",
                **fields,
            )
        except DuplicateClientError as exc:
            context["duplicates"] = exc.matches
            raise ValidationError(
                "This client may already exist: see the possible duplicates below."
            ) from exc

    return _form_page(
        request, form, save, context=context, success=lambda c: f"{c.name} was added."
    )


@agency_required
def client_edit(request: AgencyRequest, client_id: int) -> HttpResponse:
    client = _get_client(request, client_id)
    form = edit_form(ClientForm, request, client)

    def save() -> Client:
        return client_services.client_update(client=client, **_client_fields(form))

    return _form_page(request, form, save, context={"client": client}, success="Changes saved.")


@agency_required
def client_detail(request: AgencyRequest, client_id: int) -> HttpResponse:
    client = _get_client(request, client_id)
    return _render_detail(request, client, NoteForm())


def _render_detail(request: AgencyRequest, client: Client, note_form: NoteForm) -> HttpResponse:
    agency = request.agency
    return render(
        request,
        "crm/clients/detail.html",
        {
            "client": client,
            "note_form": note_form,
            "tasks": task_selectors.tasks_of(agency=agency, client_id=client.pk),
            "task_query": f"client={client.pk}",
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
            "travellers": client_selectors.traveller_list(agency=agency, client=client),
            "can_reveal": can_reveal_documents(user=request.user, client=client),
            "history": client_selectors.client_activity(agency=agency, client_id=client.pk)[:15],
            "contacts": client_selectors.client_contacts(agency=agency, company=client)[:50]
            if client.kind == "company"
            else [],
        },
    )


@require_POST
@agency_required
def client_note_add(request: AgencyRequest, client_id: int) -> HttpResponse:
    client = _get_client(request, client_id)
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


# Archive (or, at ``.../restore/``, restore): what an agent does instead of deleting money.
client_archive = archive_view(
    _get_client,
    client_archive_services.client_archive,
    client_archive_services.client_restore,
    _to_detail,
)


@agency_required
def client_delete(request: AgencyRequest, client_id: int) -> HttpResponse:
    """The confirmation page names everything a delete takes with it. A client with money
    attached is deleted only by an owner or admin who types the client's name; an agent is
    offered Archive instead (and a POST from one is refused with a 403)."""
    client = _get_client(request, client_id)
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
