"""An agent's day in a real browser: sign in, find a client, build and print an itinerary,
get a proposal accepted through its link, book it, and use (then revoke) an API token."""

from __future__ import annotations

import datetime as dt
import json
import re
import urllib.error
import urllib.request

import pytest

from accounts.models import ApiToken, Role
from crm.models import Booking, Client, ItineraryDay, Proposal
from tests.factories import (
    PASSWORD,
    AgencyFactory,
    ClientFactory,
    ItineraryFactory,
    UserFactory,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def agent(db):
    agency = AgencyFactory(name="Alpha Tours", slug="alpha-tours", default_currency="EUR")
    return UserFactory(
        username="alice",
        email="alice@alpha.example",
        agency=agency,
        role=Role.OWNER,
        name="Alice Owner",
    )


def sign_in(page, username="alice", password=PASSWORD):
    page.goto("/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/$"))


def test_an_agent_signs_in_with_email_and_signs_out(page, agent):
    sign_in(page, username="ALICE@alpha.example")
    assert page.locator("h1").inner_text().startswith("Hello, Alice Owner")
    page.click(".user-menu summary")
    page.click("text=Sign out")
    page.wait_for_url(re.compile(r".*/accounts/login/"))
    page.goto("/clients/")
    assert "/accounts/login/" in page.url


def test_an_agent_creates_a_client_and_finds_it_by_search(page, agent):
    ClientFactory(agency=agent.agency, name="Somebody Else", email="else@example.com")
    sign_in(page)
    page.click("nav >> text=Clients")
    page.click("text=New client")
    page.fill("#id_name", "Ada Lovelace")
    page.fill("#id_email", "not-an-email")
    page.fill("#id_company", "Analytical Engines")
    page.click("button:has-text('Add client')")
    # The error sits beside the field, and what was typed is still there.
    assert page.locator(".field--error #id_email").count() == 1
    assert page.input_value("#id_company") == "Analytical Engines"
    page.fill("#id_email", "ada@example.com")
    page.fill("#id_tags", "vip, engines")
    page.click("button:has-text('Add client')")
    page.wait_for_url(re.compile(r".*/clients/\d+/$"))
    assert page.locator("h1").inner_text() == "Ada Lovelace"

    page.click("nav >> text=Clients")
    page.fill("input[name=q]", "analytical")
    page.click("button:has-text('Apply')")
    rows = page.locator("table tbody tr")
    assert rows.count() == 1
    assert "Ada Lovelace" in rows.first.inner_text()
    assert Client.objects.get(name="Ada Lovelace").agency == agent.agency


def test_an_agent_builds_a_two_day_itinerary_and_sees_it_printable(page, agent):
    ClientFactory(agency=agent.agency, name="Ada Lovelace")
    sign_in(page)
    page.click("nav >> text=Itineraries")
    page.click("text=New itinerary")
    page.select_option("#id_client", label="Ada Lovelace")
    page.fill("#id_title", "Lisbon long weekend")
    page.fill("#id_start_date", "2027-05-01")
    page.uncheck("#id_prefill_days")
    page.click("button:has-text('Create and start planning')")
    page.wait_for_url(re.compile(r".*/itineraries/\d+/$"))
    builder_url = page.url

    # Day 1, then day 2 (the "Add day" panel is open while the plan is empty).
    page.fill("#newday-title", "Arrival in Lisbon")
    page.fill("#newday-location", "Lisbon")
    page.click("button:has-text('Add day')")
    page.locator("article.day").first.wait_for()
    page.click("summary:has-text('Add day 2')")
    page.fill("#newday-title", "Sintra palaces")
    page.click("button:has-text('Add day')")
    page.locator("article.day").nth(1).wait_for()
    days = page.locator("article.day")
    assert days.count() == 2

    # An item with a mistake keeps what was typed; fixing it adds the item.
    first_day = days.nth(0)
    first_day.locator("summary:has-text('Add to day 1')").click()
    first_day.locator("select[name=kind]").select_option("flight")
    first_day.locator("input[name=location]").fill("LIS airport")
    first_day.locator("button:has-text('Add item')").click()
    page.locator(".field--error input[name=title]").wait_for()
    first_day = page.locator("article.day").nth(0)
    assert first_day.locator("input[name=location]").input_value() == "LIS airport"
    first_day.locator("input[name=title]").fill("TP1351 London → Lisbon")
    first_day.locator("input[name=start_time]").fill("08:40")
    first_day.locator("button:has-text('Add item')").click()
    # The item title, not the live region's "Added …" announcement, which says the same words.
    page.locator(".item__title", has_text="TP1351 London → Lisbon").wait_for()

    second_day = page.locator("article.day").nth(1)
    second_day.locator("summary:has-text('Add to day 2')").click()
    second_day.locator("input[name=title]").fill("Pena Palace tour")
    second_day.locator("button:has-text('Add item')").click()
    page.locator(".item__title", has_text="Pena Palace tour").wait_for()

    # Reorder: day 2 moves up and becomes day 1.
    page.click("button[aria-label='Move day 2 up']")
    page.locator("article.day").first.locator("h3:has-text('Sintra palaces')").wait_for()
    assert list(ItineraryDay.objects.order_by("day_number").values_list("title", flat=True)) == [
        "Sintra palaces",
        "Arrival in Lisbon",
    ]

    page.goto(builder_url + "print/")
    text = page.locator("main").inner_text()
    assert "Lisbon long weekend" in text and "Ada Lovelace" in text
    assert text.index("Sintra palaces") < text.index("Arrival in Lisbon")
    assert "Pena Palace tour" in text and "TP1351 London → Lisbon" in text
    assert "Saturday 1 May 2027" in text  # day 1's date follows from the start date
    page.emulate_media(media="print")
    assert page.locator("button[data-print]").is_hidden()


def test_a_proposal_is_accepted_through_its_link_and_booked(page, context, agent):
    ada = ClientFactory(agency=agent.agency, name="Ada Lovelace", email="ada@example.com")
    itinerary = ItineraryFactory(
        client=ada,
        title="Lisbon long weekend",
        start_date=dt.date(2027, 5, 1),
        end_date=dt.date(2027, 5, 3),
    )
    ItineraryDay.objects.create(itinerary=itinerary, day_number=1, title="Arrival")
    sign_in(page)
    page.goto(f"/itineraries/{itinerary.pk}/")
    page.click("text=Create proposal")
    assert page.input_value("#id_title") == "Lisbon long weekend"
    page.fill("#id_total_price", "2450")
    page.click("button:has-text('Create proposal')")
    page.wait_for_url(re.compile(r".*/proposals/\d+/$"))
    page.click("a:has-text('Send to client')")
    page.wait_for_url(re.compile(r".*/proposals/\d+/send/$"))
    page.click("button:has-text('Preview')")
    assert "ada@example.com" in page.locator("[aria-label=Preview]").inner_text()
    page.click("button:has-text('Send to client')")
    page.wait_for_url(re.compile(r".*/proposals/\d+/$"))
    link = page.locator("#share-url").inner_text().strip()
    assert re.search(r"/p/[\w-]{24,}$", link)

    # The client, in a browser of their own with no account.
    client_browser = context.browser.new_context()
    visitor = client_browser.new_page()
    visitor.goto(link)
    assert "2,450.00 EUR" in visitor.locator("body").inner_text()
    assert "Arrival" in visitor.locator("body").inner_text()
    visitor.fill("#id_full_name", "Ada Lovelace")
    visitor.check("#id_confirm")
    visitor.click("button:has-text('Accept and sign')")
    visitor.locator("text=You accepted version 1 of this proposal").wait_for()
    client_browser.close()
    proposal = Proposal.objects.get()
    assert proposal.status == "accepted"

    page.reload()
    assert "Accepted" in page.locator(".page-header").inner_text()
    page.click("button:has-text('Create booking')")
    page.wait_for_url(re.compile(r".*/bookings/\d+/$"))
    booking = Booking.objects.get(proposal=proposal)
    header = page.locator(".page-header").inner_text()
    assert booking.reference in header and "Confirmed" in header
    assert "2,450.00" in page.locator(".stats").inner_text()

    page.fill("#id_amount", "450")
    page.click("button:has-text('Record payment')")
    page.locator("text=Payment of 450.00 EUR recorded").wait_for()
    assert "2,000.00" in page.locator(".stats").inner_text()  # the balance due


def _api_get(url: str, token: str) -> tuple[int, dict]:
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def test_an_api_token_is_shown_once_works_and_is_refused_once_revoked(
    page, context, agent, live_server
):
    sign_in(page)
    page.click("nav >> text=API tokens")
    page.fill("#id_name", "Website")
    page.click("button:has-text('Create token')")
    plaintext = page.locator("[data-testid=new-token]").inner_text().strip()
    assert plaintext.startswith("itn_") and "." in plaintext

    # The copy button puts it on the clipboard.
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page.click("button:has-text('Copy token')")
    page.locator("button:has-text('Copied')").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == plaintext

    # Never shown again.
    page.goto("/settings/api-tokens/")
    assert plaintext.split(".", 1)[1] not in page.content()
    assert page.locator("[data-testid=new-token]").count() == 0

    status, body = _api_get(f"{live_server.url}/api/v1/me", plaintext)
    assert status == 200, body
    assert body["data"]["user"]["username"] == "alice"

    page.click("button[aria-label='Revoke Website']")
    page.locator("text=was revoked").wait_for()
    assert ApiToken.objects.get().revoked_at is not None
    status, body = _api_get(f"{live_server.url}/api/v1/me", plaintext)
    assert status == 401


def test_the_builder_works_with_javascript_switched_off(chromium, live_server, plain_http, agent):
    itinerary = ItineraryFactory(client=ClientFactory(agency=agent.agency), title="No JS trip")
    context = chromium.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        sign_in(page)
        page.goto(f"/itineraries/{itinerary.pk}/")
        page.fill("#newday-title", "Plain HTML day")
        page.click("button:has-text('Add day')")
        page.locator("h3:has-text('Plain HTML day')").wait_for()
        day = page.locator("article.day").first
        day.locator("summary:has-text('Add to day 1')").click()
        day.locator("textarea[name=notes]").fill("kept")
        day.locator("button:has-text('Add item')").click()
        page.locator(".field--error input[name=title]").wait_for()
        day = page.locator("article.day").first
        assert day.locator("textarea[name=notes]").input_value() == "kept"
        day.locator("input[name=title]").fill("Walking tour")
        day.locator("button:has-text('Add item')").click()
        page.locator(".item__title:has-text('Walking tour')").wait_for()
        assert itinerary.days.get().items.get().notes == "kept"
    finally:
        context.close()
