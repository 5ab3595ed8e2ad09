"""Strict input (#19): an unknown query parameter or body field is a 422 naming it, a value the
schema does not admit is refused, and PUT replaces the whole record."""

from __future__ import annotations

from typing import Any

import pytest

from crm.models import Client, Itinerary, ItineraryItem
from tests import webhook_support
from tests.api.conftest import Api
from tests.factories import (
    ClientFactory,
    ItineraryDayFactory,
    ItineraryFactory,
    ItineraryItemFactory,
)

fake_dns = webhook_support.fake_dns


def errors(response) -> dict[str, Any]:
    assert response.status_code == 422, response.content
    return response.json()["errors"]


# Unknown query parameters ---------------------------------------------------------------------


def test_an_unknown_filter_is_a_422_naming_it_instead_of_the_whole_list(api: Api, agency):
    ClientFactory(agency=agency)
    found = errors(api.get("/clients?consultant_id=123"))
    assert list(found) == ["consultant_id"]
    assert "assigned_to" in found["consultant_id"][0]  # says what the list takes


def test_several_unknown_parameters_are_all_named(api: Api, agency):
    assert set(errors(api.get("/clients?stauts=lead&pgae=2&q=x"))) == {"stauts", "pgae"}


def test_a_detail_takes_no_filters(api: Api, agency):
    client = ClientFactory(agency=agency)
    assert list(errors(api.get(f"/clients/{client.pk}?status=lead"))) == ["status"]


def test_a_write_takes_no_query_parameters(api: Api):
    assert list(errors(api.post("/clients?name=X", {"name": "Y"}))) == ["name"]
    assert not Client.objects.exists()


def test_declared_parameters_pages_range_bounds_and_debug_are_accepted(api: Api, agency):
    ClientFactory(agency=agency)
    query = "page=1&per_page=5&status=lead&created_after=2026-01-01&debug=1&sort=name"
    assert api.get(f"/clients?{query}").status_code == 200
    # A range filter's two names (the FilterSet field is ``start_date``).
    assert api.get("/itineraries?start_date_after=2027-01-01").status_code == 200
    assert api.get("/webhooks/event-types?debug=1").status_code == 200


def test_an_action_takes_the_parameters_its_schema_declares(api: Api, agency, fake_dns):
    endpoint = api.post("/webhooks", {"url": "https://hooks.example.com/itinera"})
    pk = endpoint.json()["data"]["id"]
    assert api.get(f"/webhooks/{pk}/deliveries?status=succeeded&page=1").status_code == 200
    assert list(errors(api.get(f"/webhooks/{pk}/deliveries?q=x"))) == ["q"]


def test_a_parameter_given_twice_is_a_422_but_sort_keys_add_up(api: Api, agency):
    assert list(errors(api.get("/clients?status=lead&status=active"))) == ["status"]
    ClientFactory(agency=agency, name="B", city="Rome")
    ClientFactory(agency=agency, name="A", city="Oslo")
    ClientFactory(agency=agency, name="A", city="Bath")

    def cities(query: str) -> list[str]:
        return [row["city"] for row in api.get(f"/clients?{query}").json()["data"]]

    # The generator's sort=a&sort=b is the documented sort=a,b (it used to keep the last).
    assert cities("sort=name&sort=-created_at") == cities("sort=name,-created_at")
    assert cities("sort=name&sort=-created_at") == ["Bath", "Oslo", "Rome"]


# Unknown body fields --------------------------------------------------------------------------


def test_a_patch_with_a_misspelt_field_is_a_422_and_changes_nothing(api: Api, agency):
    client = ClientFactory(agency=agency, email="old@example.com")
    found = errors(api.patch(f"/clients/{client.pk}", {"emial": "new@example.com"}))
    assert list(found) == ["emial"]
    assert "email" in found["emial"][0]  # the fields it could have meant
    client.refresh_from_db()
    assert client.email == "old@example.com"


def test_an_unknown_field_in_a_nested_item_is_named_by_its_path(api: Api, agency):
    client = ClientFactory(agency=agency)
    body = {
        "client_id": client.pk,
        "title": "Rome",
        "days": [{"title": "Day 1", "items": [{"title": "Hotel", "kind": "note", "titel": "x"}]}],
    }
    assert list(errors(api.post("/itineraries", body))) == ["days[0].items[0].titel"]


def test_read_only_fields_sent_back_are_unknown_too(api: Api, agency):
    client = ClientFactory(agency=agency)
    assert set(errors(api.patch(f"/clients/{client.pk}", {"id": 9, "name": "N"}))) == {"id"}


def test_a_refused_derived_field_keeps_its_own_reason(api: Api, agency):
    client = ClientFactory(agency=agency)
    found = errors(api.post("/bookings", {"client_id": client.pk, "amount_paid": "1.00"}))
    assert "payment" in found["amount_paid"][0]


def test_the_website_form_endpoint_still_keeps_custom_fields(client, db):
    from tests.factories import EnquiryFormFactory

    form = EnquiryFormFactory()
    response = client.post(
        f"/forms/{form.public_key}",
        {"name": "Lea", "email": "lea@example.com", "utm_campaign": "spring"},
        content_type="application/json",
    )
    assert response.status_code == 201


# Values the schema does not admit -------------------------------------------------------------


@pytest.mark.parametrize("value", ["1.5", "-1", "", "1e3", "٣"])
def test_an_id_filter_takes_whole_numbers_only(api: Api, agency, value):
    # A decimal field used to read 1.5 as 1 and list client 1's itineraries.
    assert list(errors(api.get(f"/itineraries?client_id={value}"))) == ["client_id"]


def test_an_id_filter_still_filters(api: Api, agency):
    mine = ItineraryFactory(client=ClientFactory(agency=agency))
    ItineraryFactory(client=ClientFactory(agency=agency))
    rows = api.get(f"/itineraries?client_id={mine.client_id}").json()["data"]
    assert [row["id"] for row in rows] == [mine.pk]


@pytest.mark.parametrize("value", ["", "20260601", "2026-W22-1", "2026-06-01T10"])
def test_a_date_bound_refuses_what_is_neither_a_date_nor_a_date_time(api: Api, value):
    assert list(errors(api.get(f"/clients?created_after={value}"))) == ["created_after"]


@pytest.mark.parametrize(
    "value", ["2026-06-01", "2026-06-01T10:22:00%2B02:00", "2026-06-01T10:22Z"]
)
def test_a_date_bound_takes_a_date_or_a_date_time(api: Api, value):
    assert api.get(f"/clients?created_after={value}").status_code == 200


@pytest.mark.parametrize("value", ["08:40:00.5", "8:40", "08:40+01:00", "24:00"])
def test_an_item_time_refuses_what_its_pattern_forbids(api: Api, agency, value):
    client = ClientFactory(agency=agency)
    body = {
        "client_id": client.pk,
        "title": "Rome",
        "days": [{"items": [{"title": "Train", "kind": "transfer", "start_time": value}]}],
    }
    assert list(errors(api.post("/itineraries", body))) == ["days[0].items[0].start_time"]
    assert not ItineraryItem.objects.exists()


# PUT replaces ---------------------------------------------------------------------------------


def test_put_resets_every_omitted_field_to_its_default(api: Api, agency):
    client = ClientFactory(
        agency=agency, email="a@example.com", city="Rome", tags=["vip"], status="active"
    )
    response = api.put(f"/clients/{client.pk}", {"name": "Renamed"})
    assert response.status_code == 200
    data = response.json()["data"]
    assert (data["name"], data["email"], data["city"], data["tags"]) == ("Renamed", "", "", [])
    assert data["status"] == "active"  # a status moves only along its lifecycle


def test_put_without_a_required_field_is_a_422_and_changes_nothing(api: Api, agency):
    client = ClientFactory(agency=agency, name="Kept", city="Rome")
    assert list(errors(api.put(f"/clients/{client.pk}", {"city": "Oslo"}))) == ["name"]
    client.refresh_from_db()
    assert (client.name, client.city) == ("Kept", "Rome")


def test_patch_still_changes_only_what_it_sends(api: Api, agency):
    client = ClientFactory(agency=agency, email="a@example.com", city="Rome")
    api.patch(f"/clients/{client.pk}", {"name": "Renamed"})
    client.refresh_from_db()
    assert (client.email, client.city) == ("a@example.com", "Rome")


def test_put_of_an_itinerary_without_days_empties_its_plan(api: Api, agency):
    itinerary = ItineraryFactory(client=ClientFactory(agency=agency), notes="n")
    ItineraryItemFactory(day=ItineraryDayFactory(itinerary=itinerary))
    body = {"client_id": itinerary.client_id, "title": "New"}
    data = api.put(f"/itineraries/{itinerary.pk}", body).json()["data"]
    assert (data["days"], data["notes"], data["travellers"]) == ([], "", 1)


def test_an_optional_date_or_time_sent_empty_is_null(api: Api, agency):
    client = ClientFactory(agency=agency)
    body = {"client_id": client.pk, "title": "Rome", "start_date": "", "end_date": None}
    response = api.post("/itineraries", body)
    assert response.status_code == 201, response.content
    assert response.json()["data"]["start_date"] is None


def test_put_of_a_booking_keeps_its_total_and_status(api: Api, agency):
    from tests.factories import BookingFactory

    booking = BookingFactory(
        client=ClientFactory(agency=agency), status="confirmed", notes="old", total_price="900.00"
    )
    response = api.put(f"/bookings/{booking.pk}", {"client_id": booking.client_id})
    assert response.status_code == 200, response.content
    data = response.json()["data"]
    assert (data["status"], data["total_price"], data["notes"]) == ("confirmed", "900.00", "")


def test_an_empty_sort_or_search_is_no_sort_or_search_but_an_empty_id_is_refused(api: Api):
    assert api.get("/proposals?sort=&q=").status_code == 200
    assert list(errors(api.get("/bookings?balance_due="))) == ["balance_due"]
    assert api.get("/bookings?balance_due=true").status_code == 200


# Endpoints added after api.strict: nothing of theirs is listed anywhere -----------------------


def test_itinerary_templates_are_strict_with_no_word_of_their_own(api: Api, agency):
    from crm.models import ItineraryTemplate

    trip = ItineraryFactory(client=ClientFactory(agency=agency), title="Lisbon")
    assert list(errors(api.get("/itinerary-templates?nmae=lisbon"))) == ["nmae"]
    assert api.get("/itinerary-templates?q=lisb&page=1").status_code == 200
    body = {"itinerary_id": trip.pk, "name": "Lisbon", "days": []}
    assert list(errors(api.post("/itinerary-templates", body))) == ["days"]
    assert not ItineraryTemplate.objects.exists()
    created = api.post("/itinerary-templates", {"itinerary_id": trip.pk, "name": "Lisbon"})
    pk = created.json()["data"]["id"]
    found = errors(api.patch(f"/itinerary-templates/{pk}", {"descripton": "Two days"}))
    assert list(found) == ["descripton"] and "description" in found["descripton"][0]
    use = {"client_id": trip.client_id, "start": "2027-03-01"}
    assert list(errors(api.post(f"/itinerary-templates/{pk}/use", use))) == ["start"]
    assert ItineraryTemplate.objects.get().description == created.json()["data"]["description"]
    assert Itinerary.objects.count() == 1  # the one the template was saved from


def test_an_item_move_refuses_an_unknown_field_and_moves_nothing(api: Api, agency):
    trip = ItineraryFactory(client=ClientFactory(agency=agency))
    day = ItineraryDayFactory(itinerary=trip, day_number=1)
    first = ItineraryItemFactory(day=day, position=1)
    ItineraryItemFactory(day=day, position=2)
    path = f"/itineraries/{trip.pk}/items/{first.pk}/move"
    assert list(errors(api.post(path, {"postion": 1}))) == ["postion"]
    first.refresh_from_db()
    assert first.position == 1


def test_another_itinerarys_item_is_a_404_before_any_word_on_the_body(api: Api, agency):
    trip = ItineraryFactory(client=ClientFactory(agency=agency))
    other = ItineraryFactory(client=trip.client)
    item = ItineraryItemFactory(day=ItineraryDayFactory(itinerary=other, day_number=1))
    response = api.post(f"/itineraries/{trip.pk}/items/{item.pk}/move", {"postion": 1})
    assert response.status_code == 404


def test_a_task_time_is_a_wall_clock_time_in_and_out(api: Api, agency):
    # format: time is an RFC 3339 time with an offset: "09:30:00" is not one, and an offset
    # sent in ("09:30:00Z") was dropped on the way to the column.
    client = ClientFactory(agency=agency)
    body = {"client_id": client.pk, "title": "Call", "due_date": "2027-01-04"}
    assert list(errors(api.post("/tasks", {**body, "due_time": "09:30:00Z"}))) == ["due_time"]
    created = api.post("/tasks", {**body, "due_time": "09:30"})
    assert created.status_code == 201, created.content
    assert created.json()["data"]["due_time"] == "09:30:00"
