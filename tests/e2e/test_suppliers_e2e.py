"""The supplier pages and a booking's financials and Services card on a 390 px phone: they
work, and nothing makes the page scroll sideways."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from accounts.models import Role
from crm.bookings import booked_services
from crm.models import BookingService, Supplier
from tests.factories import (
    PASSWORD,
    AgencyFactory,
    BookingFactory,
    ClientFactory,
    SupplierFactory,
    UserFactory,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(chromium, live_server, plain_http):
    context = chromium.new_context(base_url=live_server.url, viewport=PHONE)
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


@pytest.fixture
def agent(db):
    agency = AgencyFactory(name="Alpha Tours", slug="alpha-tours", default_currency="EUR")
    return UserFactory(
        username="alice", email="alice@alpha.example", agency=agency, role=Role.OWNER
    )


def sign_in(page) -> None:
    page.goto("/accounts/login/")
    page.fill("#id_username", "alice")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/$"))


def assert_no_sideways_scroll(page, what: str) -> None:
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    if overflow > 0:
        culprits = page.evaluate(
            """() => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right
                    > document.documentElement.clientWidth)
                .slice(-5)
                .map(e => e.tagName + '.' + e.className + ' ' + e.textContent.slice(0, 40))"""
        )
        raise AssertionError(f"{what} is {overflow}px wider than a 390 px phone: {culprits}")


def test_the_supplier_pages_and_the_services_card_fit_a_phone(phone, agent):
    agency = agent.agency
    lodge = SupplierFactory(
        agency=agency,
        name="Pousada de Lisboa, Praça do Comércio — Small Luxury Hotels of the World",
        email="reservations.very.long.address@pousada-de-lisboa-small-luxury.example",
        payment_terms="Deposit 30% at booking, balance 45 days before arrival",
    )
    lodge.contacts.create(name="Benedita Albuquerque", role="Reservations", email="b@x.example")
    booking = BookingFactory(
        client=ClientFactory(agency=agency, name="Ada Lovelace"), total_price=Decimal("0")
    )
    service = booked_services.booking_service_add(
        booking=booking,
        description="Pousada de Lisboa, 3 nights in a river-view suite with breakfast",
        supplier=lodge,
        confirmation_number="PDL-2027-000123456",
        price="12345678.90",
        cost="9876543.21",
    )
    sign_in(phone)

    for url, what in (
        ("/suppliers/", "the supplier list"),
        (f"/suppliers/{lodge.pk}/", "a supplier's page"),
        ("/suppliers/new/", "the supplier form"),
        (f"/suppliers/{lodge.pk}/edit/", "the supplier edit form"),
        (f"/bookings/{booking.pk}/", "the booking page"),
        (f"/bookings/{booking.pk}/services/{service.pk}/edit/", "the service form"),
    ):
        phone.goto(url)
        assert_no_sideways_scroll(phone, what)

    phone.goto(f"/bookings/{booking.pk}/")
    assert "Sum of 1 service" in phone.locator("#financials").inner_text()
    phone.click("#add-service summary")
    assert_no_sideways_scroll(phone, "the booking page with the service form open")
    phone.fill("#svc-new-description", "Tram 28 tour")
    phone.fill("#svc-new-supplier", "Carris")
    phone.fill("#svc-new-price", "30")
    phone.click("#add-service button[type=submit]")
    phone.wait_for_url(re.compile(r".*/bookings/\d+/#services"))
    assert "Tram 28 tour" in phone.locator("#services").inner_text()
    assert BookingService.objects.filter(booking=booking).count() == 2
    assert Supplier.objects.for_agency(agency).filter(name="Carris").exists()


def test_a_supplier_is_added_from_a_phone(phone, agent):
    sign_in(phone)
    phone.goto("/suppliers/new/")
    phone.fill("#id_name", "Só Ilhas DMC")
    phone.select_option("#id_type", "dmc")
    phone.fill("#id_contacts-0-name", "Marta")
    phone.click("form.card button[type=submit]")
    phone.wait_for_url(re.compile(r".*/suppliers/\d+/$"))
    assert "Marta" in phone.content()
    assert_no_sideways_scroll(phone, "the new supplier's page")
