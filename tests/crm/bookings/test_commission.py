"""Commission receipts: partial receipts add up, received + outstanding == expected on every
service and on the booking, whatever is received and voided; an over-receipt is refused and
changes nothing; voids are owners' and admins', with a reason, and never delete."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts.models import Activity
from crm.bookings import booked_services
from crm.bookings.commission import (
    ReceiptRefused,
    commission_receipt_record,
    commission_receipt_void,
)
from crm.bookings.financials import booking_financials, booking_recompute
from crm.bookings.selectors import booking_get
from crm.models import Booking, BookingService, CommissionReceipt
from tests.factories import BookingFactory, ClientFactory, SupplierFactory

pytestmark = pytest.mark.django_db


def _service(agency, commission: str = "100.00", **kwargs) -> BookingService:
    booking = kwargs.pop("booking", None) or BookingFactory(
        agency=agency, client=ClientFactory(agency=agency), currency="EUR"
    )
    return booked_services.booking_service_add(
        booking=booking,
        description="Lodge, 2 nights",
        supplier=SupplierFactory(agency=agency).pk,
        price=Decimal("1000.00"),
        commission_expected=Decimal(commission),
        **kwargs,
    )


def _fresh(service: BookingService) -> BookingService:
    return BookingService.objects.get(pk=service.pk)


def test_partial_receipts_add_up_on_the_service_and_the_booking(agency, alice):
    service = _service(agency)

    commission_receipt_record(service=service, amount="30.00", recorded_by=alice)
    commission_receipt_record(service=service, amount="45.50", reference="REM-2")

    fresh = _fresh(service)
    assert fresh.commission_received == Decimal("75.50")
    assert fresh.commission_outstanding == Decimal("24.50")
    booking = Booking.objects.get(pk=service.booking_id)
    assert booking.commission_received == Decimal("75.50")
    assert booking.commission_outstanding == Decimal("24.50")


def test_mark_received_takes_the_whole_outstanding_amount(agency):
    service = _service(agency, "80.00")
    commission_receipt_record(service=service, amount="20.00")

    receipt = commission_receipt_record(service=service)

    assert receipt.amount == Decimal("60.00")
    assert _fresh(service).commission_outstanding == Decimal("0.00")


def test_a_receipt_beyond_what_is_outstanding_is_refused_and_changes_nothing(agency):
    service = _service(agency, "100.00")
    commission_receipt_record(service=service, amount="90.00")

    with pytest.raises(ValidationError) as refused:
        commission_receipt_record(service=service, amount="10.01")

    assert "more than the commission outstanding (10.00 EUR)" in str(refused.value)
    assert CommissionReceipt.objects.filter(service=service).count() == 1
    assert _fresh(service).commission_received == Decimal("90.00")


@pytest.mark.parametrize(
    ("amount", "field"),
    [("0", "amount"), ("-5", "amount"), ("1.234", "amount"), ("abc", "amount")],
)
def test_bad_amounts_are_field_errors(agency, amount, field):
    service = _service(agency)
    with pytest.raises(ValidationError) as refused:
        commission_receipt_record(service=service, amount=amount)
    assert field in refused.value.message_dict
    assert not CommissionReceipt.objects.exists()


def test_a_receipt_in_the_future_or_another_currency_is_refused(agency):
    service = _service(agency)
    with pytest.raises(ValidationError) as future:
        commission_receipt_record(
            service=service, amount="1.00", received_on=dt.date.today() + dt.timedelta(days=2)
        )
    assert "received_on" in future.value.message_dict
    with pytest.raises(ValidationError) as currency:
        commission_receipt_record(service=service, amount="1.00", currency="USD")
    assert "currency" in currency.value.message_dict


def test_a_cancelled_service_takes_no_receipt(agency):
    service = _service(agency)
    booked_services.booking_service_cancel(service=service)
    with pytest.raises(ValidationError, match="cancelled"):
        commission_receipt_record(service=service, amount="1.00")


def test_nothing_outstanding_is_refused_with_a_clear_message(agency):
    service = _service(agency, "10.00")
    commission_receipt_record(service=service)
    with pytest.raises(ValidationError, match="Nothing is outstanding"):
        commission_receipt_record(service=service)


def test_a_void_keeps_the_receipt_and_makes_its_amount_outstanding_again(agency, alice):
    service = _service(agency, "100.00")
    receipt = commission_receipt_record(service=service, amount="40.00")

    commission_receipt_void(receipt=receipt, actor=alice, reason="Bank returned it")

    kept = CommissionReceipt.objects.get(pk=receipt.pk)
    assert kept.is_voided and kept.void_reason == "Bank returned it" and kept.voided_by == alice
    assert _fresh(service).commission_outstanding == Decimal("100.00")
    assert Booking.objects.get(pk=service.booking_id).commission_received == Decimal("0.00")
    with pytest.raises(ValidationError, match="already voided"):
        commission_receipt_void(receipt=kept, actor=alice, reason="again")


def test_an_agent_cannot_void_and_a_void_needs_a_reason(agency, alice, amir):
    receipt = commission_receipt_record(service=_service(agency), amount="5.00")
    with pytest.raises(ReceiptRefused):
        commission_receipt_void(receipt=receipt, actor=amir, reason="oops")
    with pytest.raises(ValidationError) as no_reason:
        commission_receipt_void(receipt=receipt, actor=alice, reason="  ")
    assert "reason" in no_reason.value.message_dict
    assert not CommissionReceipt.objects.get(pk=receipt.pk).is_voided


def test_receipts_record_commission_received_and_voided_events(agency, alice):
    service = _service(agency, "50.00")
    receipt = commission_receipt_record(service=service, amount="20.00", recorded_by=alice)
    commission_receipt_void(receipt=receipt, actor=alice, reason="Typed twice")

    received = Activity.objects.get(event="commission.received")
    assert received.object_id == receipt.pk
    assert received.data["amount"] == "20.00"
    assert received.data["commission_outstanding"] == "30.00"
    assert received.data["booking_id"] == service.booking_id
    voided = Activity.objects.get(event="commission.voided")
    assert voided.data["reason"] == "Typed twice"
    assert voided.data["commission_outstanding"] == "50.00"


def test_a_cancelled_service_leaves_the_booking_figures_consistent(agency):
    service = _service(agency, "60.00")
    other = _service(agency, "40.00", booking=service.booking)
    commission_receipt_record(service=service, amount="25.00")
    commission_receipt_record(service=other, amount="10.00")

    booked_services.booking_service_cancel(service=other)

    figures = booking_financials(booking_get(agency=agency, booking_id=service.booking_id))
    assert figures.commission_expected == Decimal("60.00")
    assert figures.commission_received == Decimal("25.00")
    assert figures.commission_outstanding == Decimal("35.00")


amounts = st.decimals(min_value="0.01", max_value=2_000, places=2, allow_nan=False)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    expected=st.lists(st.decimals(min_value=0, max_value=3_000, places=2), min_size=1, max_size=4),
    receipts=st.lists(
        st.tuples(st.integers(min_value=0, max_value=3), amounts, st.booleans()), max_size=10
    ),
)
def test_received_plus_outstanding_is_expected_whatever_is_received_and_voided(
    agency, alice, expected, receipts
):
    booking = BookingFactory(agency=agency, client=ClientFactory(agency=agency))
    services = [_service(agency, str(value), booking=booking) for value in expected]
    kept: dict[int, Decimal] = {s.pk: Decimal("0.00") for s in services}
    for index, amount, void in receipts:
        service = services[index % len(services)]
        outstanding = _fresh(service).commission_outstanding
        if amount > outstanding:
            with pytest.raises(ValidationError):
                commission_receipt_record(service=service, amount=amount)
            continue
        receipt = commission_receipt_record(service=service, amount=amount)
        if void:
            commission_receipt_void(receipt=receipt, actor=alice, reason="test")
        else:
            kept[service.pk] += amount

    for service, value in zip(services, expected, strict=True):
        fresh = _fresh(service)
        assert fresh.commission_received == kept[service.pk]
        assert fresh.commission_received + fresh.commission_outstanding == value
    stored = Booking.objects.get(pk=booking.pk)
    assert stored.commission_received == sum(kept.values())
    assert stored.commission_received + stored.commission_outstanding == sum(expected)
    # The stored columns are what a recompute from the receipts gives.
    assert booking_recompute(stored).commission_received == stored.commission_received
