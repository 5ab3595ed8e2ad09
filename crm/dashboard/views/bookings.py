from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts.tenancy import agency_required, get_or_404
from core.views import paginate, querystring_without_page, run_service
from crm.bookings import selectors as booking_selectors
from crm.bookings import services as booking_services
from crm.clients import selectors as client_selectors
from crm.dashboard.forms.bookings import BookingForm, PaymentForm
from crm.models import Booking, BookingStatus


@agency_required
def booking_list(request: HttpRequest) -> HttpResponse:
    filters = {k: v for k, v in request.GET.items() if k in ("q", "status", "client") and v}
    filter_error = None
    try:
        bookings = booking_selectors.booking_list(agency=request.agency, filters=filters)
    except ValidationError as exc:
        filter_error = "; ".join(exc.messages)
        bookings = Booking.objects.none()
    page = paginate(request, bookings.select_related("client"))
    return render(
        request,
        "crm/bookings/list.html",
        {
            "page": page,
            "filtering": bool(filters),
            "filter_error": filter_error,
            "statuses": BookingStatus.choices,
            "querystring": querystring_without_page(request),
        },
    )


def _to_detail(booking: Booking) -> str:
    return reverse("booking_detail", args=[booking.pk])


@agency_required
def booking_create(request: HttpRequest) -> HttpResponse:
    initial: dict[str, Any] = {"currency": request.agency.default_currency}
    client_id = request.GET.get("client", "")
    if client_id.isdigit():
        client = get_or_404(
            client_selectors.client_get, agency=request.agency, client_id=int(client_id)
        )
        initial["client"] = client.pk
    form = BookingForm(request.POST or None, agency=request.agency, initial=initial)
    done = run_service(
        request,
        form,
        lambda: booking_services.booking_create(
            agency=request.agency, created_by=request.user, **form.service_fields()
        ),
        success=lambda booking: f"Booking {booking.reference} created.",
        redirect_to=_to_detail,
    )
    return done or render(request, "crm/bookings/form.html", {"form": form, "booking": None})


@agency_required
def booking_edit(request: HttpRequest, booking_id: int) -> HttpResponse:
    booking = get_or_404(
        booking_selectors.booking_get, agency=request.agency, booking_id=booking_id
    )
    form = BookingForm(
        request.POST or None, agency=request.agency, initial=BookingForm.initial_for(booking)
    )
    done = run_service(
        request,
        form,
        lambda: booking_services.booking_update(booking=booking, **form.service_fields()),
        success="Booking saved.",
        redirect_to=_to_detail,
    )
    return done or render(request, "crm/bookings/form.html", {"form": form, "booking": booking})


def _render_detail(
    request: HttpRequest, booking: Booking, payment_form: PaymentForm, status: int = 200
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
def booking_detail(request: HttpRequest, booking_id: int) -> HttpResponse:
    booking = get_or_404(
        booking_selectors.booking_get, agency=request.agency, booking_id=booking_id
    )
    return _render_detail(request, booking, PaymentForm(agency=request.agency))


@require_POST
@agency_required
def payment_add(request: HttpRequest, booking_id: int) -> HttpResponse:
    booking = get_or_404(
        booking_selectors.booking_get, agency=request.agency, booking_id=booking_id
    )
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
