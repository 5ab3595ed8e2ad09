"""The doors hold under concurrency: parallel payments all count, and of two answers given at
the same moment exactly one wins. Needs PostgreSQL (SQLite cannot run writers in parallel)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from crm.bookings.services import payment_record
from crm.models import Booking, Payment, Proposal
from crm.proposals.services import proposal_respond
from tests.factories import AgencyFactory, BookingFactory, ClientFactory, ProposalFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def all_at_once(calls: list[Callable[[], object]]) -> list[object]:
    barrier = threading.Barrier(len(calls))
    results: list[object] = []
    lock = threading.Lock()

    def run(call: Callable[[], object]) -> None:
        barrier.wait()
        try:
            outcome: object = call()
        except ValidationError as exc:
            outcome = exc
        finally:
            connection.close()
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_parallel_payments_all_count_in_amount_paid():
    booking = BookingFactory(client=ClientFactory(agency=AgencyFactory()), amount_paid=0)
    amounts = [Decimal(n) for n in range(1, 11)]
    all_at_once(
        [
            lambda a=a: payment_record(booking=Booking.objects.get(pk=booking.pk), amount=a)
            for a in amounts
        ]
    )
    assert Payment.objects.filter(booking=booking).count() == 10
    assert Booking.objects.get(pk=booking.pk).amount_paid == sum(amounts)


def test_of_an_accept_and_a_decline_at_the_same_moment_exactly_one_wins():
    proposal = ProposalFactory(client=ClientFactory(agency=AgencyFactory()), status="sent")
    results = all_at_once(
        [
            lambda accept=accept: proposal_respond(
                proposal=Proposal.objects.get(pk=proposal.pk),
                accept=accept,
                full_name="Ada Lovelace",
                confirmed=True,
            )
            for accept in (True, False, True, False)
        ]
    )
    assert sum(isinstance(r, ValidationError) for r in results) == 3
    assert Proposal.objects.get(pk=proposal.pk).status in ("accepted", "declined")


def test_two_payments_of_the_last_balance_at_once_one_wins_the_other_is_refused():
    booking = BookingFactory(
        client=ClientFactory(agency=AgencyFactory()), total_price=Decimal("1000.00")
    )
    payment_record(booking=booking, amount=Decimal("600.00"))
    results = all_at_once(
        [
            lambda: payment_record(
                booking=Booking.objects.get(pk=booking.pk), amount=Decimal("400.00")
            )
            for _ in range(2)
        ]
    )
    refused = [r for r in results if isinstance(r, ValidationError)]
    assert len(refused) == 1
    assert "balance due (0.00 EUR)" in refused[0].message_dict["amount"][0]
    assert Booking.objects.get(pk=booking.pk).amount_paid == Decimal("1000.00")
    assert Payment.objects.filter(booking=booking).count() == 2


def test_a_void_and_a_refund_at_once_never_leave_refunds_beyond_payments():
    from crm.bookings.payments import payment_void
    from tests.factories import UserFactory

    agency = AgencyFactory()
    owner = UserFactory(agency=agency, role="owner")
    booking = BookingFactory(client=ClientFactory(agency=agency), total_price=Decimal("1000.00"))
    first = payment_record(booking=booking, amount=Decimal("500.00"))
    all_at_once(
        [
            lambda: payment_void(payment=Payment.objects.get(pk=first.pk), actor=owner, reason="x"),
            lambda: payment_record(
                booking=Booking.objects.get(pk=booking.pk), amount=Decimal("300.00"), kind="refund"
            ),
        ]
    )
    stored = Booking.objects.get(pk=booking.pk)
    assert stored.amount_paid >= 0
    live = Payment.objects.filter(booking=booking, voided_at__isnull=True)
    assert stored.amount_paid == sum(p.signed_amount for p in live)
