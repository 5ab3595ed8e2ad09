"""The booking page's Invoices and receipts: issue, list, view, download ("being prepared"
until the PDF is ready), email, void by owners and admins only."""

from __future__ import annotations

import pytest
from django.core import mail as django_mail

from accounts.models import Activity
from crm.invoices import services
from crm.models import Invoice, Receipt

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_amir(client, amir):
    client.force_login(amir)
    return client


@pytest.fixture
def as_alice(client, alice):
    client.force_login(alice)
    return client


def test_an_agent_issues_an_invoice_from_the_booking_page_and_sees_it_listed(as_amir, booking):
    response = as_amir.post(f"/bookings/{booking.pk}/invoices/", follow=True)
    invoice = Invoice.objects.get()
    page = response.content.decode()
    assert invoice.reference in page and "Being prepared" in page
    assert "1,250.50" in page and "Issue invoice" in page
    assert f"/invoices/{invoice.pk}/pdf/" in page and f"/invoices/{invoice.pk}/" in page
    assert f"/invoices/{invoice.pk}/void/" not in page  # an agent cannot void


def test_downloading_before_the_pdf_is_ready_says_it_is_being_prepared(as_amir, booking, amir):
    invoice = services.invoice_issue(booking=booking, issued_by=amir)
    response = as_amir.get(f"/invoices/{invoice.pk}/pdf/")
    assert response.status_code == 202 and response["Retry-After"] == "5"
    assert "being prepared" in response.content.decode()


def test_a_ready_pdf_downloads_and_the_html_view_shows_the_snapshot(
    as_amir, booking, amir, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invoice = services.invoice_issue(booking=booking, issued_by=amir)
    pdf = as_amir.get(f"/invoices/{invoice.pk}/pdf/")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    view = as_amir.get(f"/invoices/{invoice.pk}/").content.decode()
    assert invoice.reference in view and "Ada Lovelace" in view and "Back to the booking" in view


def test_email_to_client_from_the_booking_page(
    as_amir, booking, amir, django_capture_on_commit_callbacks
):
    invoice = services.invoice_issue(booking=booking, issued_by=amir)
    with django_capture_on_commit_callbacks(execute=True):
        response = as_amir.post(f"/invoices/{invoice.pk}/email/", follow=True)
    assert "on its way to ada@example.com" in response.content.decode()
    [message] = django_mail.outbox
    assert message.attachments[0][2] == "application/pdf"


def test_only_owners_and_admins_void_with_a_reason(as_amir, booking, amir, client, alice):
    invoice = services.invoice_issue(booking=booking, issued_by=amir)
    assert as_amir.get(f"/invoices/{invoice.pk}/void/").status_code == 403
    assert as_amir.post(f"/invoices/{invoice.pk}/void/", {"reason": "x"}).status_code == 403
    client.force_login(alice)
    refused = client.post(f"/invoices/{invoice.pk}/void/", {"reason": ""})
    assert refused.status_code == 200 and not Invoice.objects.get().is_voided
    done = client.post(f"/invoices/{invoice.pk}/void/", {"reason": "Wrong client"}, follow=True)
    page = done.content.decode()
    assert "voided" in page and "Void" in page and invoice.reference in page
    assert Invoice.objects.get().void_reason == "Wrong client"


def test_a_receipt_is_issued_for_a_payment_from_the_booking_page(as_amir, booking):
    payment = booking.payments.get()
    page = as_amir.get(f"/bookings/{booking.pk}/").content.decode()
    assert 'name="payment"' in page
    as_amir.post(f"/bookings/{booking.pk}/receipts/", {"payment": payment.pk})
    assert Receipt.objects.get().payment == payment
    again = as_amir.post(f"/bookings/{booking.pk}/receipts/", {"payment": payment.pk}, follow=True)
    assert "RCT-0001" in again.content.decode() and Receipt.objects.count() == 1
    assert as_amir.post(f"/bookings/{booking.pk}/receipts/", {"payment": "x"}).status_code == 302
    assert (
        as_amir.post(f"/bookings/{booking.pk}/receipts/", {"payment": "987654"}).status_code == 404
    )


def test_another_agencys_invoice_pages_are_404(client, bob, booking, alice):
    invoice = services.invoice_issue(booking=booking, issued_by=alice)
    client.force_login(bob)
    for path in (f"/invoices/{invoice.pk}/", f"/invoices/{invoice.pk}/pdf/"):
        assert client.get(path).status_code == 404
    assert client.post(f"/invoices/{invoice.pk}/email/").status_code == 404
    assert client.post(f"/bookings/{booking.pk}/invoices/").status_code == 404
    assert Invoice.objects.count() == 1


def test_owners_set_the_prefixes_and_see_the_next_numbers(as_alice, booking, alice, client, amir):
    services.invoice_issue(booking=booking, issued_by=alice)
    page = as_alice.get("/settings/invoices/").content.decode()
    assert 'next: <span class="mono">INV-' in page and "0002" in page
    refused = as_alice.post(
        "/settings/invoices/", {"invoice_prefix": "<script>", "receipt_prefix": "RCT-"}
    )
    assert refused.status_code == 200 and "letters, digits" in refused.content.decode()
    as_alice.post("/settings/invoices/", {"invoice_prefix": "ALPHA-", "receipt_prefix": "R-"})
    assert services.invoice_issue(booking=booking, issued_by=alice).reference == "ALPHA-0002"
    assert Activity.objects.filter(event="invoices.prefix_changed").count() == 2
    client.force_login(amir)
    assert client.get("/settings/invoices/").status_code == 403
