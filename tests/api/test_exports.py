"""CSV exports of API lists: ``Accept: text/csv`` or ``?format=csv``, filtered, streamed,
formula-safe, and only the token's agency."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest

from core.csv import safe_cell
from tests.api.conftest import Api
from tests.factories import BookingFactory, ClientFactory, PaymentFactory, ProposalFactory

pytestmark = pytest.mark.django_db


def rows_of(response) -> list[dict[str, str]]:
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(body)))


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+44 20 7946 0000", "'+44 20 7946 0000"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("Ada", "Ada"),
        (Decimal("-12.50"), "-12.50"),
        (None, ""),
        (["vip", "=x"], "vip; =x"),
    ],
)
def test_safe_cell_escapes_what_a_spreadsheet_would_run(value, cell):
    assert safe_cell(value) == cell


def test_clients_export_as_csv_with_the_lists_filters(api: Api, agency, other_agency):
    ClientFactory(agency=agency, name="=cmd|' /C calc'!A0", status="lead", email="")
    ClientFactory(agency=agency, name="Active One", status="active")
    ClientFactory(agency=other_agency, name="Theirs", status="lead")

    by_header = rows_of(api.get("/clients?status=lead", headers={"Accept": "text/csv"}))
    by_format = rows_of(api.get("/clients?status=lead&format=csv"))

    assert [row["name"] for row in by_header] == ["'=cmd|' /C calc'!A0"]
    assert by_format == by_header
    assert list(by_header[0])[:3] == ["id", "kind", "name"]


def test_a_refused_filter_is_a_json_422(api: Api):
    response = api.get("/clients?status=nonsense&format=csv")

    assert response.status_code == 422
    assert "status" in response.json()["errors"]


def test_every_list_exports(api: Api, agency):
    client = ClientFactory(agency=agency)
    booking = BookingFactory(client=client, total_price=Decimal("1000.00"))
    PaymentFactory(booking=booking, amount=Decimal("250.00"))
    ProposalFactory(client=client)

    for path in ("/itineraries", "/proposals", "/bookings", f"/bookings/{booking.pk}/payments"):
        rows = rows_of(api.get(f"{path}?format=csv"))
        assert len(rows) == (0 if path == "/itineraries" else 1), path
    [payment] = rows_of(api.get(f"/bookings/{booking.pk}/payments?format=csv"))
    assert (payment["amount"], payment["booking_reference"]) == ("250.00", booking.reference)


def test_the_json_list_is_unchanged(api: Api, agency):
    ClientFactory(agency=agency)
    assert api.get("/clients").json()["meta"]["total"] == 1


def test_only_the_list_answers_csv(api: Api, agency):
    client = ClientFactory(agency=agency)
    response = api.get(f"/clients/{client.pk}", headers={"Accept": "text/csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["data"]["id"] == client.pk


def test_another_format_is_a_json_422(api: Api, agency):
    for path in ("/clients", "/bookings", "/itineraries", "/proposals"):
        response = api.get(f"{path}?format=AAA")
        assert response.status_code == 422, path
        assert "format" in response.json()["errors"]
    client = ClientFactory(agency=agency)
    assert api.get(f"/clients/{client.pk}?format=AAA").status_code == 422
