"""Reads of CRM data. Every function takes the agency and scopes through ``for_agency``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import django_filters
from django.core.exceptions import ValidationError
from django.db.models import Count, F, Max, Prefetch, QuerySet
from django.utils import timezone

from accounts.models import Agency
from crm.filters import BookingFilter, ClientFilter, ItineraryFilter, ProposalFilter
from crm.models import (
    Booking,
    Client,
    Enquiry,
    EnquiryForm,
    Itinerary,
    ItineraryDay,
    ItineraryItem,
    Proposal,
)

Filters = Mapping[str, Any] | None


def apply_filters(
    filterset_class: type[django_filters.FilterSet], queryset: QuerySet, filters: Filters
) -> QuerySet:
    """Run a FilterSet over ``queryset``; invalid filter values raise ``ValidationError``.

    A stable tiebreaker (``-id``) keeps pagination deterministic whatever the sort.
    """
    if filters:
        filterset = filterset_class(data=filters, queryset=queryset)
        if not filterset.is_valid():
            raise ValidationError({f: list(errors) for f, errors in filterset.errors.items()})
        qs = filterset.qs
    else:
        qs = queryset  # no filters: skip building a FilterSet and its form (milliseconds)
    ordering = list(qs.query.order_by) or list(qs.model._meta.ordering)
    if not any(field.lstrip("-") == "id" for field in ordering):
        qs = qs.order_by(*ordering, "-id")
    return qs


# Clients ---------------------------------------------------------------------------------


def client_list(*, agency: Agency, filters: Filters = None) -> QuerySet[Client]:
    return apply_filters(ClientFilter, Client.objects.for_agency(agency), filters)


def client_get(*, agency: Agency, client_id: int) -> Client:
    """Raises ``Client.DoesNotExist`` for a missing id and for another agency's client alike."""
    return Client.objects.for_agency(agency).select_related("assigned_to").get(pk=client_id)


# Itineraries -----------------------------------------------------------------------------


def _days_prefetch() -> Prefetch:
    return Prefetch(
        "days",
        queryset=ItineraryDay.objects.order_by("day_number").prefetch_related(
            Prefetch("items", queryset=ItineraryItem.objects.order_by("position", "id"))
        ),
    )


def itinerary_list(*, agency: Agency, filters: Filters = None) -> QuerySet[Itinerary]:
    return apply_filters(ItineraryFilter, Itinerary.objects.for_agency(agency), filters)


def itinerary_day_get(*, agency: Agency, itinerary_id: int, day_id: int) -> ItineraryDay:
    """A day of this agency's itinerary; ``DoesNotExist`` for another agency's or another
    itinerary's day alike."""
    return ItineraryDay.objects.select_related("itinerary").get(
        pk=day_id, itinerary_id=itinerary_id, itinerary__agency=agency
    )


def itinerary_item_get(*, agency: Agency, itinerary_id: int, item_id: int) -> ItineraryItem:
    return ItineraryItem.objects.select_related("day", "day__itinerary").get(
        pk=item_id, day__itinerary_id=itinerary_id, day__itinerary__agency=agency
    )


def itinerary_get(*, agency: Agency, itinerary_id: int) -> Itinerary:
    """The itinerary with its days in order, each with its items in order (3 queries)."""
    return (
        Itinerary.objects.for_agency(agency)
        .select_related("client")
        .prefetch_related(_days_prefetch())
        .get(pk=itinerary_id)
    )


# Proposals and bookings ------------------------------------------------------------------


def proposal_list(*, agency: Agency, filters: Filters = None) -> QuerySet[Proposal]:
    return apply_filters(ProposalFilter, Proposal.objects.for_agency(agency), filters)


def proposal_get(*, agency: Agency, proposal_id: int) -> Proposal:
    return (
        Proposal.objects.for_agency(agency)
        .select_related("client", "itinerary")
        .get(pk=proposal_id)
    )


def proposal_get_by_share_token(*, token: str) -> Proposal:
    """The public, read-only link: the token alone identifies the proposal (and its agency)."""
    if not token:
        raise Proposal.DoesNotExist
    return (
        Proposal.objects.select_related("client", "itinerary", "agency")
        .prefetch_related(Prefetch("itinerary__days", queryset=_days_prefetch().queryset))
        .get(share_token=token)
    )


def booking_list(*, agency: Agency, filters: Filters = None) -> QuerySet[Booking]:
    return apply_filters(BookingFilter, Booking.objects.for_agency(agency), filters)


def booking_get(*, agency: Agency, booking_id: int) -> Booking:
    return (
        Booking.objects.for_agency(agency)
        .select_related("client", "proposal", "itinerary")
        .prefetch_related("payments")
        .get(pk=booking_id)
    )


# Enquiries -------------------------------------------------------------------------------


def enquiry_form_list(*, agency: Agency) -> QuerySet[EnquiryForm]:
    return EnquiryForm.objects.for_agency(agency).prefetch_related("notify_users")


def enquiry_list(*, agency: Agency) -> QuerySet[Enquiry]:
    return Enquiry.objects.for_agency(agency).select_related("client", "form")


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


# Summaries -------------------------------------------------------------------------------


def agency_counts(*, agency: Agency | None) -> dict[str, int]:
    return {
        "clients": Client.objects.for_agency(agency).count(),
        "itineraries": Itinerary.objects.for_agency(agency).count(),
        "proposals": Proposal.objects.for_agency(agency).count(),
        "bookings": Booking.objects.for_agency(agency).count(),
    }


def bookings_with_balance_due(*, agency: Agency) -> QuerySet[Booking]:
    return (
        Booking.objects.for_agency(agency)
        .exclude(status="cancelled")
        .filter(total_price__gt=F("amount_paid"))
        .select_related("client")
        .order_by("start_date", "id")
    )


def upcoming_departures(*, agency: Agency, days: int = 30) -> QuerySet[Booking]:
    today = timezone.localdate()
    return (
        Booking.objects.for_agency(agency)
        .filter(status__in=["pending", "confirmed"], start_date__gte=today)
        .filter(start_date__lte=today + dt.timedelta(days=days))
        .select_related("client")
        .order_by("start_date", "id")
    )


def client_new_leads(*, agency: Agency) -> QuerySet[Client]:
    """Clients still at ``lead``, newest first (web-form leads included)."""
    return (
        Client.objects.for_agency(agency)
        .filter(status="lead")
        .select_related("assigned_to")
        .order_by("-created_at", "-id")
    )


def proposals_awaiting_answer(*, agency: Agency) -> QuerySet[Proposal]:
    """Sent or viewed proposals the client has not answered yet, oldest sent first."""
    return (
        Proposal.objects.for_agency(agency)
        .filter(status__in=["sent", "viewed"])
        .select_related("client")
        .order_by(F("sent_at").asc(nulls_last=True), "id")
    )


def client_enquiries(*, agency: Agency, client: Client) -> QuerySet[Enquiry]:
    return Enquiry.objects.for_agency(agency).filter(client=client).select_related("form")
