"""A dashboard that fits a phone: every dashboard page (the same walk as the accessibility
test, tests/e2e/walk.py) at 390 px wide scrolls only vertically (the document's scrollWidth is
at most its clientWidth) and clips no figure (no element that hides its overflow holds a
number wider than its box)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from crm.demo.data import DEMO_PASSWORD, DEMO_USERNAME
from tests.e2e.walk import demo_world, not_a_page, pages

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = 390

MEASURE = """() => {
    const root = document.documentElement;
    const wide = [];
    if (root.scrollWidth > root.clientWidth) {
        // Name the widest elements past the right edge, to say what to fix.
        for (const el of document.querySelectorAll("body *")) {
            const box = el.getBoundingClientRect();
            if (box.right > root.clientWidth + 1 && box.width > 0) {
                wide.push(`${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`
                    + ` (right edge ${Math.round(box.right)})`);
            }
        }
    }
    const clipped = [];
    for (const el of document.querySelectorAll("main *")) {
        if (el.closest(".sr-only") || el.clientWidth <= 1) continue;  // for screen readers
        const style = getComputedStyle(el);
        const hides = ["hidden", "clip"].includes(style.overflowX)
            || style.textOverflow === "ellipsis";
        if (hides && el.scrollWidth > el.clientWidth + 1 && /\\d/.test(el.textContent || "")) {
            clipped.push(`${el.tagName.toLowerCase()}.${[...el.classList].join(".")}: `
                + (el.textContent || "").trim().slice(0, 40));
        }
    }
    return {
        scrollWidth: root.scrollWidth,
        clientWidth: root.clientWidth,
        wide: wide.slice(0, 5),
        clipped: clipped.slice(0, 5),
    };
}"""


def sign_in(page: Any) -> None:
    page.goto("/accounts/login/")
    page.fill("#id_username", DEMO_USERNAME)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/$"))


def test_every_dashboard_page_fits_a_phone_without_sideways_scrolling(
    chromium, live_server, plain_http
):
    demo = demo_world()
    signed_in, _signed_out = pages(demo["params"])
    context = chromium.new_context(
        base_url=live_server.url, viewport={"width": PHONE, "height": 844}
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.dismiss())
    sign_in(page)
    problems: list[str] = []
    walked = 0
    try:
        for path in signed_in:
            if not_a_page(page, path):
                continue
            response = page.goto(path)
            assert response is not None and response.status < 400, f"{path}: {response}"
            if not (response.headers.get("content-type") or "").startswith("text/html"):
                continue
            walked += 1
            found = page.evaluate(MEASURE)
            if found["scrollWidth"] > found["clientWidth"]:
                problems.append(
                    f"{path}: scrollWidth {found['scrollWidth']} > {found['clientWidth']}: "
                    + "; ".join(found["wide"])
                )
            if found["clipped"]:
                problems.append(f"{path}: clipped figures: " + "; ".join(found["clipped"]))
    finally:
        context.close()
    assert walked > 40
    assert not problems, "pages wider than a phone:\n" + "\n".join(problems)
