"""``/commission-receipts`` and ``/reports/...``: the envelope, 422s that change nothing, voids
instead of deletes, filters, and another agency's records answering like missing ones."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from crm.bookings import booked_services
from crm.bookings.commission import commission_receipt_record
from crm.models import Booking, BookingService, CommissionReceipt, PaymentInstalment
from tests.api.conftest import Api
from tests.factories import BookingFactory, ClientFactory, SupplierFactory

pytestmark = pytest.mark.django_db


def _service(agency, commission: str = "100.00", supplier=None) -> BookingService:
    booking = BookingFactory(agency=agency, client=ClientFactory(agency=agency))
    return booked_services.booking_service_add(
        booking=booking,
        description="Lodge",
        supplier=(supplier or SupplierFactory(agency=agency)).pk,
        price=Decimal("1000.00"),
        commission_expected=Decimal(commission),
    )


def test_a_partial_receipt_is_created_and_the_service_shows_what_is_outstanding(api: Api, agency):
    service = _service(agency)

    response = api.post(
        "/commission-receipts",
        {
            "service_id": service.pk,
            "amount": "30.00",
            "reference": "REM-1",
            "received_on": "2026-11-30",
        },
    )

    assert response.status_code == 201, response.json()
    data = response.json()["data"]
    assert data["amount"] == "30.00" and data["currency"] == "EUR"
    assert data["booking_id"] == service.booking_id and data["is_voided"] is False
    services = api.get(f"/bookings/{service.booking_id}/services").json()["data"]
    assert services[0]["commission_received"] == "30.00"
    assert services[0]["commission_outstanding"] == "70.00"
    financials = api.get(f"/bookings/{service.booking_id}").json()["data"]["financials"]
    assert financials["commission_received"] == "30.00"
    assert financials["commission_outstanding"] == "70.00"


def test_without_an_amount_the_whole_outstanding_commission_is_received(api: Api, agency):
    service = _service(agency, "45.00")
    response = api.post("/commission-receipts", {"service_id": service.pk})
    assert response.status_code == 201
    assert response.json()["data"]["amount"] == "45.00"


def test_an_over_receipt_is_a_409_naming_the_outstanding_amount_and_changes_nothing(
    api: Api, agency
):
    # A 409: the amount meets what is still outstanding, the service's state.
    service = _service(agency, "20.00")

    response = api.post("/commission-receipts", {"service_id": service.pk, "amount": "20.01"})

    assert response.status_code == 409
    assert "20.00 EUR" in response.json()["errors"]["amount"][0]
    assert not CommissionReceipt.objects.exists()


def test_another_agencys_service_is_a_422_like_a_missing_one(api: Api, other_agency):
    theirs = _service(other_agency)
    response = api.post("/commission-receipts", {"service_id": theirs.pk, "amount": "1.00"})
    missing = api.post("/commission-receipts", {"service_id": 987654321, "amount": "1.00"})
    assert response.status_code == missing.status_code == 422
    assert response.json()["errors"]["service_id"][0].startswith("No ")
    assert not CommissionReceipt.objects.exists()


def test_another_agencys_receipt_is_a_404_to_read_void_or_delete(api: Api, bob_api: Api, agency):
    receipt = commission_receipt_record(service=_service(agency), amount="5.00")

    assert bob_api.get(f"/commission-receipts/{receipt.pk}").status_code == 404
    assert (
        bob_api.post(f"/commission-receipts/{receipt.pk}/void", {"reason": "x"}).status_code == 404
    )
    assert bob_api.delete(f"/commission-receipts/{receipt.pk}").status_code == 404
    assert bob_api.get("/commission-receipts").json()["data"] == []
    assert not CommissionReceipt.objects.get(pk=receipt.pk).is_voided


def test_a_receipt_is_voided_not_deleted_and_only_by_an_owner_or_admin(
    api: Api, agent_api: Api, agency
):
    receipt = commission_receipt_record(service=_service(agency, "50.00"), amount="50.00")

    assert api.delete(f"/commission-receipts/{receipt.pk}").status_code == 405
    assert (
        agent_api.post(f"/commission-receipts/{receipt.pk}/void", {"reason": "x"}).status_code
        == 403
    )
    assert api.post(f"/commission-receipts/{receipt.pk}/void", {}).status_code == 422
    voided = api.post(f"/commission-receipts/{receipt.pk}/void", {"reason": "Bounced"})

    assert voided.status_code == 200
    assert voided.json()["data"]["is_voided"] is True
    assert voided.json()["data"]["void_reason"] == "Bounced"
    assert api.get(f"/commission-receipts/{receipt.pk}").json()["data"]["is_voided"] is True
    assert BookingService.objects.get(pk=receipt.service_id).commission_received == 0


def test_receipts_filter_by_supplier_booking_and_date(api: Api, agency):
    lodge = SupplierFactory(agency=agency)
    a = commission_receipt_record(
        service=_service(agency, supplier=lodge), amount="1.00", received_on=dt.date(2026, 5, 1)
    )
    b = commission_receipt_record(
        service=_service(agency), amount="2.00", received_on=dt.date(2026, 6, 1)
    )

    def ids(query: str) -> list[int]:
        response = api.get(f"/commission-receipts?{query}")
        assert response.status_code == 200, response.json()
        return [row["id"] for row in response.json()["data"]]

    assert ids("") == [b.pk, a.pk]
    assert ids(f"supplier_id={lodge.pk}") == [a.pk]
    assert ids(f"booking_id={b.booking_id}") == [b.pk]
    assert ids("date_from=2026-05-15") == [b.pk]
    assert ids("date_to=2026-05-15") == [a.pk]
    assert api.get("/commission-receipts?date_from=June").status_code == 422


def test_the_monthly_report_sums_the_months_bookings(api: Api, agency):
    booking = BookingFactory(
        agency=agency, client=ClientFactory(agency=agency), total_price=Decimal("300.00")
    )
    Booking.objects.filter(pk=booking.pk).update(created_at=dt.datetime(2026, 6, 3, tzinfo=dt.UTC))

    response = api.get("/reports/monthly?from=2026-05&to=2026-07")

    assert response.status_code == 200
    body = response.json()["data"]
    assert (body["date_from"], body["date_to"]) == ("2026-05", "2026-07")
    assert [(m["month"], m["sales"]) for m in body["months"]] == [
        ("2026-05", "0.00"),
        ("2026-06", "300.00"),
        ("2026-07", "0.00"),
    ]
    assert api.get("/reports/monthly?from=2026-13").status_code == 422
    assert api.get("/reports/monthly?from=2027-01&to=2026-01").status_code == 422


def test_the_commission_report_lists_what_each_supplier_owes(api: Api, bob_api: Api, agency):
    lodge = SupplierFactory(agency=agency, name="Lodge")
    commission_receipt_record(service=_service(agency, "80.00", supplier=lodge), amount="30.00")

    body = api.get("/reports/commission-outstanding").json()["data"]

    assert body["suppliers"] == [
        {
            "supplier_id": lodge.pk,
            "supplier": "Lodge",
            "currency": "EUR",
            "services": 1,
            "expected": "80.00",
            "received": "30.00",
            "outstanding": "50.00",
        }
    ]
    assert bob_api.get("/reports/commission-outstanding").json()["data"]["suppliers"] == []


def test_payments_due_and_overdue_are_paginated_lists_of_what_is_unpaid(
    api: Api, bob_api: Api, agency
):
    today = dt.date.today()
    booking = BookingFactory(
        agency=agency,
        client=ClientFactory(agency=agency),
        total_price=Decimal("300.00"),
        amount_paid=Decimal("150.00"),
    )
    for position, (days, amount) in enumerate([(-10, "100.00"), (-5, "100.00"), (20, "100.00")]):
        PaymentInstalment.objects.create(
            agency=agency,
            booking=booking,
            position=position,
            label=f"#{position}",
            due_date=today + dt.timedelta(days=days),
            amount=Decimal(amount),
        )

    overdue = api.get("/reports/overdue-instalments").json()
    due = api.get("/reports/payments-due?days=30").json()

    assert [(r["label"], r["outstanding"]) for r in overdue["data"]] == [("#1", "50.00")]
    assert overdue["meta"]["total"] == 1
    assert [(r["label"], r["outstanding"]) for r in due["data"]] == [("#2", "100.00")]
    assert due["data"][0]["booking_reference"] == booking.reference
    assert api.get("/reports/payments-due?days=10").json()["data"] == []
    assert api.get("/reports/payments-due?days=0").status_code == 422
    assert api.get("/reports/payments-due?days=abc").status_code == 422
    assert bob_api.get("/reports/overdue-instalments").json()["data"] == []
