from __future__ import annotations

from functools import partial
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts.tenancy import AgencyRequest, active_members, agency_required, get_or_404
from core.filters import ARCHIVED_CHOICES
from core.views import form_page, list_page, run_action, run_service
from crm.bookings import archive as booking_archive_services
from crm.bookings import booked_services, payments, schedules
from crm.bookings import selectors as booking_selectors
from crm.bookings import services as booking_services
from crm.bookings.financials import booking_financials
from crm.bookings.payments import ADMINS_ONLY
from crm.dashboard.forms.bookings import (
    BookingForm,
    InstalmentFormSet,
    PaymentEditForm,
    PaymentForm,
    ScheduleTemplateForm,
    VoidForm,
)
from crm.dashboard.forms.suppliers import BookingServiceForm
from crm.dashboard.views.common import archive_view, client_from_query, edit_form
from crm.dashboard.views.invoices import booking_documents_context
from crm.models import Booking, BookingService, BookingStatus, Payment, PaymentKind
from crm.suppliers.selectors import supplier_choices
from crm.tasks import selectors as task_selectors


@agency_required
def booking_list(request: AgencyRequest) -> HttpResponse:
    return list_page(
        request,
        "crm/bookings/list.html",
        booking_selectors.booking_list,
        agency=request.agency,
        model=Booking,
        filter_names=(
            "q",
            "status",
            "client",
            "archived",
            "consultant_id",
            "balance_due",
            "departing_within",
            "sort",
        ),
        mine="consultant_id",
        sorts=(
            ("start_date", "Departure, soonest"),
            ("-start_date", "Departure, latest"),
            ("-total_price", "Highest total"),
            ("created_at", "Oldest first"),
        ),
        prepare=lambda rows: rows.select_related("client", "supplier"),
        context={
            "statuses": BookingStatus.choices,
            "archived_choices": ARCHIVED_CHOICES,
            "members": active_members(agency=request.agency),
        },
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
    template_form: ScheduleTemplateForm | None = None,
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
            "tasks": task_selectors.tasks_of(agency=request.agency, booking_id=booking.pk),
            "task_query": f"client={booking.client_id}&booking={booking.pk}",
            "payments": booking.payments.all(),
            "payment_form": payment_form,
            "paid_share": paid_share,
            "schedule": booking.schedule,
            "template_form": template_form or ScheduleTemplateForm(),
            "can_correct": request.user.is_agency_admin,
            **booking_documents_context(request, booking),
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

    def record() -> Payment:
        return payments.payment_record(
            booking=booking, recorded_by=request.user, **form.cleaned_data
        )

    def said(payment: Payment) -> str:
        what = "Refund" if payment.kind == PaymentKind.REFUND else "Payment"
        credit = " as a credit" if payment.is_credit else ""
        return f"{what} of {payment.amount:,.2f} {payment.currency} recorded{credit}."

    done = run_service(
        request, form, record, success=said, redirect_to=lambda p: _to_detail(booking)
    )
    return done or _render_detail(request, booking, form)


def _get_payment(request: AgencyRequest, booking_id: int, payment_id: int) -> Payment:
    if not request.user.is_agency_admin:
        raise PermissionDenied(ADMINS_ONLY)
    booking = _get_booking(request, booking_id)
    return get_or_404(
        booking_selectors.payment_get, agency=request.agency, booking=booking, payment_id=payment_id
    )


@agency_required
def payment_edit(request: AgencyRequest, booking_id: int, payment_id: int) -> HttpResponse:
    payment = _get_payment(request, booking_id, payment_id)
    form = PaymentEditForm(
        request.POST or None, agency=request.agency, initial=PaymentEditForm.initial_for(payment)
    )

    def save() -> Payment:
        fields = dict(form.cleaned_data)
        reason = fields.pop("reason")
        return payments.payment_update(payment=payment, actor=request.user, reason=reason, **fields)

    return form_page(
        request,
        form,
        save,
        template="crm/bookings/payment_form.html",
        context={"booking": payment.booking, "payment": payment, "voiding": False},
        success="Payment corrected.",
        redirect_to=lambda p: _to_detail(payment.booking),
    )


@agency_required
def payment_void(request: AgencyRequest, booking_id: int, payment_id: int) -> HttpResponse:
    payment = _get_payment(request, booking_id, payment_id)
    form = VoidForm(request.POST or None)
    return form_page(
        request,
        form,
        lambda: payments.payment_void(
            payment=payment, actor=request.user, reason=form.cleaned_data["reason"]
        ),
        template="crm/bookings/payment_form.html",
        context={"booking": payment.booking, "payment": payment, "voiding": True},
        success=lambda p: f"Payment of {p.amount:,.2f} {p.currency} voided.",
        redirect_to=lambda p: _to_detail(payment.booking),
        aliases={"payment": "reason"},
    )


@require_POST
@agency_required
def schedule_template(request: AgencyRequest, booking_id: int) -> HttpResponse:
    booking = _get_booking(request, booking_id)
    form = ScheduleTemplateForm(request.POST)
    done = run_service(
        request,
        form,
        lambda: schedules.schedule_apply_template(
            booking=booking,
            template=form.cleaned_data["template"],
            deposit_percent=form.cleaned_data["deposit_percent"],
            balance_days_before=form.cleaned_data["balance_days_before"],
            instalments=form.cleaned_data["instalments_count"],
        ),
        success="Payment schedule set.",
        redirect_to=lambda rows: _to_detail(booking) + "#schedule",
    )
    return done or _render_detail(
        request, booking, PaymentForm(agency=request.agency), template_form=form
    )


@agency_required
def schedule_edit(request: AgencyRequest, booking_id: int) -> HttpResponse:
    booking = _get_booking(request, booking_id)
    initial = [
        {"label": row.label, "due_date": row.due_date, "amount": row.amount}
        for row in booking.schedule.instalments
    ]
    formset = InstalmentFormSet(request.POST or None, initial=initial, prefix="instalments")
    errors: list[str] = []
    if request.method == "POST" and formset.is_valid():
        rows = [f.cleaned_data for f in formset.forms if f.cleaned_data.get("due_date")]
        try:
            schedules.schedule_set(booking=booking, instalments=rows)
        except ValidationError as exc:
            errors = [m for messages_ in exc.message_dict.values() for m in messages_]
        else:
            messages.success(request, "Payment schedule saved.")
            return HttpResponseRedirect(_to_detail(booking) + "#schedule")
    return render(
        request,
        "crm/bookings/schedule_form.html",
        {"booking": booking, "formset": formset, "errors": errors},
        status=200,
    )


@require_POST
@agency_required
def schedule_clear(request: AgencyRequest, booking_id: int) -> HttpResponse:
    booking = _get_booking(request, booking_id)
    if schedules.schedule_clear(booking=booking):
        messages.success(request, "Payment schedule cleared.")
    return HttpResponseRedirect(_to_detail(booking) + "#schedule")


# Archive (or, at ``.../restore/``, restore): what an agent does instead of deleting money.
booking_archive = archive_view(
    _get_booking,
    booking_archive_services.booking_archive,
    booking_archive_services.booking_restore,
    _to_detail,
)
