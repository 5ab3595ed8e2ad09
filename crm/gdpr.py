"""GDPR for one client: everything the agency holds about them (JSON and a readable page), and
erasure: personal data removed or anonymised, while bookings and payments (and so the
agency's figures) stay.

Above the domains (beside crm.exports): it reads every domain's rows of the client. Erasure
writes with ``QuerySet.update`` on purpose: a save would record the old values in the
history's field diff, which is what erasure must remove.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils import timezone

from accounts.events import record_event
from accounts.models import Activity, User
from crm.bookings.models import Booking, BookingService, Payment
from crm.clients.models import DOCUMENT_FIELDS, Client, Traveller
from crm.enquiries.models import Enquiry
from crm.notifications.models import Notification
from crm.proposals.models import Proposal
from crm.tasks.models import Task
from crm.trips.models import Itinerary, ItineraryDay, ItineraryItem

# Fields never exported: secrets and plumbing.
NOT_EXPORTED = {"share_token", "fingerprint", "agency"}
ERASED_NAME = "Erased client #{pk}"


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return value


def _row(instance: models.Model) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for field in instance._meta.concrete_fields:
        if field.name in NOT_EXPORTED:
            continue
        data[field.attname] = _plain(getattr(instance, field.attname))
    return data


def client_gdpr_export(*, client: Client) -> dict[str, Any]:
    """Everything about ``client``: its row, trips with days and items, proposals, bookings
    with services and payments, enquiries, tasks and its history."""
    agency = client.agency_id
    itineraries = []
    for itinerary in Itinerary.objects.for_agency(agency).filter(client=client).order_by("id"):
        days = []
        for day in ItineraryDay.objects.filter(itinerary=itinerary).order_by("day_number"):
            items = ItineraryItem.objects.filter(day=day).order_by("position", "id")
            days.append({**_row(day), "items": [_row(item) for item in items]})
        itineraries.append({**_row(itinerary), "days": days})
    bookings = []
    for booking in Booking.objects.for_agency(agency).filter(client=client).order_by("id"):
        services = BookingService.objects.for_agency(agency).filter(booking=booking)
        payments = Payment.objects.for_agency(agency).filter(booking=booking)
        bookings.append(
            {
                **_row(booking),
                "services": [_row(s) for s in services.order_by("position", "id")],
                "payments": [_row(p) for p in payments.order_by("paid_on", "id")],
            }
        )
    history = Activity.objects.for_agency(agency).filter(client_id=client.pk)
    travellers = []
    for traveller in Traveller.objects.for_agency(agency).filter(client=client).order_by("id"):
        # Document numbers stay masked here too: the full numbers are an audited reveal.
        masked = {name: traveller.masked(name) for name in DOCUMENT_FIELDS}
        travellers.append({**_row(traveller), **masked})
    return {
        "exported_at": timezone.now().isoformat(),
        "client": _row(client),
        "travellers": travellers,
        "itineraries": itineraries,
        "proposals": [
            _row(p)
            for p in Proposal.objects.for_agency(agency).filter(client=client).order_by("id")
        ],
        "bookings": bookings,
        "enquiries": [
            _row(e) for e in Enquiry.objects.for_agency(agency).filter(client=client).order_by("id")
        ],
        "tasks": [
            _row(t) for t in Task.objects.for_agency(agency).filter(client=client).order_by("id")
        ],
        "history": [
            {
                "event": row.event,
                "at": row.created_at.isoformat(),
                "by": row.actor_name,
                "channel": row.channel,
                "object": f"{row.object_type} {row.object_repr}".strip(),
                "changes": row.changes,
                "data": row.data,
            }
            for row in history.order_by("created_at", "id")
        ],
    }


@transaction.atomic
def client_erase(*, client: Client, actor: User | None) -> Client:
    """Remove the client's personal data everywhere it is kept; bookings, payments and their
    totals stay (anonymous). Owners and admins only; recorded as ``client.erased`` without
    any of the erased data."""
    if actor is not None and not actor.is_agency_admin:
        raise PermissionDenied("Only the agency's owner or an admin can erase a client.")
    agency = client.agency_id
    name = ERASED_NAME.format(pk=client.pk)
    Client.objects.for_agency(agency).filter(pk=client.pk).update(
        name=name,
        email="",
        phone="",
        phone_e164="",
        company="",
        city="",
        country="",
        nationality="",
        notes="",
        tags=[],
        source_details={},
        company_client=None,
        updated_at=timezone.now(),
    )
    Enquiry.objects.for_agency(agency).filter(client=client).update(
        name="", email="", phone="", message="", budget="", extra={}, raw={}, page_url=""
    )
    Traveller.objects.for_agency(agency).filter(client=client).update(
        first_name="Erased",
        middle_name="",
        last_name="traveller",
        date_of_birth=None,
        gender="",
        nationality="",
        passport_number="",
        passport_country="",
        passport_issued_on=None,
        passport_expires_on=None,
        known_traveller_number="",
        redress_number="",
        frequent_flyer=[],
        hotel_loyalty=[],
        dietary_needs="",
        mobility_needs="",
        seat_preference="",
        room_preference="",
        emergency_contact_name="",
        emergency_contact_phone="",
        emergency_contact_relation="",
    )
    for model in (Itinerary, Booking, Task):
        model.objects.for_agency(agency).filter(client=client).update(notes="")
    Payment.objects.for_agency(agency).filter(booking__client=client).update(notes="")
    Proposal.objects.for_agency(agency).filter(client=client).update(message="")
    history = Activity.objects.for_agency(agency).filter(client_id=client.pk)
    history.update(changes={}, data={})
    history.filter(object_type="client").update(object_repr=name)
    history.filter(object_type="traveller").update(object_repr="Erased traveller")
    Notification.objects.for_agency(agency).filter(client_id=client.pk).update(
        text=f"{name} (erased)"
    )
    client.refresh_from_db()
    record_event(
        "client.erased",
        agency_id=agency,
        subject=client,
        client_id=client.pk,
        actor=actor,
        data={"erased_at": timezone.now().isoformat()},
    )
    return client
