"""Removing an item from the builder asks first: the trash button opens the question in the
item's place (a page of its own without JavaScript), and only its "Remove" POST removes the
item, recorded in the history with who did it."""

from __future__ import annotations

import re

import pytest

from accounts.models import Activity
from tests.factories import (
    ClientFactory,
    ItineraryDayFactory,
    ItineraryFactory,
    ItineraryItemFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def trip(agency):
    return ItineraryFactory(client=ClientFactory(agency=agency, name="Ada"), title="Lisbon")


@pytest.fixture
def hotel(trip):
    day = ItineraryDayFactory(itinerary=trip, day_number=1)
    ItineraryItemFactory(day=day, title="Flight", position=0)
    return ItineraryItemFactory(day=day, title="Hotel Avenida", position=1)


def test_the_remove_button_is_a_link_to_the_question_not_a_removal(as_alice, trip, hotel):
    html = as_alice.get(f"/itineraries/{trip.pk}/").content.decode()
    url = f"/itineraries/{trip.pk}/items/{hotel.pk}/delete/"
    assert re.search(rf'<a [^>]*href="{url}#item-{hotel.pk}"[^>]*aria-label="Remove Hotel', html)
    assert f'action="{url}"' not in html  # no one-click removal form on the builder


def test_the_question_names_the_item_and_removes_nothing(as_alice, trip, hotel):
    url = f"/itineraries/{trip.pk}/items/{hotel.pk}/delete/"
    response = as_alice.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Remove “Hotel Avenida” from day 1?" in html
    assert re.search(rf'<form method="post" action="{url}"', html)
    assert f'href="/itineraries/{trip.pk}/?day=1#item-{hotel.pk}">Cancel</a>' in html
    assert trip.days.get().items.filter(pk=hotel.pk).exists()
    assert not Activity.objects.filter(event="itinerary.item_removed").exists()


def test_confirming_removes_the_item_and_the_history_says_who(as_alice, alice, trip, hotel):
    response = as_alice.post(f"/itineraries/{trip.pk}/items/{hotel.pk}/delete/")
    assert response.status_code == 302
    day = trip.days.get()
    assert list(day.items.values_list("title", "position")) == [("Flight", 0)]
    event = Activity.objects.get(event="itinerary.item_removed", object_id=trip.pk)
    assert event.actor == alice
    assert event.data["item_title"] == "Hotel Avenida"


def test_another_agencys_item_has_no_question(as_alice, other_agency, trip):
    theirs = ItineraryFactory(client=ClientFactory(agency=other_agency))
    item = ItineraryItemFactory(day=ItineraryDayFactory(itinerary=theirs))
    for itinerary in (theirs, trip):
        url = f"/itineraries/{itinerary.pk}/items/{item.pk}/delete/"
        assert as_alice.get(url).status_code == 404
