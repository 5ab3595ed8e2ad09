"""``/library-items``: CRUD of an agency's saved items, their filters, and
``POST /itineraries/{id}/items/from-library`` inserting one into a day."""

from __future__ import annotations

import pytest

from accounts.models import Activity
from crm.models import ItineraryItem, LibraryItem, Supplier
from tests.api.conftest import Api
from tests.api.test_query_budgets import queries_of
from tests.api.test_schema import Contract, openapi  # noqa: F401  (the fixture)
from tests.factories import (
    ClientFactory,
    ItineraryDayFactory,
    ItineraryFactory,
    ItineraryItemFactory,
    LibraryItemFactory,
    SupplierFactory,
)

pytestmark = pytest.mark.django_db

HOTEL = {
    "kind": "accommodation",
    "title": "Hotel Avenida, two nights",
    "location": "Avenida da Liberdade",
    "supplier": "Hotel Avenida",
    "start_time": "15:00",
    "notes": "Rooftop pool.",
}


@pytest.fixture
def trip(agency):
    trip = ItineraryFactory(client=ClientFactory(agency=agency), title="Lisbon")
    one = ItineraryDayFactory(itinerary=trip, day_number=1)
    ItineraryDayFactory(itinerary=trip, day_number=2)
    for position, title in enumerate(["Flight", "Transfer"]):
        ItineraryItemFactory(day=one, title=title, position=position)
    return trip


def _plan(body) -> list[list[str]]:
    return [[i["title"] for i in day["items"]] for day in body["data"]["days"]]


def test_create_list_retrieve_put_patch_delete(api: Api, agency):
    created = api.post("/library-items", HOTEL)
    assert created.status_code == 201, created.content
    data = created.json()["data"]
    supplier = Supplier.objects.get(agency=agency, name="Hotel Avenida")
    assert {k: data[k] for k in ("kind", "title", "supplier", "supplier_id", "start_time")} == {
        "kind": "accommodation",
        "title": "Hotel Avenida, two nights",
        "supplier": "Hotel Avenida",
        "supplier_id": supplier.pk,
        "start_time": "15:00:00",
    }
    assert "reference" not in data
    pk = data["id"]

    assert [row["id"] for row in api.get("/library-items").json()["data"]] == [pk]
    assert api.get(f"/library-items/{pk}").json()["data"]["notes"] == "Rooftop pool."

    put = api.put(f"/library-items/{pk}", {"title": "Hotel Avenida", "supplier_id": None})
    assert put.status_code == 200, put.content
    assert (put.json()["data"]["title"], put.json()["data"]["supplier_id"]) == (
        "Hotel Avenida",
        None,
    )
    patched = api.patch(f"/library-items/{pk}", {"notes": "Pool on the roof."})
    assert patched.status_code == 200
    assert patched.json()["data"]["title"] == "Hotel Avenida"
    assert patched.json()["data"]["notes"] == "Pool on the roof."

    assert api.delete(f"/library-items/{pk}").status_code == 204
    assert not LibraryItem.objects.exists()
    assert Activity.objects.filter(event="libraryitem.deleted", channel="api").exists()


def test_the_list_filters_by_q_kind_and_supplier_and_sorts(api: Api, agency):
    avenida = SupplierFactory(agency=agency, name="Hotel Avenida")
    LibraryItemFactory(agency=agency, title="Check in", kind="accommodation", supplier=avenida)
    LibraryItemFactory(agency=agency, title="Tram ride", kind="activity", notes="Old town")
    LibraryItemFactory(agency=agency, title="Airport pickup", kind="transfer", location="LIS")

    def titles(query: str) -> list[str]:
        response = api.get(f"/library-items?{query}")
        assert response.status_code == 200, response.content
        return [row["title"] for row in response.json()["data"]]

    assert titles("") == ["Airport pickup", "Tram ride", "Check in"]
    assert titles("q=avenida") == ["Check in"]
    assert titles("q=old+town") == ["Tram ride"]
    assert titles("q=lis") == ["Airport pickup"]
    assert titles("kind=activity") == ["Tram ride"]
    assert titles(f"supplier_id={avenida.pk}") == ["Check in"]
    assert titles("sort=title") == ["Airport pickup", "Check in", "Tram ride"]
    assert titles("sort=-created_at&kind=transfer") == ["Airport pickup"]
    # An id filter takes whole numbers only: 1.5 is refused, never truncated to 1.
    fractional = api.get(f"/library-items?supplier_id={avenida.pk}.5")
    assert fractional.status_code == 422
    assert "supplier_id" in fractional.json()["errors"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"title": "Cruise", "kind": "cruise"}, "kind"),
        ({"title": ""}, "title"),
        ({"title": "   "}, "title"),
        ({"kind": "meal"}, "title"),
        ({"title": "Tour", "reference": "ABC123"}, "reference"),
        ({"title": "Tour", "start_time": "25:00"}, "start_time"),
        ({"title": "x" * 201}, "title"),
    ],
)
def test_bad_bodies_are_a_422_on_the_field_and_make_nothing(api: Api, body, field):
    response = api.post("/library-items", body)

    assert response.status_code == 422, response.content
    assert field in response.json()["errors"]
    assert not LibraryItem.objects.exists()


def test_an_unknown_field_on_patch_is_a_422_and_changes_nothing(api: Api, agency):
    saved = LibraryItemFactory(agency=agency, title="Tour")
    response = api.patch(f"/library-items/{saved.pk}", {"title": "Walk", "colour": "red"})
    assert response.status_code == 422
    # Strict input's answer (api/strict.py), naming what the operation takes.
    [message] = response.json()["errors"]["colour"]
    assert message.startswith("Unknown field. The fields here are: ")
    assert "title" in message and "supplier_id" in message
    saved.refresh_from_db()
    assert saved.title == "Tour"


def test_another_agencys_supplier_is_a_422_on_supplier_id(api: Api, other_agency):
    foreign = SupplierFactory(agency=other_agency)
    response = api.post("/library-items", {"title": "Tour", "supplier_id": foreign.pk})
    assert response.status_code == 422
    assert response.json()["errors"] == {"supplier_id": [f"No supplier with id {foreign.pk}."]}
    assert not LibraryItem.objects.exists()


def test_another_agencys_library_item_is_404_everywhere(bob_api: Api, agency):
    saved = LibraryItemFactory(agency=agency, title="Tour")
    base = f"/library-items/{saved.pk}"

    assert bob_api.get("/library-items").json()["data"] == []
    assert bob_api.get(base).status_code == 404
    assert bob_api.patch(base, {"title": "Mine"}).status_code == 404
    assert bob_api.put(base, {"title": "Mine"}).status_code == 404
    assert bob_api.delete(base).status_code == 404
    saved.refresh_from_db()
    assert saved.title == "Tour"


def test_insert_from_the_library_adds_a_copy_at_a_position(api: Api, agency, trip):
    avenida = SupplierFactory(agency=agency, name="Hotel Avenida")
    saved = LibraryItemFactory(
        agency=agency, title="Check in", kind="accommodation", supplier=avenida, notes="Pool"
    )

    response = api.post(
        f"/itineraries/{trip.pk}/items/from-library",
        {"library_item_id": saved.pk, "day_number": 1, "position": 1},
    )

    assert response.status_code == 201, response.content
    assert _plan(response.json()) == [["Flight", "Check in", "Transfer"], []]
    inserted = response.json()["data"]["days"][0]["items"][1]
    assert (inserted["position"], inserted["supplier_id"], inserted["notes"]) == (
        1,
        avenida.pk,
        "Pool",
    )
    assert Activity.objects.filter(event="itinerary.item_added", channel="api").exists()
    assert Activity.objects.filter(event="libraryitem.used", object_id=saved.pk).exists()


def test_insert_without_a_position_goes_last(api: Api, agency, trip):
    saved = LibraryItemFactory(agency=agency, title="Palace tour")
    response = api.post(
        f"/itineraries/{trip.pk}/items/from-library",
        {"library_item_id": saved.pk, "day_number": 2},
    )
    assert response.status_code == 201
    assert _plan(response.json()) == [["Flight", "Transfer"], ["Palace tour"]]


@pytest.mark.parametrize(
    ("body", "errors"),
    [
        ({"library_item_id": "MISSING", "day_number": 1}, "library_item_id"),
        ({"library_item_id": "FOREIGN", "day_number": 1}, "library_item_id"),
        ({"library_item_id": "OWN", "day_number": 3}, "day_number"),
        ({"library_item_id": "OWN", "day_number": 0}, "day_number"),
        ({"library_item_id": "OWN"}, "day_number"),
        ({"library_item_id": "OWN", "day_number": 1, "colour": "red"}, "colour"),
    ],
)
def test_a_bad_insert_is_a_422_on_the_field_and_inserts_nothing(
    api: Api, agency, other_agency, trip, body, errors
):
    ids = {
        "OWN": LibraryItemFactory(agency=agency).pk,
        "FOREIGN": LibraryItemFactory(agency=other_agency).pk,
        "MISSING": 987654321,
    }
    body = {**body, "library_item_id": ids[body["library_item_id"]]}

    response = api.post(f"/itineraries/{trip.pk}/items/from-library", body)

    assert response.status_code == 422, response.content
    assert list(response.json()["errors"]) == [errors]
    assert ItineraryItem.objects.count() == 2


def test_another_agencys_library_item_answers_exactly_like_a_missing_one(
    api: Api, other_agency, trip
):
    foreign = LibraryItemFactory(agency=other_agency).pk
    url = f"/itineraries/{trip.pk}/items/from-library"

    theirs = api.post(url, {"library_item_id": foreign, "day_number": 1}).json()
    missing = api.post(url, {"library_item_id": 987654321, "day_number": 1}).json()

    assert theirs["errors"]["library_item_id"] == [f"No library item with id {foreign}."]
    assert missing["errors"]["library_item_id"] == ["No library item with id 987654321."]


def test_another_agencys_itinerary_is_a_404(bob_api: Api, other_agency, trip):
    mine = LibraryItemFactory(agency=other_agency)
    response = bob_api.post(
        f"/itineraries/{trip.pk}/items/from-library",
        {"library_item_id": mine.pk, "day_number": 1},
    )
    assert response.status_code == 404
    assert ItineraryItem.objects.count() == 2


def test_the_list_and_detail_run_the_same_queries_for_few_rows_and_many(
    api: Api, agency, django_assert_max_num_queries
):
    for i in range(2):
        LibraryItemFactory(agency=agency, supplier=SupplierFactory(agency=agency, name=f"S{i}"))
    few = queries_of(lambda: api.get("/library-items?per_page=100&q=s"))
    for i in range(30):
        LibraryItemFactory(agency=agency, supplier=SupplierFactory(agency=agency, name=f"T{i}"))
    many = queries_of(lambda: api.get("/library-items?per_page=100&q=s"))
    assert len(many) == len(few) <= 3

    saved = LibraryItem.objects.latest("id")
    with django_assert_max_num_queries(2):  # token, the item with its supplier
        assert api.get(f"/library-items/{saved.pk}").status_code == 200


def test_library_responses_match_the_schema(openapi, api: Api, agency, trip):  # noqa: F811
    contract = Contract(openapi)
    lst, one, insert = (
        "/api/v1/library-items",
        "/api/v1/library-items/{id}",
        "/api/v1/itineraries/{id}/items/from-library",
    )
    made = api.post("/library-items", HOTEL)
    pk = made.json()["data"]["id"]
    insert_url = f"/itineraries/{trip.pk}/items/from-library"
    checks = [
        (made, lst, "POST"),
        (api.post("/library-items", {"title": ""}), lst, "POST"),
        (api.get("/library-items?kind=accommodation"), lst, "GET"),
        (api.get(f"/library-items/{pk}"), one, "GET"),
        (api.get("/library-items/999999"), one, "GET"),
        (api.put(f"/library-items/{pk}", {"title": "Avenida"}), one, "PUT"),
        (api.patch(f"/library-items/{pk}", {"kind": "meal"}), one, "PATCH"),
        (api.post(insert_url, {"library_item_id": pk, "day_number": 1}), insert, "POST"),
        (api.post(insert_url, {"library_item_id": pk, "day_number": 9}), insert, "POST"),
        (api.delete(f"/library-items/{pk}"), one, "DELETE"),
    ]
    for response, template, method in checks:
        contract.check(response, template, method)
    assert [r.status_code for r, *_ in checks] == [201, 422, 200, 200, 404, 200, 200, 201, 422, 204]
