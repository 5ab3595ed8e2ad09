"""The automatic follow-ups: a new lead, an unanswered proposal, an instalment due; each made
once per occasion, switchable per agency, completed when the thing closes; and due tasks
remind their assignee once."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone

from crm.bookings import schedules
from crm.bookings import services as booking_services
from crm.clients import services as client_services
from crm.models import Notification, Task
from crm.tasks import services
from crm.tasks.follow_ups import add_business_days, follow_ups_run
from crm.tasks.jobs import tick
from tests.factories import BookingFactory, ProposalFactory

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2027, 3, 3, 12, 0, tzinfo=dt.UTC)  # a Wednesday


def test_one_business_day_skips_the_weekend():
    assert add_business_days(dt.date(2027, 3, 3)) == dt.date(2027, 3, 4)  # Wed -> Thu
    assert add_business_days(dt.date(2027, 3, 5)) == dt.date(2027, 3, 8)  # Fri -> Mon
    assert add_business_days(dt.date(2027, 3, 6)) == dt.date(2027, 3, 8)  # Sat -> Mon


def test_a_new_lead_gets_a_reply_task_for_its_agent(agency, amir, run_jobs):
    with run_jobs():
        lead = client_services.client_create(
            agency=agency, created_by=None, name="Lin Lead", status="lead", assigned_to=amir
        )
    task = Task.objects.get()
    assert task.title == "Reply to Lin Lead"
    assert task.assignee == amir and task.client == lead
    assert task.source == "lead_reply" and task.occasion == f"lead_reply:{lead.pk}"
    created_on = timezone.localtime(lead.created_at).date()
    assert task.due_date == add_business_days(created_on)


def test_an_unassigned_lead_is_the_owners_and_an_active_client_gets_none(agency, alice, run_jobs):
    with run_jobs():
        client_services.client_create(agency=agency, created_by=None, name="Known", status="active")
        client_services.client_create(agency=agency, created_by=None, name="New one")
    assert [(t.title, t.assignee) for t in Task.objects.all()] == [("Reply to New one", alice)]


def test_the_lead_follow_up_can_be_switched_off(agency, alice, run_jobs):
    services.follow_up_settings_update(agency=agency, actor=alice, lead_reply=False)
    with run_jobs():
        client_services.client_create(agency=agency, created_by=None, name="Lin Lead")
    assert not Task.objects.exists()


def test_a_website_form_lead_gets_its_task(agency, alice, run_jobs, client):
    from tests.factories import EnquiryFormFactory

    form = EnquiryFormFactory(agency=agency)
    with run_jobs():
        answer = client.post(
            f"/forms/{form.public_key}", {"name": "Web Lead", "email": "web@lead.example"}
        )
    assert answer.status_code in (200, 201, 302, 303)
    assert Task.objects.get().title == "Reply to Web Lead"


def _sent(agency, ada, amir, *, days_ago: int):
    return ProposalFactory(
        agency=agency,
        client=ada,
        created_by=amir,
        title="Lisbon offer",
        status="sent",
        sent_at=NOW - dt.timedelta(days=days_ago),
    )


def test_a_proposal_unanswered_for_3_days_gets_one_follow_up(agency, amir, ada):
    _sent(agency, ada, amir, days_ago=2)
    assert follow_ups_run(agency_id=agency.pk, now=NOW)["proposal_follow_up"] == 0
    offer = _sent(agency, ada, amir, days_ago=3)
    assert follow_ups_run(agency_id=agency.pk, now=NOW)["proposal_follow_up"] == 1
    assert follow_ups_run(agency_id=agency.pk, now=NOW)["proposal_follow_up"] == 0
    task = Task.objects.get()
    assert task.title == "Follow up Lisbon offer"
    assert task.proposal == offer and task.assignee == amir and task.due_date == NOW.date()


def test_the_number_of_days_is_the_agencys(agency, amir, alice, ada):
    services.follow_up_settings_update(agency=agency, actor=alice, proposal_follow_up_days=7)
    _sent(agency, ada, amir, days_ago=5)
    assert follow_ups_run(agency_id=agency.pk, now=NOW)["proposal_follow_up"] == 0


def test_an_answered_proposal_completes_its_follow_up(agency, amir, ada):
    offer = _sent(agency, ada, amir, days_ago=4)
    follow_ups_run(agency_id=agency.pk, now=NOW)
    offer.status = "accepted"
    offer.save()
    assert follow_ups_run(agency_id=agency.pk, now=NOW)["completed"] == 1
    task = Task.objects.get()
    assert task.done_at is not None and task.done_by is None


@pytest.fixture
def scheduled(agency, amir, ada):
    booking = BookingFactory(
        agency=agency,
        client=ada,
        created_by=amir,
        reference="BK-ADA9",
        total_price=Decimal("1000.00"),
        amount_paid=Decimal("0.00"),
        start_date=dt.date(2027, 6, 1),
    )
    schedules.schedule_set(
        booking=booking,
        instalments=[
            {"label": "Deposit", "due_date": dt.date(2027, 3, 8), "amount": Decimal("300.00")},
            {"label": "Balance", "due_date": dt.date(2027, 5, 1), "amount": Decimal("700.00")},
        ],
    )
    return booking


def test_an_instalment_due_within_7_days_gets_a_collect_payment_task(agency, amir, scheduled):
    assert follow_ups_run(agency_id=agency.pk, now=NOW)["collect_payment"] == 1
    assert follow_ups_run(agency_id=agency.pk, now=NOW)["collect_payment"] == 0
    task = Task.objects.get()
    assert task.title == "Collect payment BK-ADA9 Deposit"
    assert task.booking == scheduled and task.assignee == amir
    assert task.due_date == dt.date(2027, 3, 8)


def test_a_paid_instalment_completes_its_task(agency, amir, alice, scheduled):
    follow_ups_run(agency_id=agency.pk, now=NOW)
    booking_services.payment_record(booking=scheduled, amount=Decimal("300.00"), recorded_by=alice)
    assert follow_ups_run(agency_id=agency.pk, now=NOW)["completed"] == 1
    assert Task.objects.get().done_at is not None


def test_the_time_based_follow_ups_can_be_switched_off(agency, amir, alice, ada, scheduled):
    services.follow_up_settings_update(
        agency=agency, actor=alice, proposal_follow_up=False, collect_payment=False
    )
    _sent(agency, ada, amir, days_ago=9)
    follow_ups_run(agency_id=agency.pk, now=NOW)
    assert not Task.objects.exists()


def test_a_due_task_reminds_its_assignee_once_in_the_bell_and_by_email(agency, amir, ada, run_jobs):
    task = services.task_create(
        agency=agency,
        created_by=amir,
        title="Call Ada",
        client=ada,
        due_date=NOW.date(),
        due_time=dt.time(13, 0),
    )
    assert follow_ups_run(agency_id=agency.pk, now=NOW)["reminded"] == 0  # 13:00 not yet
    later = NOW + dt.timedelta(hours=2)
    with run_jobs():
        assert follow_ups_run(agency_id=agency.pk, now=later)["reminded"] == 1
    assert follow_ups_run(agency_id=agency.pk, now=later)["reminded"] == 0
    told = Notification.objects.get(recipient=amir)
    assert told.kind == "task.due" and told.object_id == task.pk
    assert "Call Ada" in told.text
    assert [m.to for m in mail.outbox] == [[amir.email]]
    # Moved to another day: a new due moment, a new reminder.
    services.task_update(task=task, due_date=later.date() + dt.timedelta(days=1))
    assert follow_ups_run(agency_id=agency.pk, now=later + dt.timedelta(days=1))["reminded"] == 1


def test_a_done_task_is_not_reminded(agency, amir, ada):
    task = services.task_create(
        agency=agency, created_by=amir, title="Call", client=ada, due_date=NOW.date()
    )
    services.task_complete(task=task, actor=amir)
    assert follow_ups_run(agency_id=agency.pk, now=NOW)["reminded"] == 0


def test_the_tick_starts_every_agencys_run(agency, other_agency):
    assert tick(timestamp=0) == 2
