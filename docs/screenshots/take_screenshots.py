"""Take the README's dashboard screenshots with Playwright and Debian's chromium.

Against a running server with the demo data (``make run`` does both), from the project root:

    DEBUG=1 .venv/bin/python manage.py seed_demo
    .venv/bin/python docs/screenshots/take_screenshots.py http://127.0.0.1:8000
    # or only some: ... take_screenshots.py URL money|a11y|invoice|commission|inbox|dedupe

It signs in as the demo user, creates an API token (to show its one-time display) and, if
needed, a share link for a sent proposal, and writes docs/screenshots/*.png.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

OUT = Path(__file__).resolve().parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def shoot(page: Page, name: str, *, full_page: bool = True) -> None:
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(OUT / f"{name}.png"), full_page=full_page)
    print("wrote", OUT / f"{name}.png")


def main(base: str) -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1360, "height": 860}, device_scale_factor=1)
        page.goto(f"{base}/accounts/login/")
        shoot(page, "sign-in", full_page=False)
        page.fill("#id_username", "demo")
        page.fill("#id_password", "itinera-demo")
        page.click("button[type=submit]")
        page.wait_for_url(f"{base}/")
        shoot(page, "home")

        page.goto(f"{base}/clients/")
        shoot(page, "clients")

        # A client with some history (the demo's honeymooner), else the first one.
        page.goto(f"{base}/clients/?q=aisha")
        if page.locator("table a.primary").count() == 0:
            page.goto(f"{base}/clients/")
        page.click("table a.primary >> nth=0")
        shoot(page, "client")

        page.goto(f"{base}/itineraries/")
        page.click("table a.primary >> nth=0")
        itinerary_url = page.url
        shoot(page, "itinerary-builder")
        page.goto(itinerary_url.rstrip("/") + "/print/")
        shoot(page, "itinerary-print")

        # A proposal waiting for the client's answer (opening its link marks it "viewed").
        for status in ("sent", "viewed", ""):
            page.goto(f"{base}/proposals/?status={status}")
            if page.locator("table a.primary").count():
                break
        page.click("table a.primary >> nth=0")
        shoot(page, "proposal")
        new_link = page.locator("text=Create a new link")
        if page.locator("#share-url").count() == 0 and new_link.count():
            new_link.click()  # a seeded "sent" proposal may have no link yet
        link = page.locator("#share-url")
        if link.count():
            public = browser.new_page(viewport={"width": 1360, "height": 860})
            public.goto(link.inner_text().strip())
            shoot(public, "proposal-public")
            public.close()

        page.goto(f"{base}/bookings/")
        shoot(page, "bookings")
        page.goto(f"{base}/")  # a booking with a balance still due
        page.click("section[aria-labelledby=balances-h] .list__title >> nth=0")
        shoot(page, "booking")

        page.goto(f"{base}/settings/api-tokens/")
        page.fill("#id_name", "Website")
        page.click("#create-token button[type=submit]")
        page.locator("[data-testid=new-token]").wait_for()
        shoot(page, "api-tokens")
        page.goto(f"{base}/settings/developer/")
        shoot(page, "developer-api")
        page.goto(f"{base}/settings/team/")
        shoot(page, "team")

        phone = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2)
        phone.goto(f"{base}/accounts/login/")
        phone.fill("#id_username", "demo")
        phone.fill("#id_password", "itinera-demo")
        phone.click("button[type=submit]")
        phone.wait_for_url(re.compile(r".*/$"))
        shoot(phone, "phone-home", full_page=False)
        money_shots(page, phone, base)
        commission_shots(page, phone, base)
        browser.close()


def main_a11y(base: str) -> None:
    """The focus ring on a control, and the narrow-screen menu opened from the keyboard."""
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1360, "height": 860})
        page = context.new_page()
        page.goto(f"{base}/accounts/login/")
        page.fill("#id_username", "demo")
        page.fill("#id_password", "itinera-demo")
        page.click("button[type=submit]")
        page.wait_for_url(f"{base}/")
        page.goto(f"{base}/clients/")
        page.wait_for_load_state("networkidle")
        page.keyboard.press("Tab")  # the skip link, then into the page
        page.keyboard.press("Tab")
        page.locator("main a.btn, main button").first.focus()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")  # focus shown as a keyboard user sees it (:focus-visible)
        shoot(page, "focus-ring", full_page=False)
        narrow = page.context.new_page()  # signed in too
        narrow.set_viewport_size({"width": 640, "height": 800})
        narrow.goto(f"{base}/")
        narrow.locator("[data-nav-toggle]").focus()
        narrow.keyboard.press("Enter")
        narrow.wait_for_timeout(300)
        shoot(narrow, "narrow-menu-open", full_page=False)
        browser.close()


def booking_by_reference(page: Page, base: str, reference: str) -> None:
    page.goto(f"{base}/bookings/?q={reference}")
    page.click("table a.primary >> nth=0")


def money_shots(page: Page, phone: Page, base: str) -> None:
    """The booking's schedule and payments: the demo's HZ-2026-003 has an overdue deposit."""
    booking_by_reference(page, base, "HZ-2026-003")
    shoot(page, "booking-schedule")
    booking_by_reference(phone, base, "HZ-2026-001")
    phone.locator("#schedule").scroll_into_view_if_needed()
    shoot(phone, "phone-booking-schedule", full_page=True)


def commission_shots(page: Page, phone: Page, base: str) -> None:
    """The commission page (the demo's paid bookings have half their commission received) and
    the Reports page, on a laptop and on a phone."""
    page.goto(f"{base}/commission/")
    shoot(page, "commission")
    page.goto(f"{base}/reports/")
    shoot(page, "reports")
    phone.goto(f"{base}/reports/")
    shoot(phone, "phone-reports", full_page=False)


def main_commission(base: str) -> None:
    """Only the commission and reports screenshots (``... take_screenshots.py URL commission``)."""
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1360, "height": 860}, device_scale_factor=1)
        phone = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2)
        for tab in (page, phone):
            tab.goto(f"{base}/accounts/login/")
            tab.fill("#id_username", "demo")
            tab.fill("#id_password", "itinera-demo")
            tab.click("button[type=submit]")
            tab.wait_for_url(re.compile(r".*/$"))
        commission_shots(page, phone, base)
        browser.close()


def main_money(base: str) -> None:
    """Only the money screenshots (``... take_screenshots.py URL money``)."""
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1360, "height": 860}, device_scale_factor=1)
        phone = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2)
        for tab in (page, phone):
            tab.goto(f"{base}/accounts/login/")
            tab.fill("#id_username", "demo")
            tab.fill("#id_password", "itinera-demo")
            tab.click("button[type=submit]")
            tab.wait_for_url(re.compile(r".*/$"))
        money_shots(page, phone, base)
        browser.close()


def main_invoice(base: str) -> None:
    """An invoice as issued: "Issue invoice" on the demo's HZ-2026-003, then its page, the same
    template the PDF is rendered from, at A4 width with the print styles (``... invoice``)."""
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1360, "height": 860}, device_scale_factor=1)
        page.goto(f"{base}/accounts/login/")
        page.fill("#id_username", "demo")
        page.fill("#id_password", "itinera-demo")
        page.click("button[type=submit]")
        page.wait_for_url(f"{base}/")
        booking_by_reference(page, base, "HZ-2026-003")
        page.click("#documents button:has-text('Issue invoice')")
        page.wait_for_url(re.compile(r".*#documents$"))
        page.locator("#documents").scroll_into_view_if_needed()
        shoot(page, "booking-documents", full_page=False)
        page.click("#documents a:has-text('View') >> nth=0")
        page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
        page.emulate_media(media="print")
        shoot(page, "invoice")


def main_inbox(base: str) -> None:
    """Home with tasks and enquiries, the enquiries inbox, one enquiry, and a booking at phone
    width (``... take_screenshots.py URL inbox``)."""
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1360, "height": 860}, device_scale_factor=1)
        phone = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2)
        for tab in (page, phone):
            tab.goto(f"{base}/accounts/login/")
            tab.fill("#id_username", "demo")
            tab.fill("#id_password", "itinera-demo")
            tab.click("button[type=submit]")
            tab.wait_for_url(re.compile(r".*/$"))
        page.goto(f"{base}/")
        shoot(page, "home-enquiries")
        page.goto(f"{base}/enquiries/?mine=false")
        shoot(page, "enquiries")
        page.click("main .list a.list__title >> nth=0")
        shoot(page, "enquiry")
        booking_by_reference(phone, base, "HZ-2026-001")
        shoot(phone, "phone-booking", full_page=True)
        browser.close()


def main_dedupe(base: str) -> None:
    """Issue #17 part B (``... take_screenshots.py URL dedupe``): the duplicates list with the
    merge page of its first pair, and the newest import's preview (upload one first, e.g. a
    CSV with a known client's email and a row without a name)."""
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1360, "height": 860}, device_scale_factor=1)
        page.goto(f"{base}/accounts/login/")
        page.fill("#id_username", "demo")
        page.fill("#id_password", "itinera-demo")
        page.click("button[type=submit]")
        page.wait_for_url(re.compile(r".*/$"))
        page.goto(f"{base}/clients/duplicates/")
        shoot(page, "client-duplicates")
        page.click("text=Review merge >> nth=0")
        shoot(page, "client-merge")
        page.goto(f"{base}/clients/import/")
        page.click("main ul.list a >> nth=0")
        shoot(page, "client-import-preview")
        browser.close()


if __name__ == "__main__":
    url = sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:8000"
    modes = {
        "money": main_money,
        "a11y": main_a11y,
        "invoice": main_invoice,
        "commission": main_commission,
        "inbox": main_inbox,
        "dedupe": main_dedupe,
    }
    modes.get(sys.argv[2] if sys.argv[2:] else "", main)(url)
