"""A booking's payment schedule: instalments that add up to the total, templates that compute
dates and amounts exactly, and states derived from the payments, never stored."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts.models import Activity
from crm.bookings import payments, schedules, services
from crm.bookings.schedules import InstalmentState, allocate, schedule_plan
from crm.models import Booking, PaymentInstalment
from tests.factories import BookingFactory, ClientFactory

pytestmark = pytest.mark.django_db
TODAY = dt.date(2027, 1, 10)


@pytest.fixture
def booking(agency) -> Booking:
    return BookingFactory(
        client=ClientFactory(agency=agency),
        total_price=Decimal("6265.00"),
        currency="GBP",
        start_date=dt.date(2027, 6, 1),
        end_date=dt.date(2027, 6, 14),
    )


def rows(*figures: tuple[str, str]) -> list[dict]:
    return [
        {"label": f"Part {n}", "due_date": dt.date.fromisoformat(d), "amount": Decimal(a)}
        for n, (d, a) in enumerate(figures, start=1)
    ]


def test_a_schedule_that_does_not_add_up_is_refused_naming_both_figures(booking):
    with pytest.raises(ValidationError) as refused:
        schedules.schedule_set(
            booking=booking, instalments=rows(("2027-01-01", "1000"), ("2027-04-01", "4000"))
        )
    assert refused.value.message_dict == {
        "instalments": [
            "The instalments total 5,000.00 GBP but the booking total is 6,265.00 GBP: they "
            "must be equal."
        ]
    }
    assert not PaymentInstalment.objects.exists()
    assert not Activity.objects.filter(event="schedule.set").exists()


def test_setting_a_schedule_replaces_the_old_one_and_records_schedule_set(booking, alice):
    schedules.schedule_set(booking=booking, instalments=rows(("2027-01-01", "6265.00")))
    schedules.schedule_set(
        booking=booking, instalments=rows(("2027-01-01", "1879.50"), ("2027-04-02", "4385.50"))
    )
    assert list(booking.instalments.values_list("amount", flat=True)) == [
        Decimal("1879.50"),
        Decimal("4385.50"),
    ]
    events = Activity.objects.filter(event="schedule.set").order_by("id")
    assert events.count() == 2
    last = events.last()
    assert last.object_type == "booking" and last.object_id == booking.pk
    assert last.client_id == booking.client_id
    assert last.data["replaced"] == 1 and last.data["total"] == "6265.00"


@pytest.mark.parametrize(
    ("instalments", "message"),
    [
        ([], "Give at least one instalment, or clear the schedule."),
        ([{"label": "x", "amount": "6265"}], "Instalment 1: a due date is required."),
        (rows(("2027-01-01", "0")), "Instalment 1: an amount greater than zero."),
        (rows(("2027-01-01", "6264.999")), "Instalment 1: at most 2 decimal places."),
        (rows(("1999-01-01", "6265")), "Instalment 1: a due date before 2000?"),
    ],
)
def test_bad_instalments_are_refused_with_a_clear_message(booking, instalments, message):
    with pytest.raises(ValidationError) as refused:
        schedules.schedule_set(booking=booking, instalments=instalments)
    assert refused.value.message_dict == {"instalments": [message]}


def test_the_deposit_and_balance_template_counts_back_from_departure():
    plan = schedule_plan(
        total=Decimal("6265.00"),
        template="deposit_balance",
        today=TODAY,
        departure=dt.date(2027, 6, 1),
        deposit_percent=30,
        balance_days_before=60,
    )
    assert plan == [
        {"label": "Deposit (30%)", "due_date": TODAY, "amount": Decimal("1879.50")},
        {"label": "Balance", "due_date": dt.date(2027, 4, 2), "amount": Decimal("4385.50")},
    ]


def test_a_balance_date_already_past_falls_due_today():
    plan = schedule_plan(
        total=Decimal("100"),
        template="deposit_balance",
        today=TODAY,
        departure=TODAY + dt.timedelta(days=10),
        balance_days_before=60,
    )
    assert plan[1]["due_date"] == TODAY


def test_monthly_instalments_give_the_remainder_to_the_last_one():
    plan = schedule_plan(
        total=Decimal("1000.00"),
        template="deposit_monthly",
        today=dt.date(2027, 1, 31),
        deposit_percent=Decimal("33.33"),
        instalments=3,
    )
    amounts = [row["amount"] for row in plan]
    assert amounts == [Decimal("333.30"), Decimal("222.23"), Decimal("222.23"), Decimal("222.24")]
    assert sum(amounts) == Decimal("1000.00")
    # Month ends are kept inside the month.
    assert [row["due_date"] for row in plan[1:]] == [
        dt.date(2027, 2, 28),
        dt.date(2027, 3, 31),
        dt.date(2027, 4, 30),
    ]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"template": "deposit_balance"}, "template"),  # no departure
        ({"template": "deposit_monthly", "instalments": 0}, "instalments_count"),
        (
            {"template": "deposit_monthly", "instalments": 3, "deposit_percent": 0},
            "deposit_percent",
        ),
        ({"template": "deposit_monthly", "instalments": 99}, "instalments_count"),
        ({"template": "weekly"}, "template"),
    ],
)
def test_a_template_with_missing_or_wrong_parameters_is_refused(params, field):
    with pytest.raises(ValidationError) as refused:
        schedule_plan(total=Decimal("100"), today=TODAY, **params)
    assert list(refused.value.message_dict) == [field]


@settings(max_examples=200, deadline=None)
@given(
    total_cents=st.integers(1, 10**9),
    percent=st.decimals(min_value=1, max_value=99, places=2),
    count=st.integers(1, 35),
)
def test_a_template_always_adds_up_to_the_total_exactly(total_cents, percent, count):
    total = Decimal(total_cents) / 100
    for template, extra in (
        ("full", {}),
        ("deposit_balance", {"departure": TODAY + dt.timedelta(days=400)}),
        ("deposit_monthly", {"instalments": count}),
    ):
        plan = schedule_plan(
            total=total, template=template, today=TODAY, deposit_percent=percent, **extra
        )
        assert sum(row["amount"] for row in plan) == total
        assert all(row["amount"] == row["amount"].quantize(Decimal("0.01")) for row in plan)


def _instalments(amounts: list[int], dates: list[int]) -> list[PaymentInstalment]:
    return [
        PaymentInstalment(
            pk=n, position=n, label=f"#{n}", amount=Decimal(a), due_date=TODAY + dt.timedelta(d)
        )
        for n, (a, d) in enumerate(zip(amounts, dates, strict=False), start=1)
    ]


@settings(max_examples=300, deadline=None)
@given(
    amounts=st.lists(st.integers(1, 10_000), min_size=1, max_size=8),
    dates=st.lists(st.integers(-60, 60), min_size=8, max_size=8),
    paid=st.integers(-100, 90_000),
)
def test_instalment_states_follow_from_allocating_payments_in_due_date_order(amounts, dates, paid):
    instalments = _instalments(amounts, dates)
    result = allocate(instalments, paid=Decimal(paid), today=TODAY)
    assert [r.due_date for r in result] == sorted(r.due_date for r in result)
    assert sum(r.paid for r in result) == min(max(Decimal(paid), 0), sum(map(Decimal, amounts)))
    seen_unpaid = False
    for row in result:
        assert row.paid + row.outstanding == row.amount
        if seen_unpaid:  # payments go to the earliest first: after a gap, nothing is paid
            assert row.paid == 0
        seen_unpaid = seen_unpaid or row.outstanding > 0
        expected = (
            InstalmentState.PAID
            if row.outstanding == 0
            else InstalmentState.OVERDUE
            if row.due_date < TODAY
            else InstalmentState.PART_PAID
            if row.paid > 0
            else InstalmentState.DUE
        )
        assert row.state == expected


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    actions=st.lists(
        st.tuples(st.sampled_from(["pay", "refund", "void"]), st.integers(1, 3000)), max_size=8
    )
)
def test_the_booking_schedule_reads_its_states_from_the_stored_payments(agency, alice, actions):
    booking = BookingFactory(client=ClientFactory(agency=agency), total_price=Decimal("3000.00"))
    today = timezone.localdate()
    schedules.schedule_set(
        booking=booking,
        instalments=[
            {
                "label": "Deposit",
                "due_date": today - dt.timedelta(days=5),
                "amount": Decimal("900"),
            },
            {
                "label": "Balance",
                "due_date": today + dt.timedelta(days=30),
                "amount": Decimal("2100"),
            },
        ],
    )
    for action, amount in actions:
        try:
            if action == "void":
                live = booking.payments.filter(voided_at__isnull=True).last()
                if live:
                    payments.payment_void(payment=live, actor=alice, reason="test")
            else:
                kind = "refund" if action == "refund" else "payment"
                payments.payment_record(booking=booking, amount=Decimal(amount), kind=kind)
        except ValidationError:
            pass
    fresh = Booking.objects.get(pk=booking.pk)
    schedule = fresh.schedule
    deposit, balance = schedule.instalments
    assert deposit.paid == min(fresh.amount_paid, Decimal("900"))
    assert balance.paid == max(fresh.amount_paid - Decimal("900"), 0)
    assert deposit.state == ("paid" if fresh.amount_paid >= 900 else "overdue")
    assert schedule.matches_total


def test_a_total_changed_after_the_schedule_is_flagged_not_hidden(booking):
    schedules.schedule_apply_template(booking=booking, template="full")
    services.booking_update(booking=booking, total_price=Decimal("7000.00"))
    schedule = Booking.objects.get(pk=booking.pk).schedule
    assert not schedule.matches_total
    assert schedule.warning == (
        "The schedule totals 6,265.00 GBP but the booking total is now 7,000.00 GBP: set the "
        "schedule again."
    )


def test_clearing_the_schedule_records_schedule_cleared_once(booking):
    schedules.schedule_apply_template(booking=booking, template="full")
    assert schedules.schedule_clear(booking=booking) == 1
    assert schedules.schedule_clear(booking=booking) == 0
    assert Activity.objects.filter(event="schedule.cleared").count() == 1
    assert not Booking.objects.get(pk=booking.pk).schedule.is_set


def test_a_booking_without_a_total_cannot_take_a_template(agency):
    booking = BookingFactory(client=ClientFactory(agency=agency), total_price=Decimal("0"))
    with pytest.raises(ValidationError) as refused:
        schedules.schedule_apply_template(booking=booking, template="full")
    assert "no total" in refused.value.message_dict["template"][0]
