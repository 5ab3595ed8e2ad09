"""``/bookings/{id}/payments`` and ``/bookings/{id}/schedule``: the usual envelope, pagination,
422s and 404s; corrections by owners' and admins' tokens only; void instead of delete."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from accounts.models import Activity
from crm.bookings import payments, schedules
from crm.models import Booking, Payment
from tests.api.conftest import Api
from tests.factories import BookingFactory, ClientFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def booking(agency) -> Booking:
    return BookingFactory(
        client=ClientFactory(agency=agency),
        total_price=Decimal("6265.00"),
        currency="GBP",
        start_date=dt.date(2027, 6, 1),
        end_date=dt.date(2027, 6, 10),
    )


def test_a_payment_is_recorded_and_listed_in_the_envelope(api: Api, booking):
    made = api.post(
        f"/bookings/{booking.pk}/payments",
        {"amount": "1879.50", "method": "bank_transfer", "reference": "DEP-1"},
    )
    assert made.status_code == 201
    data = made.json()["data"]
    assert data["amount"] == "1879.50" and data["currency"] == "GBP"
    assert data["kind"] == "payment" and data["is_voided"] is False
    assert data["paid_on"] == timezone.localdate().isoformat()
    listed = api.get(f"/bookings/{booking.pk}/payments?per_page=1")
    assert listed.json()["meta"] == {"current_page": 1, "last_page": 1, "per_page": 1, "total": 1}
    assert api.get(f"/bookings/{booking.pk}").json()["data"]["amount_paid"] == "1879.50"


def test_an_overpayment_is_a_409_naming_the_balance_and_a_credit_is_explicit(api: Api, booking):
    # A 409: the same amount is fine on a booking with a larger balance (the state it meets).
    refused = api.post(f"/bookings/{booking.pk}/payments", {"amount": "7000.00"})
    assert refused.status_code == 409
    assert refused.json()["errors"] == {
        "amount": [
            "This is more than the balance due (6,265.00 GBP). If the client really paid more, "
            "record it as a credit."
        ]
    }
    assert not Payment.objects.exists()
    made = api.post(f"/bookings/{booking.pk}/payments", {"amount": "7000.00", "as_credit": True})
    assert made.status_code == 201 and made.json()["data"]["is_credit"] is True
    detail = api.get(f"/bookings/{booking.pk}").json()["data"]
    assert detail["balance_due"] == "0.00" and detail["credit_balance"] == "735.00"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"amount": "0"}, "amount"),
        ({"amount": "10", "paid_on": "2999-01-01"}, "paid_on"),
        ({"amount": "10", "method": "bitcoin"}, "method"),
        ({"amount": "10", "kind": "gift"}, "kind"),
    ],
)
def test_a_bad_payment_is_a_422_and_writes_nothing(api: Api, booking, body, field):
    response = api.post(f"/bookings/{booking.pk}/payments", body)
    assert response.status_code == 422
    assert field in response.json()["errors"]
    assert not Payment.objects.exists()


def test_a_refund_beyond_what_was_paid_is_a_409_and_writes_nothing(api: Api, booking):
    # Nothing is paid yet: the same refund is right once a payment is recorded.
    response = api.post(f"/bookings/{booking.pk}/payments", {"amount": "10", "kind": "refund"})
    assert response.status_code == 409
    assert response.json()["errors"] == {
        "amount": ["Refunds would be more than what was paid (0.00 GBP paid so far)."]
    }
    assert not Payment.objects.exists()


def test_a_retried_create_with_the_same_idempotency_key_records_one_payment(api: Api, booking):
    headers = {"Idempotency-Key": "pay-1"}
    first = api.post(f"/bookings/{booking.pk}/payments", {"amount": "100"}, headers=headers)
    again = api.post(f"/bookings/{booking.pk}/payments", {"amount": "100"}, headers=headers)
    assert first.status_code == again.status_code == 201
    assert again["Idempotent-Replayed"] == "true"
    assert Payment.objects.count() == 1


def test_an_agents_token_cannot_correct_or_void(agent_api: Api, booking):
    payment = payments.payment_record(booking=booking, amount=Decimal("100"))
    url = f"/bookings/{booking.pk}/payments/{payment.pk}"
    patched = agent_api.patch(url, {"amount": "10", "reason": "typo"})
    assert patched.status_code == 403
    assert "owner or an admin" in patched.json()["message"]
    assert agent_api.post(f"{url}/void", {"reason": "x"}).status_code == 403
    assert agent_api.get(url).status_code == 200  # reading is fine
    assert Payment.objects.get(pk=payment.pk).amount == Decimal("100")


def test_the_owner_corrects_and_voids_with_a_reason(api: Api, booking):
    payment = payments.payment_record(booking=booking, amount=Decimal("100"))
    url = f"/bookings/{booking.pk}/payments/{payment.pk}"
    no_reason = api.patch(url, {"amount": "150"})
    assert no_reason.status_code == 422 and "reason" in no_reason.json()["errors"]
    fixed = api.patch(url, {"amount": "150", "reason": "bank statement says 150"})
    assert fixed.status_code == 200 and fixed.json()["data"]["amount"] == "150.00"
    assert api.post(f"{url}/void", {}).status_code == 422
    voided = api.post(f"{url}/void", {"reason": "bounced"})
    assert voided.status_code == 200
    assert voided.json()["data"]["is_voided"] is True
    assert voided.json()["data"]["void_reason"] == "bounced"
    detail = api.get(f"/bookings/{booking.pk}").json()["data"]
    assert detail["amount_paid"] == "0.00"
    assert [p["is_voided"] for p in detail["payments"]] == [True]
    events = Activity.objects.filter(object_type="payment").values_list("event", flat=True)
    assert list(events.order_by("id")) == ["payment.recorded", "payment.updated", "payment.voided"]


def test_delete_is_a_405_pointing_at_void(api: Api, booking):
    payment = payments.payment_record(booking=booking, amount=Decimal("100"))
    response = api.delete(f"/bookings/{booking.pk}/payments/{payment.pk}")
    assert response.status_code == 405
    assert "/void" in response.json()["message"]
    assert Payment.objects.filter(pk=payment.pk, voided_at__isnull=True).exists()


def test_a_payment_of_another_booking_is_a_404(api: Api, booking, agency):
    other = BookingFactory(client=ClientFactory(agency=agency))
    payment = payments.payment_record(booking=other, amount=Decimal("100"))
    assert api.get(f"/bookings/{booking.pk}/payments/{payment.pk}").status_code == 404


def test_payments_filter_by_kind_and_voided(api: Api, booking, alice):
    payments.payment_record(booking=booking, amount=Decimal("100"))
    bad = payments.payment_record(booking=booking, amount=Decimal("50"))
    payments.payment_record(booking=booking, amount=Decimal("20"), kind="refund")
    payments.payment_void(payment=bad, actor=alice, reason="x")
    url = f"/bookings/{booking.pk}/payments"
    assert api.get(f"{url}?kind=refund").json()["meta"]["total"] == 1
    assert api.get(f"{url}?voided=true").json()["meta"]["total"] == 1
    assert api.get(f"{url}?voided=false").json()["meta"]["total"] == 2
    assert api.get(f"{url}?kind=nope").status_code == 422


def test_put_a_template_schedule_then_read_it_with_states(api: Api, booking):
    put = api.put(
        f"/bookings/{booking.pk}/schedule",
        {"template": "deposit_balance", "deposit_percent": "30", "balance_days_before": 60},
    )
    assert put.status_code == 200
    data = put.json()["data"]
    assert data["matches_total"] is True and data["total"] == "6265.00"
    assert [(i["amount"], i["state"]) for i in data["instalments"]] == [
        ("1879.50", "due"),
        ("4385.50", "due"),
    ]
    payments.payment_record(booking=booking, amount=Decimal("2000"))
    detail = api.get(f"/bookings/{booking.pk}").json()["data"]
    states = [(i["state"], i["paid"]) for i in detail["schedule"]["instalments"]]
    assert states == [("paid", "1879.50"), ("part_paid", "120.50")]


def test_a_schedule_that_does_not_add_up_is_a_409_naming_both_figures(api: Api, booking):
    response = api.put(
        f"/bookings/{booking.pk}/schedule",
        {"instalments": [{"label": "Deposit", "due_date": "2027-01-01", "amount": "1000.00"}]},
    )
    assert response.status_code == 409
    assert response.json()["errors"] == {
        "instalments": [
            "The instalments total 1,000.00 GBP but the booking total is 6,265.00 GBP: they "
            "must be equal."
        ]
    }
    assert not booking.instalments.exists()


def test_a_schedule_put_needs_instalments_or_a_template(api: Api, booking):
    assert api.put(f"/bookings/{booking.pk}/schedule", {}).status_code == 422
    both = {"template": "full", "instalments": []}
    assert api.put(f"/bookings/{booking.pk}/schedule", both).status_code == 422


def test_delete_clears_the_schedule(api: Api, booking):
    schedules.schedule_apply_template(booking=booking, template="full")
    response = api.delete(f"/bookings/{booking.pk}/schedule")
    assert response.status_code == 200
    assert response.json()["data"]["is_set"] is False
    assert not booking.instalments.exists()


def test_a_moved_total_is_flagged_in_the_api(api: Api, booking):
    schedules.schedule_apply_template(booking=booking, template="full")
    api.patch(f"/bookings/{booking.pk}", {"total_price": "7000.00"})
    schedule = api.get(f"/bookings/{booking.pk}").json()["data"]["schedule"]
    assert schedule["matches_total"] is False
    assert "7,000.00 GBP" in schedule["warning"]


def test_bookings_filter_overdue(api: Api, booking, agency):
    today = timezone.localdate()
    schedules.schedule_set(
        booking=booking,
        instalments=[
            {"label": "Deposit", "due_date": today - dt.timedelta(days=2), "amount": "1000"},
            {"label": "Balance", "due_date": today + dt.timedelta(days=30), "amount": "5265"},
        ],
    )
    paid_up = BookingFactory(client=booking.client, total_price=Decimal("100"))
    schedules.schedule_set(
        booking=paid_up,
        instalments=[{"label": "All", "due_date": today - dt.timedelta(days=9), "amount": "100"}],
    )
    payments.payment_record(booking=paid_up, amount=Decimal("100"))
    plain = BookingFactory(client=booking.client)  # no schedule: never overdue

    def refs(query: str) -> set[int]:
        return {b["id"] for b in api.get(f"/bookings?{query}").json()["data"]}

    assert refs("overdue=true") == {booking.pk}
    assert refs("overdue=false") == {paid_up.pk, plain.pk}
    payments.payment_record(booking=booking, amount=Decimal("1000"))
    assert refs("overdue=true") == set()
    assert api.get("/bookings?overdue=maybe").status_code == 422
