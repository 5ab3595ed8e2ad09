"""Issuing invoices and receipts: numbered without gaps, frozen at issue, voided never edited."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from pypdf import PdfReader

from accounts.models import Activity
from crm.bookings import booked_services, payments
from crm.invoices import numbering, services
from crm.invoices.models import FrozenDocumentError, Invoice, PdfStatus, Receipt
from tests.factories import BookingFactory, ClientFactory
from tests.pdf_support import pdf_text


def test_an_invoice_is_numbered_in_the_agencys_series_with_its_prefix(booking, alice):
    first = services.invoice_issue(booking=booking, issued_by=alice)
    second = services.invoice_issue(booking=booking, issued_by=alice)
    year = first.issued_on.year
    assert (first.number, second.number) == (1, 2)
    assert first.reference == f"INV-{year}-0001" and second.reference == f"INV-{year}-0002"


def test_each_agency_and_each_series_counts_on_its_own(booking, alice, other_agency):
    services.invoice_issue(booking=booking, issued_by=alice)
    elsewhere = BookingFactory(client=ClientFactory(agency=other_agency))
    assert services.invoice_issue(booking=elsewhere, issued_by=None).number == 1
    receipt = services.receipt_issue(payment=booking.payments.get(), issued_by=alice)
    assert (receipt.number, receipt.reference) == (1, "RCT-0001")


def test_a_refused_issue_takes_no_number(agency, alice, booking):
    services.invoice_issue(booking=booking, issued_by=alice)
    empty = BookingFactory(client=ClientFactory(agency=agency), total_price=Decimal("0.00"))
    with pytest.raises(ValidationError):
        services.invoice_issue(booking=empty, issued_by=alice)
    assert services.invoice_issue(booking=booking, issued_by=alice).number == 2


def test_a_changed_prefix_applies_to_the_next_numbers_only(booking, alice):
    first = services.invoice_issue(booking=booking, issued_by=alice)
    numbering.series_set_prefix(
        agency_id=booking.agency_id, series="invoice", prefix="ALPHA/{year}/"
    )
    second = services.invoice_issue(booking=booking, issued_by=alice)
    first.refresh_from_db()
    assert first.reference.startswith("INV-")
    assert second.reference == f"ALPHA/{second.issued_on.year}/0002"
    with pytest.raises(ValidationError):
        numbering.series_set_prefix(agency_id=booking.agency_id, series="invoice", prefix="<b>")


def test_the_invoice_freezes_lines_totals_schedule_client_and_agency(booking, alice):
    invoice = services.invoice_issue(booking=booking, issued_by=alice)
    s = invoice.snapshot
    assert [line["description"] for line in s["lines"]] == [
        "Hotel Aurora, 3 nights",
        "Whale watching",
    ]
    assert s["totals"] == {
        "total": "1250.50",
        "paid": "250.50",
        "balance_due": "1000.00",
        "credit": "0.00",
    }
    assert [(r["label"], r["amount"], r["state"]) for r in s["schedule"]] == [
        ("Deposit", "250.50", "paid"),
        ("Balance", "1000.00", "due"),
    ]
    assert s["client"]["name"] == "Ada Lovelace" and s["agency"]["name"] == "Alpha Tours"
    assert invoice.total == Decimal("1250.50") and invoice.currency == "EUR"


def test_editing_the_booking_afterwards_never_changes_an_issued_invoice(booking, alice):
    invoice = services.invoice_issue(booking=booking, issued_by=alice)
    before = dict(invoice.snapshot)
    booked_services.booking_service_add(
        booking=booking, created_by=alice, description="Late extra", price=Decimal("99.00")
    )
    payments.payment_record(booking=booking, amount=Decimal("100.00"))
    booking.client.name = "Someone Else"
    booking.client.save()
    stored = Invoice.objects.get(pk=invoice.pk)
    assert stored.snapshot == before and stored.total == Decimal("1250.50")


def test_an_issued_invoice_refuses_any_edit(booking, alice):
    invoice = services.invoice_issue(booking=booking, issued_by=alice)
    invoice.total = Decimal("1.00")
    with pytest.raises(FrozenDocumentError):
        invoice.save()
    with pytest.raises(FrozenDocumentError):
        invoice.save(update_fields=["total"])


def test_the_pdf_is_pending_until_its_job_runs_then_reads_back(
    booking, alice, django_capture_on_commit_callbacks
):
    invoice = services.invoice_issue(booking=booking, issued_by=alice)
    assert invoice.pdf_status == PdfStatus.PENDING and invoice.pdf is None
    with django_capture_on_commit_callbacks(execute=True):
        invoice = services.invoice_issue(booking=booking, issued_by=alice)
    invoice.refresh_from_db()
    assert invoice.pdf_status == PdfStatus.READY
    text = pdf_text(bytes(invoice.pdf))
    for expected in (
        invoice.reference,
        "Ada Lovelace",
        "Alpha Tours",
        "BK-ADA1",
        "Hotel Aurora, 3 nights",
        "1250.50",
        "1000.00",
        "Deposit",
        "Balance",
    ):
        assert expected in text, expected


def test_a_receipt_is_for_one_live_payment_and_prints_its_amount(
    booking, alice, django_capture_on_commit_callbacks
):
    payment = booking.payments.get()
    with django_capture_on_commit_callbacks(execute=True):
        receipt = services.receipt_issue(payment=payment, issued_by=alice)
    with pytest.raises(ValidationError, match="RCT-0001"):
        services.receipt_issue(payment=payment, issued_by=alice)
    receipt.refresh_from_db()
    text = pdf_text(bytes(receipt.pdf))
    assert "RCT-0001" in text and "250.50" in text and "Ada Lovelace" in text
    services.document_void(document=receipt, actor=alice, reason="Wrong date")
    assert services.receipt_issue(payment=payment, issued_by=alice).reference == "RCT-0002"


def test_refunds_and_voided_payments_get_no_receipt(booking, alice):
    refund = payments.payment_record(booking=booking, amount=Decimal("10.00"), kind="refund")
    with pytest.raises(ValidationError):
        services.receipt_issue(payment=refund, issued_by=alice)
    payments.payment_void(payment=refund, actor=alice, reason="typo")
    with pytest.raises(ValidationError):
        services.receipt_issue(payment=refund, issued_by=alice)
    assert not Receipt.objects.exists()


def test_only_owners_and_admins_void_and_the_number_is_kept(booking, alice, amir):
    invoice = services.invoice_issue(booking=booking, issued_by=amir)
    with pytest.raises(PermissionDenied):
        services.document_void(document=invoice, actor=amir, reason="mistake")
    with pytest.raises(ValidationError):
        services.document_void(document=invoice, actor=alice, reason="  ")
    voided = services.document_void(document=invoice, actor=alice, reason="Wrong client")
    assert voided.is_voided and voided.void_reason == "Wrong client"
    assert Invoice.objects.get(pk=invoice.pk).reference == invoice.reference
    with pytest.raises(ValidationError):
        services.document_void(document=voided, actor=alice, reason="again")
    assert services.invoice_issue(booking=booking, issued_by=amir).number == 2


def test_issuing_and_voiding_are_in_the_bookings_history(booking, alice):
    invoice = services.invoice_issue(booking=booking, issued_by=alice)
    services.document_void(document=invoice, actor=alice, reason="Wrong client")
    events = Activity.objects.filter(client_id=booking.client_id, object_type="invoice")
    assert sorted(events.values_list("event", flat=True)) == ["invoice.issued", "invoice.voided"]
    assert all(e.data["booking_id"] == booking.pk for e in events)


def test_a_cancelled_booking_is_not_invoiced(booking, alice):
    from crm.bookings.lifecycle import booking_transition

    booking_transition(booking=booking, to="cancelled")
    with pytest.raises(ValidationError):
        services.invoice_issue(booking=booking, issued_by=alice)


def test_a_booking_or_client_with_issued_documents_is_never_deleted(booking, alice):
    from crm.bookings.archive import booking_delete
    from crm.clients.archive import client_delete

    services.invoice_issue(booking=booking, issued_by=alice)
    with pytest.raises(ValidationError, match="Archive it instead"):
        booking_delete(booking=booking, actor=alice)
    with pytest.raises(ValidationError, match="Archive it instead"):
        client_delete(client=booking.client, actor=None)
    assert Invoice.objects.filter(booking=booking).exists()


def test_a_voided_invoices_pdf_is_rendered_again_marked_void(
    booking, alice, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invoice = services.invoice_issue(booking=booking, issued_by=alice)
    invoice.refresh_from_db()
    assert "VOID" not in pdf_text(bytes(invoice.pdf))
    with django_capture_on_commit_callbacks(execute=True):
        services.document_void(document=invoice, actor=alice, reason="Wrong client")
    invoice.refresh_from_db()
    assert invoice.pdf_ready and "VOID: Wrong client" in pdf_text(bytes(invoice.pdf))


def test_a_prefix_with_slashes_gives_a_safe_filename(booking, alice):
    numbering.series_set_prefix(agency_id=booking.agency_id, series="invoice", prefix="A/{year}/")
    invoice = services.invoice_issue(booking=booking, issued_by=alice)
    assert invoice.filename == f"A-{invoice.issued_on.year}-0001.pdf"


def test_the_invoice_carries_the_agencys_branding_and_keeps_it_frozen(
    booking, alice, django_capture_on_commit_callbacks
):
    from PIL import Image

    from accounts.branding import branding_logo_set, branding_update

    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), "#123456").save(buffer, format="PNG")
    branding_logo_set(agency=booking.agency, updated_by=alice, content=buffer.getvalue())
    branding_update(
        agency=booking.agency,
        updated_by=alice,
        primary_color="#7a1f3d",
        address="12 Harbour Street\nLisbon",
        phone="+351 21 000 0000",
        website="https://alpha.example.com",
    )
    with django_capture_on_commit_callbacks(execute=True):
        invoice = services.invoice_issue(booking=booking, issued_by=alice)
    head = invoice.snapshot["agency"]
    assert head["logo"].startswith("data:image/png;base64,")
    assert head["colour"] == "#7a1f3d" and head["website"] == "https://alpha.example.com"
    invoice.refresh_from_db()
    text = pdf_text(bytes(invoice.pdf))
    assert "12 Harbour Street" in text and "+351 21 000 0000" in text
    reader = PdfReader(io.BytesIO(bytes(invoice.pdf)))
    assert any(page.images for page in reader.pages)  # the logo is in the PDF

    branding_update(agency=booking.agency, updated_by=alice, address="Somewhere else")
    assert Invoice.objects.get(pk=invoice.pk).snapshot["agency"] == head
