from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from accounts.tenancy import agency_required, get_or_404
from core.views import add_service_errors, paginate, querystring_without_page
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


def _booking_fields(form: BookingForm) -> dict[str, Any]:
    data = dict(form.cleaned_data)
    data["client"] = data["client"].pk
    return data


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
    if request.method == "POST" and form.is_valid():
        try:
            booking = booking_services.booking_create(
                agency=request.agency, created_by=request.user, **_booking_fields(form)
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"Booking {booking.reference} created.")
            return redirect("booking_detail", booking_id=booking.pk)
    return render(request, "crm/bookings/form.html", {"form": form, "booking": None})


@agency_required
def booking_edit(request: HttpRequest, booking_id: int) -> HttpResponse:
    booking = get_or_404(
        booking_selectors.booking_get, agency=request.agency, booking_id=booking_id
    )
    initial = {name: getattr(booking, name) for name in BookingForm.base_fields}
    initial["client"] = booking.client_id
    form = BookingForm(request.POST or None, agency=request.agency, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            booking_services.booking_update(booking=booking, **_booking_fields(form))
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Booking saved.")
            return redirect("booking_detail", booking_id=booking.pk)
    return render(request, "crm/bookings/form.html", {"form": form, "booking": booking})


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
    return _render_detail(request, booking, PaymentForm())


@require_POST
@agency_required
def payment_add(request: HttpRequest, booking_id: int) -> HttpResponse:
    booking = get_or_404(
        booking_selectors.booking_get, agency=request.agency, booking_id=booking_id
    )
    form = PaymentForm(request.POST)
    if form.is_valid():
        try:
            payment = booking_services.payment_record(
                booking=booking, recorded_by=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, f"Payment of {payment.amount:,.2f} {payment.currency} recorded."
            )
            return redirect("booking_detail", booking_id=booking.pk)
    return _render_detail(request, booking, form)
