"""The dashboard archives and restores a booking (what an agent does instead of deleting money)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from crm.bookings.services import payment_record
from crm.models import Booking
from tests.factories import BookingFactory


@pytest.fixture
def paid(agency):
    booking = BookingFactory(agency=agency, reference="BK-PAID01", total_price=Decimal("500"))
    payment_record(booking=booking, amount=Decimal("100.00"))
    return booking


def test_an_agent_archives_a_paid_booking_and_it_leaves_the_list(as_amir, amir, paid):
    response = as_amir.post(f"/bookings/{paid.pk}/archive/", follow=True)

    assert response.status_code == 200
    paid.refresh_from_db()
    assert paid.archived_at is not None and paid.archived_by == amir
    assert paid.payments.count() == 1
    page = response.content.decode()
    assert "Archived on" in page and f"/bookings/{paid.pk}/restore/" in page
    assert "BK-PAID01" not in as_amir.get("/bookings/").content.decode()
    assert "BK-PAID01" in as_amir.get("/bookings/?archived=only").content.decode()


def test_restoring_brings_the_booking_back(as_amir, paid):
    as_amir.post(f"/bookings/{paid.pk}/archive/")

    as_amir.post(f"/bookings/{paid.pk}/restore/")

    assert Booking.objects.get(pk=paid.pk).archived_at is None
    assert "BK-PAID01" in as_amir.get("/bookings/").content.decode()


def test_archive_and_restore_refuse_a_get(as_amir, paid):
    assert as_amir.get(f"/bookings/{paid.pk}/archive/").status_code == 405
    assert as_amir.get(f"/bookings/{paid.pk}/restore/").status_code == 405
    assert Booking.objects.get(pk=paid.pk).archived_at is None


def test_another_agency_cannot_archive_a_booking(client, bob, paid):
    client.force_login(bob)

    assert client.post(f"/bookings/{paid.pk}/archive/").status_code == 404
    assert Booking.objects.get(pk=paid.pk).archived_at is None
