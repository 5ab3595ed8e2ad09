"""Query budgets of the dashboard's pages (issue #20): each page runs at most its budget of SQL
queries, and the same number however many rows the agency has (no query inside a loop, no
count of every row per row shown). The budgets include the signed-in session's own reads (the
session, the user with the agency, the unread notifications in the menu).

Speed is measured in bench/, never here: these are counts, which a slow machine cannot change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from crm.trips.library import library_item_create
from crm.trips.templates import template_from_itinerary
from tests.factories import (
    BookingFactory,
    BookingServiceFactory,
    ClientFactory,
    EnquiryFactory,
    EnquiryFormFactory,
    ItineraryDayFactory,
    ItineraryFactory,
    ItineraryItemFactory,
    PaymentFactory,
    ProposalFactory,
    SupplierFactory,
    TaskFactory,
)

pytestmark = pytest.mark.django_db


def _rows(agency, user, n: int, batch: str) -> dict[str, int]:
    """``n`` of every record the pages list, each with parts of its own (days and items,
    services and payments, contacts); every other one belongs to the batch's first client,
    whose page then lists more of them the more there are."""
    form = EnquiryFormFactory(agency=agency)
    ids: dict[str, int] = {}
    first = None
    for i in range(n):
        own = ClientFactory(agency=agency, name=f"Client {batch}{i}", tags=["vip"])
        first = first or own
        client = first if i % 2 == 0 else own
        supplier = SupplierFactory(agency=agency, name=f"Supplier {batch}{i}")
        supplier.contacts.create(name=f"Desk {i}", email=f"desk{i}@example.com")
        trip = ItineraryFactory(
            client=client, agency=agency, title=f"Trip {i}", start_date=dt.date(2027, 5, 1)
        )
        for number in (1, 2):
            day = ItineraryDayFactory(itinerary=trip, day_number=number)
            ItineraryItemFactory(day=day, supplier=supplier)
            ItineraryItemFactory(day=day)
        ProposalFactory(client=client, agency=agency, itinerary=trip)
        booking = BookingFactory(
            client=client, agency=agency, supplier=supplier, total_price=Decimal("1000.00")
        )
        BookingServiceFactory(booking=booking, agency=agency, supplier=supplier)
        PaymentFactory(booking=booking, agency=agency, amount=Decimal("100.00"))
        EnquiryFactory(agency=agency, form=form, client=client)
        TaskFactory(agency=agency, client=client, assignee=user, created_by=user)
        template_from_itinerary(itinerary=trip, name=f"Template {i}", actor=user)
        library_item_create(
            agency=agency,
            created_by=user,
            title=f"Hotel {batch}{i}",
            kind="accommodation",
            supplier=supplier,
        )
        ids = {"client": first.pk, "itinerary": trip.pk, "booking": booking.pk}
    return ids


PAGES: dict[str, tuple[int, Callable[[dict[str, int]], str]]] = {
    # page: (budget, its path)
    "home": (21, lambda ids: "/"),
    "clients": (8, lambda ids: "/clients/"),
    "clients, searched": (8, lambda ids: "/clients/?q=Client"),
    "client": (18, lambda ids: f"/clients/{ids['client']}/"),
    "itineraries": (8, lambda ids: "/itineraries/"),
    "itinerary builder": (15, lambda ids: f"/itineraries/{ids['itinerary']}/"),
    "proposals": (8, lambda ids: "/proposals/"),
    "bookings": (8, lambda ids: "/bookings/"),
    "booking": (15, lambda ids: f"/bookings/{ids['booking']}/"),
    "suppliers": (8, lambda ids: "/suppliers/"),
    "enquiries": (10, lambda ids: "/enquiries/"),
    "tasks": (8, lambda ids: "/tasks/"),
    "itinerary templates": (7, lambda ids: "/itinerary-templates/"),
    "library": (8, lambda ids: "/library/"),
}


def _queries(client, path: str) -> list[str]:
    client.get(path)  # once first: what a page caches per process (forms, choices) is made
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return [query["sql"] for query in queries.captured_queries]


@pytest.mark.parametrize("page", PAGES)
def test_each_page_keeps_its_budget_whatever_the_number_of_rows(as_alice, alice, agency, page):
    budget, path_of = PAGES[page]
    few = _queries(as_alice, path_of(_rows(agency, alice, 2, "a")))
    many = _queries(as_alice, path_of(_rows(agency, alice, 5, "b")))
    assert len(few) <= budget, f"{page}: {len(few)} queries, budget {budget}:\n" + "\n".join(few)
    assert len(many) == len(few), (
        f"{page}: {len(few)} queries with 2 of each record, {len(many)} with 7:\n" + "\n".join(many)
    )
