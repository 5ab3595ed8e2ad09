"""The reports' figures are the sums of their parts: sales, margin and commission by month in the
agency's timezone; commission outstanding by supplier and by month; instalments due and overdue
exactly as the schedule's own allocation says; each in a fixed number of queries."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crm.bookings import booked_services, dues, reports
from crm.bookings.allocation import allocate
from crm.bookings.commission import commission_receipt_record
from crm.models import Booking, PaymentInstalment
from tests.factories import BookingFactory, ClientFactory, SupplierFactory

pytestmark = pytest.mark.django_db
UTC = dt.UTC


def _booking(agency, created: dt.datetime, **kwargs) -> Booking:
    booking = BookingFactory(agency=agency, client=ClientFactory(agency=agency), **kwargs)
    Booking.objects.filter(pk=booking.pk).update(created_at=created)
    return booking


def _add(booking, supplier, price: str, cost: str, commission: str, **kwargs):
    return booked_services.booking_service_add(
        booking=booking,
        description="Service",
        supplier=supplier.pk,
        price=Decimal(price),
        cost=Decimal(cost),
        commission_expected=Decimal(commission),
        **kwargs,
    )


def test_monthly_figures_are_the_sums_of_the_bookings_of_each_month(
    agency, django_assert_max_num_queries
):
    supplier = SupplierFactory(agency=agency)
    may = _booking(agency, dt.datetime(2026, 5, 10, 12, tzinfo=UTC))
    _add(may, supplier, "1000.00", "800.00", "50.00")
    june_a = _booking(agency, dt.datetime(2026, 6, 2, 9, tzinfo=UTC))
    service = _add(june_a, supplier, "500.00", "300.00", "40.00")
    commission_receipt_record(service=service, amount="15.00")
    june_b = _booking(agency, dt.datetime(2026, 6, 20, 9, tzinfo=UTC))
    _add(june_b, supplier, "250.00", "200.00", "10.00")
    cancelled = _booking(agency, dt.datetime(2026, 6, 21, 9, tzinfo=UTC))
    _add(cancelled, supplier, "9999.00", "1.00", "99.00")
    Booking.objects.filter(pk=cancelled.pk).update(status="cancelled")

    with django_assert_max_num_queries(1):
        rows = reports.monthly_figures(
            agency=agency, first=dt.date(2026, 4, 1), last=dt.date(2026, 7, 1)
        )

    by_month = {row.month: row for row in rows}
    assert list(by_month) == [dt.date(2026, m, 1) for m in (4, 5, 6, 7)]
    assert by_month[dt.date(2026, 4, 1)].sales == 0  # a month with nothing is still shown
    june = by_month[dt.date(2026, 6, 1)]
    assert (june.bookings, june.sales, june.cost) == (2, Decimal("750.00"), Decimal("500.00"))
    assert june.margin == Decimal("250.00")
    assert (june.commission_expected, june.commission_received) == (
        Decimal("50.00"),
        Decimal("15.00"),
    )
    assert june.commission_outstanding == Decimal("35.00")
    assert sum(r.sales for r in rows) == Decimal("1750.00")


def test_a_booking_belongs_to_the_month_of_the_agencys_timezone(agency):
    agency.timezone = "Pacific/Auckland"  # UTC+12 in May
    agency.save()
    # 31 May 20:00 UTC is 1 June 08:00 in Auckland.
    booking = _booking(
        agency, dt.datetime(2026, 5, 31, 20, tzinfo=UTC), total_price=Decimal("10.00")
    )

    rows = reports.monthly_figures(
        agency=agency, first=dt.date(2026, 5, 1), last=dt.date(2026, 6, 1)
    )

    assert [(r.month, r.sales) for r in rows] == [
        (dt.date(2026, 5, 1), Decimal("0.00")),
        (dt.date(2026, 6, 1), booking.total_price),
    ]


def test_the_month_range_is_validated():
    today = dt.date(2026, 12, 1)
    assert reports.month_range(today=today, date_from=None, date_to=None) == (
        dt.date(2026, 1, 1),
        dt.date(2026, 12, 1),
    )
    with pytest.raises(ValidationError):
        reports.month_range(today=today, date_from=dt.date(2027, 1, 1), date_to=dt.date(2026, 1, 1))
    with pytest.raises(ValidationError):
        reports.month_range(today=today, date_from=dt.date(2020, 1, 1), date_to=dt.date(2026, 1, 1))
    # `from` alone: up to this month, at most 36 months; a future month is itself.
    assert reports.month_range(today=today, date_from=dt.date(2026, 3, 9), date_to=None) == (
        dt.date(2026, 3, 1),
        dt.date(2026, 12, 1),
    )
    assert reports.month_range(today=today, date_from=dt.date(1900, 1, 1), date_to=None) == (
        dt.date(1900, 1, 1),
        dt.date(1902, 12, 1),
    )
    assert reports.month_range(today=today, date_from=dt.date(9999, 12, 1), date_to=None) == (
        dt.date(9999, 12, 1),
        dt.date(9999, 12, 1),
    )
    with pytest.raises(ValidationError):
        reports.parse_month("June", field="month")


def test_commission_outstanding_by_supplier_and_by_month_sum_the_services(
    agency, django_assert_max_num_queries
):
    lodge, airline = SupplierFactory(agency=agency, name="Lodge"), SupplierFactory(agency=agency)
    booking = _booking(agency, dt.datetime(2026, 6, 1, tzinfo=UTC))
    a = _add(booking, lodge, "100.00", "0", "30.00", start_date=dt.date(2027, 3, 5))
    _add(booking, lodge, "100.00", "0", "20.00", start_date=dt.date(2027, 4, 5))
    b = _add(booking, airline, "100.00", "0", "12.00")  # no date: the booking's (March 2027)
    commission_receipt_record(service=a, amount="10.00")
    commission_receipt_record(service=b)  # all received: no longer outstanding
    gone = _add(booking, airline, "100.00", "0", "99.00")
    booked_services.booking_service_cancel(service=gone)

    with django_assert_max_num_queries(1):
        by_supplier = reports.commission_by_supplier(agency=agency)
    with django_assert_max_num_queries(1):
        by_month = reports.commission_by_month(agency=agency)
    services = list(reports.commission_outstanding_services(agency=agency))

    assert [(r.supplier, r.services, r.outstanding) for r in by_supplier] == [
        ("Lodge", 2, Decimal("40.00"))
    ]
    assert [(r.month, r.outstanding) for r in by_month] == [
        (dt.date(2027, 3, 1), Decimal("20.00")),
        (dt.date(2027, 4, 1), Decimal("20.00")),
    ]
    assert sum(s.outstanding for s in services) == sum(r.outstanding for r in by_supplier)
    march = reports.commission_outstanding_services(agency=agency, month=dt.date(2027, 3, 1))
    assert [s.pk for s in march] == [a.pk]
    assert not reports.commission_outstanding_services(agency=agency, supplier_id=airline.pk)


def test_another_agencys_commission_and_sales_are_never_counted(agency, other_agency):
    supplier = SupplierFactory(agency=other_agency)
    theirs = _booking(other_agency, dt.datetime(2026, 6, 1, tzinfo=UTC))
    _add(theirs, supplier, "100.00", "0", "30.00")

    assert reports.commission_by_supplier(agency=agency) == []
    rows = reports.monthly_figures(
        agency=agency, first=dt.date(2026, 6, 1), last=dt.date(2026, 6, 1)
    )
    assert [r.sales for r in rows] == [Decimal("0.00")]


instalment = st.tuples(
    st.integers(min_value=-40, max_value=120),  # due, days from today
    st.decimals(min_value="0.01", max_value=900, places=2),
)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    plan=st.lists(instalment, min_size=1, max_size=6),
    paid_share=st.floats(min_value=0, max_value=1.1),
)
def test_due_and_overdue_instalments_are_what_the_allocation_leaves_unpaid(
    agency, plan, paid_share
):
    today = dt.date(2026, 12, 1)
    total = sum((amount for _, amount in plan), Decimal("0"))
    paid = (total * Decimal(str(paid_share))).quantize(Decimal("0.01"))
    booking = BookingFactory(
        agency=agency, client=ClientFactory(agency=agency), total_price=total, amount_paid=paid
    )
    rows = [
        PaymentInstalment.objects.create(
            agency=agency,
            booking=booking,
            position=i,
            label=f"#{i}",
            due_date=today + dt.timedelta(days=days),
            amount=amount,
        )
        for i, (days, amount) in enumerate(plan)
    ]
    expected = {r.id: r.outstanding for r in allocate(rows, paid=paid, today=today)}

    overdue = dues.instalments_overdue(agency=agency, today=today)
    due = dues.instalments_due(agency=agency, today=today, days=90)

    want_overdue = {i.pk for i in rows if i.due_date < today and expected[i.pk] > 0}
    want_due = {
        i.pk
        for i in rows
        if today <= i.due_date <= today + dt.timedelta(days=90) and expected[i.pk] > 0
    }
    assert {i.pk for i in overdue} == want_overdue
    assert {i.pk for i in due} == want_due
    for row in [*overdue, *due]:
        assert Decimal(str(row.outstanding)).quantize(Decimal("0.01")) == expected[row.pk]
    [totals] = dues.instalment_totals(agency=agency, today=today) or [
        dues.DueTotals("EUR", Decimal("0.00"), dict.fromkeys(reports.DUE_WINDOWS, Decimal("0.00")))
    ]
    assert totals.overdue == sum((expected[pk] for pk in want_overdue), Decimal("0.00"))
    assert totals.windows[90] == sum((expected[pk] for pk in want_due), Decimal("0.00"))
    PaymentInstalment.objects.filter(booking=booking).delete()
    booking.delete()


def test_a_cancelled_or_archived_booking_has_nothing_due(agency):
    today = dt.date(2026, 12, 1)
    for status, archived in (
        ("cancelled", None),
        ("confirmed", dt.datetime(2026, 1, 1, tzinfo=UTC)),
    ):
        booking = BookingFactory(
            agency=agency, client=ClientFactory(agency=agency), status=status, archived_at=archived
        )
        PaymentInstalment.objects.create(
            agency=agency, booking=booking, position=0, label="x", due_date=today, amount=10
        )
    assert not dues.instalments_due(agency=agency, today=today, days=30)
    with pytest.raises(ValidationError):
        dues.instalments_due(agency=agency, today=today, days=0)
