"""The commission page: what the suppliers still owe, by supplier and by month, with "Mark
received" (the whole outstanding amount in one click) and a partial receipt per service; an
owner or admin voids a receipt. With htmx the page's region is swapped in place and the change
announced (``static/js/app.js``); without it, a redirect back to the same filters."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseBase, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts.tenancy import AgencyRequest, agency_required, get_or_404
from core.csv import csv_response
from core.views import paginate
from crm.bookings import commission as commission_services
from crm.bookings import reports
from crm.bookings import selectors as booking_selectors
from crm.bookings.models import CommissionReceipt
from crm.dashboard.forms.commission import CommissionReceiptForm, CommissionVoidForm
from crm.suppliers.selectors import supplier_choices

TEMPLATE = "crm/commission/page.html"
REGION = "crm/commission/_region.html"
RECENT_RECEIPTS = 10


def _filters(data: Any) -> tuple[int | None, dt.date | None, dict[str, str]]:
    """(supplier id, month, the cleaned query) from a GET or the POST's hidden copy."""
    supplier = reports.parse_id(data.get("supplier"), field="supplier")
    month = reports.parse_month(data.get("month"), field="month")
    query = {}
    if supplier is not None:
        query["supplier"] = str(supplier)
    if month is not None:
        query["month"] = f"{month:%Y-%m}"
    return supplier, month, query


def _context(
    request: AgencyRequest, supplier: int | None, month: dt.date | None, query: dict[str, str]
) -> dict[str, Any]:
    agency = request.agency
    services = reports.commission_outstanding_services(
        agency=agency, supplier_id=supplier, month=month
    )
    receipts = reports.commission_receipt_list(agency=agency)
    if supplier is not None:
        receipts = receipts.filter(supplier_id=supplier)
    page = paginate(request, services)
    page.object_list = list(page.object_list)
    return {
        "by_supplier": reports.commission_by_supplier(agency=agency, month=month),
        "by_month": reports.commission_by_month(agency=agency, supplier_id=supplier),
        "page": page,
        "receipts": list(receipts[:RECENT_RECEIPTS]),
        "suppliers": supplier_choices(agency=agency),
        "supplier": supplier,
        "month": f"{month:%Y-%m}" if month else "",
        "filtering": bool(query),
        "query": urlencode(query),
        "today": reports.local_today(agency.timezone),
        "can_void": request.user.is_agency_admin,
    }


# The guard is typed for pages; this one may also answer a streamed CSV download.
@agency_required  # type: ignore[arg-type]
def commission_page(request: AgencyRequest) -> HttpResponseBase:
    try:
        supplier, month, query = _filters(request.GET)
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
        return HttpResponseRedirect(reverse("commission"))
    if request.GET.get("export") == "csv":
        return _export(request, supplier, month)
    return render(request, TEMPLATE, _context(request, supplier, month, query))


def _export(
    request: AgencyRequest, supplier: int | None, month: dt.date | None
) -> HttpResponseBase:
    services = reports.commission_outstanding_services(
        agency=request.agency, supplier_id=supplier, month=month
    )
    header = [
        "Booking",
        "Client",
        "Supplier",
        "Service",
        "Month",
        "Currency",
        "Expected",
        "Received",
        "Outstanding",
    ]
    rows = (
        [
            s.booking.reference,
            s.booking.client.name,
            s.supplier_name,
            s.description,
            f"{s.month:%Y-%m}" if s.month else "",
            s.currency,
            s.commission_expected,
            s.commission_received,
            reports.cents(s.outstanding),
        ]
        for s in services.iterator(chunk_size=500)
    )
    return csv_response("commission-outstanding.csv", header, rows)


def _answer(
    request: AgencyRequest,
    *,
    said: str,
    errors: dict[int, list[str]] | None = None,
    focus: str = "",
) -> HttpResponse:
    """The region again (htmx: swapped in place, ``said`` announced) or a redirect back."""
    try:
        supplier, month, query = _filters(request.POST)
    except ValidationError:
        supplier, month, query = None, None, {}
    if request.headers.get("HX-Request"):
        context = _context(request, supplier, month, query)
        for service in context["page"].object_list:
            service.row_errors = (errors or {}).get(service.pk)
        for receipt in context["receipts"]:
            receipt.row_errors = (errors or {}).get(-receipt.pk)
        context.update({"announce": said, "focus": focus, "failed": bool(errors)})
        return render(request, REGION, context)
    (messages.error if errors else messages.success)(request, said)
    url = reverse("commission")
    return HttpResponseRedirect(f"{url}?{urlencode(query)}" if query else url)


def _next_focus(request: AgencyRequest) -> str:
    """Where focus goes once a service's commission is all received: the row that takes its
    place (the next one, else the one before), or the list's heading."""
    try:
        supplier, month, _query = _filters(request.POST)
        index = reports.parse_id(request.POST.get("index"), field="index") or 0
    except ValidationError:
        supplier, month, index = None, None, 0
    ids = list(
        reports.commission_outstanding_services(
            agency=request.agency, supplier_id=supplier, month=month
        ).values_list("pk", flat=True)[: index + 1]
    )
    return f"receive-{ids[min(index, len(ids) - 1)]}" if ids else "outstanding-heading"


@require_POST
@agency_required
def commission_receive(request: AgencyRequest, service_id: int) -> HttpResponse:
    service = get_or_404(
        booking_selectors.booking_service_by_id, agency=request.agency, service_id=service_id
    )
    form = CommissionReceiptForm(request.POST)
    if not form.is_valid():
        errors = [str(e) for field in form.errors.values() for e in field]
        return _answer(request, said=f"Not saved: {' '.join(errors)}", errors={service.pk: errors})
    fields = form.cleaned_data
    try:
        receipt = commission_services.commission_receipt_record(
            service=service,
            amount=fields["amount"],
            received_on=fields["received_on"],
            reference=fields["reference"],
            note=fields["note"],
            recorded_by=request.user,
        )
    except ValidationError as exc:
        errors = exc.messages
        return _answer(request, said=f"Not saved: {' '.join(errors)}", errors={service.pk: errors})
    left = service.commission_outstanding
    said = (
        f"Received {receipt.amount:,.2f} {receipt.currency} from "
        f"{service.supplier_name or 'the supplier'} for {service.description}. "
        + (f"{left:,.2f} {receipt.currency} still outstanding." if left else "All received.")
    )
    focus = f"receive-{service.pk}" if left else _next_focus(request)
    return _answer(request, said=said, focus=focus)


@require_POST
@agency_required
def commission_receipt_void(request: AgencyRequest, commission_receipt_id: int) -> HttpResponse:
    if not request.user.is_agency_admin:
        raise PermissionDenied(commission_services.ADMINS_ONLY)
    receipt: CommissionReceipt = get_or_404(
        reports.commission_receipt_get,
        agency=request.agency,
        commission_receipt_id=commission_receipt_id,
    )
    form = CommissionVoidForm(request.POST)
    if not form.is_valid():
        return _answer(request, said="Not voided: say why.", errors={-receipt.pk: ["Say why."]})
    try:
        commission_services.commission_receipt_void(
            receipt=receipt, actor=request.user, reason=form.cleaned_data["reason"]
        )
    except ValidationError as exc:
        return _answer(
            request,
            said=f"Not voided: {' '.join(exc.messages)}",
            errors={-receipt.pk: exc.messages},
        )
    said = (
        f"Voided the receipt of {receipt.amount:,.2f} {receipt.currency}: it is outstanding again."
    )
    return _answer(request, said=said, focus="receipts-heading")
