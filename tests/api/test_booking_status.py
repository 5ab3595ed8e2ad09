"""A booking's status through the API: PATCH and PUT follow the lifecycle's table; a step off
it is a 409 naming the current status and changes nothing."""

from __future__ import annotations

import pytest

from crm.models import Booking
from tests.api.conftest import Api
from tests.crm.lifecycle_spec import BOOKING_ALLOWED as ALLOWED
from tests.crm.lifecycle_spec import BOOKING_PAIRS as PAIRS
from tests.crm.lifecycle_spec import pair_id
from tests.factories import BookingFactory, ClientFactory


def row(booking: Booking) -> dict:
    return Booking.objects.filter(pk=booking.pk).values().get()


@pytest.mark.parametrize("method", ["PATCH", "PUT"])
@pytest.mark.parametrize("pair", PAIRS, ids=pair_id)
def test_the_api_follows_the_table(api: Api, agency, method, pair):
    start, to = pair
    booking = BookingFactory(client=ClientFactory(agency=agency), status=start)
    before = row(booking)
    body = {"status": to}
    if method == "PUT":
        body |= {"client_id": booking.client_id, "reference": booking.reference}
    response = api.request(method, f"/bookings/{booking.pk}", body)
    if pair in ALLOWED:
        assert response.status_code == 200, response.json()
        assert row(booking)["status"] == to
    else:
        assert response.status_code == 409
        assert response.json()["errors"] == {
            "status": [f"This booking is {start}; it cannot become {to}."]
        }
        assert row(booking) == before
