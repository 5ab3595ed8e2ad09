"""Take the travellers screenshots (the traveller form, wide and at 390 px, and the client's
travellers card) with Playwright and Debian's chromium, against a running server with the demo
data (see take_screenshots.py):

    .venv/bin/python docs/screenshots/take_traveller_screenshots.py http://127.0.0.1:8000
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import Browser, Page, ViewportSize, sync_playwright

OUT = Path(__file__).resolve().parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
FIELDS = {
    "#id_first_name": "Eleanor",
    "#id_middle_name": "Grace",
    "#id_last_name": "Vance",
    "#id_date_of_birth": "1984-02-29",
    "#id_passport_number": "533380006",
    "#id_passport_issued_on": "2021-03-01",
    "#id_passport_expires_on": "2031-03-01",
    "#id_frequent_flyer": "British Airways Executive Club: 12345678",
    "#id_dietary_needs": "Vegetarian, no nuts",
    "#id_seat_preference": "Aisle",
    "#id_emergency_contact_name": "Theo Vance",
    "#id_emergency_contact_phone": "+44 7700 900123",
    "#id_emergency_contact_relation": "Son",
}


def signed_in(browser: Browser, base: str, viewport: ViewportSize) -> Page:
    page = browser.new_page(viewport=viewport, device_scale_factor=1)
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", "demo")
    page.fill("#id_password", "itinera-demo")
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")
    return page


def fill(page: Page) -> None:
    for selector, value in FIELDS.items():
        page.fill(selector, value)
    page.select_option("#id_gender", "F")
    page.select_option("#id_nationality", "GB")
    page.select_option("#id_passport_country", "GB")


def main(base: str) -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        wide = signed_in(browser, base, {"width": 1360, "height": 860})
        wide.goto(f"{base}/clients/")
        wide.click("table a.primary >> nth=0")
        client_url = wide.url.rstrip("/")
        phone = signed_in(browser, base, {"width": 390, "height": 844})
        phone.goto(f"{client_url}/travellers/new/")
        fill(phone)
        phone.screenshot(path=str(OUT / "traveller-form-phone.png"), full_page=True)
        wide.goto(f"{client_url}/travellers/new/")
        fill(wide)
        wide.screenshot(path=str(OUT / "traveller-form.png"), full_page=True)
        wide.click("form.card button.btn--primary")
        wide.wait_for_load_state("networkidle")
        wide.locator("#travellers").screenshot(path=str(OUT / "client-travellers.png"))
        browser.close()
        for name in ("traveller-form", "traveller-form-phone", "client-travellers"):
            print("wrote", OUT / f"{name}.png")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000")
