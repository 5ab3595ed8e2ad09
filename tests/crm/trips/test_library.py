"""The library of saved items: created, edited, deleted, saved from an itinerary's item, and
inserted into a day through the builder's door (its limits, positions and events)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from accounts.audit import audit_context
from accounts.models import Activity
from crm.models import ItineraryItem, LibraryItem, Supplier
from crm.suppliers import services as supplier_services
from crm.trips import library
from crm.trips import selectors as trip_selectors
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
    day = ItineraryDayFactory(itinerary=trip, day_number=1)
    ItineraryItemFactory(day=day, position=0, title="Breakfast")
    ItineraryItemFactory(day=day, position=1, title="Museum")
    return day


@pytest.fixture
def hotel(agency):
    return library.library_item_create(
        agency=agency,
        title="Check in at Hotel Avenida",
        kind="accommodation",
        location="Avenida da Liberdade",
        supplier=SupplierFactory(agency=agency, name="Hotel Avenida"),
        start_time=dt.time(15, 0),
        notes="Rooftop pool; breakfast from 7.",
    )


def _titles(day) -> list[tuple[int, str]]:
    return list(day.items.order_by("position").values_list("position", "title"))


def test_create_strips_text_and_finds_a_supplier_by_name(agency, alice):
    made = library.library_item_create(
        agency=agency,
        created_by=alice,
        title="  Airport transfer ",
        kind="transfer",
        supplier_name="Lisbon Cabs",
        notes=None,
    )

    made.refresh_from_db()
    assert (made.title, made.kind, made.notes, made.created_by) == (
        "Airport transfer",
        "transfer",
        "",
        alice,
    )
    assert made.supplier == Supplier.objects.get(agency=agency, name="Lisbon Cabs")


@pytest.mark.parametrize("title", ["", "   "])
def test_a_blank_title_is_refused_and_nothing_is_saved(agency, title):
    with pytest.raises(ValidationError) as caught:
        library.library_item_create(agency=agency, title=title)
    assert caught.value.message_dict == {"title": [library.NO_TITLE]}
    assert not LibraryItem.objects.exists()


def test_a_bad_kind_and_an_unknown_field_are_refused(agency, hotel):
    with pytest.raises(ValidationError) as caught:
        library.library_item_create(agency=agency, title="Cruise", kind="cruise")
    assert "kind" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        library.library_item_update(library_item=hotel, colour="red")
    assert caught.value.message_dict == {"colour": ["Unknown field."]}


def test_another_agencys_supplier_is_refused_like_a_missing_one(agency, other_agency):
    foreign = SupplierFactory(agency=other_agency)
    with pytest.raises(ValidationError) as caught:
        library.library_item_create(agency=agency, title="Tour", supplier=foreign.pk)
    assert caught.value.message_dict == {"supplier_id": [f"No supplier with id {foreign.pk}."]}
    assert not LibraryItem.objects.exists()


def test_update_changes_only_what_is_given_and_delete_is_recorded(agency, alice, hotel):
    with audit_context(channel="dashboard", actor=alice):
        library.library_item_update(library_item=hotel, title="Hotel Avenida", supplier=None)
        hotel.refresh_from_db()
        assert (hotel.title, hotel.kind, hotel.supplier_id, hotel.start_time) == (
            "Hotel Avenida",
            "accommodation",
            None,
            dt.time(15, 0),
        )
        library.library_item_delete(library_item=hotel)

    assert not LibraryItem.objects.exists()
    events = Activity.objects.for_agency(agency).filter(object_type="libraryitem")
    assert list(events.order_by("id").values_list("event", flat=True)) == [
        "libraryitem.created",
        "libraryitem.updated",
        "libraryitem.deleted",
    ]
    assert events.get(event="libraryitem.deleted").client_id is None


def test_a_supplier_a_library_item_names_cannot_be_deleted(agency, hotel):
    supplier = hotel.supplier

    with pytest.raises(supplier_services.SupplierInUse) as caught:
        supplier_services.supplier_delete(supplier=supplier)

    assert "1 library item" in str(caught.value)
    assert Supplier.objects.filter(pk=supplier.pk).exists()


def test_insert_copies_the_item_to_the_end_of_the_day_with_its_supplier(agency, alice, day, hotel):
    with audit_context(channel="dashboard", actor=alice):
        item = library.library_item_insert(library_item=hotel, day=day, actor=alice)

    item.refresh_from_db()
    assert _titles(day) == [(0, "Breakfast"), (1, "Museum"), (2, "Check in at Hotel Avenida")]
    assert (item.kind, item.location, item.supplier_id, item.start_time, item.notes) == (
        "accommodation",
        "Avenida da Liberdade",
        hotel.supplier_id,
        dt.time(15, 0),
        "Rooftop pool; breakfast from 7.",
    )
    assert item.reference == ""
    added = Activity.objects.get(event="itinerary.item_added")
    assert (added.object_id, added.client_id, added.actor) == (
        day.itinerary_id,
        day.itinerary.client_id,
        alice,
    )
    assert added.data["item_title"] == "Check in at Hotel Avenida"
    used = Activity.objects.get(event="libraryitem.used")
    assert (used.object_id, used.client_id, used.actor) == (hotel.pk, None, alice)
    assert used.data == {
        "itinerary_id": day.itinerary_id,
        "itinerary_title": "Lisbon",
        "day_number": 1,
        "item_id": item.pk,
    }


@pytest.mark.parametrize(
    ("position", "expected"),
    [
        (0, ["Hotel", "Breakfast", "Museum"]),
        (1, ["Breakfast", "Hotel", "Museum"]),
        (2, ["Breakfast", "Museum", "Hotel"]),
        (99, ["Breakfast", "Museum", "Hotel"]),
    ],
)
def test_insert_at_a_position_makes_room_and_positions_stay_contiguous(
    agency, day, position, expected
):
    saved = LibraryItemFactory(agency=agency, title="Hotel")

    item = library.library_item_insert(library_item=saved, day=day, position=position)

    assert _titles(day) == list(enumerate(expected))
    assert item.position == expected.index("Hotel")


def test_insert_into_a_full_day_is_refused_by_the_door_and_changes_nothing(agency, trip, hotel):
    full = ItineraryDayFactory(itinerary=trip, day_number=1)
    for position in range(MAX_ITEMS_PER_DAY):
        ItineraryItemFactory(day=full, position=position)

    with pytest.raises(ValidationError, match=f"at most {MAX_ITEMS_PER_DAY} items"):
        library.library_item_insert(library_item=hotel, day=full)

    assert full.items.count() == MAX_ITEMS_PER_DAY
    assert not Activity.objects.filter(event__in=["itinerary.item_added", "libraryitem.used"])


def test_insert_past_the_itinerarys_item_limit_is_refused(agency, settings, day, hotel):
    settings.ITINERARY_MAX_ITEMS = 2

    with pytest.raises(ValidationError, match="at most 2 items"):
        library.library_item_insert(library_item=hotel, day=day)

    assert day.items.count() == 2


def test_another_agencys_library_item_is_refused(other_agency, day):
    foreign = LibraryItemFactory(agency=other_agency, title="Theirs")

    with pytest.raises(ValidationError) as caught:
        library.library_item_insert(library_item=foreign, day=day)

    assert caught.value.message_dict == {
        "library_item_id": [f"No library item with id {foreign.pk}."]
    }
    assert day.items.count() == 2


def test_the_inserted_copy_outlives_edits_and_deletion_of_the_library_item(day, hotel):
    item = library.library_item_insert(library_item=hotel, day=day)
    library.library_item_update(library_item=hotel, title="Renamed")
    library.library_item_delete(library_item=hotel)

    assert ItineraryItem.objects.get(pk=item.pk).title == "Check in at Hotel Avenida"


def test_save_to_library_keeps_the_reusable_parts_and_not_the_reference(agency, alice, day):
    supplier = SupplierFactory(agency=agency, name="TAP")
    item = ItineraryItemFactory(
        day=day,
        position=2,
        kind="flight",
        title="TP 1234 to Porto",
        start_time=dt.time(9, 30),
        end_time=dt.time(10, 25),
        location="Lisbon airport",
        supplier=supplier,
        reference="ABC123",
        notes="Terminal 1",
    )
    with audit_context(channel="dashboard", actor=alice):
        saved = library.library_item_from_itinerary_item(item=item, actor=alice)

    saved.refresh_from_db()
    assert (saved.agency_id, saved.created_by, saved.kind, saved.title) == (
        agency.pk,
        alice,
        "flight",
        "TP 1234 to Porto",
    )
    assert (saved.start_time, saved.end_time, saved.location, saved.supplier, saved.notes) == (
        dt.time(9, 30),
        dt.time(10, 25),
        "Lisbon airport",
        supplier,
        "Terminal 1",
    )
    assert not hasattr(saved, "reference")
    event = Activity.objects.get(event="libraryitem.created")
    assert (event.object_id, event.data) == (
        saved.pk,
        {"itinerary_id": day.itinerary_id, "item_id": item.pk},
    )


def test_the_list_searches_title_location_notes_and_supplier_and_filters_kind(agency, hotel):
    LibraryItemFactory(agency=agency, title="Tram 28 ride", kind="activity", notes="Old town")
    LibraryItemFactory(agency=agency, title="Fado dinner", kind="meal", location="Alfama")

    def titles(**filters):
        rows = trip_selectors.library_item_list(agency=agency, filters=filters)
        return [row.title for row in rows]

    assert titles() == ["Fado dinner", "Tram 28 ride", "Check in at Hotel Avenida"]
    assert titles(q="avenida") == ["Check in at Hotel Avenida"]
    assert titles(q="hotel avenida") == ["Check in at Hotel Avenida"]
    assert titles(q="old town") == ["Tram 28 ride"]
    assert titles(q="alfama") == ["Fado dinner"]
    assert titles(kind="meal") == ["Fado dinner"]
    assert titles(supplier_id=str(hotel.supplier_id)) == ["Check in at Hotel Avenida"]
    with pytest.raises(ValidationError):
        titles(kind="cruise")


def test_the_builders_choices_are_the_agencys_grouped_by_kind(agency, other_agency, hotel):
    LibraryItemFactory(agency=agency, title="Tram 28 ride", kind="activity")
    LibraryItemFactory(agency=agency, title="Airport pickup", kind="transfer")
    LibraryItemFactory(agency=other_agency, title="Theirs")

    choices = trip_selectors.library_item_choices(agency=agency)

    assert [(c.kind, c.title) for c in choices] == [
        ("transfer", "Airport pickup"),
        ("accommodation", "Check in at Hotel Avenida"),
        ("activity", "Tram 28 ride"),
    ]
