from __future__ import annotations

from functools import partial
from typing import Any

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts.tenancy import AgencyRequest, agency_required, get_or_404
from core.filters import ARCHIVED_CHOICES
from core.views import form_page, list_page, run_action, run_service
from crm.bookings import archive as booking_archive_services
from crm.bookings import booked_services
from crm.bookings import selectors as booking_selectors
from crm.bookings import services as booking_services
from crm.bookings.financials import booking_financials
from crm.dashboard.forms.bookings import BookingForm, PaymentForm
from crm.dashboard.forms.suppliers import BookingServiceForm
from crm.dashboard.views.common import archive_view, client_from_query, edit_form
from crm.models import Booking, BookingService, BookingStatus
from crm.suppliers.selectors import supplier_choices


@agency_required
def booking_list(request: AgencyRequest) -> HttpResponse:
    return list_page(
        request,
        "crm/bookings/list.html",
        booking_selectors.booking_list,
        agency=request.agency,
        model=Booking,
        filter_names=("q", "status", "client", "archived"),
        prepare=lambda rows: rows.select_related("client", "supplier"),
        context={"statuses": BookingStatus.choices, "archived_choices": ARCHIVED_CHOICES},
    )


def _to_detail(booking: Booking) -> str:
    return reverse("booking_detail", args=[booking.pk])


def _get_booking(request: AgencyRequest, booking_id: int) -> Booking:
    return get_or_404(booking_selectors.booking_get, agency=request.agency, booking_id=booking_id)


# Create and edit share the form, its template and where a save lands.
_form_page = partial(form_page, template="crm/bookings/form.html", redirect_to=_to_detail)


@agency_required
def booking_create(request: AgencyRequest) -> HttpResponse:
    initial: dict[str, Any] = {"currency": request.agency.default_currency}
    client = client_from_query(request)
    if client:
        initial["client"] = client.pk
    form = BookingForm(request.POST or None, agency=request.agency, initial=initial)

    def save() -> Booking:
        fields = form.service_fields()
        return booking_services.booking_create(
            agency=request.agency, created_by=request.user, **fields
        )

    return _form_page(
        request,
        form,
        save,
        context={"booking": None},
        success=lambda b: f"Booking {b.reference} created.",
    )


@agency_required
def booking_edit(request: AgencyRequest, booking_id: int) -> HttpResponse:
    booking = _get_booking(request, booking_id)
    form = edit_form(BookingForm, request, booking)

    def save() -> Booking:
        return booking_services.booking_update(booking=booking, **form.service_fields())

    return _form_page(request, form, save, context={"booking": booking}, success="Booking saved.")


def _render_detail(
    request: AgencyRequest,
    booking: Booking,
    payment_form: PaymentForm,
    status: int = 200,
    service_form: BookingServiceForm | None = None,
) -> HttpResponse:
    figures = booking_financials(booking)
    paid_share = 0
    if figures.total_price > 0:
        paid_share = max(0, min(100, int(figures.amount_paid * 100 / figures.total_price)))
    return render(
        request,
        "crm/bookings/detail.html",
        {
            "booking": booking,
            "figures": figures,
            "services": booking.services.all(),
            "service_form": service_form
            or BookingServiceForm(auto_id="svc-new-%s", initial={"status": "requested"}),
            "service_form_open": service_form is not None,
            "supplier_names": _supplier_names(request),
            "payments": booking.payments.all(),
            "payment_form": payment_form,
            "paid_share": paid_share,
        },
        status=status,
    )


def _supplier_names(request: AgencyRequest) -> list[str]:
    """The names the supplier fields suggest (a datalist), the live suppliers by name."""
    return list(supplier_choices(agency=request.agency).values_list("name", flat=True)[:500])


@agency_required
def booking_detail(request: AgencyRequest, booking_id: int) -> HttpResponse:
    booking = _get_booking(request, booking_id)
    return _render_detail(request, booking, PaymentForm(agency=request.agency))


# The booking's services ----------------------------------------------------------------------


def _get_service(request: AgencyRequest, booking: Booking, service_id: int) -> BookingService:
    return get_or_404(
        booking_selectors.booking_service_get,
        agency=request.agency,
        booking_id=booking.pk,
        service_id=service_id,
    )


def _to_services(booking: Booking) -> str:
    return reverse("booking_detail", args=[booking.pk]) + "#services"


@require_POST
@agency_required
def service_add(request: AgencyRequest, booking_id: int) -> HttpResponse:
    booking = _get_booking(request, booking_id)
    form = BookingServiceForm(request.POST, auto_id="svc-new-%s")
    done = run_service(
        request,
        form,
        lambda: booked_services.booking_service_add(
            booking=booking, created_by=request.user, **form.service_fields()
        ),
        success=lambda service: f"{service.description} added.",
        redirect_to=lambda service: _to_services(booking),
    )
    return done or _render_detail(
        request, booking, PaymentForm(agency=request.agency), service_form=form
    )


@agency_required
def service_edit(request: AgencyRequest, booking_id: int, service_id: int) -> HttpResponse:
    booking = _get_booking(request, booking_id)
    service = _get_service(request, booking, service_id)
    form = BookingServiceForm(request.POST or None, initial=BookingServiceForm.initial_for(service))
    return form_page(
        request,
        form,
        lambda: booked_services.booking_service_update(
            service=service, updated_by=request.user, **form.service_fields()
        ),
        template="crm/bookings/service_form.html",
        context={
            "booking": booking,
            "service": service,
            "supplier_names": _supplier_names(request),
        },
        success="Service saved.",
        redirect_to=lambda saved: _to_services(booking),
    )


@require_POST
@agency_required
def service_cancel(request: AgencyRequest, booking_id: int, service_id: int) -> HttpResponse:
    booking = _get_booking(request, booking_id)
    service = _get_service(request, booking, service_id)
    return run_action(
        request,
        lambda: booked_services.booking_service_cancel(service=service, updated_by=request.user),
        success=f"{service.description} cancelled: it stays on the booking, out of its totals.",
        redirect_to=_to_services(booking),
    )


@require_POST
@agency_required
def service_remove(request: AgencyRequest, booking_id: int, service_id: int) -> HttpResponse:
    booking = _get_booking(request, booking_id)
    service = _get_service(request, booking, service_id)
    return run_action(
        request,
        lambda: booked_services.booking_service_remove(service=service),
        success=f"{service.description} removed.",
        redirect_to=_to_services(booking),
    )


@require_POST
@agency_required
def payment_add(request: AgencyRequest, booking_id: int) -> HttpResponse:
    booking = _get_booking(request, booking_id)
    form = PaymentForm(request.POST, agency=request.agency)
    done = run_service(
        request,
        form,
        lambda: booking_services.payment_record(
            booking=booking, recorded_by=request.user, **form.cleaned_data
        ),
        success=lambda payment: f"Payment of {payment.amount:,.2f} {payment.currency} recorded.",
        redirect_to=lambda payment: _to_detail(booking),
    )
    return done or _render_detail(request, booking, form)


# Archive (or, at ``.../restore/``, restore): what an agent does instead of deleting money.
booking_archive = archive_view(
    _get_booking,
    booking_archive_services.booking_archive,
    booking_archive_services.booking_restore,
    _to_detail,
)
