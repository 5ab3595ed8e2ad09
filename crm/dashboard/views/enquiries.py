"""The Enquiries page (the website-form inbox): every enquiry with its status and assignee,
one enquiry's fields as fields, "Assign to me", its status, and converting it into an
itinerary; and "Assign to me" on a lead."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts.tenancy import AgencyRequest, active_members, agency_required, get_or_404
from core.filters import Filters
from core.views import list_page, run_action
from crm.clients import selectors as client_selectors
from crm.clients import services as client_services
from crm.enquiries import inbox
from crm.enquiries import selectors as enquiry_selectors
from crm.enquiries.filters import STATUS_CHOICES
from crm.enquiries.models import EnquiryStatus
from crm.models import Enquiry

FILTER_NAMES = ("q", "status", "assigned_to_id", "unassigned", "form_id", "matched", "sort")
LABELS = {
    "name": "Name",
    "email": "Email",
    "phone": "Phone",
    "destination": "Destination",
    "travellers": "Travellers",
    "budget": "Budget",
    "page_url": "Sent from",
}


@agency_required
def enquiry_list(request: AgencyRequest) -> HttpResponse:
    user = request.user

    def selector(*, agency: object, filters: Filters) -> object:
        return enquiry_selectors.enquiry_inbox(agency=request.agency, filters=filters, user=user)

    return list_page(
        request,
        "crm/enquiries/list.html",
        selector,  # type: ignore[arg-type]
        agency=request.agency,
        model=Enquiry,
        filter_names=FILTER_NAMES,
        mine="assigned_to_id",
        sorts=(("created_at", "Oldest first"), ("status", "Status"), ("name", "Name A to Z")),
        context={
            "statuses": STATUS_CHOICES,
            "members": active_members(agency=request.agency),
            "forms": enquiry_selectors.enquiry_form_list(agency=request.agency),
        },
    )


def _get(request: AgencyRequest, enquiry_id: int) -> Enquiry:
    return get_or_404(enquiry_selectors.enquiry_get, agency=request.agency, enquiry_id=enquiry_id)


def enquiry_fields(enquiry: Enquiry) -> list[tuple[str, object]]:
    """What the visitor sent, as (label, value) rows: the known fields, then every custom
    field of the form under its own name."""
    rows: list[tuple[str, object]] = [
        (label, getattr(enquiry, name)) for name, label in LABELS.items() if name != "page_url"
    ]
    dates = " to ".join(
        f"{day:%-d %b %Y}" for day in (enquiry.travel_start, enquiry.travel_end) if day
    )
    rows.insert(4, ("Dates", dates))
    for key, value in (enquiry.extra or {}).items():
        shown = ", ".join(str(v) for v in value) if isinstance(value, list) else value
        rows.append((key.replace("_", " ").capitalize(), shown))
    return [(label, value) for label, value in rows if value not in (None, "")]


@agency_required
def enquiry_detail(request: AgencyRequest, enquiry_id: int) -> HttpResponse:
    enquiry = _get(request, enquiry_id)
    return render(
        request,
        "crm/enquiries/detail.html",
        {
            "enquiry": enquiry,
            "fields": enquiry_fields(enquiry),
            "next_statuses": [
                (value, EnquiryStatus(value).label)
                for value in sorted(inbox.ENQUIRY_TRANSITIONS.allowed(enquiry.status))
                if value != EnquiryStatus.CONVERTED
            ],
            "can_convert": enquiry.client_id is not None
            and EnquiryStatus.CONVERTED in inbox.ENQUIRY_TRANSITIONS.allowed(enquiry.status),
            "history": enquiry_selectors.enquiry_history(
                agency=request.agency, enquiry_id=enquiry.pk
            )[:20],
        },
    )


def _to(enquiry: Enquiry) -> str:
    return reverse("enquiry_detail", args=[enquiry.pk])


@require_POST
@agency_required
def enquiry_assign_me(request: AgencyRequest, enquiry_id: int) -> HttpResponse:
    enquiry = _get(request, enquiry_id)
    return run_action(
        request,
        lambda: inbox.enquiry_assign(enquiry=enquiry, assignee=request.user, actor=request.user),
        success="The enquiry is yours.",
        redirect_to=_to(enquiry),
    )


@require_POST
@agency_required
def enquiry_status(request: AgencyRequest, enquiry_id: int) -> HttpResponse:
    enquiry = _get(request, enquiry_id)
    to = request.POST.get("status", "")
    return run_action(
        request,
        lambda: inbox.enquiry_transition(enquiry=enquiry, to=to, actor=request.user),
        success=lambda done: f"Marked {done.get_status_display().lower()}.",
        redirect_to=_to(enquiry),
    )


@require_POST
@agency_required
def enquiry_convert(request: AgencyRequest, enquiry_id: int) -> HttpResponse:
    enquiry = _get(request, enquiry_id)
    return run_action(
        request,
        lambda: inbox.enquiry_convert(enquiry=enquiry, actor=request.user),
        success=lambda itinerary: f"Itinerary “{itinerary.title}” started from the enquiry.",
        redirect_to=_to(enquiry),
        success_to=lambda itinerary: reverse("itinerary_detail", args=[itinerary.pk]),
    )


@require_POST
@agency_required
def client_assign_me(request: AgencyRequest, client_id: int) -> HttpResponse:
    """ "Assign to me" on a lead (any client): the signed-in member becomes its agent."""
    client = get_or_404(client_selectors.client_get, agency=request.agency, client_id=client_id)
    back = request.POST.get("next") == "list"
    return run_action(
        request,
        lambda: client_services.client_update(client=client, assigned_to=request.user.pk),
        success=f"{client.name} is now your client.",
        redirect_to=reverse("client_list") if back else reverse("client_detail", args=[client.pk]),
    )
