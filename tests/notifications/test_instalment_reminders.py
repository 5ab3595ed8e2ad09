"""Instalment reminders: one due within 7 days and one overdue tell the booking's agent once
per instalment (in-app and by email), and an overdue one records ``instalment.overdue`` once,
even when reminder runs repeat or race. A booking without a schedule keeps the departure
reminder; one with a schedule does not get it too."""

from __future__ import annotations

import datetime as dt
import threading
from decimal import Decimal

import pytest
from django.core import mail
from django.db import connection

from accounts.models import Activity
from crm.bookings import payments, schedules
from crm.models import Booking, Notification
from crm.notifications.reminders import reminders_send
from tests.factories import AgencyFactory, BookingFactory, ClientFactory, UserFactory

TODAY = dt.date(2027, 3, 1)


def _scheduled(agency, created_by, client, **fields) -> Booking:
    booking = BookingFactory(
        agency=agency,
        client=client,
        created_by=created_by,
        reference=fields.pop("reference", "BK-INS1"),
        total_price=Decimal("3000.00"),
        start_date=TODAY + dt.timedelta(days=20),
        end_date=TODAY + dt.timedelta(days=27),
    )
    schedules.schedule_set(
        booking=booking,
        instalments=[
            {"label": "Deposit", "due_date": TODAY - dt.timedelta(days=3), "amount": "1000"},
            {"label": "Second", "due_date": TODAY + dt.timedelta(days=5), "amount": "1000"},
            {"label": "Balance", "due_date": TODAY + dt.timedelta(days=15), "amount": "1000"},
        ],
    )
    return booking


@pytest.mark.django_db
def test_an_overdue_and_a_coming_instalment_tell_the_agent_once(agency, amir, ada, run_jobs):
    booking = _scheduled(agency, amir, ada)
    with run_jobs():
        assert reminders_send(agency_id=agency.pk, today=TODAY) == 2
    kinds = sorted(Notification.objects.filter(recipient=amir).values_list("kind", flat=True))
    assert kinds == ["reminder.instalment_due", "reminder.instalment_overdue"]
    overdue = Notification.objects.get(kind="reminder.instalment_overdue")
    assert "Deposit" in overdue.text and "1,000.00 EUR unpaid" in overdue.text
    assert overdue.link == f"/bookings/{booking.pk}/"
    assert len(mail.outbox) == 2
    event = Activity.objects.get(event="instalment.overdue")
    assert event.data["booking_id"] == booking.pk and event.data["outstanding"] == "1000.00"
    assert event.client_id == ada.pk
    # The next runs tell nobody again and record nothing again.
    with run_jobs():
        assert reminders_send(agency_id=agency.pk, today=TODAY) == 0
        assert reminders_send(agency_id=agency.pk, today=TODAY + dt.timedelta(days=1)) == 0
    assert Activity.objects.filter(event="instalment.overdue").count() == 1
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_a_paid_instalment_is_not_reminded(agency, amir, ada):
    booking = _scheduled(agency, amir, ada)
    payments.payment_record(booking=booking, amount=Decimal("2000"))
    assert reminders_send(agency_id=agency.pk, today=TODAY) == 0
    assert not Activity.objects.filter(event="instalment.overdue").exists()


@pytest.mark.django_db
def test_a_scheduled_booking_gets_no_departure_balance_reminder_but_others_keep_it(
    agency, amir, ada
):
    _scheduled(agency, amir, ada)
    plain = BookingFactory(
        agency=agency,
        client=ada,
        created_by=amir,
        reference="BK-PLAIN",
        total_price=Decimal("500"),
        start_date=TODAY + dt.timedelta(days=10),
    )
    reminders_send(agency_id=agency.pk, today=TODAY)
    balance = Notification.objects.filter(kind="reminder.balance_due")
    assert [n.object_id for n in balance] == [plain.pk]


@pytest.mark.django_db
def test_a_cancelled_or_archived_booking_is_not_reminded(agency, amir, ada):
    booking = _scheduled(agency, amir, ada)
    Booking.objects.filter(pk=booking.pk).update(status="cancelled")
    assert reminders_send(agency_id=agency.pk, today=TODAY) == 0


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_racing_reminder_runs_record_instalment_overdue_once():
    agency = AgencyFactory()
    owner = UserFactory(agency=agency, role="owner")
    client = ClientFactory(agency=agency)
    _scheduled(agency, owner, client)
    barrier = threading.Barrier(4)
    counts: list[int] = []

    def run() -> None:
        barrier.wait()
        try:
            counts.append(reminders_send(agency_id=agency.pk, today=TODAY))
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(counts) == 2  # two occasions, each told by exactly one run
    assert Activity.objects.filter(event="instalment.overdue").count() == 1
    assert Notification.objects.filter(agency=agency).count() == 2
