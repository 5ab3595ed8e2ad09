"""A booking is archived and restored, never losing its payments."""

from __future__ import annotations

from accounts.models import Activity
from crm.bookings import archive as booking_archive
from crm.models import Payment
from tests.factories import BookingFactory, PaymentFactory


def test_archiving_a_booking_keeps_its_payments_and_records_the_event(agency, amir):
    booking = BookingFactory(client__agency=agency)
    PaymentFactory(booking=booking)

    booking_archive.booking_archive(booking=booking, actor=amir)
    booking.refresh_from_db()

    assert booking.archived_at is not None and booking.archived_by == amir
    assert Payment.objects.filter(booking=booking).count() == 1
    assert Activity.objects.filter(event="booking.archived", object_id=booking.pk).count() == 1


def test_restoring_a_booking_clears_the_archive_and_records_the_event(agency, amir):
    booking = BookingFactory(client__agency=agency)
    booking_archive.booking_archive(booking=booking, actor=amir)

    booking_archive.booking_restore(booking=booking)
    booking.refresh_from_db()

    assert booking.archived_at is None and booking.archived_by is None
    assert Activity.objects.filter(event="booking.restored", object_id=booking.pk).count() == 1


def test_archiving_twice_records_one_event(agency, amir):
    booking = BookingFactory(client__agency=agency)

    booking_archive.booking_archive(booking=booking, actor=amir)
    booking_archive.booking_archive(booking=booking, actor=amir)

    assert Activity.objects.filter(event="booking.archived", object_id=booking.pk).count() == 1
