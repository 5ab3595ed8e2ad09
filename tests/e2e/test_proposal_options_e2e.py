"""Options, branding and PDFs in real browsers: the agent sends a branded proposal with two
options; the client opens the link on a 390 px phone, picks the second option and an extra,
signs; the agent sees the acceptance with the option and its total, downloads the certificate
PDF (read back with pypdf), and books the accepted option at that total.

With ``ITINERA_SCREENSHOTS=<dir>`` it also writes the client's page with its options, the
versions view and the first page of the certificate PDF there (``docs/screenshots``)."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from accounts.branding import branding_logo_set, branding_update
from accounts.models import Role
from crm.models import Acceptance, Booking, Proposal
from crm.proposals.options import options_replace
from crm.proposals.terms import terms_publish
from tests.factories import (
    PASSWORD,
    AgencyFactory,
    ClientFactory,
    ItineraryDayFactory,
    ItineraryFactory,
    ItineraryItemFactory,
    ProposalFactory,
    UserFactory,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
SHOTS = os.environ.get("ITINERA_SCREENSHOTS")


def shoot(page, name: str) -> None:
    if SHOTS:
        page.wait_for_load_state("networkidle")
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


def no_sideways_scroll(page) -> None:
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} scrolls {overflow}px sideways at 390 px"


def logo() -> bytes:
    image = Image.new("RGB", (120, 40), "#1e3a8a")
    for x in range(10, 40):
        for y in range(8, 32):
            image.putpixel((x, y), (255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def owner(db):
    agency = AgencyFactory(name="Alpha Tours", slug="alpha-tours", default_currency="EUR")
    return UserFactory(
        username="alice", email="alice@alpha.example", agency=agency, role=Role.OWNER
    )


@pytest.fixture
def phone(chromium, live_server, plain_http):
    context = chromium.new_context(base_url=live_server.url, viewport=PHONE)
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


def test_the_client_picks_an_option_on_a_phone_and_the_agent_books_it(page, phone, owner, tmp_path):
    agency = owner.agency
    branding_update(
        agency=agency,
        updated_by=owner,
        primary_color="#1e3a8a",
        accent_color="#9a3412",
        address="1 Harbour Street\nPositano",
        phone="+39 089 000 000",
        website="https://alpha.example",
    )
    branding_logo_set(agency=agency, updated_by=owner, content=logo())
    terms_publish(agency=agency, created_by=owner, text="A 20% deposit confirms the booking.")
    client = ClientFactory(agency=agency, name="Eleanor Rigby", email="eleanor@example.com")
    start = dt.date.today() + dt.timedelta(days=90)
    trip = ItineraryFactory(
        client=client, title="Amalfi coast", start_date=start, end_date=start + dt.timedelta(6)
    )
    day = ItineraryDayFactory(itinerary=trip, day_number=1, title="Arrival", location="Positano")
    ItineraryItemFactory(day=day, title="Boat transfer from Naples", kind="transfer")
    proposal = ProposalFactory(
        client=client,
        itinerary=trip,
        title="Amalfi coast, 6 nights",
        currency="EUR",
        total_price=Decimal("0"),
        valid_until=dt.date.today() + dt.timedelta(days=14),
    )
    options_replace(
        proposal=proposal,
        options=[
            {
                "title": "4-star",
                "lines": [
                    {"description": "Hotel Miramare", "quantity": 2, "unit_price": "1400.00"},
                    {"description": "Transfers", "unit_price": "180.00"},
                ],
            },
            {
                "title": "5-star with a private guide",
                "description": "Le Sirenuse and a guide for three days",
                "lines": [
                    {"description": "Le Sirenuse", "quantity": 2, "unit_price": "3100.00"},
                    {"description": "Private guide", "quantity": 3, "unit_price": "250.00"},
                    {"description": "Boat day to Capri", "unit_price": "600.00", "optional": True},
                ],
            },
        ],
    )

    # The agent sends it from the dashboard.
    page.goto("/accounts/login/")
    page.fill("#id_username", "alice")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/$"))
    page.goto(f"/proposals/{proposal.pk}/")
    assert "5-star with a private guide" in page.locator("#options").inner_text()
    page.goto(f"/proposals/{proposal.pk}/send/")
    page.click("button[name=action][value=send]")
    page.wait_for_url(re.compile(rf".*/proposals/{proposal.pk}/$"))
    token = Proposal.objects.get(pk=proposal.pk).share_token

    # The client, on a phone: the branded page, both options, pick the second and an extra.
    phone.goto(f"/p/{token}")
    no_sideways_scroll(phone)
    assert phone.locator("img.public__logo").count() == 1
    options = phone.locator("#options").inner_text()
    assert "2,980.00 EUR" in options and "6,950.00 EUR" in options
    shoot(phone, "proposal-options-phone")
    phone.check("text=5-star with a private guide · 6,950.00 EUR")
    phone.check("text=Add Boat day to Capri")
    phone.fill("#id_full_name", "Eleanor Rigby")
    phone.check("#id_terms")
    phone.check("#id_confirm")
    phone.click("#accept-form button[type=submit]")
    phone.wait_for_load_state()
    answer = phone.locator("#answer").inner_text()
    assert "You accepted version 1" in answer and "7,550.00 EUR" in answer
    no_sideways_scroll(phone)

    acceptance = Acceptance.objects.get(proposal_id=proposal.pk)
    assert acceptance.total_price == Decimal("7550.00")
    assert acceptance.choice["title"] == "5-star with a private guide"

    # The agent sees it and downloads the certificate.
    page.goto(f"/proposals/{proposal.pk}/")
    signed = page.locator("#acceptance").inner_text()
    assert "Eleanor Rigby" in signed and "5-star with a private guide" in signed
    shoot(page, "proposal-versions-options")
    page.click("#acceptance a:has-text('Certificate')")
    with page.expect_download() as download:
        page.click("#certificate-pdf")
    saved = tmp_path / "certificate.pdf"
    download.value.save_as(saved)
    text = "\n".join(p.extract_text() for p in PdfReader(saved).pages)
    assert "Eleanor Rigby" in text and "7,550.00 EUR" in text and "Boat day to Capri" in text
    assert acceptance.content_sha256 in text.replace("\n", "")
    if SHOTS:
        viewer = page.context.new_page()
        viewer.set_viewport_size({"width": 900, "height": 1100})
        viewer.goto(saved.as_uri())
        viewer.wait_for_timeout(1_500)
        viewer.screenshot(path=str(Path(SHOTS) / "proposal-certificate-pdf.png"))
        viewer.close()

    # And books the accepted option at its total.
    page.goto(f"/proposals/{proposal.pk}/")
    page.click("text=Create the booking from the accepted option")
    page.wait_for_url(re.compile(r".*/bookings/\d+/$"))
    booking = Booking.objects.get(proposal_id=proposal.pk)
    assert booking.total_price == Decimal("7550.00")
    assert "7,550.00" in page.locator("main").inner_text()
