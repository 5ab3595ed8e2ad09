"""Reads of website forms and enquiries, scoped to the agency (or to a public key)."""

from __future__ import annotations

from django.db.models import Count, Max, QuerySet

from accounts.models import Activity, Agency, User
from core.filters import Filters, apply_filters
from crm.clients.models import Client
from crm.enquiries.filters import EnquiryFilter, resolve_mine
from crm.enquiries.models import Enquiry, EnquiryForm


def enquiry_form_list(*, agency: Agency) -> QuerySet[EnquiryForm]:
    return EnquiryForm.objects.for_agency(agency).prefetch_related("notify_users")


def enquiry_list(*, agency: Agency) -> QuerySet[Enquiry]:
    return Enquiry.objects.for_agency(agency).select_related("client", "form")


def enquiry_inbox(
    *, agency: Agency, filters: Filters = None, user: User | None = None
) -> QuerySet[Enquiry]:
    """The inbox: every website enquiry (new leads and known clients), newest first, with its
    client, form and assignee in the same query; ``mine=true`` means ``user``'s."""
    cleaned = resolve_mine(filters, user_id=user.pk if user else None)
    rows = Enquiry.objects.for_agency(agency).select_related("client", "form", "assigned_to")
    return apply_filters(EnquiryFilter, rows, cleaned or None)


def enquiry_get(*, agency: Agency, enquiry_id: int) -> Enquiry:
    """Raises ``Enquiry.DoesNotExist`` for a missing id and another agency's enquiry alike."""
    return (
        Enquiry.objects.for_agency(agency)
        .select_related("client", "form", "assigned_to", "itinerary")
        .get(pk=enquiry_id)
    )


def enquiry_history(*, agency: Agency, enquiry_id: int) -> QuerySet[Activity]:
    """An enquiry's own events (received, assigned, status changes, conversion), newest first."""
    return (
        Activity.objects.for_agency(agency)
        .filter(object_type="enquiry", object_id=enquiry_id)
        .select_related("actor")
        .order_by("-created_at", "-id")
    )


def enquiry_form_get(*, agency: Agency, form_id: int) -> EnquiryForm:
    """Raises ``EnquiryForm.DoesNotExist`` for a missing id and another agency's form alike."""
    return EnquiryForm.objects.for_agency(agency).prefetch_related("notify_users").get(pk=form_id)


def enquiry_form_get_public(*, public_key: str) -> EnquiryForm:
    """The public endpoint's lookup: the key alone identifies an *active* form (and its agency).

    A disabled form raises ``EnquiryForm.DoesNotExist`` exactly like an unknown key.
    """
    if not public_key:
        raise EnquiryForm.DoesNotExist
    return EnquiryForm.objects.select_related("agency").get(public_key=public_key, is_active=True)


def enquiry_list_for_form(*, agency: Agency, form: EnquiryForm) -> QuerySet[Enquiry]:
    return enquiry_list(agency=agency).filter(form=form)


def enquiry_form_summaries(*, agency: Agency) -> QuerySet[EnquiryForm]:
    """The agency's forms, each with ``enquiry_count`` and ``last_enquiry_at`` (one query)."""
    return (
        EnquiryForm.objects.for_agency(agency)
        .annotate(enquiry_count=Count("enquiries"), last_enquiry_at=Max("enquiries__created_at"))
        .order_by("name", "id")
    )


def client_enquiries(*, agency: Agency, client: Client) -> QuerySet[Enquiry]:
    return Enquiry.objects.for_agency(agency).filter(client=client).select_related("form")


def enquiry_form_activity(*, agency: Agency, form_id: int) -> QuerySet[Activity]:
    """A website form's history (its creation, changes, switches), newest first."""
    return (
        Activity.objects.for_agency(agency)
        .filter(object_type="enquiry_form", object_id=form_id)
        .select_related("actor")
        .order_by("-created_at", "-id")
    )
