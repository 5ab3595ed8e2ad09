"""``/bookings/{id}/invoices``, ``/invoices/{id}`` (JSON, PDF, void, email) and the receipts:
the envelope, 409 with Retry-After while a PDF is prepared, owners' and admins' voids,
another agency's documents a 404 like missing ones."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.core import mail as django_mail
from pypdf import PdfReader

from crm.bookings import booked_services, payments
from crm.invoices import services
from crm.models import Booking, Invoice, Receipt
from tests.api.conftest import Api
from tests.factories import BookingFactory, ClientFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def booking(agency, alice) -> Booking:
    client = ClientFactory(agency=agency, name="Grace Hopper", email="grace@example.com")
    booking = BookingFactory(client=client, reference="BK-GH1")
    booked_services.booking_service_add(
        booking=booking, created_by=alice, description="Lisbon flights", price=Decimal("640.00")
    )
    booking.refresh_from_db()
    return booking


def test_issuing_an_invoice_answers_201_with_its_number_and_frozen_content(api: Api, booking):
    made = api.post(f"/bookings/{booking.pk}/invoices")
    assert made.status_code == 201
    data = made.json()["data"]
    assert data["number"] == 1 and data["reference"].startswith("INV-")
    assert data["total"] == "640.00" and data["currency"] == "EUR"
    assert data["content"]["lines"][0]["description"] == "Lisbon flights"
    assert data["content"]["client"]["name"] == "Grace Hopper"
    assert data["pdf_status"] == "pending" and data["is_voided"] is False
    listed = api.get(f"/bookings/{booking.pk}/invoices").json()
    assert [row["id"] for row in listed["data"]] == [data["id"]]
    assert listed["meta"]["total"] == 1
    assert api.get(f"/invoices/{data['id']}").json()["data"]["reference"] == data["reference"]
    assert api.get("/invoices").json()["meta"]["total"] == 1


def test_the_pdf_is_a_409_with_retry_after_until_ready_then_application_pdf(
    api: Api, booking, alice, django_capture_on_commit_callbacks
):
    invoice = services.invoice_issue(booking=booking, issued_by=alice)
    waiting = api.get(f"/invoices/{invoice.pk}/pdf")
    assert waiting.status_code == 409 and waiting["Retry-After"] == "5"
    assert "being prepared" in waiting.json()["message"]
    with django_capture_on_commit_callbacks(execute=True):
        ready = services.invoice_issue(booking=booking, issued_by=alice)
    answer = api.get(f"/invoices/{ready.pk}/pdf")
    assert answer.status_code == 200 and answer["Content-Type"] == "application/pdf"
    assert f'filename="{ready.reference}.pdf"' in answer["Content-Disposition"]
    text = PdfReader(io.BytesIO(answer.content)).pages[0].extract_text()
    assert ready.reference in text and "Grace Hopper" in text and "640.00" in text


def test_an_agents_token_issues_but_cannot_void(agent_api: Api, api: Api, booking):
    made = agent_api.post(f"/bookings/{booking.pk}/invoices").json()["data"]
    refused = agent_api.post(f"/invoices/{made['id']}/void", {"reason": "typo"})
    assert refused.status_code == 403
    assert api.post(f"/invoices/{made['id']}/void", {}).status_code == 422
    voided = api.post(f"/invoices/{made['id']}/void", {"reason": "Wrong client"})
    assert voided.status_code == 200
    assert voided.json()["data"]["is_voided"] is True
    assert voided.json()["data"]["number"] == made["number"]


def test_issued_documents_are_never_edited_nor_deleted(api: Api, booking, alice):
    invoice = services.invoice_issue(booking=booking, issued_by=alice)
    assert api.patch(f"/invoices/{invoice.pk}", {"total": "1.00"}).status_code == 405
    assert api.delete(f"/invoices/{invoice.pk}").status_code == 405
    assert api.post("/invoices", {}).status_code == 405
    assert Invoice.objects.get(pk=invoice.pk).total == Decimal("640.00")


def test_a_cancelled_or_empty_booking_is_a_409_and_takes_no_number(api: Api, agency):
    empty = BookingFactory(client=ClientFactory(agency=agency), total_price=Decimal("0.00"))
    refused = api.post(f"/bookings/{empty.pk}/invoices")
    assert refused.status_code == 409 and "booking" in refused.json()["errors"]
    assert not Invoice.objects.exists()


def test_emailing_answers_202_and_the_client_gets_the_pdf(
    api: Api, booking, alice, django_capture_on_commit_callbacks
):
    invoice = services.invoice_issue(booking=booking, issued_by=alice)
    with django_capture_on_commit_callbacks(execute=True):
        sent = api.post(f"/invoices/{invoice.pk}/email")
    assert sent.status_code == 202 and sent.json()["data"]["recipient"] == "grace@example.com"
    [message] = django_mail.outbox
    assert message.attachments[0][0] == f"{invoice.reference}.pdf"


def test_a_receipt_is_issued_for_a_payment_of_the_booking(api: Api, booking, agency):
    payment = payments.payment_record(booking=booking, amount=Decimal("100.00"))
    made = api.post(f"/bookings/{booking.pk}/receipts", {"payment_id": payment.pk})
    assert made.status_code == 201
    data = made.json()["data"]
    assert data["reference"] == "RCT-0001" and data["payment_id"] == payment.pk
    assert data["total"] == "100.00"
    again = api.post(f"/bookings/{booking.pk}/receipts", {"payment_id": payment.pk})
    assert again.status_code == 409 and "RCT-0001" in again.json()["errors"]["payment_id"][0]
    other = BookingFactory(client=ClientFactory(agency=agency))
    elsewhere = payments.payment_record(booking=other, amount=Decimal("5.00"))
    wrong = api.post(f"/bookings/{booking.pk}/receipts", {"payment_id": elsewhere.pk})
    assert wrong.status_code == 422
    assert api.get(f"/receipts/{data['id']}").json()["data"]["content"]["payment"]["amount"] == (
        "100.00"
    )
    assert Receipt.objects.count() == 1


def test_another_agencys_invoice_is_a_404_like_a_missing_one(bob_api: Api, booking, alice):
    invoice = services.invoice_issue(booking=booking, issued_by=alice)
    for path in (f"/invoices/{invoice.pk}", f"/invoices/{invoice.pk}/pdf", "/invoices/999999"):
        assert bob_api.get(path).status_code == 404, path
    assert bob_api.post(f"/invoices/{invoice.pk}/void", {"reason": "x"}).status_code == 404
    assert bob_api.post(f"/invoices/{invoice.pk}/email").status_code == 404
    assert bob_api.post(f"/bookings/{booking.pk}/invoices").status_code == 404
    assert bob_api.get("/invoices").json()["meta"]["total"] == 0
    assert not Invoice.objects.filter(voided_at__isnull=False).exists()


def test_an_owners_debug_request_for_a_pdf_gets_the_pdf_with_its_timings(
    api: Api, booking, alice, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invoice = services.invoice_issue(booking=booking, issued_by=alice)
    answer = api.get(f"/invoices/{invoice.pk}/pdf", headers={"X-Debug": "1"})
    assert answer.status_code == 200 and answer.content.startswith(b"%PDF")
    assert "Server-Timing" in answer
