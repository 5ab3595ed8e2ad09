"""A booking's amount_paid is the sum of its non-voided payments minus its refunds, always; the
payment rules live in the service (the dashboard only shows them)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts.models import Activity
from crm.bookings import payments, services
from crm.models import Booking, Payment
from tests.factories import BookingFactory, ClientFactory

pytestmark = pytest.mark.django_db
MAX = Decimal("9999999999.99")


@pytest.fixture
def booking(agency) -> Booking:
    return BookingFactory(client=ClientFactory(agency=agency), amount_paid=Decimal("0"))


def net_sum(booking: Booking) -> Decimal:
    """Payments minus refunds, voided entries left out, added up in Python."""
    return sum((p.signed_amount for p in Payment.objects.filter(booking=booking)), Decimal(0))


ENTRY = st.tuples(
    st.sampled_from(["payment", "payment", "refund", "void", "edit", "credit"]),
    st.integers(min_value=-500, max_value=300_000).map(lambda cents: Decimal(cents) / 100),
    st.integers(min_value=-3, max_value=4000),
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(entries=st.lists(ENTRY, min_size=1, max_size=12), total_cents=st.integers(0, 500_000))
def test_amount_paid_is_always_the_sum_of_the_non_voided_entries(
    agency, alice, entries, total_cents
):
    booking = BookingFactory(
        client=ClientFactory(agency=agency), total_price=Decimal(total_cents) / 100
    )
    today = timezone.localdate()
    for action, amount, days_ago in entries:
        paid_on = today - dt.timedelta(days=days_ago)
        net = net_sum(booking)
        dated = dt.date(2000, 1, 1) <= paid_on <= today
        try:
            if action in ("payment", "credit"):
                payments.payment_record(
                    booking=booking, amount=amount, paid_on=paid_on, as_credit=action == "credit"
                )
                fits = action == "credit" or net + amount <= booking.total_price
                assert amount > 0 and dated and fits, (action, amount, paid_on)
            elif action == "refund":
                payments.payment_record(
                    booking=booking, amount=amount, paid_on=paid_on, kind="refund"
                )
                assert amount > 0 and dated and amount <= net, (action, amount, net)
            else:
                live = list(Payment.objects.filter(booking=booking, voided_at__isnull=True))
                if not live:
                    continue
                target = live[int(abs(amount) * 100) % len(live)]
                if action == "void":
                    payments.payment_void(payment=target, actor=alice, reason="test")
                    assert net - target.signed_amount >= 0
                else:
                    payments.payment_update(
                        payment=target, actor=alice, reason="test", amount=abs(amount) + 1
                    )
        except ValidationError:
            pass  # refused: nothing written, and the invariant below still holds
        stored = Booking.objects.get(pk=booking.pk)
        assert stored.amount_paid == net_sum(booking)
        assert stored.amount_paid >= 0
        booking.refresh_from_db()
        # More than the total only ever through an entry recorded as a credit.
        if stored.amount_paid > stored.total_price:
            assert Payment.objects.filter(booking=booking, is_credit=True).exists()
        assert stored.balance_due == max(stored.total_price - stored.amount_paid, 0)
        assert stored.credit_balance == max(stored.amount_paid - stored.total_price, 0)


def test_an_edit_cannot_set_amount_paid(booking: Booking) -> None:
    with pytest.raises(ValidationError) as refused:
        services.booking_update(booking=booking, amount_paid=Decimal("900"))  # type: ignore[call-arg]
    assert list(refused.value.message_dict) == ["amount_paid"]
    assert Booking.objects.get(pk=booking.pk).amount_paid == Decimal("0")


@pytest.mark.parametrize(
    ("amount", "paid_on", "field"),
    [
        ("0", None, "amount"),
        ("-5", None, "amount"),
        ("10.001", None, "amount"),
        ("NaN", None, "amount"),
        ("lots", None, "amount"),
        ("10", timezone.localdate() + dt.timedelta(days=2), "paid_on"),
        ("10", dt.date(1999, 12, 31), "paid_on"),
    ],
)
def test_the_service_refuses_a_bad_payment_and_writes_nothing(booking, amount, paid_on, field):
    with pytest.raises(ValidationError) as refused:
        services.payment_record(booking=booking, amount=amount, paid_on=paid_on)
    assert list(refused.value.message_dict) == [field]
    assert not Payment.objects.exists()
    assert Booking.objects.get(pk=booking.pk).amount_paid == Decimal("0")


def test_a_payment_in_another_currency_is_refused(booking):
    with pytest.raises(ValidationError) as refused:
        services.payment_record(booking=booking, amount=Decimal("10"), currency="USD")
    assert refused.value.message_dict == {
        "currency": ["Payments are in the booking's currency (EUR)."]
    }
    services.payment_record(booking=booking, amount=Decimal("10"), currency="eur")
    assert Payment.objects.get().currency == "EUR"


def test_payments_that_would_overflow_the_money_column_are_refused(booking):
    services.payment_record(booking=booking, amount=MAX, as_credit=True)
    with pytest.raises(ValidationError) as refused:
        services.payment_record(booking=booking, amount=MAX, as_credit=True)
    assert refused.value.message_dict == {
        "amount": ["The booking's payments would total more than 9,999,999,999.99."]
    }
    assert Booking.objects.get(pk=booking.pk).amount_paid == MAX
    assert Payment.objects.count() == 1


def test_a_payment_is_recorded_as_a_named_event_with_its_figures(booking, alice):
    services.payment_record(
        booking=booking, amount=Decimal("250.5"), paid_on=dt.date(2026, 5, 1), recorded_by=alice
    )
    event = Activity.objects.get(event="payment.recorded")
    assert event.data == {
        "kind": "payment",
        "amount": "250.50",
        "currency": "EUR",
        "paid_on": "2026-05-01",
        "amount_paid": "250.50",
        "as_credit": False,
    }
    assert not Activity.objects.filter(event="booking.updated", object_id=booking.pk).exists()


def test_the_dashboard_shows_the_overflow_beside_the_amount(as_alice, booking):
    services.payment_record(booking=booking, amount=MAX, as_credit=True)
    response = as_alice.post(
        f"/bookings/{booking.pk}/payments/",
        {"amount": str(MAX), "paid_on": timezone.localdate().isoformat(), "as_credit": "on"},
    )
    assert response.status_code == 200
    assert response.context["payment_form"].errors == {
        "amount": ["The booking's payments would total more than 9,999,999,999.99."]
    }
    assert Payment.objects.count() == 1


def test_the_dashboard_forms_have_no_amount_paid_and_ignore_one_posted(as_alice, booking):
    page = as_alice.get(f"/bookings/{booking.pk}/edit/")
    assert "amount_paid" not in page.context["form"].fields
    assert b'name="amount_paid"' not in page.content
    response = as_alice.post(
        f"/bookings/{booking.pk}/edit/",
        {
            "client": booking.client_id,
            "reference": booking.reference,
            "status": booking.status,
            "currency": "EUR",
            "total_price": "2000.00",
            "amount_paid": "900",
        },
    )
    assert response.status_code == 302
    assert Booking.objects.get(pk=booking.pk).amount_paid == Decimal("0")


def test_the_payment_form_takes_its_limits_from_the_model(as_alice, booking):
    response = as_alice.post(
        f"/bookings/{booking.pk}/payments/",
        {"amount": "10", "paid_on": timezone.localdate().isoformat(), "reference": "x" * 101},
    )
    form = response.context["payment_form"]
    assert list(form.errors) == ["reference"]
    assert form.fields["reference"].max_length == Payment._meta.get_field("reference").max_length
    assert not Payment.objects.exists()
