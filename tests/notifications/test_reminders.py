"""Reminders to the agent, once per occasion: a proposal expiring within 3 days without an
answer, a booking departing within 30 days with a balance due. Run twice, remind once."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from crm.models import Notification, Proposal
from crm.notifications.jobs import reminders_tick, send_reminders
from crm.notifications.reminders import reminders_send
from tests.factories import BookingFactory, ProposalFactory

pytestmark = pytest.mark.django_db

TODAY = dt.date(2027, 3, 1)


def _kinds(user):
    return sorted(n.kind for n in Notification.objects.filter(recipient=user))


@pytest.fixture
def expiring(agency, amir, ada):
    return ProposalFactory(
        agency=agency,
        client=ada,
        created_by=amir,
        title="Lisbon in spring",
        status="sent",
        valid_until=TODAY + dt.timedelta(days=3),
    )


@pytest.fixture
def due(agency, amir, ada):
    return BookingFactory(
        agency=agency,
        client=ada,
        created_by=amir,
        reference="BK-LIS1",
        total_price=Decimal("2000.00"),
        amount_paid=Decimal("500.00"),
        start_date=TODAY + dt.timedelta(days=30),
    )


def test_a_proposal_expiring_in_3_days_without_an_answer_is_reminded(
    agency, amir, expiring, run_jobs
):
    with run_jobs():  # the email is delivered by a job, after the commit
        assert reminders_send(agency_id=agency.pk, today=TODAY) == 1
    told = Notification.objects.get(recipient=amir)
    assert told.kind == "reminder.proposal_expiring"
    assert told.text == (
        "The proposal “Lisbon in spring” for Ada Lovelace expires on 04 Mar 2027 and has no "
        "answer yet."
    )
    assert told.link == f"/proposals/{expiring.pk}/"
    (email,) = mail.outbox
    assert email.to == ["amir@alpha.example"]
    assert email.subject == "Reminder: the proposal “Lisbon in spring” expires soon"
    assert f"https://crm.alpha.example/proposals/{expiring.pk}/" in email.body
    assert email.alternatives and "Alpha Tours" in email.alternatives[0][0]


def test_a_booking_departing_within_30_days_with_a_balance_is_reminded(agency, amir, due, run_jobs):
    with run_jobs():
        assert reminders_send(agency_id=agency.pk, today=TODAY) == 1
    told = Notification.objects.get(recipient=amir)
    assert told.kind == "reminder.balance_due"
    assert told.text == (
        "Ada Lovelace departs on 31 Mar 2027 (booking BK-LIS1) with 1,500.00 EUR still to pay."
    )
    assert told.link == f"/bookings/{due.pk}/"
    assert f"https://crm.alpha.example/bookings/{due.pk}/" in mail.outbox[0].body


def test_running_twice_reminds_once(agency, amir, expiring, due, run_jobs):
    with run_jobs():
        assert reminders_send(agency_id=agency.pk, today=TODAY) == 2
        assert reminders_send(agency_id=agency.pk, today=TODAY) == 0
        assert reminders_send(agency_id=agency.pk, today=TODAY + dt.timedelta(days=1)) == 0
    assert _kinds(amir) == ["reminder.balance_due", "reminder.proposal_expiring"]
    assert len(mail.outbox) == 2


def test_a_new_date_is_a_new_occasion(agency, amir, expiring):
    reminders_send(agency_id=agency.pk, today=TODAY)
    Proposal.objects.filter(pk=expiring.pk).update(valid_until=TODAY + dt.timedelta(days=10))
    reminders_send(agency_id=agency.pk, today=TODAY + dt.timedelta(days=8))
    assert _kinds(amir) == ["reminder.proposal_expiring"] * 2


@pytest.mark.parametrize(
    "fields",
    [
        {"status": "accepted"},  # answered
        {"status": "draft"},  # never sent
        {"valid_until": TODAY + dt.timedelta(days=4)},  # not yet
        {"valid_until": TODAY - dt.timedelta(days=1)},  # already past: the expiry job's
    ],
)
def test_other_proposals_are_not_reminded(agency, amir, ada, fields):
    values = {"status": "viewed", "valid_until": TODAY + dt.timedelta(days=1), **fields}
    ProposalFactory(agency=agency, client=ada, created_by=amir, **values)
    assert reminders_send(agency_id=agency.pk, today=TODAY) == 0


@pytest.mark.parametrize(
    "fields",
    [
        {"amount_paid": Decimal("2000.00")},  # paid in full
        {"status": "cancelled"},
        {"start_date": TODAY + dt.timedelta(days=31)},  # not yet
        {"start_date": TODAY - dt.timedelta(days=1)},  # already left
        {"archived_at": dt.datetime(2027, 1, 1, tzinfo=dt.UTC)},
    ],
)
def test_other_bookings_are_not_reminded(agency, amir, ada, fields):
    values = {
        "total_price": Decimal("2000.00"),
        "amount_paid": Decimal("0.00"),
        "start_date": TODAY + dt.timedelta(days=10),
        **fields,
    }
    BookingFactory(agency=agency, client=ada, created_by=amir, **values)
    assert reminders_send(agency_id=agency.pk, today=TODAY) == 0


def test_reminders_stay_in_their_agency(agency, other_agency, bob, expiring):
    assert reminders_send(agency_id=other_agency.pk, today=TODAY) == 0
    reminders_send(agency_id=agency.pk, today=TODAY)
    assert not Notification.objects.filter(recipient=bob).exists()
    assert Notification.objects.get().agency_id == agency.pk


def test_the_hourly_tick_runs_each_agencys_reminders(agency, other_agency, amir, run_jobs):
    ProposalFactory(
        agency=agency,
        client__agency=agency,
        client__assigned_to=amir,
        status="sent",
        valid_until=timezone.localdate() + dt.timedelta(days=2),
    )
    with run_jobs():
        assert reminders_tick(timestamp=1_800_000_000) == 2
    assert _kinds(amir) == ["reminder.proposal_expiring"]
    assert send_reminders(agency_id=agency.pk) == 0  # the next hour: nothing new


def test_the_command_sends_the_reminders_once(agency, amir, capsys):
    ProposalFactory(
        agency=agency,
        client__agency=agency,
        client__assigned_to=amir,
        status="sent",
        valid_until=timezone.localdate() + dt.timedelta(days=1),
    )
    call_command("send_reminders")
    call_command("send_reminders", agency=agency.slug)
    assert capsys.readouterr().out.splitlines() == [
        "Sent 1 new reminder(s).",
        "Sent 0 new reminder(s).",
    ]
    assert _kinds(amir) == ["reminder.proposal_expiring"]


def test_past_the_agencys_email_limit_the_bell_still_reminds(
    settings, agency, amir, expiring, due, run_jobs
):
    """Agents' notifications skip the per-recipient limit (five an hour would drop real news)
    but not the agency's: past it the email is dropped and the bell still reminds."""
    settings.MAIL_LIMIT_PER_AGENCY = 1
    with run_jobs():
        assert reminders_send(agency_id=agency.pk, today=TODAY) == 2
    assert _kinds(amir) == ["reminder.balance_due", "reminder.proposal_expiring"]
    assert len(mail.outbox) == 1
