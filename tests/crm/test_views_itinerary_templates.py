"""Itinerary templates in the dashboard: "Save as template" on an itinerary, the Templates page
(search, empty state), a template's plan, starting an itinerary from it (dates from the new
start, the client preselected from the new-itinerary page), renaming and deleting it; another
agency's template is a 404 and bad input changes nothing."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from crm.models import Itinerary, ItineraryTemplate
from crm.trips.templates import template_from_itinerary
from tests.factories import (
    ClientFactory,
    ItineraryDayFactory,
    ItineraryFactory,
    ItineraryItemFactory,
    SupplierFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def trip(agency):
    trip = ItineraryFactory(
        client=ClientFactory(agency=agency, name="Ada"),
        title="Lisbon and Sintra",
        start_date=dt.date(2027, 5, 1),
    )
    one = ItineraryDayFactory(itinerary=trip, day_number=1, title="Arrival", location="Lisbon")
    two = ItineraryDayFactory(itinerary=trip, day_number=2, title="Sintra palaces")
    ItineraryItemFactory(
        day=one,
        title="TP1351 London to Lisbon",
        kind="flight",
        position=0,
        supplier=SupplierFactory(agency=agency, name="TAP Air Portugal"),
    )
    ItineraryItemFactory(day=two, title="Pena Palace tour", position=0)
    return trip


@pytest.fixture
def template(trip, alice):
    return template_from_itinerary(itinerary=trip, name="Portugal in a long weekend", actor=alice)


def test_the_itinerary_page_offers_save_as_template(as_alice, trip):
    html = as_alice.get(f"/itineraries/{trip.pk}/").content.decode()
    assert f'href="/itineraries/{trip.pk}/save-as-template/"' in html


def test_saving_an_itinerary_as_a_template_keeps_its_plan_and_opens_the_template(as_alice, trip):
    page = as_alice.get(f"/itineraries/{trip.pk}/save-as-template/")
    assert 'value="Lisbon and Sintra"' in page.content.decode()  # its title, to start from
    response = as_alice.post(
        f"/itineraries/{trip.pk}/save-as-template/",
        {"name": "Portugal in a long weekend", "description": "For first-timers"},
    )
    template = ItineraryTemplate.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/itinerary-templates/{template.pk}/"
    assert template.name == "Portugal in a long weekend"
    assert template.description == "For first-timers"
    assert [day["title"] for day in template.days] == ["Arrival", "Sintra palaces"]
    detail = as_alice.get(response["Location"]).content.decode()
    assert "Pena Palace tour" in detail
    assert "TAP Air Portugal" in detail  # the supplier's name, read from its record
    assert "2 days · 2 items" in detail


def test_a_template_needs_a_name_and_nothing_is_saved_without_one(as_alice, trip):
    response = as_alice.post(f"/itineraries/{trip.pk}/save-as-template/", {"name": "  "})
    assert response.status_code == 200
    assert "field--error" in response.content.decode()
    assert not ItineraryTemplate.objects.exists()


def test_the_templates_page_lists_searches_and_shows_an_empty_state(as_alice, template):
    html = as_alice.get("/itinerary-templates/").content.decode()
    assert "Portugal in a long weekend" in html
    assert f'href="/itinerary-templates/{template.pk}/use/"' in html
    missing = as_alice.get("/itinerary-templates/?q=Peru").content.decode()
    assert "No templates match" in missing
    ItineraryTemplate.objects.all().delete()
    empty = as_alice.get("/itinerary-templates/").content.decode()
    assert "No templates yet" in empty
    assert "Save as template" in empty


def test_starting_an_itinerary_from_a_template_dates_its_days_from_the_start(
    as_alice, template, agency
):
    eleanor = ClientFactory(agency=agency, name="Eleanor Walker")
    page = as_alice.get(f"/itinerary-templates/{template.pk}/use/?client={eleanor.pk}")
    assert re.search(rf'<option value="{eleanor.pk}" selected>', page.content.decode())
    response = as_alice.post(
        f"/itinerary-templates/{template.pk}/use/",
        {"client": eleanor.pk, "start_date": "2027-09-10", "title": "Eleanor in Portugal"},
    )
    itinerary = Itinerary.objects.get(client=eleanor)
    assert response.status_code == 302
    assert response["Location"] == f"/itineraries/{itinerary.pk}/"
    assert itinerary.title == "Eleanor in Portugal"
    assert itinerary.status == "draft"
    assert (itinerary.start_date, itinerary.end_date) == (
        dt.date(2027, 9, 10),
        dt.date(2027, 9, 11),
    )
    days = list(itinerary.days.order_by("day_number"))
    assert [(d.title, d.date) for d in days] == [
        ("Arrival", dt.date(2027, 9, 10)),
        ("Sintra palaces", dt.date(2027, 9, 11)),
    ]
    assert days[0].items.get().supplier.name == "TAP Air Portugal"


def test_starting_from_a_template_refuses_another_agencys_client(as_alice, template, other_agency):
    stranger = ClientFactory(agency=other_agency, name="Stranger")
    response = as_alice.post(
        f"/itinerary-templates/{template.pk}/use/",
        {"client": stranger.pk, "title": "Not ours"},
    )
    assert response.status_code == 200
    assert "field--error" in response.content.decode()
    assert not Itinerary.objects.filter(client=stranger).exists()


def test_the_new_itinerary_page_links_to_the_templates_for_its_client(as_alice, agency):
    ada = ClientFactory(agency=agency, name="Ada")
    html = as_alice.get(f"/itineraries/new/?client={ada.pk}").content.decode()
    assert f'href="/itinerary-templates/?client={ada.pk}"' in html
    listing = as_alice.get(f"/itinerary-templates/?client={ada.pk}").content.decode()
    assert "start Ada\u2019s itinerary" in listing


def test_renaming_and_deleting_a_template(as_alice, template, trip):
    response = as_alice.post(
        f"/itinerary-templates/{template.pk}/edit/", {"name": "Portugal", "description": ""}
    )
    assert response.status_code == 302
    template.refresh_from_db()
    assert template.name == "Portugal"
    ask = as_alice.get(f"/itinerary-templates/{template.pk}/delete/")
    assert "Delete the template “Portugal”?" in ask.content.decode()
    assert ItineraryTemplate.objects.filter(pk=template.pk).exists()  # asking deletes nothing
    gone = as_alice.post(f"/itinerary-templates/{template.pk}/delete/")
    assert gone["Location"] == "/itinerary-templates/"
    assert not ItineraryTemplate.objects.filter(pk=template.pk).exists()
    assert Itinerary.objects.filter(pk=trip.pk).exists()


def test_another_agencys_template_is_not_found(client, bob, template):
    client.force_login(bob)
    for path in ("", "edit/", "use/", "delete/"):
        assert client.get(f"/itinerary-templates/{template.pk}/{path}").status_code == 404
    assert client.post(f"/itinerary-templates/{template.pk}/delete/").status_code == 404
    assert ItineraryTemplate.objects.filter(pk=template.pk).exists()
    assert "Portugal" not in client.get("/itinerary-templates/").content.decode()
