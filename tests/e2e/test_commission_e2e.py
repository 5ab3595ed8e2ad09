"""The commission page and the Reports page (and Settings → Reminders, and the booking page's
commission card) in a real browser: "Mark received" and a partial
receipt swap the list in place with htmx, say what happened in the live region and leave focus
where the work continues; an over-receipt comes back beside its field; both pages pass axe
(WCAG 2.1 AA) and do not scroll sideways at 390 px."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

import pytest

from accounts.models import Role
from crm.bookings import booked_services
from crm.models import BookingService, CommissionReceipt, PaymentInstalment
from tests.e2e.axe import axe_source, axe_violations, describe
from tests.factories import (
    PASSWORD,
    AgencyFactory,
    BookingFactory,
    ClientFactory,
    SupplierFactory,
    UserFactory,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def owner(db):
    agency = AgencyFactory(name="Alpha Tours", slug="alpha-tours", default_currency="EUR")
    return UserFactory(
        username="alice", email="alice@alpha.example", agency=agency, role=Role.OWNER
    )


@pytest.fixture
def browser_at(chromium, live_server, plain_http):
    axe_source()
    opened: list[Any] = []

    def new(width: int) -> Any:
        context = chromium.new_context(
            base_url=live_server.url, viewport={"width": width, "height": 900}, bypass_csp=True
        )
        context.set_default_timeout(15_000)
        opened.append(context)
        page = context.new_page()
        page.goto("/accounts/login/")
        page.fill("#id_username", "alice")
        page.fill("#id_password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(re.compile(r".*/$"))
        return page

    yield new
    for context in opened:
        context.close()


def _money(owner) -> list[BookingService]:
    agency = owner.agency
    lodge = SupplierFactory(agency=agency, name="Lagoon Lodge")
    air = SupplierFactory(agency=agency, name="Azores Air")
    services = []
    for index, (supplier, commission) in enumerate(
        ((lodge, "120.00"), (air, "45.00"), (lodge, "60.00"))
    ):
        booking = BookingFactory(
            agency=agency,
            client=ClientFactory(agency=agency, name=f"Client {index}"),
            reference=f"AZ-{index}",
            amount_paid=Decimal("100.00"),
        )
        services.append(
            booked_services.booking_service_add(
                booking=booking,
                description=f"Service {index}",
                supplier=supplier.pk,
                price=Decimal("1000.00"),
                cost=Decimal("700.00"),
                commission_expected=Decimal(commission),
                start_date=dt.date(2027, 3 + index, 1),
            )
        )
        for position, days in enumerate((-5, 20)):
            PaymentInstalment.objects.create(
                agency=agency,
                booking=booking,
                position=position,
                label=f"Instalment {position + 1}",
                due_date=dt.date.today() + dt.timedelta(days=days),
                amount=Decimal("500.00"),
            )
    return services


def no_sideways_scroll(page) -> None:
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} scrolls {overflow}px sideways"


def live_text(page) -> str:
    page.wait_for_function("() => document.querySelector('[data-live-region]').textContent")
    return page.locator("[data-live-region]").text_content() or ""


@pytest.mark.parametrize("width", [1280, 390])
def test_both_pages_pass_axe_and_fit_the_screen(browser_at, owner, width):
    services = _money(owner)
    page = browser_at(width)
    found = []
    booking = f"/bookings/{services[0].booking_id}/"
    for path in (
        "/commission/",
        "/reports/",
        "/reports/?days=90&from=2026-01&to=2026-12",
        "/settings/reminders/",
        booking,
    ):
        page.goto(path)
        page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
        if violations := axe_violations(page):
            found.append(describe(f"{path} @{width}", violations))
        no_sideways_scroll(page)
    assert not found, "\n".join(found)
    page.goto("/reports/")
    assert page.locator("svg.chart__svg title#chart-title").count() == 1
    assert page.locator("svg.chart__svg rect.bar").count() == 36  # 12 months x 3 series


def test_mark_received_announces_and_moves_focus_to_the_next_row(browser_at, owner):
    first, second, _third = _money(owner)
    page = browser_at(390)
    page.goto("/commission/")

    page.click(f"#receive-{first.pk}")

    assert "Received 120.00 EUR from Lagoon Lodge for Service 0. All received." in live_text(page)
    page.wait_for_function(f"() => document.activeElement.id === 'receive-{second.pk}'")
    assert page.locator(f"#receive-{first.pk}").count() == 0
    assert CommissionReceipt.objects.get(service=first).amount == Decimal("120.00")
    no_sideways_scroll(page)


def test_a_partial_receipt_keeps_the_row_and_an_over_receipt_comes_back_beside_its_field(
    browser_at, owner
):
    first, _second, _third = _money(owner)
    page = browser_at(1280)
    page.goto("/commission/")
    row = page.locator(f"#commission-{first.pk}")

    row.locator("summary").click()
    row.locator("input[name=amount]").fill("20.00")
    row.locator("button", has_text="Record receipt").click()

    assert "100.00 EUR still outstanding" in live_text(page)
    page.wait_for_function(f"() => document.activeElement.id === 'receive-{first.pk}'")

    row = page.locator(f"#commission-{first.pk}")
    row.locator("summary").click()
    row.locator("input[name=amount]").fill("500.00")
    row.locator("button", has_text="Record receipt").click()

    page.wait_for_function("() => document.activeElement.name === 'amount'")
    assert "more than the commission outstanding (100.00 EUR)" in live_text(page)
    assert CommissionReceipt.objects.filter(service=first).count() == 1
