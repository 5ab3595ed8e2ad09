"""Keyboard and zoom in a real browser: the narrow-screen menu is a button the keyboard opens
and closes, the builder keeps focus on the work after an add or a move and says what changed,
and nothing is clipped at 200% zoom."""

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


def test_the_sticky_top_bar_never_covers_the_focused_control(
    chromium, live_server, plain_http, agent
):
    client = ClientFactory(agency=agent.agency, name="Ada Lovelace")
    itinerary = ItineraryFactory(client=client, title="Long plan")
    for number in range(1, 9):
        day = ItineraryDay.objects.create(
            itinerary=itinerary, day_number=number, title=f"Day {number}"
        )
        ItineraryItem.objects.create(day=day, position=1, title=f"Item {number}", kind="activity")
    context, page = open_page(chromium, live_server, width=640, height=700)
    page.goto(f"/itineraries/{itinerary.pk}/")
    page.locator("body").press("End")
    page.locator("#add-day summary").focus()
    # Start from where a reader would be: the control in the middle of the window (a script's
    # focus() may leave it under the bar, which is not what this test measures).
    page.evaluate("() => document.activeElement.scrollIntoView({block: 'center'})")
    bar = page.evaluate("() => document.querySelector('.topbar').getBoundingClientRect().bottom")
    covered = 0
    for _ in range(40):
        page.keyboard.press("Shift+Tab")
        # Let the scroll that focus caused finish (it may be animated) before measuring: wait
        # until the page has stood still for two frames.
        page.evaluate(
            """() => new Promise((done) => {
                let last = null, still = 0, frames = 0;
                const tick = () => {
                    const y = window.scrollY;
                    still = y === last ? still + 1 : 0;
                    last = y;
                    if (still >= 2 || ++frames > 120) done(null);
                    else requestAnimationFrame(tick);
                };
                requestAnimationFrame(tick);
            })"""
        )
        top, bottom = page.evaluate(
            "() => { const r = document.activeElement.getBoundingClientRect();"
            " return [r.top, r.bottom]; }"
        )
        in_bar = page.evaluate("() => !!document.activeElement.closest('.topbar, .skip-link')")
        # Covered: the control overlaps the bar's band (a control wholly above the window is
        # off screen, not under the bar).
        if not in_bar and top < bar and bottom > 0:
            covered += 1
    assert covered == 0
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


def clipped(page) -> list[str]:
    """Text that is cut off: an element whose text overflows its box and is hidden."""
    return page.evaluate(
        """() => [...document.querySelectorAll('main *')].filter((el) => {
            const texts = [...el.childNodes]
                .filter((n) => n.nodeType === 3 && n.textContent.trim());
            if (!texts.length) return false;
            const style = getComputedStyle(el);
            if (style.visibility === 'hidden' || style.display === 'none') return false;
            // <noscript> holds raw text while scripts run: nothing a reader sees.
            if (el.closest('.sr-only, pre, .table-wrap, noscript')) return false;
            const hides = style.overflowX !== 'visible' || style.textOverflow === 'ellipsis';
            const cut = hides && el.scrollWidth > el.clientWidth + 1;
            return cut || el.getBoundingClientRect().width === 0;
        }).map((el) => el.className + ': ' + el.textContent.trim().slice(0, 40))"""
    )


@pytest.mark.parametrize("window", [1280, 1920])
def test_nothing_is_clipped_at_200_percent_zoom(chromium, live_server, plain_http, agent, window):
    long = "Bartholomew Fitzwilliam-Montgomery-Van-der-Berghe"
    client = ClientFactory(
        agency=agent.agency,
        name=long,
        email="bartholomew.fitzwilliam.montgomery@a-very-long-company-name.example.com",
        status="lead",
    )
    ItineraryFactory(
        client=client, title="A very long itinerary title that names every city on the route"
    )
    # 200% zoom of a window this wide: the page lays out at half the width, twice the scale.
    context = chromium.new_context(
        base_url=live_server.url,
        viewport={"width": window // 2, "height": 540},
        device_scale_factor=2,
    )
    page = context.new_page()
    page.goto("/accounts/login/")
    page.fill("#id_username", "alice")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/$"))
    assert clipped(page) == []
    page.goto(f"/clients/{client.pk}/")
    assert long in page.locator("main").inner_text()
    assert clipped(page) == []
    context.close()
