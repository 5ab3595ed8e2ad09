"""Build the demo agency once, through the services, from the tables in ``crm.demo.data`` and
``crm.demo.trips``.

The demo is created only when its agency does not exist yet: a rerun creates nothing, so a demo
record someone deleted stays deleted. The leads that say they came from the website form did:
each is an enquiry of the demo form, dated a few days back, with the client it created.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from accounts.events import audit_context
from accounts.models import ActivityChannel, Agency, Role, User
from accounts.services import user_create
from crm.bookings import booked_services, schedules
from crm.bookings import services as booking_services
from crm.bookings.commission import commission_receipt_record
from crm.bookings.models import BookingService
from crm.clients import services as client_services
from crm.clients.models import Client, ClientSource
from crm.demo.data import (
    CLIENTS,
    DEMO_AGENCY,
    DEMO_FORM_NAME,
    DEMO_FORM_ORIGINS,
    DEMO_PASSWORD,
    DEMO_SLUG,
    DEMO_USERNAME,
    LEAD_ENQUIRIES,
)
from crm.demo.suppliers import BOOKING_SERVICES, LIBRARY_ITEMS, SUPPLIERS
from crm.demo.trips import BOOKINGS, ITINERARIES, PROPOSALS, SCHEDULES
from crm.enquiries import services as enquiry_services
from crm.enquiries import website_forms
from crm.enquiries.models import Enquiry, EnquiryForm
from crm.proposals import services as proposal_services
from crm.proposals.models import Proposal
from crm.suppliers import services as supplier_services
from crm.trips import library as trip_library
from crm.trips import services as trip_services
from crm.trips import templates as trip_templates
from crm.trips.models import Itinerary


def demo_exists() -> bool:
    return Agency.objects.filter(slug=DEMO_SLUG).exists()


@transaction.atomic
def demo_build(*, today: dt.date | None = None) -> dict[str, int]:
    """Create the demo agency with everything in it; answers how many of each were created."""
    today = today or timezone.localdate()
    agency = Agency.objects.create(
        slug=DEMO_SLUG, name=DEMO_AGENCY, default_currency="EUR", timezone="Europe/London"
    )
    owner = _user(agency, DEMO_USERNAME, "demo@itinera.local", "Dana Demo", Role.OWNER)
    agent = _user(agency, "maria", "maria@itinera.local", "Maria Santos", Role.AGENT)
    # The demo's history reads as the owner's work in the dashboard, not the system's
    # (website leads still arrive through the form, on its own channel).
    with audit_context(channel=ActivityChannel.DASHBOARD, actor=owner):
        form = website_forms.enquiry_form_create(
            agency=agency, name=DEMO_FORM_NAME, allowed_origins=DEMO_FORM_ORIGINS
        )
        clients = _clients(agency=agency, form=form, owner=owner, agent=agent)
        demo = _Demo(agency=agency, owner=owner, today=today, clients=clients)
        suppliers = _suppliers(demo)
        library_items = _library(demo)
        itineraries = _itineraries(demo)
        templates = _templates(demo, itineraries=itineraries)
        proposals = _proposals(demo, itineraries=itineraries)
        bookings = _bookings(demo, proposals=proposals)
    return {
        "clients": len(clients),
        "enquiries": len(LEAD_ENQUIRIES),
        "itineraries": len(itineraries),
        "proposals": len(proposals),
        "bookings": bookings,
        "suppliers": suppliers,
        "itinerary templates": templates,
        "library items": library_items,
    }


@dataclass(frozen=True)
class _Demo:
    """What every table after the clients is built with."""

    agency: Agency
    owner: User
    today: dt.date
    clients: dict[str, Client]


def _user(agency: Agency, username: str, email: str, name: str, role: str) -> User:
    return user_create(
        agency=agency, username=username, email=email, password=DEMO_PASSWORD, name=name, role=role
    )


def _clients(*, agency: Agency, form: EnquiryForm, owner: User, agent: User) -> dict[str, Client]:
    clients: dict[str, Client] = {}
    for index, (name, email, phone, city, country, nat, status, tags) in enumerate(CLIENTS):
        profile: dict[str, Any] = {
            "city": city,
            "country": country,
            "nationality": nat,
            "tags": tags,
            "assigned_to": agent if index % 3 == 0 else owner,
        }
        if email in LEAD_ENQUIRIES:
            client = _lead_from_the_website(form=form, name=name, email=email, phone=phone)
            client_services.client_update(client=client, **profile)
        else:
            client = client_services.client_create(
                agency=agency,
                created_by=owner,
                source=ClientSource.DASHBOARD,
                name=name,
                email=email,
                phone=phone,
                status=status,
                notes="Prefers morning flights." if index % 4 == 0 else "",
                **profile,
            )
        clients[email] = client
    return clients


def _lead_from_the_website(*, form: EnquiryForm, name: str, email: str, phone: str) -> Client:
    days_ago, destination, travellers, budget, message = LEAD_ENQUIRIES[email]
    result = enquiry_services.enquiry_submit(
        form=form,
        data={
            "name": name,
            "email": email,
            "phone": phone,
            "destination": destination,
            "travellers": travellers,
            "budget": budget,
            "message": message,
            "page_url": f"{DEMO_FORM_ORIGINS[0]}/contact",
        },
        visitor=f"demo:{email}",
    )
    enquiry = result.enquiry
    assert enquiry.client_id is not None  # a website lead always becomes a client
    # A demo whose leads all arrived this second would not look like an agency's week: date
    # the enquiry and its lead back (timestamps only; everything else went through services).
    sent_at = timezone.now() - dt.timedelta(days=days_ago, hours=3 * days_ago % 9)
    Enquiry.objects.filter(pk=enquiry.pk).update(created_at=sent_at)
    Client.objects.filter(pk=enquiry.client_id).update(created_at=sent_at)
    return Client.objects.get(pk=enquiry.client_id)


def _suppliers(demo: _Demo) -> int:
    for name, kind, email, phone, website, currency, rate, terms, contacts in SUPPLIERS:
        supplier_services.supplier_create(
            agency=demo.agency,
            created_by=demo.owner,
            name=name,
            type=kind,
            email=email,
            phone=phone,
            website=website,
            currency=currency,
            default_commission_rate=Decimal(rate),
            payment_terms=terms,
            contacts=[
                {"name": n, "role": role, "email": mail, "phone": tel}
                for n, role, mail, tel in contacts
            ],
        )
    return len(SUPPLIERS)


def _library(demo: _Demo) -> int:
    for kind, title, location, supplier, start, notes in LIBRARY_ITEMS:
        trip_library.library_item_create(
            agency=demo.agency,
            created_by=demo.owner,
            kind=kind,
            title=title,
            location=location,
            supplier_name=supplier or None,
            start_time=dt.time.fromisoformat(start) if start else None,
            notes=notes,
        )
    return len(LIBRARY_ITEMS)


def _itineraries(demo: _Demo) -> dict[str, Itinerary]:
    itineraries: dict[str, Itinerary] = {}
    for email, title, status, offset, days in ITINERARIES:
        start = demo.today + dt.timedelta(days=offset)
        itineraries[title] = trip_services.itinerary_create(
            agency=demo.agency,
            created_by=demo.owner,
            client=demo.clients[email],
            title=title,
            status=status,
            start_date=start,
            end_date=start + dt.timedelta(days=len(days) - 1),
            travellers=2 if "honeymoon" in title.lower() else 4,
            days=[
                {
                    "title": day_title,
                    "location": location,
                    "date": start + dt.timedelta(days=n),
                    "items": [
                        {
                            "kind": kind,
                            "title": item_title,
                            "start_time": start_time,
                            "end_time": end_time,
                            "supplier": supplier,
                        }
                        for kind, item_title, start_time, end_time, supplier in items
                    ],
                }
                for n, (day_title, location, items) in enumerate(days)
            ],
        )
    return itineraries


# Plans the demo agency sells again: saved from its itineraries (Itinerary templates page).
DEMO_TEMPLATES = (
    (
        "Costa Rica family adventure",
        "Costa Rica for families",
        "Rainforest, volcano and beach for families with children from 6.",
    ),
)


def _templates(demo: _Demo, *, itineraries: dict[str, Itinerary]) -> int:
    for title, name, description in DEMO_TEMPLATES:
        trip_templates.template_from_itinerary(
            itinerary=itineraries[title], name=name, description=description, actor=demo.owner
        )
    return len(DEMO_TEMPLATES)


def _proposals(demo: _Demo, *, itineraries: dict[str, Itinerary]) -> dict[str, Proposal]:
    proposals: dict[str, Proposal] = {}
    for email, itinerary_title, title, status, currency, total in PROPOSALS:
        proposals[title] = proposal_services.proposal_create(
            agency=demo.agency,
            created_by=demo.owner,
            client=demo.clients[email],
            itinerary=itineraries[itinerary_title] if itinerary_title else None,
            title=title,
            status=status,
            currency=currency,
            total_price=Decimal(total),
            valid_until=demo.today + dt.timedelta(days=21),
        )
    return proposals


def _commission_received(demo: _Demo, services: list[BookingService]) -> None:
    """A paid booking's first supplier has paid half of its commission (the commission page
    and the reports show received and outstanding side by side)."""
    owed = [s for s in services if s.commission_outstanding > 0 and s.booking.status != "cancelled"]
    if owed:
        half = (owed[0].commission_outstanding / 2).quantize(Decimal("0.01"))
        commission_receipt_record(
            service=owed[0],
            amount=half,
            received_on=demo.today - dt.timedelta(days=3),
            reference=f"REM-{owed[0].booking.reference}",
            recorded_by=demo.owner,
        )


def _bookings(demo: _Demo, *, proposals: dict[str, Proposal]) -> int:
    for ref, email, proposal_title, status, currency, total, paid, offset in BOOKINGS:
        proposal = proposals.get(proposal_title) if proposal_title else None
        start = demo.today + dt.timedelta(days=offset)
        booking = booking_services.booking_create(
            agency=demo.agency,
            created_by=demo.owner,
            client=demo.clients[email],
            proposal=proposal,
            itinerary=proposal.itinerary if proposal else None,
            reference=ref,
            status=status,
            currency=currency,
            total_price=Decimal(total),
            start_date=start,
            end_date=start + dt.timedelta(days=7),
        )
        added = []
        for kind, description, supplier, service_status, price, cost in BOOKING_SERVICES.get(
            ref, []
        ):
            service = booked_services.booking_service_add(
                booking=booking,
                created_by=demo.owner,
                kind=kind,
                description=description,
                supplier_name=supplier,
                status=service_status,
                start_date=start,
                end_date=start + dt.timedelta(days=7),
                price=Decimal(price),
                cost=Decimal(cost),
            )
            added.append(service)
        if Decimal(paid) > 0:
            _commission_received(demo, added)
            booking_services.payment_record(
                booking=booking,
                amount=Decimal(paid),
                paid_on=demo.today - dt.timedelta(days=5),
                method="bank_transfer",
                recorded_by=demo.owner,
            )
        if ref in SCHEDULES:
            schedules.schedule_set(
                booking=booking,
                instalments=[
                    {
                        "label": label,
                        "due_date": demo.today + dt.timedelta(days=days),
                        "amount": Decimal(amount),
                    }
                    for label, days, amount in SCHEDULES[ref]
                ],
            )
    return len(BOOKINGS)
