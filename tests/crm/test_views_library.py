"""The Library page (list, search, kind, create, edit, delete asking first) and the builder's
doors to it: "Insert from the library" on each day, "Save to library" on each item."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from crm.dashboard.views.library import CHOOSE_ITEM
from crm.models import LibraryItem, Supplier
from crm.trips.services import MAX_ITEMS_PER_DAY
from tests.factories import (
    ClientFactory,
    ItineraryDayFactory,
    ItineraryFactory,
    ItineraryItemFactory,
    LibraryItemFactory,
    SupplierFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def trip(agency):
    return ItineraryFactory(client=ClientFactory(agency=agency, name="Ada"), title="Lisbon")


@pytest.fixture
def day(trip):
    day = ItineraryDayFactory(itinerary=trip, day_number=1, title="Arrival")
    ItineraryItemFactory(day=day, title="Flight", position=0)
    return day


@pytest.fixture
def hotel(agency):
    return LibraryItemFactory(
        agency=agency,
        title="Hotel Avenida",
        kind="accommodation",
        location="Avenida",
        supplier=SupplierFactory(agency=agency, name="Avenida Group"),
        notes="Rooftop pool",
    )


def _items(day) -> list[str]:
    return list(day.items.order_by("position").values_list("title", flat=True))


def _insert_form(html: str, day) -> str:
    match = re.search(
        rf'<form method="post" action="[^"]*/days/{day.pk}/items/from-library/".*?</form>',
        html,
        re.S,
    )
    assert match, "no Insert from the library form for the day"
    return match.group(0)


def test_the_library_page_lists_searches_and_filters_by_kind(as_alice, agency, hotel):
    LibraryItemFactory(agency=agency, title="Tram 28", kind="activity", notes="Old town")

    page = as_alice.get("/library/").content.decode()
    assert "Hotel Avenida" in page and "Tram 28" in page and "Avenida Group" in page
    assert 'href="/library/"' in as_alice.get("/").content.decode()  # in the sidebar

    found = as_alice.get("/library/?q=old+town").content.decode()
    assert "Tram 28" in found and "Hotel Avenida" not in found
    by_kind = as_alice.get("/library/?kind=accommodation").content.decode()
    assert "Hotel Avenida" in by_kind and "Tram 28" not in by_kind
    assert "No library items match" in as_alice.get("/library/?q=zzz").content.decode()


def test_an_empty_library_says_how_to_fill_it(as_alice):
    page = as_alice.get("/library/").content.decode()
    assert "Your library is empty" in page and 'href="/library/new/"' in page


def test_another_agencys_library_items_are_not_listed(as_alice, other_agency):
    LibraryItemFactory(agency=other_agency, title="Beta secret lodge")
    assert "Beta secret lodge" not in as_alice.get("/library/").content.decode()


def test_create_then_edit_a_library_item(as_alice, agency):
    response = as_alice.post(
        "/library/new/",
        {"kind": "transfer", "title": "Airport pickup", "supplier": "Lisbon Cabs", "notes": "Sign"},
    )
    assert response.status_code == 302 and response["Location"] == "/library/"
    saved = LibraryItem.objects.get(agency=agency)
    assert (saved.kind, saved.supplier.name) == ("transfer", "Lisbon Cabs")

    edit = as_alice.get(f"/library/{saved.pk}/edit/").content.decode()
    assert 'value="Lisbon Cabs"' in edit
    response = as_alice.post(
        f"/library/{saved.pk}/edit/",
        {"kind": "transfer", "title": "Airport pickup, 4 seats", "supplier": "", "notes": ""},
    )
    assert response.status_code == 302
    saved.refresh_from_db()
    assert (saved.title, saved.supplier_id, saved.notes) == ("Airport pickup, 4 seats", None, "")


@pytest.mark.parametrize(
    ("fields", "field"),
    [({"kind": "activity", "title": " "}, "title"), ({"kind": "cruise", "title": "Ship"}, "kind")],
)
def test_a_bad_form_is_shown_again_with_the_error_and_saves_nothing(as_alice, fields, field):
    response = as_alice.post("/library/new/", fields)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not LibraryItem.objects.exists()


def test_delete_asks_first_then_deletes(as_alice, hotel):
    question = as_alice.get(f"/library/{hotel.pk}/delete/").content.decode()
    assert "Delete “Hotel Avenida” from the library?" in question
    assert LibraryItem.objects.filter(pk=hotel.pk).exists()

    response = as_alice.post(f"/library/{hotel.pk}/delete/")
    assert response.status_code == 302 and response["Location"] == "/library/"
    assert not LibraryItem.objects.filter(pk=hotel.pk).exists()
    assert Supplier.objects.filter(name="Avenida Group").exists()


def test_another_agencys_library_item_is_a_404(as_alice, other_agency):
    theirs = LibraryItemFactory(agency=other_agency)
    assert as_alice.get(f"/library/{theirs.pk}/edit/").status_code == 404
    assert as_alice.post(f"/library/{theirs.pk}/delete/").status_code == 404
    assert LibraryItem.objects.filter(pk=theirs.pk).exists()


def test_each_day_offers_the_library_grouped_by_kind(as_alice, agency, trip, day, hotel):
    LibraryItemFactory(agency=agency, title="Tram 28", kind="activity")
    form = _insert_form(as_alice.get(f"/itineraries/{trip.pk}/").content.decode(), day)

    assert f'<label for="day{day.pk}-library">Insert from the library</label>' in form
    assert '<optgroup label="Accommodation">' in form and '<optgroup label="Activity">' in form
    assert f'<option value="{hotel.pk}">Hotel Avenida · Avenida</option>' in form


def test_a_day_with_an_empty_library_points_to_the_library_page(as_alice, trip, day):
    form = _insert_form(as_alice.get(f"/itineraries/{trip.pk}/").content.decode(), day)
    assert "<select" not in form and 'href="/library/"' in form


def test_insert_from_the_library_adds_a_copy_last_in_the_day(as_alice, trip, day, hotel):
    response = as_alice.post(
        f"/itineraries/{trip.pk}/days/{day.pk}/items/from-library/", {"library_item": hotel.pk}
    )

    inserted = day.items.get(title="Hotel Avenida")
    assert response.status_code == 302
    assert response["Location"] == f"/itineraries/{trip.pk}/?day=1#item-{inserted.pk}"
    assert _items(day) == ["Flight", "Hotel Avenida"]
    assert (inserted.supplier_id, inserted.notes) == (hotel.supplier_id, "Rooftop pool")
    page = as_alice.get(response["Location"]).content.decode()
    assert f'id="item-{inserted.pk}"' in page


@pytest.mark.parametrize("value", ["", "abc", "987654321", "FOREIGN"])
def test_a_choice_not_in_the_library_is_shown_beside_the_select(
    as_alice, other_agency, trip, day, hotel, value
):
    if value == "FOREIGN":
        value = str(LibraryItemFactory(agency=other_agency, title="Beta lodge").pk)

    response = as_alice.post(
        f"/itineraries/{trip.pk}/days/{day.pk}/items/from-library/", {"library_item": value}
    )

    assert response.status_code == 200
    form = _insert_form(response.content.decode(), day)
    assert 'class="field field--error"' in form and CHOOSE_ITEM in form
    assert "Beta lodge" not in response.content.decode()
    assert _items(day) == ["Flight"]


def test_a_full_day_refuses_the_insert_beside_the_select(as_alice, trip, hotel):
    full = ItineraryDayFactory(itinerary=trip, day_number=1)
    ItineraryItemFactory.create_batch(MAX_ITEMS_PER_DAY, day=full)

    response = as_alice.post(
        f"/itineraries/{trip.pk}/days/{full.pk}/items/from-library/", {"library_item": hotel.pk}
    )

    assert response.status_code == 200
    assert f"at most {MAX_ITEMS_PER_DAY} items" in _insert_form(response.content.decode(), full)
    assert full.items.count() == MAX_ITEMS_PER_DAY


def test_another_agencys_day_is_a_404(as_alice, other_agency, hotel):
    theirs = ItineraryDayFactory(
        itinerary=ItineraryFactory(client=ClientFactory(agency=other_agency))
    )
    url = f"/itineraries/{theirs.itinerary_id}/days/{theirs.pk}/items/from-library/"
    assert as_alice.post(url, {"library_item": hotel.pk}).status_code == 404
    assert not theirs.items.exists()


def test_save_to_library_from_an_item_of_the_builder(as_alice, agency, trip, day):
    flight = day.items.get(title="Flight")
    flight.reference, flight.location = "TP123", "LIS"
    flight.save()
    html = as_alice.get(f"/itineraries/{trip.pk}/").content.decode()
    assert f'action="/itineraries/{trip.pk}/items/{flight.pk}/save-to-library/"' in html
    assert 'aria-label="Save Flight to the library"' in html

    response = as_alice.post(f"/itineraries/{trip.pk}/items/{flight.pk}/save-to-library/")

    assert response.status_code == 302
    assert response["Location"] == f"/itineraries/{trip.pk}/?day=1#item-{flight.pk}"
    saved = LibraryItem.objects.get(agency=agency)
    assert (saved.title, saved.location) == ("Flight", "LIS")
    assert "“Flight” saved to the library." in as_alice.get(response["Location"]).content.decode()


def test_save_to_library_of_another_agencys_item_is_a_404(as_alice, other_agency):
    theirs = ItineraryItemFactory(
        day=ItineraryDayFactory(
            itinerary=ItineraryFactory(client=ClientFactory(agency=other_agency))
        )
    )
    url = f"/itineraries/{theirs.day.itinerary_id}/items/{theirs.pk}/save-to-library/"
    assert as_alice.post(url).status_code == 404
    assert not LibraryItem.objects.exists()


def test_the_builder_runs_the_same_queries_however_big_the_library(as_alice, agency, trip, day):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert as_alice.get(f"/itineraries/{trip.pk}/").status_code == 200
        return len(queries)

    LibraryItemFactory(agency=agency)
    few = count()
    LibraryItemFactory.create_batch(30, agency=agency)
    assert count() == few
