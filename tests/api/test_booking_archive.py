"""``DELETE /bookings/{id}`` never destroys recorded money for an agent; archive and restore."""

from __future__ import annotations

from decimal import Decimal

import pytest

from accounts.models import Activity
from crm.bookings.services import payment_record
from crm.models import Booking, Payment
from tests.factories import BookingFactory


@pytest.fixture
def paid_booking(agency):
    booking = BookingFactory(agency=agency, total_price=Decimal("900.00"), amount_paid=0)
    payment_record(booking=booking, amount=Decimal("100.00"))
    return booking


def test_an_agents_token_cannot_delete_a_booking_with_payments(agent_api, paid_booking):
    response = agent_api.delete(f"/bookings/{paid_booking.pk}")

    assert response.status_code == 403
    assert "archive" in response.json()["message"].lower()
    assert Booking.objects.filter(pk=paid_booking.pk).exists()
    assert Payment.objects.filter(booking=paid_booking).count() == 1


def test_an_agents_token_may_delete_a_booking_without_payments(agent_api, agency):
    booking = BookingFactory(agency=agency, amount_paid=0)

    assert agent_api.delete(f"/bookings/{booking.pk}").status_code == 204
    assert not Booking.objects.filter(pk=booking.pk).exists()


def test_the_owners_token_deletes_a_paid_booking_and_the_event_says_what_went(api, paid_booking):
    booking_id = paid_booking.pk

    assert api.delete(f"/bookings/{booking_id}").status_code == 204

    assert not Booking.objects.filter(pk=booking_id).exists()
    event = Activity.objects.get(event="booking.deleted", object_id=booking_id)
    assert event.data == {"payments": 1, "amount_paid": "100.00"}


def test_an_archived_booking_leaves_the_list_until_restored(agent_api, agency, amir, paid_booking):
    other = BookingFactory(agency=agency, amount_paid=0)

    archived = agent_api.post(f"/bookings/{paid_booking.pk}/archive")

    assert archived.status_code == 200
    assert archived.json()["data"]["archived_by_id"] == amir.pk
    listed = [row["id"] for row in agent_api.get("/bookings").json()["data"]]
    assert listed == [other.pk]
    with_archived = agent_api.get("/bookings?archived=true").json()["data"]
    assert {row["id"] for row in with_archived} == {other.pk, paid_booking.pk}
    only = agent_api.get("/bookings?archived=only").json()["data"]
    assert [row["id"] for row in only] == [paid_booking.pk]

    restored = agent_api.post(f"/bookings/{paid_booking.pk}/restore")

    assert restored.status_code == 200
    assert restored.json()["data"]["archived_at"] is None
    assert {row["id"] for row in agent_api.get("/bookings").json()["data"]} == {
        other.pk,
        paid_booking.pk,
    }
    assert Activity.objects.filter(event="booking.archived", object_id=paid_booking.pk).exists()
    assert Activity.objects.filter(event="booking.restored", object_id=paid_booking.pk).exists()


def test_an_unknown_archived_value_is_a_422(agent_api):
    response = agent_api.get("/bookings?archived=maybe")

    assert response.status_code == 422
    assert "archived" in response.json()["errors"]


def test_another_agencys_booking_cannot_be_archived_or_deleted(agent_api, other_agency):
    theirs = BookingFactory(agency=other_agency, amount_paid=0)

    assert agent_api.post(f"/bookings/{theirs.pk}/archive").status_code == 404
    assert agent_api.post(f"/bookings/{theirs.pk}/restore").status_code == 404
    assert agent_api.delete(f"/bookings/{theirs.pk}").status_code == 404
    assert Booking.objects.get(pk=theirs.pk).archived_at is None
