"""Payments that can be corrected but never silently: overpayment refused unless recorded as a
credit, refunds as their own entries, edit and void by owners and admins with a reason, and a
voided payment that stays listed and counts for nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from accounts.history import describe
from accounts.models import Activity
from crm.bookings import payments, schedules
from crm.models import Booking, Payment
from tests.factories import BookingFactory, ClientFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def booking(agency) -> Booking:
    return BookingFactory(
        client=ClientFactory(agency=agency), total_price=Decimal("6265.00"), currency="GBP"
    )


def test_an_overpayment_is_refused_naming_the_balance(booking):
    payments.payment_record(booking=booking, amount=Decimal("265.00"))
    with pytest.raises(ValidationError) as refused:
        payments.payment_record(booking=booking, amount=Decimal("7000.00"))
    assert refused.value.message_dict == {
        "amount": [
            "This is more than the balance due (6,000.00 GBP). If the client really paid more, "
            "record it as a credit."
        ]
    }
    assert Booking.objects.get(pk=booking.pk).amount_paid == Decimal("265.00")
    assert Payment.objects.count() == 1


def test_an_overpayment_recorded_as_a_credit_shows_a_credit_balance(booking, as_alice):
    payment = payments.payment_record(booking=booking, amount=Decimal("7000.00"), as_credit=True)
    assert payment.is_credit
    stored = Booking.objects.get(pk=booking.pk)
    assert stored.amount_paid == Decimal("7000.00")
    assert stored.balance_due == Decimal("0.00")
    assert stored.credit_balance == Decimal("735.00")
    body = as_alice.get(f"/bookings/{booking.pk}/").content.decode()
    assert "Credit 735.00" in body
    assert "-735" not in body and "Paid in full" not in body


def test_a_payment_within_the_balance_with_the_credit_box_ticked_is_not_a_credit(booking):
    payment = payments.payment_record(booking=booking, amount=Decimal("10"), as_credit=True)
    assert not payment.is_credit


def test_a_refund_reduces_what_was_paid_and_cannot_exceed_it(booking):
    payments.payment_record(booking=booking, amount=Decimal("1000.00"))
    refund = payments.payment_record(booking=booking, amount=Decimal("400.00"), kind="refund")
    assert Booking.objects.get(pk=booking.pk).amount_paid == Decimal("600.00")
    assert Activity.objects.get(event="payment.refunded").object_id == refund.pk
    with pytest.raises(ValidationError) as refused:
        payments.payment_record(booking=booking, amount=Decimal("600.01"), kind="refund")
    assert refused.value.message_dict == {
        "amount": ["Refunds would be more than what was paid (600.00 GBP paid so far)."]
    }
    assert Booking.objects.get(pk=booking.pk).amount_paid == Decimal("600.00")


def test_an_unknown_method_is_refused_and_a_label_is_accepted(booking):
    with pytest.raises(ValidationError) as refused:
        payments.payment_record(booking=booking, amount=Decimal("1"), method="bitcoin")
    assert list(refused.value.message_dict) == ["method"]
    payment = payments.payment_record(booking=booking, amount=Decimal("1"), method="Bank transfer")
    assert payment.method == "bank_transfer"


@pytest.mark.parametrize("service", ["update", "void"])
def test_an_agent_cannot_correct_or_void_a_payment(booking, amir, service):
    payment = payments.payment_record(booking=booking, amount=Decimal("100"))
    with pytest.raises(PermissionDenied):
        if service == "update":
            payments.payment_update(payment=payment, actor=amir, reason="typo", amount="10")
        else:
            payments.payment_void(payment=payment, actor=amir, reason="bounced")
    stored = Payment.objects.get(pk=payment.pk)
    assert stored.amount == Decimal("100") and not stored.is_voided


@pytest.mark.parametrize("reason", [None, "", "   "])
def test_a_correction_or_void_needs_a_reason(booking, alice, reason):
    payment = payments.payment_record(booking=booking, amount=Decimal("100"))
    for call in (
        lambda: payments.payment_update(payment=payment, actor=alice, reason=reason, amount="9"),
        lambda: payments.payment_void(payment=payment, actor=alice, reason=reason),
    ):
        with pytest.raises(ValidationError) as refused:
            call()
        assert list(refused.value.message_dict) == ["reason"]
    assert Payment.objects.get(pk=payment.pk).amount == Decimal("100")


def test_an_admin_corrects_a_payment_and_the_history_says_what_and_why(booking, agency):
    admin = UserFactory(agency=agency, role="admin", name="Ada Admin")
    payment = payments.payment_record(booking=booking, amount=Decimal("100"))
    payments.payment_update(
        payment=payment, actor=admin, reason="typed 100, paid 150", amount="150"
    )
    assert Booking.objects.get(pk=booking.pk).amount_paid == Decimal("150.00")
    event = Activity.objects.get(event="payment.updated")
    assert event.data["reason"] == "typed 100, paid 150"
    assert event.data["amount_before"] == "100.00" and event.data["amount"] == "150.00"
    assert "amount" in event.changes
    assert "typed 100, paid 150" in describe(event)


def test_a_correction_cannot_overpay_unless_a_credit(booking, alice):
    payment = payments.payment_record(booking=booking, amount=Decimal("100"))
    with pytest.raises(ValidationError) as refused:
        payments.payment_update(payment=payment, actor=alice, reason="x", amount="9999")
    assert "balance due (6,265.00 GBP)" in refused.value.message_dict["amount"][0]
    payments.payment_update(payment=payment, actor=alice, reason="x", amount="9999", as_credit=True)
    assert Booking.objects.get(pk=booking.pk).credit_balance == Decimal("3734.00")


def test_a_voided_payment_stays_listed_and_counts_for_nothing(booking, alice):
    kept = payments.payment_record(booking=booking, amount=Decimal("100"))
    bounced = payments.payment_record(booking=booking, amount=Decimal("500"))
    payments.payment_void(payment=bounced, actor=alice, reason="cheque bounced")
    assert Booking.objects.get(pk=booking.pk).amount_paid == Decimal("100.00")
    assert Payment.objects.filter(booking=booking).count() == 2
    stored = Payment.objects.get(pk=bounced.pk)
    assert stored.voided_by == alice and stored.void_reason == "cheque bounced"
    event = Activity.objects.get(event="payment.voided")
    assert event.data["reason"] == "cheque bounced" and event.data["amount"] == "500.00"
    with pytest.raises(ValidationError):
        payments.payment_void(payment=stored, actor=alice, reason="again")
    with pytest.raises(ValidationError):
        payments.payment_update(payment=stored, actor=alice, reason="x", amount="1")
    assert Payment.objects.get(pk=kept.pk).voided_at is None


def test_a_payment_that_refunds_depend_on_cannot_be_voided_first(booking, alice):
    payment = payments.payment_record(booking=booking, amount=Decimal("100"))
    refund = payments.payment_record(booking=booking, amount=Decimal("60"), kind="refund")
    with pytest.raises(ValidationError):
        payments.payment_void(payment=payment, actor=alice, reason="x")
    payments.payment_void(payment=refund, actor=alice, reason="refund not sent")
    payments.payment_void(payment=payment, actor=alice, reason="x")
    assert Booking.objects.get(pk=booking.pk).amount_paid == Decimal("0.00")


# The dashboard ------------------------------------------------------------------------------


def test_an_agent_sees_no_correct_buttons_and_the_pages_refuse_them(booking, as_amir):
    payment = payments.payment_record(booking=booking, amount=Decimal("100"))
    page = as_amir.get(f"/bookings/{booking.pk}/").content.decode()
    assert f"/payments/{payment.pk}/void/" not in page
    assert as_amir.get(f"/bookings/{booking.pk}/payments/{payment.pk}/void/").status_code == 403
    response = as_amir.post(
        f"/bookings/{booking.pk}/payments/{payment.pk}/edit/",
        {"amount": "1", "paid_on": timezone.localdate().isoformat(), "reason": "x"},
    )
    assert response.status_code == 403
    assert Payment.objects.get(pk=payment.pk).amount == Decimal("100")


def test_the_owner_voids_from_the_dashboard_and_the_row_is_struck_through(booking, as_alice):
    payment = payments.payment_record(booking=booking, amount=Decimal("100"))
    url = f"/bookings/{booking.pk}/payments/{payment.pk}/void/"
    missing = as_alice.post(url, {"reason": ""})
    assert missing.status_code == 200 and "reason" in missing.context["form"].errors
    assert as_alice.post(url, {"reason": "duplicate entry"}).status_code == 302
    body = as_alice.get(f"/bookings/{booking.pk}/").content.decode()
    assert "payment--voided" in body and "Voided: duplicate entry" in body
    assert Booking.objects.get(pk=booking.pk).amount_paid == Decimal("0.00")


def test_the_owner_corrects_from_the_dashboard_with_a_reason(booking, as_alice):
    payment = payments.payment_record(booking=booking, amount=Decimal("100"))
    url = f"/bookings/{booking.pk}/payments/{payment.pk}/edit/"
    assert as_alice.get(url).status_code == 200
    response = as_alice.post(
        url,
        {"amount": "120", "paid_on": payment.paid_on.isoformat(), "reason": "bank said 120"},
    )
    assert response.status_code == 302
    assert Booking.objects.get(pk=booking.pk).amount_paid == Decimal("120.00")


def test_the_dashboard_refuses_an_overpayment_beside_the_amount_and_takes_a_credit(
    booking, as_alice
):
    today = timezone.localdate().isoformat()
    url = f"/bookings/{booking.pk}/payments/"
    refused = as_alice.post(url, {"amount": "7000", "paid_on": today})
    assert refused.status_code == 200
    assert "6,265.00 GBP" in refused.context["payment_form"].errors["amount"][0]
    assert (
        as_alice.post(url, {"amount": "7000", "paid_on": today, "as_credit": "on"}).status_code
        == 302
    )
    assert (
        as_alice.post(url, {"amount": "35", "paid_on": today, "kind": "refund"}).status_code == 302
    )
    assert Booking.objects.get(pk=booking.pk).credit_balance == Decimal("700.00")


def test_the_dashboard_applies_a_template_and_edits_instalments(booking, as_alice):
    booking.start_date, booking.end_date = dt.date(2027, 9, 1), dt.date(2027, 9, 9)
    booking.save()
    response = as_alice.post(
        f"/bookings/{booking.pk}/schedule/template/",
        {"template": "deposit_balance", "deposit_percent": "30", "balance_days_before": "60"},
    )
    assert response.status_code == 302
    assert booking.instalments.count() == 2
    url = f"/bookings/{booking.pk}/schedule/"
    page = as_alice.get(url)
    assert page.status_code == 200
    form = {
        "instalments-TOTAL_FORMS": "2",
        "instalments-INITIAL_FORMS": "0",
        "instalments-0-label": "Deposit",
        "instalments-0-due_date": "2027-01-01",
        "instalments-0-amount": "1000",
        "instalments-1-label": "Balance",
        "instalments-1-due_date": "2027-07-01",
        "instalments-1-amount": "1000",
    }
    wrong = as_alice.post(url, form)
    assert wrong.status_code == 200
    assert "2,000.00 GBP" in wrong.content.decode() and "6,265.00 GBP" in wrong.content.decode()
    form["instalments-1-amount"] = "5265"
    assert as_alice.post(url, form).status_code == 302
    assert [i.amount for i in booking.instalments.all()] == [Decimal("1000"), Decimal("5265")]
    assert as_alice.post(f"/bookings/{booking.pk}/schedule/clear/").status_code == 302
    assert not booking.instalments.exists()


def test_the_booking_page_highlights_an_overdue_instalment_and_a_moved_total(booking, as_alice):
    past = timezone.localdate() - dt.timedelta(days=3)
    schedules.schedule_set(
        booking=booking, instalments=[{"label": "Deposit", "due_date": past, "amount": "6265"}]
    )
    Booking.objects.filter(pk=booking.pk).update(total_price=Decimal("7000"))
    body = as_alice.get(f"/bookings/{booking.pk}/").content.decode()
    assert "instalment--overdue" in body
    assert 'data-testid="schedule-warning"' in body
