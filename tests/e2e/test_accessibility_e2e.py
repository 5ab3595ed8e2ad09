"""WCAG 2.1 AA in a real browser: axe-core over every dashboard page (found from the URL conf,
so a new page is checked without touching this file), the sign-in pages, the client's proposal
page and the API docs, at 1280 px and 390 px, in the states an agent reaches: lists full and
empty, every disclosure (add forms, menus) open, forms sent back with their errors.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from accounts import services as account_services
from crm.demo.data import DEMO_PASSWORD, DEMO_USERNAME
from tests.e2e.axe import axe_source, axe_violations, describe
from tests.e2e.walk import WIDTHS, demo_world, not_a_page, pages

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def a11y_browser(chromium, live_server, plain_http):
    """Contexts that may inject axe (the page's CSP bypassed: in this test only)."""
    axe_source()
    opened: list[Any] = []

    def new(width: int) -> Any:
        context = chromium.new_context(
            base_url=live_server.url,
            viewport={"width": width, "height": 900},
            bypass_csp=True,
        )
        context.set_default_timeout(15_000)
        opened.append(context)
        page = context.new_page()
        page.on("dialog", lambda dialog: dialog.dismiss())
        return page

    yield new
    for context in opened:
        context.close()


def sign_in(page: Any) -> None:
    page.goto("/accounts/login/")
    page.fill("#id_username", DEMO_USERNAME)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/$"))


def open_everything(page: Any) -> None:
    """Every disclosure open: the builder's add forms, the user menu, the filters."""
    page.evaluate("() => document.querySelectorAll('details').forEach((d) => { d.open = true; })")


def send_back_with_errors(page: Any) -> bool:
    """Submit the page's main form (the one with the most fields) emptied, the browser's own
    checks off, so that it comes back with its errors."""
    marked = page.evaluate(
        """() => {
            const forms = [...document.querySelectorAll("main form[method=post]")]
                .filter((f) => !f.dataset.confirm && f.querySelector("button[type=submit]"));
            if (!forms.length) return false;
            const count = (f) => f.querySelectorAll("input, select, textarea").length;
            const form = forms.sort((a, b) => count(b) - count(a))[0];
            form.noValidate = true;
            form.querySelectorAll("input[type=text], input[type=email], input[type=url],"
                + " input[type=number], textarea").forEach((f) => { f.value = ""; });
            form.setAttribute("data-a11y-send", "1");
            return true;
        }"""
    )
    if not marked:
        return False
    page.locator("form[data-a11y-send] button[type=submit]").last.click()
    page.wait_for_load_state("networkidle")
    return True


def check(page: Any, where: str, found: dict[str, str]) -> None:
    violations = axe_violations(page)
    if violations:
        found[where] = describe(where, violations)


def walk(
    page: Any, paths: list[str], width: int, found: dict[str, str], *, gone_ok: bool = False
) -> list[str]:
    seen: list[str] = []
    for path in paths:
        try:
            seen += visit(page, path, width, found, gone_ok=gone_ok)
        except Exception as error:
            raise AssertionError(f"{path} @{width}: {error}") from error
    return seen


def visit(page: Any, path: str, width: int, found: dict[str, str], *, gone_ok: bool) -> list[str]:
    if not_a_page(page, path):
        return []
    response = page.goto(path)
    assert response is not None
    # A one-time link that is no longer valid answers 404 with a page that says so.
    assert response.status < (500 if gone_ok else 400), f"{path}: {response.status}"
    if not (response.headers.get("content-type") or "").startswith("text/html"):
        return []
    open_everything(page)
    check(page, f"{path} @{width}", found)
    if path.endswith("/") and page.locator(".filters").count():
        page.goto(path + "?q=zzz-nothing-matches-zzz")
        check(page, f"{path}?q=(no match) @{width}", found)
    if path.endswith(("/new/", "/edit/", "/invite/")) and send_back_with_errors(page):
        open_everything(page)
        check(page, f"{path} (errors shown) @{width}", found)
    return [path]


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_passes_axe_with_wcag_21_aa(a11y_browser, width):
    demo = demo_world()
    signed_in, signed_out = pages(demo["params"])
    found: dict[str, str] = {}

    visitor = a11y_browser(width)
    walked = walk(visitor, signed_out, width, found, gone_ok=True)
    visitor.goto("/accounts/login/")
    visitor.fill("#id_username", DEMO_USERNAME)
    visitor.fill("#id_password", "wrong password")
    visitor.click("button[type=submit]")
    visitor.locator(".form-errors, .errorlist").first.wait_for()
    check(visitor, f"/accounts/login/ (wrong password) @{width}", found)

    # The client's proposal page, as the client sees it.
    visitor.goto(f"/p/{demo['share_token']}")
    check(visitor, f"/p/<token> @{width}", found)
    # The API docs, once Swagger UI has drawn the operations.
    visitor.goto("/api/v1/docs")
    visitor.wait_for_selector(".opblock", timeout=20_000)
    check(visitor, f"/api/v1/docs @{width}", found)

    agent = a11y_browser(width)
    sign_in(agent)
    walked += walk(agent, signed_in, width, found)

    # Empty lists: a new agency's owner sees every list with nothing in it.
    account_services.agency_create(
        name="Empty Travel",
        owner_username="empty",
        owner_email="empty@example.com",
        owner_password=DEMO_PASSWORD,
    )
    newcomer = a11y_browser(width)
    newcomer.goto("/accounts/login/")
    newcomer.fill("#id_username", "empty")
    newcomer.fill("#id_password", DEMO_PASSWORD)
    newcomer.click("button[type=submit]")
    newcomer.wait_for_url(re.compile(r".*/$"))
    for path in (
        "/",
        "/clients/",
        "/itineraries/",
        "/proposals/",
        "/bookings/",
        "/notifications/",
        "/settings/forms/",
        "/settings/webhooks/",
        "/settings/api-tokens/",
        "/settings/team/",
    ):
        newcomer.goto(path)
        check(newcomer, f"{path} (empty) @{width}", found)

    assert len(walked) > 40, walked
    assert not found, "axe found WCAG 2.1 AA violations:\n" + "\n".join(found.values())
