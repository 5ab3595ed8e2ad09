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
                proposal=Proposal.objects.get(pk=proposal.pk), accept=accept
            )
            for accept in (True, False, True, False)
        ]
    )
    assert sum(isinstance(r, ValidationError) for r in results) == 3
    assert Proposal.objects.get(pk=proposal.pk).status in ("accepted", "declined")
