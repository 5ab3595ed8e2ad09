"""Booking an accepted proposal copies the itinerary's bookable items into services."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from crm.bookings.financials import booking_financials
from crm.bookings.services import booking_create_from_proposal
from tests.factories import (
    ClientFactory,
    ItineraryDayFactory,
    ItineraryFactory,
    ItineraryItemFactory,
    ProposalFactory,
    SupplierFactory,
)

pytestmark = pytest.mark.django_db


def test_the_plans_items_become_services_and_the_price_a_package_line(agency):
    client = ClientFactory(agency=agency)
    trip = ItineraryFactory(client=client)
    tap = SupplierFactory(agency=agency, name="TAP")
    day1 = ItineraryDayFactory(itinerary=trip, day_number=1, date=dt.date(2027, 3, 1))
    day2 = ItineraryDayFactory(itinerary=trip, day_number=2, date=dt.date(2027, 3, 2))
    ItineraryItemFactory(
        day=day1,
        kind="flight",
        title="TP 1234 LIS-PDL",
        supplier=tap,
        start_time=dt.time(8, 40),
        reference="ABC123",
    )
    ItineraryItemFactory(day=day1, kind="accommodation", title="Azor Hotel", location="Ponta")
    ItineraryItemFactory(day=day1, kind="meal", title="Dinner")
    ItineraryItemFactory(day=day2, kind="note", title="Bring a jacket")
    ItineraryItemFactory(day=day2, kind="activity", title="Whale watching")
    ItineraryItemFactory(day=day2, kind="transfer", title="To the airport")
    proposal = ProposalFactory(
        client=client, itinerary=trip, status="accepted", total_price=Decimal("3200.00")
    )

    booking = booking_create_from_proposal(proposal=proposal)

    services = list(booking.services.order_by("position"))
    assert [(s.kind, s.description) for s in services] == [
        ("flight", "TP 1234 LIS-PDL"),
        ("hotel", "Azor Hotel"),
        ("activity", "Whale watching"),
        ("transfer", "To the airport"),
        ("other", f"Package price (proposal {proposal.title})"),
    ]
    flight = services[0]
    assert (flight.supplier, flight.start_date, flight.start_time, flight.confirmation_number) == (
        tap,
        dt.date(2027, 3, 1),
        dt.time(8, 40),
        "ABC123",
    )
    assert services[1].notes == "Ponta"
    figures = booking_financials(booking)
    assert (figures.priced_by, figures.total_price) == ("services", Decimal("3200.00"))
    booking.refresh_from_db()
    assert booking.total_price == Decimal("3200.00")


def test_a_proposal_without_an_itinerary_keeps_its_price_and_no_services(agency):
    proposal = ProposalFactory(
        client=ClientFactory(agency=agency), status="accepted", total_price=Decimal("99.00")
    )
    booking = booking_create_from_proposal(proposal=proposal)
    assert booking.services.count() == 0
    assert booking_financials(booking).total_price == Decimal("99.00")
