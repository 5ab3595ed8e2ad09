from __future__ import annotations

from decimal import Decimal

import pytest

from crm.bookings.services import payment_record
from crm.models import Booking
from tests.api.battery import ResourceBattery
from tests.api.conftest import Api
from tests.factories import BookingFactory, ClientFactory, ProposalFactory


class TestBookings(ResourceBattery):
    path = "/bookings"
    model = Booking
    # token, booking (with client and supplier), services, payments, instalments, named travellers
    detail_queries = 6

    def make(self, agency, **fields):
        return BookingFactory(client=ClientFactory(agency=agency), **fields)

    def write_body(self, agency):
        client = ClientFactory(agency=agency)
        return {"client_id": client.pk, "total_price": "2000.00", "start_date": "2027-03-01"}


def test_a_booking_shows_its_balance_due_and_payments(api: Api, agency):
    booking = BookingFactory(
        client=ClientFactory(agency=agency), total_price="2000.00", amount_paid="0.00"
    )
    payment_record(booking=booking, amount=Decimal("500"))
    data = api.get(f"/bookings/{booking.pk}").json()["data"]
    assert (data["total_price"], data["amount_paid"], data["balance_due"]) == (
        "2000.00",
        "500.00",
        "1500.00",
    )
    assert [(p["amount"], p["currency"]) for p in data["payments"]] == [("500.00", "EUR")]
    row = api.get("/bookings").json()["data"][0]
    assert row["balance_due"] == "1500.00"
    assert "payments" not in row


def test_a_booking_without_a_reference_gets_one(api: Api, agency):
    client = ClientFactory(agency=agency)
    response = api.post("/bookings", {"client_id": client.pk, "total_price": "10"})
    assert response.status_code == 201
    data = response.json()["data"]
    assert data["reference"].startswith("BK-")
    assert data["payments"] == []
    assert data["balance_due"] == "10.00"


@pytest.mark.parametrize("blank", ["", "   ", "\u3000\t"])
def test_a_reference_sent_blank_is_generated_on_a_create_and_on_an_edit(api: Api, agency, blank):
    # A booking always has one: blank (spaces too, which the schema's text admits) is the
    # dashboard's "leave empty to generate one", not a 422.
    client = ClientFactory(agency=agency)
    created = api.post("/bookings", {"client_id": client.pk, "reference": blank})
    booking_id = created.json()["data"]["id"]
    first = created.json()["data"]["reference"]

    edited = api.patch(f"/bookings/{booking_id}", {"reference": blank, "notes": "kept"})

    assert created.status_code == 201 and first.startswith("BK-")
    assert edited.status_code == 200, edited.json()
    data = edited.json()["data"]
    assert data["reference"].startswith("BK-") and data["reference"] != first
    assert data["notes"] == "kept"
    assert Booking.objects.get(pk=booking_id).reference == data["reference"]


def test_a_reference_already_used_in_the_agency_is_409(api: Api, agency):
    existing = BookingFactory(client=ClientFactory(agency=agency), reference="BK-TAKEN")
    response = api.post("/bookings", {"client_id": existing.client_id, "reference": "bk-taken"})
    assert response.status_code == 409
    assert list(response.json()["errors"]) == ["reference"]


def test_a_booking_cannot_link_a_proposal_of_another_agency(api: Api, agency, other_agency):
    client = ClientFactory(agency=agency)
    foreign = ProposalFactory(client=ClientFactory(agency=other_agency))
    response = api.post("/bookings", {"client_id": client.pk, "proposal_id": foreign.pk})
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["proposal_id"]
    assert not Booking.objects.exists()


def test_bookings_filter_by_status_client_and_start_date(api: Api, agency):
    client = ClientFactory(agency=agency)
    march = BookingFactory(client=client, status="pending", start_date="2027-03-01")
    BookingFactory(client=ClientFactory(agency=agency), status="confirmed", start_date="2027-09-01")

    def ids(query: str) -> list[int]:
        return [row["id"] for row in api.get(f"/bookings?{query}").json()["data"]]

    assert ids("status=pending") == [march.pk]
    assert ids(f"client_id={client.pk}") == [march.pk]
    assert ids("start_date_before=2027-04-01") == [march.pk]
    assert ids("sort=start_date")[0] == march.pk
