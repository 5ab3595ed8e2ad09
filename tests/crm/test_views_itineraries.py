"""The itinerary builder: days and items added, edited, reordered and removed, never losing
work on a validation error; the printable plan; scoping across agencies."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from crm.models import Itinerary, ItineraryDay, ItineraryItem
from tests.factories import (
    ClientFactory,
    ItineraryDayFactory,
    ItineraryFactory,
    ItineraryItemFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def trip(agency):
    return ItineraryFactory(
        client=ClientFactory(agency=agency, name="Ada"),
        title="Lisbon",
        start_date=dt.date(2027, 3, 1),
        end_date=dt.date(2027, 3, 3),
    )


def _days(itinerary):
    return list(
        ItineraryDay.objects.filter(itinerary=itinerary)
        .order_by("day_number")
        .values_list("title", "day_number")
    )


def _items(day):
    return list(day.items.order_by("position").values_list("title", "position"))


def test_creating_an_itinerary_for_a_client_can_prefill_a_day_per_date(as_alice, agency, alice):
    ada = ClientFactory(agency=agency)
    response = as_alice.post(
        "/itineraries/new/",
        {
            "client": ada.pk,
            "title": "Porto",
            "status": "draft",
            "start_date": "2027-05-01",
            "end_date": "2027-05-03",
            "travellers": 2,
            "prefill_days": "1",
        },
    )
    itinerary = Itinerary.objects.get(title="Porto")
    assert response.status_code == 302
    assert response["Location"] == f"/itineraries/{itinerary.pk}/"
    assert itinerary.agency == agency and itinerary.created_by == alice
    assert [d.date for d in itinerary.days.order_by("day_number")] == [
        dt.date(2027, 5, 1),
        dt.date(2027, 5, 2),
        dt.date(2027, 5, 3),
    ]


def test_the_new_itinerary_form_preselects_the_client(as_alice, agency):
    ada = ClientFactory(agency=agency, name="Ada")
    response = as_alice.get("/itineraries/new/", {"client": ada.pk})
    assert response.context["form"].initial["client"] == ada.pk


def test_an_itinerary_cannot_be_created_for_another_agencys_client(as_alice, other_agency):
    theirs = ClientFactory(agency=other_agency)
    response = as_alice.post(
        "/itineraries/new/",
        {"client": theirs.pk, "title": "X", "status": "draft", "travellers": 1},
    )
    assert response.status_code == 200
    assert "client" in response.context["form"].errors
    assert not Itinerary.objects.exists()
    assert as_alice.get("/itineraries/new/", {"client": theirs.pk}).status_code == 404


def test_an_end_date_before_the_start_is_shown_beside_the_end_date(as_alice, agency):
    ada = ClientFactory(agency=agency)
    response = as_alice.post(
        "/itineraries/new/",
        {
            "client": ada.pk,
            "title": "Backwards",
            "status": "draft",
            "start_date": "2027-05-03",
            "end_date": "2027-05-01",
            "travellers": 1,
        },
    )
    assert response.status_code == 200
    assert "end_date" in response.context["form"].errors
    assert not Itinerary.objects.exists()


def test_adding_days_appends_them_in_order(as_alice, trip):
    as_alice.post(f"/itineraries/{trip.pk}/days/", {"title": "Arrival"})
    as_alice.post(f"/itineraries/{trip.pk}/days/", {"title": "Sintra"})
    assert _days(trip) == [("Arrival", 1), ("Sintra", 2)]


def test_a_day_shows_the_date_its_position_implies(as_alice, trip):
    ItineraryDayFactory(itinerary=trip, day_number=1, title="One")
    ItineraryDayFactory(itinerary=trip, day_number=2, title="Two")
    body = as_alice.get(f"/itineraries/{trip.pk}/").content.decode()
    assert "Tuesday 2 March 2027" in body


def test_an_invalid_day_keeps_what_was_typed(as_alice, trip):
    response = as_alice.post(
        f"/itineraries/{trip.pk}/days/",
        {"title": "Kept title", "date": "not-a-date", "location": "Kept place"},
    )
    assert response.status_code == 200
    assert "date" in response.context["new_day_form"].errors
    assert b'value="Kept title"' in response.content
    assert b'value="Kept place"' in response.content
    assert not trip.days.exists()


def test_adding_an_item_to_a_day_appends_it(as_alice, trip):
    day = ItineraryDayFactory(itinerary=trip, day_number=1)
    for title in ("Flight", "Transfer"):
        response = as_alice.post(
            f"/itineraries/{trip.pk}/days/{day.pk}/items/",
            {"kind": "flight", "title": title, "start_time": "08:40"},
        )
        assert response.status_code == 302
    assert _items(day) == [("Flight", 0), ("Transfer", 1)]
    assert day.items.first().start_time == dt.time(8, 40)


def test_an_invalid_item_keeps_the_agents_work_in_the_open_form(as_alice, trip):
    day = ItineraryDayFactory(itinerary=trip, day_number=1)
    response = as_alice.post(
        f"/itineraries/{trip.pk}/days/{day.pk}/items/",
        {
            "kind": "activity",
            "title": "",
            "location": "Belém",
            "notes": "Book the 10am slot",
            "start_time": "25:99",
        },
    )
    assert response.status_code == 200
    entry = response.context["plan"][0]
    assert entry["add_open"] is True
    assert {"title", "start_time"} <= set(entry["add_form"].errors)
    body = response.content.decode()
    assert 'value="Belém"' in body and "Book the 10am slot" in body
    assert '<details class="day__add" open>' in body
    assert not day.items.exists()


def test_an_unknown_item_kind_is_refused(as_alice, trip):
    day = ItineraryDayFactory(itinerary=trip, day_number=1)
    response = as_alice.post(
        f"/itineraries/{trip.pk}/days/{day.pk}/items/", {"kind": "spaceship", "title": "Moon"}
    )
    assert response.status_code == 200
    assert "kind" in response.context["plan"][0]["add_form"].errors


def test_every_item_kind_can_be_added(as_alice, trip):
    day = ItineraryDayFactory(itinerary=trip, day_number=1)
    kinds = ["flight", "transfer", "accommodation", "activity", "meal", "note"]
    for kind in kinds:
        as_alice.post(f"/itineraries/{trip.pk}/days/{day.pk}/items/", {"kind": kind, "title": kind})
    assert list(day.items.order_by("position").values_list("kind", flat=True)) == kinds


def test_editing_an_item_shows_its_form_in_place_and_saves(as_alice, trip):
    day = ItineraryDayFactory(itinerary=trip, day_number=1)
    item = ItineraryItemFactory(day=day, title="Old", kind="meal")
    page = as_alice.get(f"/itineraries/{trip.pk}/items/{item.pk}/edit/")
    assert page.context["plan"][0]["items"][0]["edit_form"] is not None
    assert b'value="Old"' in page.content
    response = as_alice.post(
        f"/itineraries/{trip.pk}/items/{item.pk}/edit/",
        {"kind": "meal", "title": "Dinner at Belcanto", "supplier": "Belcanto"},
    )
    item.refresh_from_db()
    assert response.status_code == 302
    assert (item.title, item.supplier_name) == ("Dinner at Belcanto", "Belcanto")


def test_an_invalid_item_edit_keeps_the_input_and_changes_nothing(as_alice, trip):
    day = ItineraryDayFactory(itinerary=trip, day_number=1)
    item = ItineraryItemFactory(day=day, title="Keep me")
    response = as_alice.post(
        f"/itineraries/{trip.pk}/items/{item.pk}/edit/",
        {"kind": "meal", "title": "", "notes": "typed notes"},
    )
    item.refresh_from_db()
    assert response.status_code == 200
    assert "title" in response.context["plan"][0]["items"][0]["edit_form"].errors
    assert b"typed notes" in response.content
    assert item.title == "Keep me"


def test_editing_a_day_saves_its_fields(as_alice, trip):
    day = ItineraryDayFactory(itinerary=trip, day_number=1, title="Old")
    as_alice.get(f"/itineraries/{trip.pk}/days/{day.pk}/edit/")
    response = as_alice.post(
        f"/itineraries/{trip.pk}/days/{day.pk}/edit/",
        {"title": "Sintra", "location": "Sintra", "description": "Palaces"},
    )
    day.refresh_from_db()
    assert response.status_code == 302
    assert (day.title, day.location, day.description) == ("Sintra", "Sintra", "Palaces")


def test_moving_days_up_and_down_keeps_the_numbering_contiguous(as_alice, trip):
    one = ItineraryDayFactory(itinerary=trip, day_number=1, title="A")
    ItineraryDayFactory(itinerary=trip, day_number=2, title="B")
    three = ItineraryDayFactory(itinerary=trip, day_number=3, title="C")
    as_alice.post(f"/itineraries/{trip.pk}/days/{three.pk}/move/", {"direction": "up"})
    assert _days(trip) == [("A", 1), ("C", 2), ("B", 3)]
    as_alice.post(f"/itineraries/{trip.pk}/days/{one.pk}/move/", {"direction": "down"})
    assert _days(trip) == [("C", 1), ("A", 2), ("B", 3)]
    as_alice.post(f"/itineraries/{trip.pk}/days/{three.pk}/move/", {"direction": "up"})
    assert _days(trip) == [("C", 1), ("A", 2), ("B", 3)]  # already first: unchanged


def test_a_day_can_be_dragged_to_any_position(as_alice, trip):
    one = ItineraryDayFactory(itinerary=trip, day_number=1, title="A")
    ItineraryDayFactory(itinerary=trip, day_number=2, title="B")
    ItineraryDayFactory(itinerary=trip, day_number=3, title="C")
    as_alice.post(f"/itineraries/{trip.pk}/days/{one.pk}/move/", {"to": "3"})
    assert _days(trip) == [("B", 1), ("C", 2), ("A", 3)]


def test_removing_a_day_renumbers_the_days_after_it(as_alice, trip):
    ItineraryDayFactory(itinerary=trip, day_number=1, title="A")
    two = ItineraryDayFactory(itinerary=trip, day_number=2, title="B")
    ItineraryItemFactory(day=two, title="Gone with the day")
    ItineraryDayFactory(itinerary=trip, day_number=3, title="C")
    response = as_alice.post(f"/itineraries/{trip.pk}/days/{two.pk}/delete/")
    assert response.status_code == 302
    assert _days(trip) == [("A", 1), ("C", 2)]
    assert not ItineraryItem.objects.filter(title="Gone with the day").exists()


def test_removing_a_day_asks_first_and_asking_removes_nothing(as_alice, trip):
    ItineraryDayFactory(itinerary=trip, day_number=1, title="A")
    two = ItineraryDayFactory(itinerary=trip, day_number=2, title="Sintra")
    ItineraryItemFactory(day=two, title="Pena Palace")
    builder = as_alice.get(f"/itineraries/{trip.pk}/").content.decode()
    assert f'href="/itineraries/{trip.pk}/days/{two.pk}/delete/#day-{two.pk}"' in builder
    asked = as_alice.get(f"/itineraries/{trip.pk}/days/{two.pk}/delete/")
    html = asked.content.decode()
    assert asked.status_code == 200
    assert "Remove day 2, “Sintra”, and everything planned in it (1 item)?" in html
    assert f'<form method="post" action="/itineraries/{trip.pk}/days/{two.pk}/delete/"' in html
    assert _days(trip) == [("A", 1), ("Sintra", 2)]
    assert ItineraryItem.objects.filter(title="Pena Palace").exists()


def test_moving_and_removing_items_keeps_positions_contiguous(as_alice, trip):
    day = ItineraryDayFactory(itinerary=trip, day_number=1)
    a = ItineraryItemFactory(day=day, title="a", position=0)
    b = ItineraryItemFactory(day=day, title="b", position=1)
    ItineraryItemFactory(day=day, title="c", position=2)
    as_alice.post(f"/itineraries/{trip.pk}/items/{a.pk}/move/", {"direction": "down"})
    assert _items(day) == [("b", 0), ("a", 1), ("c", 2)]
    as_alice.post(f"/itineraries/{trip.pk}/items/{a.pk}/move/", {"to": "3"})
    assert _items(day) == [("b", 0), ("c", 1), ("a", 2)]
    as_alice.post(f"/itineraries/{trip.pk}/items/{b.pk}/delete/")
    assert _items(day) == [("c", 0), ("a", 1)]


def test_plan_changes_only_accept_post(as_alice, trip):
    day = ItineraryDayFactory(itinerary=trip, day_number=1)
    item = ItineraryItemFactory(day=day)
    for url in (
        f"/itineraries/{trip.pk}/days/",
        f"/itineraries/{trip.pk}/days/{day.pk}/move/",
        f"/itineraries/{trip.pk}/days/{day.pk}/items/",
        f"/itineraries/{trip.pk}/items/{item.pk}/move/",
    ):
        assert as_alice.get(url).status_code == 405
    # A day's or an item's delete URL answers GET with the question
    # (test_removing_a_day_asks_first..., tests/crm/test_views_item_remove.py).
    assert as_alice.get(f"/itineraries/{trip.pk}/items/{item.pk}/delete/").status_code == 200
    assert as_alice.get(f"/itineraries/{trip.pk}/days/{day.pk}/delete/").status_code == 200
    assert ItineraryItem.objects.filter(pk=item.pk).exists()
    assert trip.days.filter(pk=day.pk).exists()


def test_another_agencys_itinerary_days_and_items_are_404(as_alice, other_agency, trip):
    theirs = ItineraryFactory(client=ClientFactory(agency=other_agency))
    their_day = ItineraryDayFactory(itinerary=theirs, day_number=1, title="Theirs")
    their_item = ItineraryItemFactory(day=their_day, title="Their item")
    for url in (
        f"/itineraries/{theirs.pk}/",
        f"/itineraries/{theirs.pk}/print/",
        f"/itineraries/{theirs.pk}/edit/",
        f"/itineraries/{theirs.pk}/days/{their_day.pk}/edit/",
        f"/itineraries/{theirs.pk}/items/{their_item.pk}/edit/",
    ):
        assert as_alice.get(url).status_code == 404, url
    posts = [
        (f"/itineraries/{theirs.pk}/days/", {"title": "x"}),
        (f"/itineraries/{theirs.pk}/days/{their_day.pk}/delete/", {}),
        (f"/itineraries/{theirs.pk}/days/{their_day.pk}/items/", {"kind": "note", "title": "x"}),
        (f"/itineraries/{theirs.pk}/items/{their_item.pk}/delete/", {}),
        # Their day or item reached through our own itinerary's URL is just as missing.
        (f"/itineraries/{trip.pk}/days/{their_day.pk}/delete/", {}),
        (f"/itineraries/{trip.pk}/items/{their_item.pk}/delete/", {}),
        (f"/itineraries/{trip.pk}/items/{their_item.pk}/edit/", {"kind": "note", "title": "x"}),
    ]
    for url, data in posts:
        assert as_alice.post(url, data).status_code == 404, url
    assert ItineraryDay.objects.filter(pk=their_day.pk).exists()
    their_item.refresh_from_db()
    assert their_item.title == "Their item"


def test_the_printable_view_shows_the_day_by_day_plan(as_alice, trip):
    one = ItineraryDayFactory(itinerary=trip, day_number=1, title="Arrival", location="Lisbon")
    two = ItineraryDayFactory(itinerary=trip, day_number=2, title="Sintra")
    ItineraryItemFactory(day=one, kind="flight", title="TP1351", reference="ABC123")
    ItineraryItemFactory(day=two, kind="activity", title="Pena Palace")
    response = as_alice.get(f"/itineraries/{trip.pk}/print/")
    body = response.content.decode()
    assert response.status_code == 200
    assert body.index("Arrival") < body.index("TP1351") < body.index("Sintra")
    assert "Pena Palace" in body and "ABC123" in body
    assert 'media="print"' in body
    assert "csrfmiddlewaretoken" not in body  # a document, not a form


def test_the_itinerary_list_is_scoped_and_filtered(as_alice, agency, other_agency):
    ItineraryFactory(client=ClientFactory(agency=agency), title="Ours draft", status="draft")
    ItineraryFactory(client=ClientFactory(agency=agency), title="Ours done", status="completed")
    ItineraryFactory(client=ClientFactory(agency=other_agency), title="Theirs")
    everything = as_alice.get("/itineraries/")
    drafts = as_alice.get("/itineraries/", {"status": "draft"})
    assert {i.title for i in everything.context["page"].object_list} == {"Ours draft", "Ours done"}
    assert [i.title for i in drafts.context["page"].object_list] == ["Ours draft"]


def test_the_itinerary_list_counts_days_for_its_page_only(as_alice, agency):
    # At a million clients a GROUP BY over every itinerary of the agency took seconds: the
    # page's COUNT must not touch the days, and the days are counted per row shown.
    for title, days in (("Three days", 3), ("No days", 0)):
        itinerary = ItineraryFactory(client=ClientFactory(agency=agency), title=title)
        for number in range(1, days + 1):
            ItineraryDayFactory(itinerary=itinerary, day_number=number)
    with CaptureQueriesContext(connection) as queries:
        response = as_alice.get("/itineraries/")
    shown = {i.title: i.day_count for i in response.context["page"].object_list}
    assert shown == {"Three days": 3, "No days": 0}
    sql = [q["sql"].upper() for q in queries.captured_queries]
    assert not [q for q in sql if "GROUP BY" in q and "COUNT(" in q and "LIMIT" not in q]
    count_query = next(q for q in sql if q.startswith("SELECT COUNT(") and "ITINERARY" in q)
    assert "ITINERARYDAY" not in count_query


def test_deleting_an_itinerary_returns_to_the_client(as_alice, trip):
    response = as_alice.post(f"/itineraries/{trip.pk}/delete/")
    assert response.status_code == 302
    assert response["Location"] == f"/clients/{trip.client_id}/"
    assert not Itinerary.objects.filter(pk=trip.pk).exists()


def test_the_builder_runs_the_same_number_of_queries_however_big_the_plan(as_alice, trip):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert as_alice.get(f"/itineraries/{trip.pk}/").status_code == 200
        return len(queries)

    day = ItineraryDayFactory(itinerary=trip, day_number=1)
    ItineraryItemFactory(day=day)
    small = count()
    for number in range(2, 8):
        more = ItineraryDayFactory(itinerary=trip, day_number=number)
        ItineraryItemFactory.create_batch(4, day=more)
    assert count() == small
