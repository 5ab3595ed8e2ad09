"""Issue #12, item 12: numbers typed into dashboard URLs and forms never answer 500.

Integers are ASCII digits with a length cap (``core.validation.parse_int``); money sums are
checked before anything is saved, in the dashboard as in the API.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from core.validation import parse_int
from crm.models import Booking, ItineraryDay, ItineraryItem, Payment
from tests.factories import (
    BookingFactory,
    ClientFactory,
    ItineraryDayFactory,
    ItineraryFactory,
    ItineraryItemFactory,
)

pytestmark = pytest.mark.django_db

# str.isdigit() says yes to all three (superscript two, Arabic-Indic 12, double-struck 1)
NOT_ASCII = ["²", "\u0661\u0662", "\U0001d7d9"]
HUGE = "9" * 5_000  # past Python's int-from-string limit (4,300 digits)
OUT_OF_RANGE = "9" * 30  # fits a Python int, not a database integer


@pytest.mark.parametrize("raw", ["0", "7", "0042", "2147483647"])
def test_parse_int_reads_ascii_digits(raw):
    assert parse_int(raw) == int(raw)


@pytest.mark.parametrize("raw", [*NOT_ASCII, HUGE, OUT_OF_RANGE, "", " 7", "7 ", "-7", "+7", "7.0"])
def test_parse_int_refuses_everything_else(raw):
    assert parse_int(raw) is None


@pytest.mark.parametrize("page", ["itinerary_create", "proposal_create", "booking_create"])
@pytest.mark.parametrize("value", [*NOT_ASCII, HUGE, OUT_OF_RANGE])
def test_a_new_page_with_a_client_that_is_no_number_opens_without_one(as_amir, page, value):
    response = as_amir.get(reverse(page), {"client": value})
    assert response.status_code == 200
    assert response.context["form"].initial.get("client") is None


@pytest.mark.parametrize("value", [*NOT_ASCII, HUGE, OUT_OF_RANGE])
def test_a_new_proposal_with_an_itinerary_that_is_no_number_opens_without_one(as_amir, value):
    response = as_amir.get(reverse("proposal_create"), {"itinerary": value})
    assert response.status_code == 200


def test_a_new_page_still_preselects_a_real_client(as_amir, agency):
    client = ClientFactory(agency=agency)
    response = as_amir.get(reverse("itinerary_create"), {"client": str(client.pk)})
    assert response.status_code == 200
    assert response.context["form"].initial["client"] == client.pk


@pytest.fixture
def plan(agency):
    itinerary = ItineraryFactory(client=ClientFactory(agency=agency))
    days = [ItineraryDayFactory(itinerary=itinerary, day_number=n) for n in (1, 2, 3)]
    items = [ItineraryItemFactory(day=days[0], position=p) for p in (0, 1, 2)]
    return itinerary, days, items


def _day_numbers(itinerary):
    return list(
        ItineraryDay.objects.filter(itinerary=itinerary)
        .order_by("day_number")
        .values_list("pk", flat=True)
    )


def _item_order(day):
    return list(
        ItineraryItem.objects.filter(day=day).order_by("position").values_list("pk", flat=True)
    )


@pytest.mark.parametrize("to", [*NOT_ASCII, HUGE, OUT_OF_RANGE, "-1", "abc"])
def test_a_day_move_to_a_position_that_is_no_number_is_refused(as_amir, plan, to):
    itinerary, days, _ = plan
    before = _day_numbers(itinerary)
    url = reverse("day_move", args=[itinerary.pk, days[0].pk])
    response = as_amir.post(url, {"to": to})
    assert response.status_code == 400
    assert "position" in response.content.decode()
    assert _day_numbers(itinerary) == before


@pytest.mark.parametrize("to", [*NOT_ASCII, HUGE, OUT_OF_RANGE, "-1", "abc"])
def test_an_item_move_to_a_position_that_is_no_number_is_refused(as_amir, plan, to):
    itinerary, days, items = plan
    before = _item_order(days[0])
    url = reverse("item_move", args=[itinerary.pk, items[0].pk])
    response = as_amir.post(url, {"to": to})
    assert response.status_code == 400
    assert _item_order(days[0]) == before


def test_a_move_to_a_real_position_still_moves(as_amir, plan):
    itinerary, days, _ = plan
    url = reverse("day_move", args=[itinerary.pk, days[0].pk])
    response = as_amir.post(url, {"to": "3"})
    assert response.status_code == 302
    assert _day_numbers(itinerary) == [days[1].pk, days[2].pk, days[0].pk]


def test_a_move_far_past_the_end_lands_last(as_amir, plan):
    itinerary, days, items = plan
    url = reverse("item_move", args=[itinerary.pk, items[0].pk])
    assert as_amir.post(url, {"to": "999999"}).status_code == 302
    assert _item_order(days[0])[-1] == items[0].pk


BIG = "9999999999.99"


def test_two_payments_that_overflow_the_paid_column_are_refused_in_the_dashboard(as_amir, agency):
    booking = BookingFactory(client=ClientFactory(agency=agency), total_price=Decimal(BIG))
    url = reverse("payment_add", args=[booking.pk])
    first = as_amir.post(url, {"amount": BIG, "paid_on": "2026-11-01"})
    assert first.status_code == 302
    second = as_amir.post(url, {"amount": BIG, "paid_on": "2026-11-01"})
    assert second.status_code == 200
    assert "would total more than" in second.content.decode()
    assert Payment.objects.filter(booking=booking).count() == 1
    assert Booking.objects.get(pk=booking.pk).amount_paid == Decimal(BIG)


def test_two_payments_that_overflow_the_paid_column_are_refused_by_the_service(agency, alice):
    """The API and the dashboard share ``payment_record``: the sum is checked before saving."""
    from django.core.exceptions import ValidationError

    from crm.bookings.services import payment_record

    booking = BookingFactory(client=ClientFactory(agency=agency), total_price=Decimal(BIG))
    payment_record(booking=booking, amount=BIG, recorded_by=alice)
    with pytest.raises(ValidationError) as refused:
        payment_record(booking=booking, amount=BIG, recorded_by=alice)
    assert "amount" in refused.value.message_dict
    assert Payment.objects.filter(booking=booking).count() == 1


@pytest.mark.parametrize("resource", ["proposals", "bookings"])
@pytest.mark.parametrize("total", ["10000000000.00", "1e999", "99999999999999999999999"])
def test_a_total_past_what_the_column_holds_is_a_422_in_the_api(
    agency, alice_token, resource, total
):
    from tests.api.conftest import Api

    client = ClientFactory(agency=agency)
    body = {"client_id": client.pk, "title": "Big", "total_price": total, "currency": "EUR"}
    if resource == "bookings":
        del body["title"]
    response = Api(alice_token[1]).post(f"/{resource}", body)
    assert response.status_code == 422, response.content
    assert "total_price" in response.json()["errors"]


@pytest.mark.parametrize("page", ["proposal_create", "booking_create"])
def test_a_total_past_what_the_column_holds_is_a_form_error_in_the_dashboard(as_amir, agency, page):
    client = ClientFactory(agency=agency)
    data = {"client": client.pk, "title": "Big", "currency": "EUR", "total_price": "1" + "0" * 12}
    response = as_amir.post(reverse(page), data)
    assert response.status_code == 200
    assert "total_price" in response.context["form"].errors


def _api_list(alice_token, **query):
    from tests.api.conftest import Api

    api = Api(alice_token[1])
    return api.client.get(
        "/api/v1/clients",
        query,
        headers={"Authorization": f"Bearer {alice_token[1]}", "Accept": "application/json"},
    )


@pytest.mark.parametrize("name", ["page", "per_page"])
@pytest.mark.parametrize("value", [*NOT_ASCII, "0" * 5000, "-1"])
def test_an_api_page_number_that_is_no_number_is_a_422(alice_token, name, value):
    response = _api_list(alice_token, **{name: value})
    assert response.status_code == 422
    assert response.json()["errors"] == {name: ["Must be a positive integer."]}


@pytest.mark.parametrize("value", [HUGE, OUT_OF_RANGE])
def test_an_api_page_of_thousands_of_digits_is_just_past_the_end(alice_token, agency, value):
    ClientFactory(agency=agency)
    response = _api_list(alice_token, page=value)
    assert response.status_code == 200
    assert response.json()["data"] == []


@pytest.mark.parametrize("value", [HUGE, OUT_OF_RANGE])
def test_an_api_per_page_of_thousands_of_digits_is_served_as_the_largest(alice_token, value):
    response = _api_list(alice_token, per_page=value)
    assert response.status_code == 200
    assert response.json()["meta"]["per_page"] == 100
