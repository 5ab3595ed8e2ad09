"""The builder's "Move to" another day and its "Remove …?" question in a real browser, by
keyboard: after a move focus stays on the moved item's control (on the day it went to) and the
move is announced in the polite live region; removing an item or a day asks first, focus on
the question's button, and only confirming removes."""

from __future__ import annotations

import pytest

from accounts.models import Role
from crm.models import ItineraryDay, ItineraryItem
from tests.e2e.test_keyboard_e2e import LIVE, open_page
from tests.factories import AgencyFactory, ClientFactory, ItineraryFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def agent(db):
    agency = AgencyFactory(name="Alpha Tours", slug="alpha-tours", default_currency="EUR")
    return UserFactory(username="alice", agency=agency, role=Role.OWNER, name="Alice Owner")


def _titles(day):
    return list(day.items.order_by("position").values_list("title", flat=True))


def test_an_item_moves_to_another_day_by_keyboard_and_removal_asks_first(
    chromium, live_server, plain_http, agent
):
    itinerary = ItineraryFactory(client=ClientFactory(agency=agent.agency), title="Lisbon")
    one = ItineraryDay.objects.create(itinerary=itinerary, day_number=1, title="Arrival")
    two = ItineraryDay.objects.create(itinerary=itinerary, day_number=2, title="Sintra")
    tram = ItineraryItem.objects.create(day=one, position=0, title="Tram 28")
    ItineraryItem.objects.create(day=two, position=0, title="Pena Palace")
    context, page = open_page(chromium, live_server, width=1280)
    page.goto(f"/itineraries/{itinerary.pk}/")

    select = page.locator(f"#item{tram.pk}-day")
    assert page.locator(f"label[for=item{tram.pk}-day]").inner_text() == "Move to"
    select.focus()
    select.select_option(str(two.pk))
    page.keyboard.press("Tab")  # to the "Move" button
    assert page.evaluate("() => document.activeElement.getAttribute('aria-label')") == (
        "Move Tram 28 to the chosen day"
    )
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => {LIVE}.textContent.includes('Moved Tram 28 to day 2')")
    assert "Now 2 of 2." in page.locator("[data-live-region]").inner_text()
    assert page.evaluate("() => document.activeElement.id") == f"item{tram.pk}-day"
    assert (
        page.evaluate(f"() => document.getElementById('item-{tram.pk}').closest('article').id")
        == f"day-{two.pk}"
    )
    assert _titles(one) == [] and _titles(two) == ["Pena Palace", "Tram 28"]

    # Removing asks first: focus on the question's Remove button, which is announced.
    page.locator("a[aria-label='Remove Tram 28…']").focus()
    page.keyboard.press("Enter")
    page.wait_for_function(
        "() => document.activeElement && document.activeElement.hasAttribute('data-autofocus')"
    )
    page.wait_for_function(f"() => {LIVE}.textContent.includes('Remove “Tram 28” from day 2?')")
    assert _titles(two) == ["Pena Palace", "Tram 28"]  # asking removed nothing
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => {LIVE}.textContent.includes('Removed Tram 28')")
    assert _titles(two) == ["Pena Palace"]

    # So does removing a day: the question names it and what goes with it.
    page.locator("a[aria-label='Remove day 1…']").focus()
    page.keyboard.press("Enter")
    page.wait_for_function(
        "() => document.activeElement && document.activeElement.hasAttribute('data-autofocus')"
    )
    page.wait_for_function(f"() => {LIVE}.textContent.includes('Remove day 1, “Arrival”,')")
    assert itinerary.days.count() == 2  # asking removed nothing
    page.keyboard.press("Enter")
    page.locator("article.day").first.locator("h3:has-text('Sintra')").wait_for()
    assert list(itinerary.days.values_list("title", "day_number")) == [("Sintra", 1)]
    context.close()
