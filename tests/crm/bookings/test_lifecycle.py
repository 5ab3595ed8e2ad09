"""A booking's status has one door: the service, the API (PATCH, PUT) and the dashboard's
edit form all follow the table; a step off it names the current status and changes nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from accounts.models import Activity
from crm.bookings import services
from crm.bookings.lifecycle import booking_transition
from crm.models import Booking
from tests.crm.lifecycle_spec import BOOKING_ALLOWED as ALLOWED
from tests.crm.lifecycle_spec import BOOKING_PAIRS as PAIRS
from tests.crm.lifecycle_spec import pair_id
from tests.factories import BookingFactory, ClientFactory

pytestmark = pytest.mark.django_db


def in_status(agency, status: str) -> Booking:
    return BookingFactory(client=ClientFactory(agency=agency), status=status, amount_paid=0)


def row(booking: Booking) -> dict:
    return Booking.objects.filter(pk=booking.pk).values().get()


def refusal(start: str, to: str) -> list[str]:
    return [f"This booking is {start}; it cannot become {to}."]


@pytest.mark.parametrize("pair", PAIRS, ids=pair_id)
def test_the_door_follows_the_table(agency, pair):
    start, to = pair
    booking = in_status(agency, start)
    before = row(booking)
    if pair in ALLOWED:
        booking_transition(booking=booking, to=to)
        assert row(booking)["status"] == to
        event = Activity.objects.get(event=f"booking.{to}", object_id=booking.pk)
        assert event.data == {"from": start, "to": to}
    else:
        with pytest.raises(ValidationError) as refused:
            booking_transition(booking=booking, to=to)
        assert refused.value.message_dict == {"status": refusal(start, to)}
        assert row(booking) == before


@pytest.mark.parametrize("pair", PAIRS, ids=pair_id)
def test_the_dashboard_edit_form_follows_the_table(as_alice, agency, pair):
    start, to = pair
    booking = in_status(agency, start)
    before = row(booking)
    response = as_alice.post(
        f"/bookings/{booking.pk}/edit/",
        {
            "client": booking.client_id,
            "reference": booking.reference,
            "status": to,
            "currency": "EUR",
            "total_price": "2000.00",
        },
    )
    if pair in ALLOWED:
        assert response.status_code == 302
        assert row(booking)["status"] == to
    else:
        assert response.status_code == 200
        assert response.context["form"].errors == {"status": refusal(start, to)}
        assert row(booking) == before


def test_creating_with_a_status_walks_the_table(agency):
    client = ClientFactory(agency=agency)
    booking = services.booking_create(agency=agency, client=client.pk, status="completed")
    assert booking.status == "completed"
    events = Activity.objects.filter(object_type="booking", object_id=booking.pk).order_by("id")
    assert list(events.values_list("event", flat=True)) == [
        "booking.created",
        "booking.confirmed",
        "booking.completed",
    ]


def test_an_edit_never_saves_back_a_stale_status_or_paid_amount(agency):
    booking = in_status(agency, "pending")
    Booking.objects.filter(pk=booking.pk).update(status="cancelled", amount_paid=Decimal("75"))
    services.booking_update(booking=booking, notes="Called the hotel")
    stored = Booking.objects.get(pk=booking.pk)
    assert (stored.status, stored.amount_paid, stored.notes) == (
        "cancelled",
        Decimal("75.00"),
        "Called the hotel",
    )


def test_the_currency_of_a_booking_with_payments_cannot_change(agency):
    booking = in_status(agency, "confirmed")
    services.payment_record(booking=booking, amount=Decimal("10"))
    with pytest.raises(ValidationError) as refused:
        services.booking_update(booking=booking, currency="USD")
    assert list(refused.value.message_dict) == ["currency"]
    assert Booking.objects.get(pk=booking.pk).currency == "EUR"


def test_the_schema_says_which_booking_status_changes_are_allowed():
    from api.v1.bookings import BookingInputSerializer

    help_text = BookingInputSerializer().fields["status"].help_text
    assert "pending → cancelled, confirmed" in help_text
    assert "Final (never change again): cancelled, completed" in help_text
