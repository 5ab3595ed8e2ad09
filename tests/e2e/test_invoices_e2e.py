"""Invoices in a real browser on a 390 px phone: issue one from the booking page, open it, see
"being prepared" before its PDF is ready, download it once it is, email it to the client, void
it (owner); axe finds nothing and nothing scrolls sideways."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.core import mail as django_mail

from accounts.models import Role
from crm.bookings import booked_services, payments
from crm.models import Invoice
from tests.e2e.axe import axe_source, axe_violations, describe
from tests.e2e.test_payments_e2e import PHONE, no_sideways_scroll
from tests.factories import PASSWORD, AgencyFactory, BookingFactory, ClientFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def owner(db):
    agency = AgencyFactory(name="Alpha Tours", slug="alpha-tours")
    return UserFactory(
        username="alice", email="alice@alpha.example", agency=agency, role=Role.OWNER
    )


@pytest.fixture
def phone(chromium, live_server, plain_http):
    axe_source()
    context = chromium.new_context(base_url=live_server.url, viewport=PHONE, bypass_csp=True)
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


def accessible(page) -> None:
    violations = axe_violations(page)
    assert not violations, describe(page.url, violations)
    no_sideways_scroll(page)


def test_an_invoice_from_issue_to_void_on_a_phone(phone, owner):
    client = ClientFactory(agency=owner.agency, name="Aisha Rahman", email="aisha@example.com")
    booking = BookingFactory(client=client, reference="HZ-INV1", total_price=Decimal("0.00"))
    booked_services.booking_service_add(
        booking=booking,
        created_by=owner,
        description="Riad Yasmine, 4 nights, breakfast",
        kind="hotel",
        price=Decimal("1480.00"),
    )
    phone.goto("/accounts/login/")
    phone.fill("#id_username", "alice")
    phone.fill("#id_password", PASSWORD)
    phone.click("button[type=submit]")
    phone.wait_for_url(re.compile(r".*/$"))

    phone.goto(f"/bookings/{booking.pk}/")
    phone.click("#documents button:has-text('Issue invoice')")
    phone.wait_for_url(re.compile(r".*#documents$"))
    invoice = Invoice.objects.get()
    row = phone.locator("#documents .document").first
    assert invoice.reference in row.inner_text()
    accessible(phone)

    # The job ran after the commit (in-process here): the PDF downloads.
    assert Invoice.objects.get().pdf_ready
    with phone.expect_download() as download:
        phone.click(f"#documents a[aria-label='Download the PDF of {invoice.reference}']")
    assert download.value.suggested_filename == f"{invoice.reference}.pdf"

    phone.click(f"#documents a[aria-label='View {invoice.reference}']")
    assert "Riad Yasmine" in phone.locator("main").inner_text()
    accessible(phone)
    phone.click("text=Back to the booking")

    # A PDF not rendered yet: the download says so, clearly.
    Invoice.objects.filter(pk=invoice.pk).update(pdf_status="pending", pdf=None)
    phone.goto(f"/invoices/{invoice.pk}/pdf/")
    assert "being prepared" in phone.locator("main").inner_text()
    accessible(phone)

    phone.goto(f"/bookings/{booking.pk}/")
    phone.click(f"#documents button[aria-label='Email {invoice.reference} to the client']")
    assert "on its way to aisha@example.com" in phone.locator("body").inner_text()
    assert django_mail.outbox[-1].attachments[0][0] == f"{invoice.reference}.pdf"

    phone.click(f"#documents a[aria-label='Void {invoice.reference}']")
    accessible(phone)
    phone.fill("input[name=reason]", "Issued to the wrong client")
    phone.click("button[type=submit]:has-text('Void')")
    phone.wait_for_url(re.compile(r".*#documents$"))
    assert "Void" in phone.locator("#documents .document--void").inner_text()
    accessible(phone)


def test_a_receipt_and_the_numbering_settings_on_a_phone(phone, owner):
    client = ClientFactory(agency=owner.agency, name="Aisha Rahman", email="aisha@example.com")
    booking = BookingFactory(client=client, reference="HZ-RCT1", total_price=Decimal("900.00"))
    payments.payment_record(booking=booking, amount=Decimal("300.00"), reference="DEP-1")
    phone.goto("/accounts/login/")
    phone.fill("#id_username", "alice")
    phone.fill("#id_password", PASSWORD)
    phone.click("button[type=submit]")
    phone.wait_for_url(re.compile(r".*/$"))

    phone.goto(f"/bookings/{booking.pk}/")
    phone.select_option("#receipt-payment", index=0)
    phone.click("#documents button:has-text('Issue receipt')")
    phone.wait_for_url(re.compile(r".*#documents$"))
    assert "RCT-0001" in phone.locator("#documents").inner_text()
    accessible(phone)
    phone.click("#documents a[aria-label='View RCT-0001']")
    assert "300.00" in phone.locator("main").inner_text()
    accessible(phone)

    phone.goto("/settings/invoices/")
    accessible(phone)
    phone.fill("input[name=invoice_prefix]", "<b>")
    phone.click("main button[type=submit]:has-text('Save numbering')")
    assert "letters, digits" in phone.locator("main").inner_text()
    accessible(phone)
