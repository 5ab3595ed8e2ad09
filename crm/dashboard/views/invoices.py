"""A booking's invoices and receipts in the dashboard: issue, view (HTML), download (PDF, or
"being prepared"), email to the client, void (owners and admins)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts.tenancy import AgencyRequest, agency_admin_required, agency_required, get_or_404
from core.views import form_page, run_action, run_service
from crm.bookings import selectors as booking_selectors
from crm.bookings.allocation import local_today
from crm.dashboard.forms.bookings import VoidForm
from crm.invoices import numbering, selectors, services
from crm.invoices.models import Invoice, Receipt
from crm.invoices.rendering import document_html
from crm.invoices.services import ADMINS_ONLY

GETTERS: dict[str, Callable[..., Any]] = {
    "invoice": selectors.invoice_get,
    "receipt": selectors.receipt_get,
}


def _document(
    request: AgencyRequest, series: str, ids: dict[str, int], *, with_pdf: bool = False
) -> Invoice | Receipt:
    """The ``series`` document named by the URL (``invoice_id`` or ``receipt_id``)."""
    document_id = ids[f"{series}_id"]
    found: Invoice | Receipt = get_or_404(
        GETTERS[series], agency=request.agency, **{f"{series}_id": document_id}, with_pdf=with_pdf
    )
    return found


def _to_documents(booking_id: int) -> str:
    return reverse("booking_detail", args=[booking_id]) + "#documents"


def booking_documents_context(request: AgencyRequest, booking: Any) -> dict[str, Any]:
    """What the booking page's Invoices and receipts card shows (``crm/bookings/detail.html``)."""
    invoices, receipts = selectors.booking_documents(agency=request.agency, booking=booking)
    with_receipt = {r.payment_id for r in receipts if not r.is_voided}
    return {
        "documents_count": len(invoices) + len(receipts),
        "invoices": invoices,
        "receipts": receipts,
        "receipt_payments": [
            p
            for p in booking.payments.all()
            if p.kind == "payment" and not p.is_voided and p.pk not in with_receipt
        ],
    }


@require_POST
@agency_required
def invoice_issue(request: AgencyRequest, booking_id: int) -> HttpResponse:
    booking = get_or_404(
        booking_selectors.booking_get, agency=request.agency, booking_id=booking_id
    )
    return run_action(
        request,
        lambda: services.invoice_issue(booking=booking, issued_by=request.user),
        success=lambda i: f"Invoice {i.reference} issued; its PDF is being prepared.",
        redirect_to=_to_documents(booking.pk),
    )


@require_POST
@agency_required
def receipt_issue(request: AgencyRequest, booking_id: int) -> HttpResponse:
    booking = get_or_404(
        booking_selectors.booking_get, agency=request.agency, booking_id=booking_id
    )
    raw = request.POST.get("payment", "")
    if not raw.isdigit() or len(raw) > 18:
        messages.error(request, "Choose the payment the receipt is for.")
        return HttpResponseRedirect(_to_documents(booking.pk))
    payment = get_or_404(
        booking_selectors.payment_get,
        agency=request.agency,
        booking=booking,
        payment_id=int(raw),
    )
    return run_action(
        request,
        lambda: services.receipt_issue(payment=payment, issued_by=request.user),
        success=lambda r: f"Receipt {r.reference} issued; its PDF is being prepared.",
        redirect_to=_to_documents(booking.pk),
    )


@agency_required
def document_view(request: AgencyRequest, series: str, **ids: int) -> HttpResponse:
    """The document as issued (HTML, printable), with a way back to its booking."""
    document = _document(request, series, ids)
    html = document_html(document, back_url=_to_documents(document.booking_id))
    return HttpResponse(html)


@agency_required
def document_pdf(request: AgencyRequest, series: str, **ids: int) -> HttpResponse:
    document = _document(request, series, ids, with_pdf=True)
    if not document.pdf_ready or document.pdf is None:
        response = render(
            request,
            "crm/invoices/being_prepared.html",
            {"document": document, "back_url": _to_documents(document.booking_id)},
            status=202,
        )
        response["Retry-After"] = "5"
        return response
    response = HttpResponse(bytes(document.pdf), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{document.filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@agency_required
def document_email(request: AgencyRequest, series: str, **ids: int) -> HttpResponse:
    document = _document(request, series, ids)
    return run_action(
        request,
        lambda: services.document_email(document=document, sent_by=request.user),
        success=lambda e: f"{document.reference} is on its way to {e.recipient}, PDF attached.",
        redirect_to=_to_documents(document.booking_id),
    )


@agency_required
def document_void(request: AgencyRequest, series: str, **ids: int) -> HttpResponse:
    if not request.user.is_agency_admin:
        raise PermissionDenied(ADMINS_ONLY)
    document = _document(request, series, ids)
    form = VoidForm(request.POST or None)
    form.fields[
        "reason"
    ].help_text = (
        "Required: the document stays listed with its number, marked void, with this reason."
    )
    return form_page(
        request,
        form,
        lambda: services.document_void(
            document=document, actor=request.user, reason=form.cleaned_data["reason"]
        ),
        template="crm/invoices/void.html",
        context={
            "document": document,
            "series": series,
            "back_url": _to_documents(document.booking_id),
        },
        success=lambda d: f"{d.reference} voided. Issue a new one if the booking needs it.",
        redirect_to=lambda d: _to_documents(d.booking_id),
        aliases={"document": "reason"},
    )


class NumberingForm(forms.Form):
    invoice_prefix = forms.CharField(
        label="Invoice prefix",
        max_length=numbering.PREFIX_MAX,
        help_text="Before the number, e.g. INV-{year}- (the year of issue) gives INV-2026-0042.",
    )
    receipt_prefix = forms.CharField(
        label="Receipt prefix", max_length=numbering.PREFIX_MAX, help_text="e.g. RCT-"
    )

    def _prefix(self, name: str) -> str:
        try:
            return numbering.clean_prefix(self.cleaned_data[name])
        except ValidationError as exc:
            raise forms.ValidationError(exc.message_dict["prefix"]) from exc

    def clean_invoice_prefix(self) -> str:
        return self._prefix("invoice_prefix")

    def clean_receipt_prefix(self) -> str:
        return self._prefix("receipt_prefix")


@agency_admin_required
def numbering_settings(request: AgencyRequest) -> HttpResponse:
    """Settings → Invoices: the prefixes of the agency's two series (owners and admins)."""
    agency_id = request.agency.pk
    state = numbering.series_state(agency_id=agency_id)
    form = NumberingForm(
        request.POST or None,
        initial={f"{series}_prefix": counter.prefix for series, counter in state.items()},
    )

    def save() -> None:
        with transaction.atomic():
            for series in state:
                numbering.series_set_prefix(
                    agency_id=agency_id,
                    series=series,
                    prefix=form.cleaned_data[f"{series}_prefix"],
                    actor=request.user,
                )

    done = run_service(
        request,
        form,
        save,
        success="Numbering saved: the next documents use the new prefixes.",
        redirect_to=lambda _: reverse("numbering_settings"),
    )
    today = local_today(request.agency.timezone)
    series = [
        {
            "label": counter.get_series_display(),
            "issued": counter.last_number,
            "next": numbering.reference(counter.prefix, counter.last_number + 1, issued_on=today),
        }
        for counter in state.values()
    ]
    return done or render(request, "crm/invoices/numbering.html", {"form": form, "series": series})
