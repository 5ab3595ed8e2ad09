"""Issue #16's whole path in real browsers, every step in the dashboard: the agent saves a past
itinerary as a template, starts the new client's itinerary from it (dated from the new start),
makes a proposal with two options and sends it; the client opens the link on a 390 px phone,
picks the second option, signs; the agent sees the acceptance and downloads the certificate PDF
(its text read back with pypdf)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from pypdf import PdfReader

from accounts.models import Role
from crm.models import Acceptance, Itinerary, ItineraryTemplate, Proposal
from crm.proposals.terms import terms_publish
from tests.factories import (
    PASSWORD,
    AgencyFactory,
    ClientFactory,
    ItineraryDayFactory,
    ItineraryFactory,
    ItineraryItemFactory,
    UserFactory,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


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


def _sold_before(owner):
    """Last year's Amalfi trip for another client: the plan the agency sells again."""
    past = ClientFactory(agency=owner.agency, name="Margaret Past")
    trip = ItineraryFactory(
        client=past, title="Amalfi coast", start_date=dt.date.today() - dt.timedelta(days=300)
    )
    one = ItineraryDayFactory(itinerary=trip, day_number=1, title="Arrival", location="Positano")
    two = ItineraryDayFactory(itinerary=trip, day_number=2, title="Capri by boat")
    ItineraryItemFactory(day=one, title="Boat transfer from Naples", kind="transfer")
    ItineraryItemFactory(day=two, title="Blue Grotto", kind="activity")
    return trip


def test_the_agent_builds_from_a_template_and_the_client_signs_on_a_phone(
    page, phone, owner, tmp_path
):
    past_trip = _sold_before(owner)
    terms_publish(agency=owner.agency, created_by=owner, text="A 20% deposit confirms it.")
    eleanor = ClientFactory(agency=owner.agency, name="Eleanor Rigby", email="eleanor@example.com")
    start = dt.date.today() + dt.timedelta(days=90)

    page.goto("/accounts/login/")
    page.fill("#id_username", "alice")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/$"))

    # Save last year's trip as a template.
    page.goto(f"/itineraries/{past_trip.pk}/")
    page.click("a:has-text('Save as template')")
    page.fill("#id_name", "Amalfi in two days")
    page.click("button:has-text('Save the template')")
    page.wait_for_url(re.compile(r".*/itinerary-templates/\d+/$"))
    assert "Blue Grotto" in page.locator("main").inner_text()
    template = ItineraryTemplate.objects.get()

    # Start Eleanor's itinerary from it, from her new-itinerary page.
    page.goto(f"/itineraries/new/?client={eleanor.pk}")
    page.click("a:has-text('start from one of your templates')")
    page.click(f"a[href='/itinerary-templates/{template.pk}/use/?client={eleanor.pk}']")
    page.fill("#id_start_date", start.isoformat())
    page.fill("#id_title", "Eleanor on the Amalfi coast")
    page.click("button:has-text('Start the itinerary')")
    page.wait_for_url(re.compile(r".*/itineraries/\d+/$"))
    itinerary = Itinerary.objects.get(client=eleanor)
    assert [d.date for d in itinerary.days.order_by("day_number")] == [
        start,
        start + dt.timedelta(days=1),
    ]
    page.locator(".item__title", has_text="Blue Grotto").wait_for()

    # A proposal with two options, sent.
    page.click("a:has-text('Create proposal')")
    page.fill("#id_total_price", "2980")
    page.click("button:has-text('Create proposal')")
    page.wait_for_url(re.compile(r".*/proposals/\d+/$"))
    proposal = Proposal.objects.get(itinerary=itinerary)
    page.goto(f"/proposals/{proposal.pk}/options/")
    for index, (title, hotel, price) in enumerate(
        [("4-star", "Hotel Miramare", "2800.00"), ("5-star", "Le Sirenuse", "6200.00")]
    ):
        page.fill("#id_title", title)
        page.click("button:has-text('Add option')")
        page.wait_for_url(re.compile(r".*/options/$"))
        page.fill(f"#id_o{index}-description", hotel)
        page.fill(f"#id_o{index}-unit_price", price)
        page.locator("button:has-text('Add line')").nth(index).click()
        page.wait_for_url(re.compile(r".*/options/$"))
    page.goto(f"/proposals/{proposal.pk}/send/")
    page.click("button[name=action][value=send]")
    page.wait_for_url(re.compile(rf".*/proposals/{proposal.pk}/$"))
    token = Proposal.objects.get(pk=proposal.pk).share_token

    # Eleanor, on her phone: the plan from the template, the two options; she takes the 5-star.
    phone.goto(f"/p/{token}")
    body = phone.locator("main").inner_text()
    assert "Blue Grotto" in body and start.strftime("%B") in body
    phone.check("text=5-star · 6,200.00 EUR")
    phone.fill("#id_full_name", "Eleanor Rigby")
    phone.check("#id_terms")
    phone.check("#id_confirm")
    phone.click("#accept-form button[type=submit]")
    phone.wait_for_load_state()
    assert "You accepted version 1" in phone.locator("#answer").inner_text()
    overflow = phone.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"the signed page scrolls {overflow}px sideways at 390 px"
    acceptance = Acceptance.objects.get(proposal_id=proposal.pk)
    assert acceptance.choice["title"] == "5-star"

    # The agent sees the acceptance and downloads the certificate.
    page.goto(f"/proposals/{proposal.pk}/")
    signed = page.locator("#acceptance").inner_text()
    assert "Eleanor Rigby" in signed and "5-star" in signed
    page.click("#acceptance a:has-text('Certificate')")
    with page.expect_download() as download:
        page.click("#certificate-pdf")
    saved = tmp_path / "certificate.pdf"
    download.value.save_as(saved)
    text = "\n".join(p.extract_text() for p in PdfReader(saved).pages)
    assert "Eleanor Rigby" in text and "6,200.00 EUR" in text
    assert acceptance.content_sha256 in text.replace("\n", "")
