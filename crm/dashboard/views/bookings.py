from __future__ import annotations

from functools import partial
from typing import Any

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts.tenancy import AgencyRequest, agency_required, get_or_404
from core.filters import ARCHIVED_CHOICES
from core.views import form_page, list_page, run_service
from crm.bookings import archive as booking_archive_services
from crm.bookings import selectors as booking_selectors
from crm.bookings import services as booking_services
from crm.dashboard.forms.bookings import BookingForm, PaymentForm
from crm.dashboard.views.common import archive_view, client_from_query, edit_form
from crm.models import Booking, BookingStatus


@agency_required
def booking_list(request: AgencyRequest) -> HttpResponse:
    return list_page(
        request,
        "crm/bookings/list.html",
        booking_selectors.booking_list,
        agency=request.agency,
        model=Booking,
        filter_names=("q", "status", "client", "archived"),
        prepare=lambda rows: rows.select_related("client"),
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
    request: AgencyRequest, booking: Booking, payment_form: PaymentForm, status: int = 200
) -> HttpResponse:
    paid_share = 0
    if booking.total_price > 0:
        paid_share = min(100, int(booking.amount_paid * 100 / booking.total_price))
    return render(
        request,
        "crm/bookings/detail.html",
        {
            "booking": booking,
            "payments": booking.payments.all(),
            "payment_form": payment_form,
            "paid_share": paid_share,
        },
        status=status,
    )


@agency_required
def booking_detail(request: AgencyRequest, booking_id: int) -> HttpResponse:
    booking = _get_booking(request, booking_id)
    return _render_detail(request, booking, PaymentForm(agency=request.agency))


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
