"""A booking's amount_paid is the sum of its payments, always; the payment rules live in the
service (the dashboard only shows them)."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db.models import Sum
from django.utils import timezone

from accounts.models import Activity
from crm.bookings import services
from crm.models import Booking, Payment
from tests.factories import BookingFactory, ClientFactory

pytestmark = pytest.mark.django_db
MAX = Decimal("9999999999.99")


@pytest.fixture
def booking(agency) -> Booking:
    return BookingFactory(client=ClientFactory(agency=agency), amount_paid=Decimal("0"))


def payments_sum(booking: Booking) -> Decimal:
    return Payment.objects.filter(booking=booking).aggregate(s=Sum("amount"))["s"] or Decimal(0)


@pytest.mark.parametrize("seed", range(5))
def test_amount_paid_is_always_the_sum_of_the_payments(booking, seed):
    rng = random.Random(seed)
    today = timezone.localdate()
    for _ in range(25):
        amount = Decimal(rng.randint(-500, 10**7)) / 100
        paid_on = today - dt.timedelta(days=rng.randint(-3, 4000))
        valid = amount > 0 and dt.date(2000, 1, 1) <= paid_on <= today
        try:
            services.payment_record(booking=booking, amount=amount, paid_on=paid_on)
        except ValidationError:
            assert not valid, (amount, paid_on)
        else:
            assert valid, (amount, paid_on)
        if rng.random() < 0.3:  # an edit in between never touches the paid amount
            services.booking_update(booking=booking, notes=f"edit {rng.random()}")
        stored = Booking.objects.get(pk=booking.pk)
        assert stored.amount_paid == payments_sum(booking) == booking.amount_paid


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
    services.payment_record(booking=booking, amount=MAX)
    with pytest.raises(ValidationError) as refused:
        services.payment_record(booking=booking, amount=MAX)
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
        "amount": "250.5",
        "currency": "EUR",
        "paid_on": "2026-05-01",
        "amount_paid": "250.5",
    }
    assert not Activity.objects.filter(event="booking.updated", object_id=booking.pk).exists()


def test_the_dashboard_shows_the_overflow_beside_the_amount(as_alice, booking):
    services.payment_record(booking=booking, amount=MAX)
    response = as_alice.post(
        f"/bookings/{booking.pk}/payments/",
        {"amount": str(MAX), "paid_on": timezone.localdate().isoformat()},
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
