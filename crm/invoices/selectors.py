"""Reads of invoices and receipts, scoped to the agency (another agency's is DoesNotExist)."""

from __future__ import annotations

from django.db.models import QuerySet

from accounts.models import Agency
from crm.bookings.models import Booking
from crm.invoices.models import Invoice, Receipt

# The PDF's bytes stay in the database until someone downloads them.
_LIGHT = ("pdf",)


def invoice_list(
    *, agency: Agency, booking: Booking | None = None, **_: object
) -> QuerySet[Invoice]:
    rows = Invoice.objects.for_agency(agency).defer(*_LIGHT).order_by("-number")
    return rows.filter(booking_id=booking.pk) if booking is not None else rows


def invoice_get(*, agency: Agency, invoice_id: int, with_pdf: bool = False) -> Invoice:
    rows = Invoice.objects.for_agency(agency)
    return (rows if with_pdf else rows.defer(*_LIGHT)).get(pk=invoice_id)


def receipt_list(
    *, agency: Agency, booking: Booking | None = None, **_: object
) -> QuerySet[Receipt]:
    rows = Receipt.objects.for_agency(agency).defer(*_LIGHT).order_by("-number")
    return rows.filter(booking_id=booking.pk) if booking is not None else rows


def receipt_get(*, agency: Agency, receipt_id: int, with_pdf: bool = False) -> Receipt:
    rows = Receipt.objects.for_agency(agency)
    return (rows if with_pdf else rows.defer(*_LIGHT)).get(pk=receipt_id)


def booking_documents(*, agency: Agency, booking: Booking) -> tuple[list[Invoice], list[Receipt]]:
    """A booking's invoices and receipts, newest first, with their emails (three queries...
    two, plus one for the emails of each kind)."""
    invoices = list(invoice_list(agency=agency, booking=booking).prefetch_related("emails"))
    receipts = list(
        receipt_list(agency=agency, booking=booking)
        .select_related("payment")
        .prefetch_related("emails")
    )
    return invoices, receipts


def document_booking(*, agency: Agency, booking_id: int) -> Booking:
    """The booking documents are listed or issued under (one query: nothing prefetched)."""
    return Booking.objects.for_agency(agency).get(pk=booking_id)
