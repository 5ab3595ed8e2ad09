"""``/suppliers`` and a booking's ``/services``: the usual envelope, errors and isolation."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from crm.bookings import booked_services
from crm.models import BookingService, Supplier
from tests.api.battery import ResourceBattery
from tests.api.conftest import Api
from tests.factories import (
    BookingFactory,
    BookingServiceFactory,
    ClientFactory,
    SupplierFactory,
)

pytestmark = pytest.mark.django_db


class TestSuppliers(ResourceBattery):
    path = "/suppliers"
    model = Supplier
    list_queries = 4  # token, count, page, the page's contacts
    detail_queries = 3  # token, supplier, its contacts

    def make(self, agency, **fields):
        supplier = SupplierFactory(agency=agency, **fields)
        supplier.contacts.create(name="Desk", email="desk@example.com")
        return supplier

    def write_body(self, agency):
        return {"name": "Hotel Avenida Palace", "type": "hotel", "default_commission_rate": "8"}


def test_a_supplier_is_created_with_its_contacts(api: Api):
    response = api.post(
        "/suppliers",
        {
            "name": " Só Ilhas DMC ",
            "type": "dmc",
            "currency": "eur",
            "default_commission_rate": "12.5",
            "contacts": [
                {"name": "Marta", "role": "Reservations", "email": "marta@soilhas.example"},
                {"name": "Rui", "phone": "+351 912 000 000"},
            ],
        },
    )
    assert response.status_code == 201, response.json()
    data = response.json()["data"]
    assert (data["name"], data["type"], data["currency"]) == ("Só Ilhas DMC", "dmc", "EUR")
    assert data["default_commission_rate"] == "12.50"
    assert [c["name"] for c in data["contacts"]] == ["Marta", "Rui"]


def test_a_second_supplier_of_the_same_name_ignoring_case_is_a_409(api: Api, agency):
    SupplierFactory(agency=agency, name="TAP Air Portugal")
    response = api.post("/suppliers", {"name": "tap air portugal"})
    assert response.status_code == 409
    assert "already has a supplier" in response.json()["errors"]["name"][0]
    assert Supplier.objects.for_agency(agency).count() == 1


def test_another_agency_may_use_the_same_name(api: Api, other_agency):
    SupplierFactory(agency=other_agency, name="TAP Air Portugal")
    assert api.post("/suppliers", {"name": "TAP Air Portugal"}).status_code == 201


@pytest.mark.parametrize("rate", ["-1", "100.01", "abc", "1.234"])
def test_a_commission_rate_outside_0_to_100_is_a_422(api: Api, rate):
    response = api.post("/suppliers", {"name": "X", "default_commission_rate": rate})
    assert response.status_code == 422
    assert "default_commission_rate" in response.json()["errors"]


def test_search_finds_contact_names_and_emails_and_filters_by_type(api: Api, agency):
    lodge = SupplierFactory(agency=agency, name="Lodge", type="hotel")
    lodge.contacts.create(name="Benedita", email="bene@lodge.example")
    SupplierFactory(agency=agency, name="Airline", type="airline")
    assert [s["name"] for s in api.get("/suppliers?q=benedita").json()["data"]] == ["Lodge"]
    assert [s["name"] for s in api.get("/suppliers?q=bene@lodge").json()["data"]] == ["Lodge"]
    assert [s["name"] for s in api.get("/suppliers?type=airline").json()["data"]] == ["Airline"]
    assert api.get("/suppliers?type=spaceship").status_code == 422


def test_a_supplier_in_use_is_not_deleted_but_can_be_archived(api: Api, agency):
    supplier = SupplierFactory(agency=agency)
    BookingServiceFactory(
        booking=BookingFactory(client=ClientFactory(agency=agency)), supplier=supplier
    )
    response = api.delete(f"/suppliers/{supplier.pk}")
    assert response.status_code == 409
    assert "Archive it instead" in response.json()["message"]
    assert api.post(f"/suppliers/{supplier.pk}/archive").status_code == 200
    assert api.get("/suppliers").json()["data"] == []
    assert len(api.get("/suppliers?archived=only").json()["data"]) == 1


def test_the_supplier_list_runs_the_same_queries_whatever_the_contacts(api: Api, agency):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert api.get("/suppliers?per_page=100").status_code == 200
        return len(queries)

    SupplierFactory(agency=agency).contacts.create(name="One")
    small = count()
    for n in range(10):
        supplier = SupplierFactory(agency=agency)
        for m in range(5):
            supplier.contacts.create(name=f"Contact {n}.{m}")
    assert count() == small


# A booking's services ------------------------------------------------------------------------


@pytest.fixture
def booking(agency):
    return BookingFactory(client=ClientFactory(agency=agency), currency="EUR")


def test_services_are_added_listed_updated_and_removed(api: Api, agency, booking):
    lodge = SupplierFactory(agency=agency, name="Lodge", default_commission_rate=Decimal("10"))
    created = api.post(
        f"/bookings/{booking.pk}/services",
        {
            "kind": "hotel",
            "supplier_id": lodge.pk,
            "description": "Lodge, 3 nights",
            "start_date": "2027-03-01",
            "end_date": "2027-03-04",
            "price": "1200.00",
            "cost": "950.00",
        },
    )
    assert created.status_code == 201, created.json()
    row = created.json()["data"]
    assert (row["supplier"], row["commission_expected"], row["commission_source"]) == (
        "Lodge",
        "120.00",
        "supplier_rate",
    )
    listed = api.get(f"/bookings/{booking.pk}/services").json()
    assert listed["meta"]["total"] == 1
    url = f"/bookings/{booking.pk}/services/{row['id']}"
    patched = api.patch(url, {"status": "confirmed", "confirmation_number": "LDG-42"})
    assert patched.json()["data"]["status"] == "confirmed"
    detail = api.get(f"/bookings/{booking.pk}").json()["data"]
    assert detail["financials"] == {
        "currency": "EUR",
        "priced_by": "services",
        "services": 1,
        "total_price": "1200.00",
        "total_cost": "950.00",
        "margin": "250.00",
        "commission_expected": "120.00",
        "commission_received": "0.00",
        "commission_outstanding": "120.00",
        "amount_paid": "0.00",
        "balance_due": "1200.00",
        "credit_balance": "0.00",
    }
    assert [s["confirmation_number"] for s in detail["services"]] == ["LDG-42"]
    assert api.delete(url).status_code == 204
    assert api.get(url).status_code == 404


def test_a_service_named_by_a_new_supplier_name_adds_it_to_the_directory(api, agency, booking):
    response = api.post(
        f"/bookings/{booking.pk}/services", {"description": "Ferry", "supplier": "Atlânticoline"}
    )
    assert response.status_code == 201
    assert Supplier.objects.for_agency(agency).get().name == "Atlânticoline"
    again = api.post(
        f"/bookings/{booking.pk}/services",
        {"description": "Ferry back", "supplier": " atlânticoline "},
    )
    assert again.json()["data"]["supplier_id"] == response.json()["data"]["supplier_id"]


def test_a_service_in_another_currency_is_a_409(api: Api, booking):
    response = api.post(
        f"/bookings/{booking.pk}/services", {"description": "X", "currency": "USD", "price": "1"}
    )
    assert response.status_code == 409
    assert "booking's currency (EUR)" in response.json()["errors"]["currency"][0]
    assert booking.services.count() == 0


def test_a_typed_total_on_a_booking_with_services_is_a_409(api: Api, booking):
    booked_services.booking_service_add(booking=booking, description="Flight", price="300")
    response = api.patch(f"/bookings/{booking.pk}", {"total_price": "9999.00"})
    assert response.status_code == 409
    assert "priced by its services" in response.json()["errors"]["total_price"][0]


def test_another_agencys_booking_services_and_suppliers_are_404_or_refused(api: Api, other_agency):
    theirs = BookingFactory(client=ClientFactory(agency=other_agency))
    service = BookingServiceFactory(booking=theirs)
    supplier = SupplierFactory(agency=other_agency)
    assert api.get(f"/bookings/{theirs.pk}/services").status_code == 404
    assert api.get(f"/bookings/{theirs.pk}/services/{service.pk}").status_code == 404
    assert api.post(f"/bookings/{theirs.pk}/services", {"description": "x"}).status_code == 404
    assert api.get(f"/suppliers/{supplier.pk}").status_code == 404


def test_another_agencys_supplier_id_in_a_service_body_is_refused(api, booking, other_agency):
    supplier = SupplierFactory(agency=other_agency)
    response = api.post(
        f"/bookings/{booking.pk}/services", {"description": "x", "supplier_id": supplier.pk}
    )
    assert response.status_code == 422
    assert response.json()["errors"]["supplier_id"] == [f"No supplier with id {supplier.pk}."]


def test_a_service_of_another_booking_is_a_404(api: Api, agency, booking):
    other = BookingFactory(client=ClientFactory(agency=agency))
    service = BookingServiceFactory(booking=other)
    assert api.get(f"/bookings/{booking.pk}/services/{service.pk}").status_code == 404


def test_the_booking_detail_runs_the_same_queries_whatever_it_holds(api: Api, agency, booking):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert api.get(f"/bookings/{booking.pk}").status_code == 200
        return len(queries)

    BookingServiceFactory(booking=booking, supplier=SupplierFactory(agency=agency))
    small = count()
    for _ in range(15):
        BookingServiceFactory(booking=booking, supplier=SupplierFactory(agency=agency))
    assert count() == small
    assert BookingService.objects.filter(booking=booking).count() == 16


def test_booking_lists_filter_by_supplier_balance_travel_dates_and_consultant(
    api: Api, agency, alice
):
    import datetime as dt

    lodge = SupplierFactory(agency=agency)
    client = ClientFactory(agency=agency, assigned_to=alice)
    july = BookingFactory(
        client=client, start_date=dt.date(2027, 7, 1), end_date=dt.date(2027, 7, 9)
    )
    BookingServiceFactory(booking=july, supplier=lodge)
    paid = BookingFactory(
        client=ClientFactory(agency=agency),
        start_date=dt.date(2027, 9, 1),
        end_date=dt.date(2027, 9, 2),
        total_price=Decimal("0.00"),
    )

    def refs(query: str) -> list[str]:
        response = api.get(f"/bookings?{query}")
        assert response.status_code == 200, response.json()
        return [b["reference"] for b in response.json()["data"]]

    assert refs(f"supplier_id={lodge.pk}") == [july.reference]
    assert refs("balance_due=true") == [july.reference]
    assert refs("balance_due=false") == [paid.reference]
    assert refs("date_from=2027-07-05&date_to=2027-07-31") == [july.reference]
    assert refs("date_from=2027-08-01") == [paid.reference]
    assert refs(f"consultant_id={alice.pk}") == [july.reference]
    assert api.get("/bookings?date_from=soon").status_code == 422
