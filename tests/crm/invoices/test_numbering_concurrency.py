"""Numbers are never reused nor skipped when many issue at once. PostgreSQL only (SQLite
cannot run writers in parallel)."""

from __future__ import annotations

import threading
from decimal import Decimal

import pytest
from django.db import connection

from crm.invoices import services
from crm.models import Booking, Invoice, Payment, Receipt
from tests.factories import AgencyFactory, BookingFactory, ClientFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

THREADS, EACH = 8, 5


def run_in_threads(work) -> list[BaseException]:
    barrier = threading.Barrier(THREADS)
    errors: list[BaseException] = []

    def run(index: int) -> None:
        barrier.wait()
        try:
            work(index)
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_eight_threads_issuing_five_invoices_each_get_exactly_1_to_40():
    agency = AgencyFactory()
    # One booking per thread: only the agency's counter row makes them wait for each other.
    bookings = [BookingFactory(client=ClientFactory(agency=agency)) for _ in range(THREADS)]

    def work(index: int) -> None:
        for _ in range(EACH):
            services.invoice_issue(
                booking=Booking.objects.get(pk=bookings[index].pk), issued_by=None
            )

    assert run_in_threads(work) == []
    numbers = sorted(Invoice.objects.filter(agency=agency).values_list("number", flat=True))
    assert numbers == list(range(1, THREADS * EACH + 1))
    references = set(Invoice.objects.filter(agency=agency).values_list("reference", flat=True))
    assert len(references) == THREADS * EACH


def test_the_first_issues_of_a_new_agency_at_once_share_one_counter():
    agency = AgencyFactory()
    booking = BookingFactory(client=ClientFactory(agency=agency), total_price=Decimal("5000.00"))
    payments = [
        Payment.objects.create(
            agency=agency,
            booking=booking,
            amount=Decimal("10.00"),
            currency="EUR",
            paid_on=booking.start_date.replace(year=2026),
        )
        for _ in range(THREADS)
    ]

    def work(index: int) -> None:
        services.receipt_issue(payment=Payment.objects.get(pk=payments[index].pk), issued_by=None)

    assert run_in_threads(work) == []
    numbers = sorted(Receipt.objects.filter(agency=agency).values_list("number", flat=True))
    assert numbers == list(range(1, THREADS + 1))
