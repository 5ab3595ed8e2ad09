"""A booking's figures always equal the sums of their parts, whatever services (cancelled ones
included) and payments it holds; the stored columns always equal the recomputed figures."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crm.bookings import booked_services
from crm.bookings.financials import booking_financials, commission_from_rate
from crm.bookings.selectors import booking_get
from crm.bookings.services import booking_update, payment_record
from crm.models import Booking
from tests.factories import BookingFactory, ClientFactory, SupplierFactory

pytestmark = pytest.mark.django_db

amounts = st.decimals(min_value=0, max_value=50_000, places=2, allow_nan=False)
service = st.fixed_dictionaries(
    {
        "price": amounts,
        "cost": amounts,
        "commission": st.one_of(st.none(), amounts),
        "cancelled": st.booleans(),
        "rate_supplier": st.booleans(),
    }
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    services=st.lists(service, min_size=0, max_size=12),
    payments=st.lists(st.decimals(min_value="0.01", max_value=5_000, places=2), max_size=5),
)
def test_the_figures_are_the_sums_of_the_services_and_payments(agency, services, payments):
    booking = BookingFactory(client=ClientFactory(agency=agency), total_price=Decimal("777.00"))
    supplier = SupplierFactory(agency=agency, default_commission_rate=Decimal("12.50"))
    expected_price = expected_cost = expected_commission = Decimal("0")
    for index, spec in enumerate(services):
        added = booked_services.booking_service_add(
            booking=booking,
            description=f"Service {index}",
            supplier=supplier.pk if spec["rate_supplier"] else None,
            price=spec["price"],
            cost=spec["cost"],
            commission_expected=spec["commission"],
        )
        if spec["cancelled"]:
            booked_services.booking_service_cancel(service=added)
            continue
        expected_price += spec["price"]
        expected_cost += spec["cost"]
        if spec["commission"] is not None:
            expected_commission += spec["commission"]
        elif spec["rate_supplier"]:
            expected_commission += commission_from_rate(spec["price"], Decimal("12.50"))
    paid = Decimal("0")
    for amount in payments:
        # Beyond the balance a payment must be recorded as a credit (else it is refused).
        payment_record(booking=booking, amount=amount, as_credit=True)
        paid += amount

    stored = Booking.objects.get(pk=booking.pk)
    figures = booking_financials(booking_get(agency=agency, booking_id=booking.pk))
    if not services:
        expected_price = Decimal("777.00")  # no services: the booking's own total
    assert figures.total_price == expected_price
    assert figures.total_cost == expected_cost
    assert figures.margin == expected_price - expected_cost
    assert figures.commission_expected == expected_commission
    assert figures.amount_paid == paid
    assert figures.balance_due == max(Decimal("0"), expected_price - paid)
    assert figures.credit_balance == max(Decimal("0"), paid - expected_price)
    # The stored columns (for lists and filters) are what the recomputation says.
    assert (stored.total_price, stored.total_cost, stored.commission_expected) == (
        figures.total_price,
        figures.total_cost,
        figures.commission_expected,
    )
    assert figures.priced_by == ("services" if services else "booking")


def test_removing_the_last_service_leaves_a_booking_without_a_total(agency):
    booking = BookingFactory(client=ClientFactory(agency=agency))
    only = booked_services.booking_service_add(booking=booking, description="Hotel", price="900")
    assert Booking.objects.get(pk=booking.pk).total_price == Decimal("900.00")
    booked_services.booking_service_remove(service=only)
    stored = Booking.objects.get(pk=booking.pk)
    assert (stored.total_price, stored.total_cost) == (Decimal("0.00"), Decimal("0.00"))


def test_a_service_in_another_currency_is_refused_and_changes_nothing(agency):
    booking = BookingFactory(client=ClientFactory(agency=agency), currency="GBP")
    with pytest.raises(ValidationError) as refused:
        booked_services.booking_service_add(
            booking=booking, description="Lodge", currency="usd", price="100"
        )
    assert "booking's currency (GBP)" in refused.value.message_dict["currency"][0]
    assert booking.services.count() == 0
    assert Booking.objects.get(pk=booking.pk).total_price == Decimal("2000.00")


def test_a_typed_total_is_refused_once_the_booking_has_services(agency):
    booking = BookingFactory(client=ClientFactory(agency=agency))
    booked_services.booking_service_add(booking=booking, description="Flight", price="300")
    with pytest.raises(ValidationError) as refused:
        booking_update(booking=booking, total_price=Decimal("5000"))
    assert "priced by its services" in refused.value.message_dict["total_price"][0]
    booking_update(booking=booking, total_price=Decimal("300.00"), notes="same total")  # no-op
    assert Booking.objects.get(pk=booking.pk).total_price == Decimal("300.00")


def test_the_currency_cannot_change_under_services(agency):
    booking = BookingFactory(client=ClientFactory(agency=agency))
    booked_services.booking_service_add(booking=booking, description="Flight", price="300")
    with pytest.raises(ValidationError) as refused:
        booking_update(booking=booking, currency="USD")
    assert "services are in EUR" in refused.value.message_dict["currency"][0]


def test_commission_follows_the_supplier_rate_until_it_is_typed(agency):
    booking = BookingFactory(client=ClientFactory(agency=agency))
    lodge = SupplierFactory(agency=agency, default_commission_rate=Decimal("10"))
    added = booked_services.booking_service_add(
        booking=booking, description="Lodge", supplier=lodge, price="1000.00"
    )
    assert (added.commission_expected, added.commission_source) == (
        Decimal("100.00"),
        "supplier_rate",
    )
    booked_services.booking_service_update(service=added, price="2000.00")
    assert added.commission_expected == Decimal("200.00")
    booked_services.booking_service_update(service=added, commission_expected="55.00")
    booked_services.booking_service_update(service=added, price="3000.00")
    assert (added.commission_expected, added.commission_source) == (Decimal("55.00"), "typed")


def test_a_cancelled_service_is_final_and_out_of_the_totals(agency):
    booking = BookingFactory(client=ClientFactory(agency=agency))
    keep = booked_services.booking_service_add(booking=booking, description="A", price="100")
    gone = booked_services.booking_service_add(booking=booking, description="B", price="50")
    booked_services.booking_service_cancel(service=gone)
    assert Booking.objects.get(pk=booking.pk).total_price == Decimal("100.00")
    with pytest.raises(ValidationError):
        booked_services.booking_service_update(service=gone, status="confirmed")
    with pytest.raises(ValidationError):
        booked_services.booking_service_update(service=gone, price="10")
    with pytest.raises(ValidationError):
        booked_services.booking_service_update(service=gone, supplier_name="Someone")
    assert keep.pk and booking.services.count() == 2


def test_a_payment_beyond_a_reduced_total_shows_a_credit_not_paid_in_full(agency):
    booking = BookingFactory(client=ClientFactory(agency=agency), total_price=Decimal("0"))
    big = booked_services.booking_service_add(booking=booking, description="A", price="1000")
    payment_record(booking=booking, amount=Decimal("1000"))
    booked_services.booking_service_cancel(service=big)
    figures = booking_financials(booking_get(agency=agency, booking_id=booking.pk))
    assert figures.balance_due == Decimal("0.00")
    assert figures.credit_balance == Decimal("1000.00")
    assert not figures.is_paid_in_full


def test_each_service_write_is_in_the_clients_history(agency):
    from accounts.models import Activity

    booking = BookingFactory(client=ClientFactory(agency=agency))
    added = booked_services.booking_service_add(booking=booking, description="Tram", price="5")
    booked_services.booking_service_update(service=added, confirmation_number="X1")
    booked_services.booking_service_cancel(service=added)
    other = booked_services.booking_service_add(booking=booking, description="Bus", price="5")
    booked_services.booking_service_remove(service=other)
    rows = Activity.objects.filter(client_id=booking.client_id, event__startswith="booking_service")
    assert [a.event for a in rows.order_by("id")] == [
        "booking_service.added",
        "booking_service.updated",
        "booking_service.cancelled",
        "booking_service.added",
        "booking_service.removed",
    ]
    assert all(a.object_type == "booking" and a.object_id == booking.pk for a in rows)
