"""Bookings: created directly, listed with what is paid and due, payments recorded."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client as HttpClient

from crm.models import Booking, Payment
from tests.factories import BookingFactory, ClientFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_amir(client, amir):
    """An agent (not an owner) can do everything with bookings."""
    client.force_login(amir)
    return client


def test_creating_a_booking_directly_generates_a_reference(as_amir, agency, amir):
    ada = ClientFactory(agency=agency)
    response = as_amir.post(
        "/bookings/new/",
        {
            "client": ada.pk,
            "status": "pending",
            "currency": "eur",
            "total_price": "1200.00",
            "start_date": "2027-06-01",
            "end_date": "2027-06-08",
        },
    )
    booking = Booking.objects.get()
    assert response.status_code == 302
    assert booking.reference.startswith("BK-")
    assert booking.agency == agency and booking.created_by == amir
    assert booking.currency == "EUR"


def test_a_duplicate_reference_is_shown_beside_the_reference(as_amir, agency):
    ada = ClientFactory(agency=agency)
    BookingFactory(client=ada, reference="BK-TAKEN1")
    response = as_amir.post(
        "/bookings/new/",
        {
            "client": ada.pk,
            "reference": "bk-taken1",
            "status": "pending",
            "currency": "EUR",
            "total_price": "10",
        },
    )
    assert response.status_code == 200
    assert "reference" in response.context["form"].errors
    assert Booking.objects.count() == 1


def test_return_before_departure_is_shown_beside_the_return_date(as_amir, agency):
    ada = ClientFactory(agency=agency)
    response = as_amir.post(
        "/bookings/new/",
        {
            "client": ada.pk,
            "status": "pending",
            "currency": "EUR",
            "total_price": "10",
            "start_date": "2027-06-08",
            "end_date": "2027-06-01",
        },
    )
    assert "end_date" in response.context["form"].errors
    assert not Booking.objects.exists()


def test_the_list_shows_reference_dates_total_paid_and_balance(as_amir, agency):
    BookingFactory(
        client=ClientFactory(agency=agency, name="Ada"),
        reference="BK-LIST01",
        total_price=Decimal("2000.00"),
        amount_paid=Decimal("500.00"),
    )
    body = as_amir.get("/bookings/").content.decode()
    for text in ("BK-LIST01", "Ada", "2,000.00", "500.00", "1,500.00", "1 Mar 2027"):
        assert text in body


def test_recording_payments_updates_paid_and_balance(as_amir, agency, amir):
    booking = BookingFactory(
        client=ClientFactory(agency=agency),
        total_price=Decimal("1000.00"),
        amount_paid=Decimal("0.00"),
    )
    for amount in ("250.00", "100.50"):
        response = as_amir.post(
            f"/bookings/{booking.pk}/payments/",
            {"amount": amount, "paid_on": "2026-11-01", "method": "card"},
        )
        assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.amount_paid == Decimal("350.50")
    assert booking.balance_due == Decimal("649.50")
    assert Payment.objects.filter(booking=booking, recorded_by=amir).count() == 2
    body = as_amir.get(f"/bookings/{booking.pk}/").content.decode()
    assert "649.50" in body and "350.50" in body


def test_a_zero_or_future_payment_is_refused_with_errors(as_amir, agency):
    booking = BookingFactory(client=ClientFactory(agency=agency), amount_paid=Decimal("0"))
    response = as_amir.post(
        f"/bookings/{booking.pk}/payments/", {"amount": "0", "paid_on": "2999-01-01"}
    )
    assert response.status_code == 200
    assert {"amount", "paid_on"} <= set(response.context["payment_form"].errors)
    assert not Payment.objects.exists()


def test_another_agencys_booking_is_a_404(as_amir, other_agency):
    theirs = BookingFactory(client=ClientFactory(agency=other_agency), amount_paid=Decimal("0"))
    assert as_amir.get(f"/bookings/{theirs.pk}/").status_code == 404
    assert as_amir.get(f"/bookings/{theirs.pk}/edit/").status_code == 404
    response = as_amir.post(
        f"/bookings/{theirs.pk}/payments/", {"amount": "5", "paid_on": "2026-11-01"}
    )
    assert response.status_code == 404
    assert not Payment.objects.exists()


def test_a_booking_cannot_be_made_for_another_agencys_client(as_amir, other_agency):
    theirs = ClientFactory(agency=other_agency)
    response = as_amir.post(
        "/bookings/new/",
        {"client": theirs.pk, "status": "pending", "currency": "EUR", "total_price": "1"},
    )
    assert "client" in response.context["form"].errors
    assert not Booking.objects.exists()


def test_the_list_is_scoped_to_the_agency(as_amir, agency, other_agency):
    BookingFactory(client=ClientFactory(agency=agency), reference="BK-OURS01")
    BookingFactory(client=ClientFactory(agency=other_agency), reference="BK-THEIRS")
    body = as_amir.get("/bookings/").content.decode()
    assert "BK-OURS01" in body and "BK-THEIRS" not in body


def test_recording_a_payment_without_csrf_is_refused(amir, agency):
    booking = BookingFactory(client=ClientFactory(agency=agency), amount_paid=Decimal("0"))
    browser = HttpClient(enforce_csrf_checks=True)
    browser.force_login(amir)
    response = browser.post(
        f"/bookings/{booking.pk}/payments/", {"amount": "5", "paid_on": "2026-11-01"}
    )
    assert response.status_code == 403
    assert not Payment.objects.exists()
