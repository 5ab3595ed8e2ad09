"""crm 0008: existing bookings whose amount_paid disagrees with their payments are reconciled
without losing what anyone typed."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from accounts.models import Activity
from crm.models import Booking, Payment
from tests.factories import BookingFactory, PaymentFactory

BEFORE = [("crm", "0007_client_booking_archived")]
AFTER = [("crm", "0008_reconcile_amount_paid")]


def _migrate(targets: list[tuple[str, str]]) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


@pytest.mark.django_db(transaction=True)
def test_typed_amounts_become_payments_and_payments_win_over_a_smaller_figure(agency):
    over = BookingFactory(agency=agency, currency="EUR", total_price=Decimal("1000.00"))
    PaymentFactory(booking=over, amount=Decimal("100.00"), currency="EUR")
    under = BookingFactory(agency=agency, currency="EUR")
    PaymentFactory(booking=under, amount=Decimal("50.00"), currency="EUR")
    right = BookingFactory(agency=agency, currency="EUR")
    PaymentFactory(booking=right, amount=Decimal("20.00"), currency="EUR")
    # What the old PATCH could leave behind:
    Booking.objects.filter(pk=over.pk).update(amount_paid=Decimal("900.00"))
    Booking.objects.filter(pk=under.pk).update(amount_paid=Decimal("0.00"))
    Booking.objects.filter(pk=right.pk).update(amount_paid=Decimal("20.00"))
    events_before = Activity.objects.count()
    try:
        _migrate(BEFORE)
        _migrate(AFTER)
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    over.refresh_from_db()
    assert over.amount_paid == Decimal("900.00")  # the figure the user typed is kept...
    # (0011 made the method a choice: unknown text is kept as "other" with its words.)
    carried = Payment.objects.get(booking=over, method="other", method_detail="Carried over")
    assert carried.amount == Decimal("800.00")  # ...and is now itemised
    assert "900.00 EUR" in carried.notes
    assert sum(p.amount for p in over.payments.all()) == over.amount_paid

    under.refresh_from_db()
    assert under.amount_paid == Decimal("50.00")
    right.refresh_from_db()
    assert right.amount_paid == Decimal("20.00")
    assert Payment.objects.count() == 4  # three recorded, one carried over; none removed

    corrections = Activity.objects.order_by("id")[events_before:]
    assert [(a.event, a.channel) for a in corrections] == [
        ("payment.recorded", "system"),
        ("booking.updated", "system"),
    ]
    assert corrections[0].data["amount"] == "800.00"
    assert corrections[1].changes == {"amount_paid": ["0.00", "50.00"]}
