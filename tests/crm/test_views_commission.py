"""The commission page and the Reports page: what they show, "Mark received" and partial
receipts (with htmx and without), voids, CSV exports escaped against formula injection, and
constant query counts."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from crm.bookings import booked_services
from crm.bookings.commission import commission_receipt_record
from crm.models import Booking, BookingService, CommissionReceipt, PaymentInstalment
from tests.factories import BookingFactory, ClientFactory, SupplierFactory

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def _lodge(agency):
    from crm.models import Supplier

    return Supplier.objects.filter(agency=agency, name="Lodge").first() or SupplierFactory(
        agency=agency, name="Lodge"
    )


def _service(agency, commission="100.00", supplier=None, client_name="Ada Lovelace", **kw):
    booking = BookingFactory(agency=agency, client=ClientFactory(agency=agency, name=client_name))
    return booked_services.booking_service_add(
        booking=booking,
        description=kw.pop("description", "Lodge, 2 nights"),
        supplier=(supplier or _lodge(agency)).pk,
        price=Decimal("1000.00"),
        commission_expected=Decimal(commission),
        **kw,
    )


def _csv(response) -> list[list[str]]:
    assert response["Content-Type"] == "text/csv"
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_the_commission_page_shows_what_each_supplier_and_month_owes(as_alice, agency):
    service = _service(agency, "80.00", start_date=dt.date(2027, 4, 2))
    commission_receipt_record(service=service, amount="30.00")

    page = as_alice.get("/commission/").content.decode()

    assert "Outstanding by supplier" in page and "Lodge" in page
    assert "April 2027" in page
    assert "50.00 EUR" in page
    assert f'id="receive-{service.pk}"' in page


def test_the_filters_narrow_the_list_and_a_bad_month_is_said(as_alice, agency):
    mine = _service(agency, description="Kept lodge", start_date=dt.date(2027, 4, 2))
    other = SupplierFactory(agency=agency)
    _service(agency, description="Other lodge", supplier=other, start_date=dt.date(2027, 5, 2))

    page = as_alice.get(f"/commission/?month=2027-04&supplier={mine.supplier_id}").content.decode()

    assert "Kept lodge" in page and "Other lodge" not in page
    response = as_alice.get("/commission/?month=April", follow=True)
    assert "Enter a month as YYYY-MM" in response.content.decode()


def test_mark_received_records_the_whole_outstanding_amount_and_redirects_back(as_alice, agency):
    service = _service(agency, "75.00")

    response = as_alice.post(f"/commission/services/{service.pk}/receive/", {"month": "2027-03"})

    assert response.status_code == 302
    assert response["Location"] == "/commission/?month=2027-03"
    assert CommissionReceipt.objects.get(service=service).amount == Decimal("75.00")
    assert BookingService.objects.get(pk=service.pk).commission_outstanding == 0


def test_with_htmx_a_partial_receipt_answers_the_region_with_what_to_announce(as_alice, agency):
    service = _service(agency, "75.00")

    response = as_alice.post(
        f"/commission/services/{service.pk}/receive/",
        {"amount": "25.00", "reference": "REM-9", "index": "0"},
        **HTMX,
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert body.startswith('<div id="commission-region"')
    assert f'data-focus="receive-{service.pk}"' in body
    assert "Received 25.00 EUR from Lodge for Lodge, 2 nights. 50.00 EUR still outstanding." in body
    assert CommissionReceipt.objects.get(service=service).reference == "REM-9"


def test_when_all_is_received_focus_goes_to_the_row_that_takes_its_place(as_alice, agency):
    first = _service(agency, "10.00", start_date=dt.date(2027, 1, 1))
    second = _service(agency, "20.00", start_date=dt.date(2027, 2, 1))

    body = as_alice.post(
        f"/commission/services/{first.pk}/receive/", {"index": "0"}, **HTMX
    ).content.decode()

    assert f'data-focus="receive-{second.pk}"' in body
    assert "All received." in body
    last = as_alice.post(f"/commission/services/{second.pk}/receive/", {"index": "0"}, **HTMX)
    assert 'data-focus="outstanding-heading"' in last.content.decode()


def test_an_over_receipt_comes_back_beside_the_field_and_changes_nothing(as_alice, agency):
    service = _service(agency, "40.00")

    response = as_alice.post(
        f"/commission/services/{service.pk}/receive/", {"amount": "40.01"}, **HTMX
    )

    body = response.content.decode()
    assert "field--error" in body and 'aria-invalid="true"' in body
    assert "more than the commission outstanding (40.00 EUR)" in body
    assert not CommissionReceipt.objects.exists()
    plain = as_alice.post(f"/commission/services/{service.pk}/receive/", {"amount": "abc"})
    assert plain.status_code == 302 and not CommissionReceipt.objects.exists()


def test_another_agencys_service_or_receipt_is_a_404(as_alice, other_agency):
    theirs = _service(other_agency)
    receipt = commission_receipt_record(service=theirs, amount="1.00")

    assert as_alice.post(f"/commission/services/{theirs.pk}/receive/").status_code == 404
    void = as_alice.post(f"/commission/receipts/{receipt.pk}/void/", {"reason": "x"})
    assert void.status_code == 404
    assert CommissionReceipt.objects.count() == 1
    assert not CommissionReceipt.objects.get().is_voided


def test_only_owners_and_admins_void_a_receipt_and_with_a_reason(as_amir, agency, alice, client):
    receipt = commission_receipt_record(service=_service(agency), amount="5.00")

    assert (
        as_amir.post(f"/commission/receipts/{receipt.pk}/void/", {"reason": "x"}).status_code == 403
    )
    assert "Void…" not in as_amir.get("/commission/").content.decode()
    client.force_login(alice)
    empty = client.post(f"/commission/receipts/{receipt.pk}/void/", {"reason": ""}, **HTMX)
    assert "Not voided" in empty.content.decode()
    client.post(f"/commission/receipts/{receipt.pk}/void/", {"reason": "Bounced"})
    assert CommissionReceipt.objects.get(pk=receipt.pk).void_reason == "Bounced"


def test_the_commission_csv_escapes_cells_a_spreadsheet_would_run(as_alice, agency):
    _service(agency, client_name='=HYPERLINK("http://evil.example","x")', description="@SUM(A1)")

    rows = _csv(as_alice.get("/commission/?export=csv"))

    assert rows[0][:3] == ["Booking", "Client", "Supplier"]
    assert rows[1][1] == '\'=HYPERLINK("http://evil.example","x")'
    assert rows[1][3] == "'@SUM(A1)"
    assert rows[1][-1] == "100.00"


def test_the_reports_page_draws_an_accessible_chart_beside_its_table(as_alice, agency):
    booking = BookingFactory(agency=agency, client=ClientFactory(agency=agency))
    booked_services.booking_service_add(
        booking=booking, description="Lodge", price=Decimal("1200.00"), cost=Decimal("900.00")
    )
    month = dt.date.today().replace(day=1)

    page = as_alice.get("/reports/").content.decode()

    assert '<svg class="chart__svg"' in page and 'role="img"' in page
    assert '<title id="chart-title">' in page and '<desc id="chart-desc">' in page
    assert f"Sales, {month:%B %Y}: 1,200.00 EUR" in page
    assert f"Margin, {month:%B %Y}: 300.00 EUR" in page
    assert "Payments due in the next 30 days" in page
    assert "Overdue instalments" in page and "Commission outstanding by supplier" in page


def test_the_reports_page_is_seen_by_agents_too_and_refuses_bad_parameters(as_amir):
    assert as_amir.get("/reports/").status_code == 200
    assert as_amir.get("/reports/?days=45").status_code == 302
    assert as_amir.get("/reports/?from=2030-01&to=2020-01").status_code == 302


def test_each_report_section_downloads_as_an_escaped_csv(as_alice, agency):
    today = dt.date.today()
    booking = BookingFactory(
        agency=agency,
        client=ClientFactory(agency=agency, name="+1 555 formula"),
        total_price=Decimal("200.00"),
    )
    for position, days in enumerate((-3, 12)):
        PaymentInstalment.objects.create(
            agency=agency,
            booking=booking,
            position=position,
            label="-deposit" if position == 0 else "Balance",
            due_date=today + dt.timedelta(days=days),
            amount=Decimal("100.00"),
        )
    _service(agency, "30.00", supplier=SupplierFactory(agency=agency, name="=Evil Air"))

    overdue = _csv(as_alice.get("/reports/?export=overdue"))
    due = _csv(as_alice.get("/reports/?export=due&days=30"))
    commission = _csv(as_alice.get("/reports/?export=commission"))
    monthly = _csv(as_alice.get("/reports/?export=monthly"))

    assert overdue[1][1:3] == ["'+1 555 formula", "'-deposit"]
    assert overdue[1][-1] == "100.00"
    assert due[1][2] == "Balance"
    assert commission[1][0] == "'=Evil Air" and commission[1][-1] == "30.00"
    assert len(monthly) == 13  # the header and the last 12 months
    assert sum(Decimal(row[3]) for row in monthly[1:]) == sum(
        b.total_price for b in Booking.objects.filter(agency=agency)
    )


def _page_queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured.captured_queries)


def test_the_pages_run_the_same_queries_whatever_the_agency_holds(as_alice, agency):
    _service(agency)
    few = (_page_queries(as_alice, "/commission/"), _page_queries(as_alice, "/reports/"))
    lodge = SupplierFactory(agency=agency)
    for _ in range(12):
        receipt_for = _service(agency, supplier=lodge)
        commission_receipt_record(service=receipt_for, amount="10.00")

    many = (_page_queries(as_alice, "/commission/"), _page_queries(as_alice, "/reports/"))

    assert many == few


def test_the_booking_page_shows_commission_received_and_outstanding(as_alice, agency):
    service = _service(agency, "90.00")
    commission_receipt_record(service=service, amount="30.00")

    page = as_alice.get(f"/bookings/{service.booking_id}/").content.decode()

    assert "30.00 received" in page and "60.00 outstanding" in page
