"""The keyboard in a real browser: the narrow-screen menu is a button the keyboard opens and
closes, and the builder keeps focus on the work after an add or a move and says what changed.
200% zoom (the sticky bar and focus, clipping) is in test_zoom_e2e.py."""

from __future__ import annotations

import re

import pytest

from accounts.models import Role
from crm.models import ItineraryDay, ItineraryItem
from tests.factories import (
    PASSWORD,
    AgencyFactory,
    ClientFactory,
    ItineraryFactory,
    UserFactory,
)

LIVE = "document.querySelector('[data-live-region]')"
pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def agent(db):
    agency = AgencyFactory(name="Alpha Tours", slug="alpha-tours", default_currency="EUR")
    return UserFactory(username="alice", agency=agency, role=Role.OWNER, name="Alice Owner")


def open_page(chromium, live_server, *, width, height=800):
    context = chromium.new_context(
        base_url=live_server.url, viewport={"width": width, "height": height}
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto("/accounts/login/")
    page.fill("#id_username", "alice")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/$"))
    return context, page


def focused(page) -> str:
    return page.evaluate(
        "() => { const a = document.activeElement; return a ? (a.id || a.getAttribute('aria-label')"
        " || a.textContent.trim()).slice(0, 80) : ''; }"
    )


def test_the_narrow_menu_opens_and_closes_by_keyboard(chromium, live_server, plain_http, agent):
    context, page = open_page(chromium, live_server, width=640)
    button = page.locator("button[data-nav-toggle]")
    assert button.get_attribute("aria-expanded") == "false"
    assert button.get_attribute("aria-controls") == "sidebar"
    # Closed: Tab from the skip link reaches the menu button, then the page, never the sidebar.
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.hasAttribute('data-nav-toggle')")
    for _ in range(4):
        page.keyboard.press("Tab")
        assert page.evaluate(
            "() => !document.getElementById('sidebar').contains(document.activeElement)"
        )
        x = page.evaluate("() => document.activeElement.getBoundingClientRect().left")
        assert x >= 0, "focus went off screen"

    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    page.wait_for_function(
        "() => document.getElementById('sidebar').contains(document.activeElement)"
    )
    assert page.locator("#sidebar").is_visible()
    page.keyboard.press("Tab")
    assert page.evaluate(
        "() => document.getElementById('sidebar').contains(document.activeElement)"
    )
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert page.evaluate("() => document.activeElement.hasAttribute('data-nav-toggle')")
    page.wait_for_function(
        "() => getComputedStyle(document.getElementById('sidebar')).visibility === 'hidden'"
    )

    # Space opens it too, and a link in it is followed.
    page.keyboard.press(" ")
    page.wait_for_function(
        "() => document.getElementById('sidebar').contains(document.activeElement)"
    )
    page.locator("#sidebar a:has-text('Clients')").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/clients/$"))
    context.close()


def test_the_builder_keeps_focus_on_the_added_and_the_moved_item(
    chromium, live_server, plain_http, agent
):
    client = ClientFactory(agency=agent.agency, name="Ada Lovelace")
    itinerary = ItineraryFactory(client=client, title="Lisbon")
    day = ItineraryDay.objects.create(itinerary=itinerary, day_number=1, title="Arrival")
    ItineraryItem.objects.create(day=day, position=1, title="Check in", kind="accommodation")
    context, page = open_page(chromium, live_server, width=1280)
    page.goto(f"/itineraries/{itinerary.pk}/")
    live = page.locator("[data-live-region]")
    assert live.get_attribute("aria-live") == "polite"

    # Add an item by keyboard: focus lands on the new item, and the change is announced.
    page.locator("summary:has-text('Add to day 1')").focus()
    page.keyboard.press("Enter")
    page.locator("article.day input[name=title]").first.fill("Tram 28")
    page.locator("article.day input[name=title]").first.press("Enter")
    new = ItineraryItem.objects.filter(title="Tram 28")
    page.wait_for_function(
        "() => (document.activeElement && document.activeElement.id || '').startsWith('item-')"
    )
    assert new.exists()
    assert page.evaluate("() => document.activeElement.id") == f"item-{new.get().pk}"
    page.wait_for_function(
        "() => document.querySelector('[data-live-region]').textContent.includes('Tram 28')"
    )
    assert "Added Tram 28" in live.inner_text()

    # Move it up by keyboard: focus stays on the moved item's button (up is now disabled, so down).
    page.locator("button[aria-label='Move Tram 28 up']").focus()
    page.keyboard.press("Enter")
    page.wait_for_function(
        "() => document.querySelector('.day__items li').id === 'item-" + str(new.get().pk) + "'"
    )
    page.wait_for_function(
        "() => document.activeElement.getAttribute('aria-label') === 'Move Tram 28 down'"
    )
    page.wait_for_function(f"() => {LIVE}.textContent.includes('Moved Tram 28 up')")
    assert list(
        ItineraryItem.objects.filter(day=day).order_by("position").values_list("title", flat=True)
    ) == [
        "Tram 28",
        "Check in",
    ]
    # An error reopens the form with focus on the field to fix, and says so.
    page.locator("summary:has-text('Add to day 1')").click()
    page.locator("article.day input[name=title]").first.fill("")
    page.locator("article.day button:has-text('Add item')").click()
    page.wait_for_function(
        "() => document.activeElement && document.activeElement.name === 'title'"
    )
    assert page.locator("article.day details.day__add").first.get_attribute("open") is not None
    page.wait_for_function(
        "() => document.querySelector('[data-live-region]').textContent.startsWith('Not saved')"
    )
    context.close()
