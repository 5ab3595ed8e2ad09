"""200% zoom in a real browser (#21): a 1280 px window zoomed to 200% lays the page out 640 CSS
px wide, a 1920 px one 960 px. There the sticky top bar never covers the control that has focus,
tabbing forwards or backwards, and nothing is clipped: text wraps instead of truncating, and a
table that does not fit its card reflows (a card per row) instead of scrolling sideways."""

from __future__ import annotations

import re
from typing import Any

import pytest

from crm.demo.data import DEMO_PASSWORD, DEMO_USERNAME
from tests.e2e.walk import demo_world
from tests.factories import (
    ClientFactory,
    EnquiryFactory,
    EnquiryFormFactory,
    ItineraryFactory,
    ProposalFactory,
    SupplierFactory,
    TaskFactory,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# Resolves once the page has stood still for two frames: the scroll that a focus move caused
# (or a table's reflow after load) is over before anything is measured.
SETTLE = """() => new Promise((done) => {
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

# The focused control, numbered in the order Tab first reached it, and whether the sticky top
# bar covers it: its centre must show the control itself (or something inside it) and its top
# must be below the bar's bottom edge.
STOP = """() => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    if (!el.dataset.stop) el.dataset.stop = String(document.querySelectorAll('[data-stop]').length);
    // The skip link shows over the bar on purpose, and the bar's own controls are in it.
    if (el.closest('.topbar, .skip-link')) return {stop: +el.dataset.stop, covered: null};
    const bar = document.querySelector('.topbar').getBoundingClientRect();
    const box = el.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    const shown = !!hit && (hit === el || el.contains(hit));
    const name = `${el.tagName.toLowerCase()}#${el.id} "${(el.getAttribute('aria-label')
        || el.textContent || el.name || '').trim().slice(0, 40)}"`;
    const covered = !shown || box.top < bar.bottom - 0.5
        ? `${name}: top ${Math.round(box.top)} under the bar's ${Math.round(bar.bottom)}`
          + (shown ? '' : `, its centre shows ${hit ? hit.tagName.toLowerCase() + '.'
            + hit.className : 'nothing'}`)
        : null;
    return {stop: +el.dataset.stop, covered};
}"""


def sign_in(chromium: Any, live_server: Any, *, width: int, height: int, scale: int = 1) -> Any:
    context = chromium.new_context(
        base_url=live_server.url,
        viewport={"width": width, "height": height},
        device_scale_factor=scale,
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.dismiss())
    page.goto("/accounts/login/")
    page.fill("#id_username", DEMO_USERNAME)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/$"))
    return context, page


def press(page: Any, key: str) -> dict[str, Any] | None:
    page.keyboard.press(key)
    page.evaluate(SETTLE)
    return page.evaluate(STOP)


def covered_stops(page: Any) -> tuple[int, list[str]]:
    """Tab through every stop of the page and then Shift+Tab back through them all; the number
    of stops, and each time the focused control was under the bar."""
    covered: list[str] = []
    stops = 0
    for _ in range(600):  # forwards, until focus leaves the page or comes round again
        stop = press(page, "Tab")
        if stop is None or stop["stop"] < stops:
            break
        stops = stop["stop"] + 1
        if stop["covered"]:
            covered.append("Tab: " + stop["covered"])
    else:
        raise AssertionError("Tab never left the page")
    if stop is not None:  # came round to the top: step back onto the last stop
        page.keyboard.press("Shift+Tab")
    for _ in range(600):  # backwards, until the first stop
        stop = press(page, "Shift+Tab")
        if stop is None:
            break
        if stop["covered"]:
            covered.append("Shift+Tab: " + stop["covered"])
        if stop["stop"] == 0:
            break
    else:
        raise AssertionError("Shift+Tab never reached the first stop")
    return stops, covered


def test_the_sticky_top_bar_never_covers_a_focused_control_at_640_px(
    chromium, live_server, plain_http
):
    params = demo_world()["params"]
    context, page = sign_in(chromium, live_server, width=640, height=800)
    try:
        # The itinerary builder, and the longest page: a booking's services, schedule,
        # payments, documents and history.
        for path in (
            f"/itineraries/{params['itinerary_id']}/",
            f"/bookings/{params['booking_id']}/",
        ):
            page.goto(path)
            stops, covered = covered_stops(page)
            assert stops > 30, f"{path}: only {stops} stops"
            assert covered == [], f"{path}: the top bar covers focused controls:\n" + "\n".join(
                covered
            )
    finally:
        context.close()


CLIPPED = """() => {
    const problems = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) {
        problems.push(`the page is ${root.scrollWidth} px wide in a ${root.clientWidth} px window`);
    }
    const label = (el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`;
    for (const el of document.querySelectorAll('main *')) {
        // Screen-reader text, code blocks (they scroll, and take focus), raw <noscript> text,
        // a select's options and an SVG's titles: nothing a reader sees clipped.
        if (el.closest('.sr-only, pre, noscript, select, svg')) continue;
        if (!el.checkVisibility()) continue;
        const texts = [...el.childNodes].filter((n) => n.nodeType === 3 && n.textContent.trim());
        if (!texts.length) continue;
        const style = getComputedStyle(el);
        const hides = style.overflowX !== 'visible' || style.textOverflow === 'ellipsis';
        const cut = hides && el.scrollWidth > el.clientWidth + 1;
        if (cut || el.getBoundingClientRect().width === 0) {
            problems.push(`text clipped in ${label(el)}: ${el.textContent.trim().slice(0, 40)}`);
        }
    }
    for (const table of document.querySelectorAll('main table')) {
        if (!table.checkVisibility()) continue;
        const box = table.parentElement;
        const style = getComputedStyle(box);
        const room = box.clientWidth - parseFloat(style.paddingLeft)
            - parseFloat(style.paddingRight);
        if (table.offsetWidth > room + 1 || box.scrollWidth > box.clientWidth + 1) {
            const head = (table.querySelector('th') || table).textContent.trim().slice(0, 20);
            problems.push(`table "${head}" is ${table.offsetWidth} px wide in its`
                + ` ${Math.round(room)} px ${label(box)}`);
        }
    }
    return problems;
}"""


def long_records(owner: Any) -> dict[str, Any]:
    """Names, emails and titles too long for their columns, in the demo agency."""
    agency = owner.agency
    client = ClientFactory(
        agency=agency,
        name="Bartholomew Fitzwilliam-Montgomery-Van-der-Berghe",
        email="bartholomew.fitzwilliam.montgomery@a-very-long-company-name.example.com",
        company="The Extraordinarily Long-Named Travel Management Company Limited",
        status="lead",
    )
    ItineraryFactory(
        client=client, title="A very long itinerary title that names every city on the route"
    )
    ProposalFactory(
        client=client,
        title="Grand tour of the Iberian peninsula by rail, road and sea, with every option",
    )
    SupplierFactory(
        agency=agency,
        name="Compagnie Internationale des Wagons-Lits et des Grands Express Européens",
        email="reservations.department@compagnie-internationale-des-wagons-lits.example.com",
    )
    TaskFactory(
        client=client,
        title="Call Bartholomew about the sleeper-car upgrade between Lisbon and Madrid",
    )
    EnquiryFactory(
        form=EnquiryFormFactory(agency=agency),
        name="Maximiliana Aurelia Konstantinopoulou-Montgomery",
        email="maximiliana.konstantinopoulou@an-enquiry-from-a-long-domain.example.com",
    )
    return {"client_id": client.pk}


@pytest.mark.parametrize("window", [1280, 1920])
def test_nothing_is_clipped_at_200_percent_zoom(chromium, live_server, plain_http, window):
    demo = demo_world()
    params = {**demo["params"], **long_records(demo["owner"])}
    paths = [
        "/",
        f"/clients/{params['client_id']}/",
        "/clients/",
        "/itineraries/",
        "/proposals/",
        "/bookings/",
        "/tasks/",
        "/enquiries/",
        "/suppliers/",
        # A booking's services, schedule, payments and its invoices and receipts.
        f"/bookings/{params['booking_id']}/",
        f"/invoices/{params['invoice_id']}/",
        "/commission/",
        "/reports/",
    ]
    # 200% zoom of a window this wide: the page lays out at half the width, twice the scale.
    context, page = sign_in(chromium, live_server, width=window // 2, height=540, scale=2)
    problems: list[str] = []
    try:
        for path in paths:
            page.goto(path)
            page.evaluate(SETTLE)
            problems += [f"{path}: {problem}" for problem in page.evaluate(CLIPPED)]
        page.goto(f"/clients/{params['client_id']}/")
        assert "Bartholomew Fitzwilliam-Montgomery-Van-der-Berghe" in page.inner_text("main")
    finally:
        context.close()
    assert problems == [], f"clipped at 200% of {window} px:\n" + "\n".join(problems)
