from __future__ import annotations

import pytest

from crm.models import Itinerary, ItineraryDay, ItineraryItem
from tests.api.battery import ResourceBattery
from tests.api.conftest import Api
from tests.factories import (
    ClientFactory,
    ItineraryDayFactory,
    ItineraryFactory,
    ItineraryItemFactory,
)


class TestItineraries(ResourceBattery):
    path = "/itineraries"
    model = Itinerary
    detail_queries = 5  # token, itinerary, days, items, named travellers

    def make(self, agency, **fields):
        itinerary = ItineraryFactory(client=ClientFactory(agency=agency), **fields)
        ItineraryItemFactory(day=ItineraryDayFactory(itinerary=itinerary, day_number=1))
        return itinerary

    def write_body(self, agency):
        client = ClientFactory(agency=agency)
        return {"client_id": client.pk, "title": "Lisbon in spring"}


def plan(days: int, items_per_day: int = 2) -> list[dict]:
    return [
        {
            "title": f"Day {d + 1}",
            "location": "Lisbon",
            "items": [
                {"kind": "activity", "title": f"Day {d + 1} item {i + 1}", "start_time": "09:30"}
                for i in range(items_per_day)
            ],
        }
        for d in range(days)
    ]


def make_itinerary(agency, days: int, items_per_day: int = 3) -> Itinerary:
    itinerary = ItineraryFactory(client=ClientFactory(agency=agency))
    for number in range(days, 0, -1):  # stored out of order on purpose
        day = ItineraryDayFactory(itinerary=itinerary, day_number=number, title=f"Day {number}")
        for position in range(items_per_day - 1, -1, -1):
            ItineraryItemFactory(day=day, position=position, title=f"{number}.{position}")
    return itinerary


def test_an_itinerary_comes_with_its_days_in_order_and_their_items_in_order(api: Api, agency):
    itinerary = make_itinerary(agency, days=3, items_per_day=3)
    data = api.get(f"/itineraries/{itinerary.pk}").json()["data"]
    assert [day["day_number"] for day in data["days"]] == [1, 2, 3]
    assert [[item["title"] for item in day["items"]] for day in data["days"]] == [
        ["1.0", "1.1", "1.2"],
        ["2.0", "2.1", "2.2"],
        ["3.0", "3.1", "3.2"],
    ]
    assert data["client_id"] == itinerary.client_id
    assert data["start_date"] == "2027-03-01"
    assert set(data["days"][0]["items"][0]) == {
        "id",
        "position",
        "kind",
        "title",
        "start_time",
        "end_time",
        "location",
        "supplier",
        "supplier_id",
        "reference",
        "notes",
    }


def test_a_list_of_itineraries_leaves_out_the_plan(api: Api, agency):
    make_itinerary(agency, days=2)
    row = api.get("/itineraries").json()["data"][0]
    assert "days" not in row


@pytest.mark.parametrize("days", [2, 20])
def test_an_itinerary_is_read_in_five_queries_whatever_its_length(
    api: Api, agency, days, django_assert_num_queries
):
    itinerary = make_itinerary(agency, days=days, items_per_day=4)
    with django_assert_num_queries(5):  # token, itinerary, days, items, named travellers
        data = api.get(f"/itineraries/{itinerary.pk}").json()["data"]
    assert len(data["days"]) == days
    assert sum(len(day["items"]) for day in data["days"]) == days * 4


def test_an_itinerary_is_created_with_its_days_and_items_in_one_request(api: Api, agency):
    client = ClientFactory(agency=agency)
    response = api.post(
        "/itineraries",
        {
            "client_id": client.pk,
            "title": "Portugal",
            "start_date": "2027-05-01",
            "end_date": "2027-05-03",
            "travellers": 2,
            "days": plan(3),
        },
    )
    assert response.status_code == 201, response.json()
    data = response.json()["data"]
    assert [d["day_number"] for d in data["days"]] == [1, 2, 3]
    assert data["days"][2]["items"][1]["title"] == "Day 3 item 2"
    assert data["days"][0]["items"][0]["start_time"] == "09:30:00"
    assert ItineraryItem.objects.filter(day__itinerary_id=data["id"]).count() == 6


def test_days_in_an_update_replace_the_whole_plan(api: Api, agency):
    itinerary = make_itinerary(agency, days=4)
    response = api.patch(f"/itineraries/{itinerary.pk}", {"days": plan(2, items_per_day=1)})
    assert response.status_code == 200
    assert [d["title"] for d in response.json()["data"]["days"]] == ["Day 1", "Day 2"]
    assert ItineraryDay.objects.filter(itinerary=itinerary).count() == 2


def test_an_update_without_days_keeps_the_plan(api: Api, agency):
    itinerary = make_itinerary(agency, days=3)
    response = api.patch(f"/itineraries/{itinerary.pk}", {"title": "Renamed"})
    assert response.json()["data"]["title"] == "Renamed"
    assert len(response.json()["data"]["days"]) == 3


def test_an_empty_days_list_clears_the_plan(api: Api, agency):
    itinerary = make_itinerary(agency, days=3)
    assert api.patch(f"/itineraries/{itinerary.pk}", {"days": []}).json()["data"]["days"] == []


def test_a_bad_item_is_reported_by_its_position_and_nothing_is_saved(api: Api, agency):
    client = ClientFactory(agency=agency)
    days = plan(2)
    days[1]["items"][0]["title"] = ""
    days[1]["items"][1]["kind"] = "spaceship"
    response = api.post("/itineraries", {"client_id": client.pk, "title": "Bad", "days": days})
    assert response.status_code == 422
    assert set(response.json()["errors"]) == {"days[1].items[0].title", "days[1].items[1].kind"}
    assert not Itinerary.objects.exists()


def test_a_duplicate_day_number_is_422_and_the_old_plan_survives(api: Api, agency):
    itinerary = make_itinerary(agency, days=2)
    days = [{"day_number": 1, "title": "A"}, {"day_number": 1, "title": "B"}]
    response = api.patch(f"/itineraries/{itinerary.pk}", {"days": days})
    assert response.status_code == 422
    assert "days[1].day_number" in response.json()["errors"]
    assert ItineraryDay.objects.filter(itinerary=itinerary).count() == 2


def test_an_itinerary_cannot_point_at_another_agencys_client(api: Api, other_agency):
    foreign = ClientFactory(agency=other_agency)
    response = api.post("/itineraries", {"client_id": foreign.pk, "title": "Stolen"})
    assert response.status_code == 422
    assert response.json()["errors"] == {"client_id": [f"No client with id {foreign.pk}."]}
    assert not Itinerary.objects.exists()


def test_moving_an_itinerary_to_another_agencys_client_is_422(api: Api, agency, other_agency):
    itinerary = make_itinerary(agency, days=1)
    foreign = ClientFactory(agency=other_agency)
    response = api.patch(f"/itineraries/{itinerary.pk}", {"client_id": foreign.pk})
    assert response.status_code == 422
    itinerary.refresh_from_db()
    assert itinerary.client.agency == agency


def test_itineraries_filter_by_status_client_and_start_date(api: Api, agency):
    client = ClientFactory(agency=agency)
    early = ItineraryFactory(client=client, status="confirmed", start_date="2027-01-10")
    ItineraryFactory(client=ClientFactory(agency=agency), status="draft", start_date="2027-06-10")

    def ids(query: str) -> list[int]:
        return [row["id"] for row in api.get(f"/itineraries?{query}").json()["data"]]

    assert ids("status=confirmed") == [early.pk]
    assert ids(f"client_id={client.pk}") == [early.pk]
    assert ids("start_date_before=2027-02-01") == [early.pk]
    assert len(ids("start_date_after=2027-01-01")) == 2
    assert api.get("/itineraries?status=lost").status_code == 422
    assert api.get("/itineraries?start_date_after=soon").status_code == 422


def test_an_items_supplier_is_read_and_written_by_name_or_by_id(api: Api, agency):
    from crm.models import Supplier
    from tests.factories import ClientFactory, SupplierFactory

    tap = SupplierFactory(agency=agency, name="TAP Air Portugal")
    client = ClientFactory(agency=agency)
    response = api.post(
        "/itineraries",
        {
            "client_id": client.pk,
            "title": "Azores",
            "days": [
                {
                    "items": [
                        {"title": "Flight", "supplier": "tap air portugal"},
                        {"title": "Lodge", "supplier": "Pocinho Bay"},
                        {"title": "Boat", "supplier_id": tap.pk},
                        {"title": "Walk"},
                    ]
                }
            ],
        },
    )
    assert response.status_code == 201, response.json()
    items = response.json()["data"]["days"][0]["items"]
    assert [(i["supplier"], i["supplier_id"] == tap.pk) for i in items] == [
        ("TAP Air Portugal", True),
        ("Pocinho Bay", False),
        ("TAP Air Portugal", True),
        ("", False),
    ]
    assert Supplier.objects.for_agency(agency).count() == 2


def test_another_agencys_supplier_id_on_an_item_is_refused(api: Api, agency, other_agency):
    from tests.factories import ClientFactory, SupplierFactory

    theirs = SupplierFactory(agency=other_agency)
    response = api.post(
        "/itineraries",
        {
            "client_id": ClientFactory(agency=agency).pk,
            "title": "T",
            "days": [{"items": [{"title": "x", "supplier_id": theirs.pk}]}],
        },
    )
    assert response.status_code == 422
    assert response.json()["errors"] == {
        "days[0].items[0].supplier_id": [f"No supplier with id {theirs.pk}."]
    }
