"""The booking's money in a real browser on a 390 px phone: apply a schedule template, record a
payment, see the overdue instalment, void a payment with a reason; nothing overflows sideways."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from accounts.models import Role
from crm.bookings import payments, schedules
from crm.models import Booking
from tests.factories import PASSWORD, AgencyFactory, BookingFactory, ClientFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def owner(db):
    agency = AgencyFactory(name="Alpha Tours", slug="alpha-tours", default_currency="GBP")
    return UserFactory(
        username="alice", email="alice@alpha.example", agency=agency, role=Role.OWNER
    )


@pytest.fixture
def phone(chromium, live_server, plain_http):
    context = chromium.new_context(base_url=live_server.url, viewport=PHONE)
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


def no_sideways_scroll(page) -> None:
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    wide = page.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
            .slice(0, 8).map(e => e.tagName + '.' + e.className + '#' + (e.name || e.id)
                + ' ' + Math.round(e.getBoundingClientRect().right))"""
    )
    assert overflow <= 0, f"{page.url} scrolls {overflow}px sideways at 390 px: {wide}"


def test_the_booking_money_cards_work_on_a_phone(phone, owner):
    client = ClientFactory(agency=owner.agency, name="Aisha Rahman")
    booking = BookingFactory(
        client=client,
        currency="GBP",
        total_price=Decimal("6265.00"),
        start_date=dt.date.today() + dt.timedelta(days=120),
        end_date=dt.date.today() + dt.timedelta(days=130),
        reference="HZ-PHONE1",
    )
    phone.goto("/accounts/login/")
    phone.fill("#id_username", "alice")
    phone.fill("#id_password", PASSWORD)
    phone.click("button[type=submit]")
    phone.wait_for_url(re.compile(r".*/$"))

    phone.goto(f"/bookings/{booking.pk}/")
    no_sideways_scroll(phone)
    phone.select_option("#schedule select[name=template]", "deposit_balance")
    phone.click("#schedule button[type=submit]:has-text('Apply')")
    phone.wait_for_url(re.compile(r".*#schedule$"))
    assert phone.locator("#schedule .instalment").count() == 2
    no_sideways_scroll(phone)

    phone.fill("#record-payment input[name=amount]", "7000")
    phone.click("#record-payment button[type=submit]")
    assert "balance due (6,265.00 GBP)" in phone.locator("#record-payment").inner_text()
    phone.fill("#record-payment input[name=amount]", "1879.50")
    phone.click("#record-payment button[type=submit]")
    phone.wait_for_url(re.compile(rf".*/bookings/{booking.pk}/$"))
    assert "Paid" in phone.locator("#schedule .instalment--paid").inner_text()
    no_sideways_scroll(phone)

    phone.click("#payments a:has-text('Void')")
    no_sideways_scroll(phone)
    phone.fill("input[name=reason]", "entered twice")
    phone.click("button[type=submit]:has-text('Void')")
    phone.wait_for_url(re.compile(rf".*/bookings/{booking.pk}/$"))
    assert phone.locator("#payments .payment--voided").count() == 1
    assert Booking.objects.get(pk=booking.pk).amount_paid == Decimal("0.00")

    # An overdue instalment, highlighted; the instalments page fits the phone too.
    past = dt.date.today() - dt.timedelta(days=3)
    schedules.schedule_set(
        booking=booking, instalments=[{"label": "Deposit", "due_date": past, "amount": "6265"}]
    )
    payments.payment_record(booking=booking, amount=Decimal("100"))
    phone.goto(f"/bookings/{booking.pk}/")
    assert "Overdue" in phone.locator("#schedule .instalment--overdue").inner_text()
    no_sideways_scroll(phone)
    phone.goto(f"/bookings/{booking.pk}/schedule/")
    no_sideways_scroll(phone)
