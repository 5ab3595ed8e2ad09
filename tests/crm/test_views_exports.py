"""CSV downloads of the dashboard's lists: the list's filters, formula-safe, the agency's."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest

from tests.factories import BookingFactory, ClientFactory, PaymentFactory

pytestmark = pytest.mark.django_db


def rows_of(response) -> list[dict[str, str]]:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="')
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_the_client_list_exports_with_its_filters(as_alice, agency, other_agency):
    ClientFactory(agency=agency, name="@Lead", status="lead", tags=["vip"])
    ClientFactory(agency=agency, name="Active", status="active")
    ClientFactory(agency=other_agency, name="Theirs", status="lead")

    rows = rows_of(as_alice.get("/clients/export.csv", {"status": "lead"}))

    assert [(r["name"], r["tags"]) for r in rows] == [("'@Lead", "vip")]


def test_payments_export_across_bookings_with_money_as_decimals(as_alice, agency):
    booking = BookingFactory(client=ClientFactory(agency=agency), total_price=Decimal("900.00"))
    PaymentFactory(booking=booking, amount=Decimal("300.00"))

    [row] = rows_of(as_alice.get("/payments/export.csv"))

    assert (row["amount"], row["booking_reference"]) == ("300.00", booking.reference)
    assert rows_of(as_alice.get("/bookings/export.csv"))[0]["total_price"] == "900.00"


def test_a_refused_filter_goes_back_to_the_list_with_the_message(as_alice):
    response = as_alice.get("/clients/export.csv", {"status": "nonsense"})

    assert response.status_code == 302 and response["Location"] == "/clients/"


def test_the_list_pages_link_their_export_with_the_filters(as_alice, agency):
    page = as_alice.get("/clients/", {"status": "lead"}).content.decode()
    assert "/clients/export.csv?status=lead" in page
