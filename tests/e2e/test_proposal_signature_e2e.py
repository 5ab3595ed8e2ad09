"""The e-signature in real browsers: the agent sends a proposal; the client opens the link on a
390 px phone, types their name, ticks the terms and accepts; the agent sees the signature and
opens the certificate. The agent's later edit never reaches what the client signed.

With ``ITINERA_SCREENSHOTS=<dir>`` it also writes the client's page, the versions view and the
certificate there (``docs/screenshots`` for the README)."""

from __future__ import annotations

import datetime as dt
import os
import re
from decimal import Decimal
from pathlib import Path

import pytest

from accounts.models import Role
from crm.models import Acceptance, Proposal
from crm.proposals import services
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


@pytest.fixture
def owner(db):
    agency = AgencyFactory(name="Alpha Tours", slug="alpha-tours", default_currency="GBP")
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


def test_the_client_signs_on_a_phone_and_the_agent_sees_the_certificate(page, phone, owner):
    terms_publish(
        agency=owner.agency,
        created_by=owner,
        text="A 20% deposit confirms the booking.\nCancellations within 30 days are charged.",
    )
    client = ClientFactory(agency=owner.agency, name="Eleanor Rigby", email="eleanor@example.com")
    start = dt.date.today() + dt.timedelta(days=90)
    trip = ItineraryFactory(
        client=client, title="Amalfi coast", start_date=start, end_date=start + dt.timedelta(6)
    )
    day = ItineraryDayFactory(itinerary=trip, day_number=1, title="Arrival", location="Positano")
    ItineraryItemFactory(day=day, title="Hotel Santa Caterina", kind="accommodation")
    proposal = ProposalFactory(
        client=client,
        itinerary=trip,
        title="Amalfi coast, 7 nights",
        currency="GBP",
        total_price=Decimal("8950.00"),
        valid_until=dt.date.today() + dt.timedelta(days=14),
        message="Here is the plan we talked about.",
    )

    # The agent sends it.
    page.goto("/accounts/login/")
    page.fill("#id_username", "alice")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/$"))
    page.goto(f"/proposals/{proposal.pk}/send/")
    page.click("button[name=action][value=send]")
    page.wait_for_url(re.compile(rf".*/proposals/{proposal.pk}/$"))
    assert "Version 1" in page.locator("#versions").inner_text()
    token = Proposal.objects.get(pk=proposal.pk).share_token

    # The client opens the link on a phone, tries without ticking, then signs.
    phone.goto(f"/p/{token}")
    no_sideways_scroll(phone)
    assert "8,950.00 GBP" in phone.locator("#answer").inner_text()
    assert "version 1" in phone.locator("#terms").inner_text().lower()
    shoot(phone, "proposal-link-phone")
    phone.fill("#id_full_name", "Eleanor Rigby")
    phone.check("#id_terms")
    phone.check("#id_confirm")
    phone.click("#accept-form button[type=submit]")
    phone.wait_for_load_state()
    assert "You accepted version 1" in phone.locator("#answer").inner_text()
    no_sideways_scroll(phone)
    phone.click("text=View your acceptance certificate")
    assert "Eleanor Rigby" in phone.locator("#certificate").inner_text()
    no_sideways_scroll(phone)

    acceptance = Acceptance.objects.get(proposal_id=proposal.pk)
    assert acceptance.terms_version == 1 and acceptance.version_number == 1
    assert "HeadlessChrome" in acceptance.user_agent or "Chrome" in acceptance.user_agent

    # The agent sees it, edits the itinerary afterwards, and the signed version stays.
    page.goto(f"/proposals/{proposal.pk}/")
    assert "Eleanor Rigby" in page.locator("#acceptance").inner_text()
    assert "Accepted" in page.locator("#versions").inner_text()
    shoot(page, "proposal-versions")
    page.click("#acceptance a:has-text('Certificate')")
    certificate = page.locator("#certificate").inner_text()
    assert acceptance.content_sha256 in certificate and "Version 1" in certificate
    shoot(page, "proposal-certificate")
    services.proposal_update(proposal=Proposal.objects.get(pk=proposal.pk), title="Changed")
    phone.goto(f"/p/{token}")
    assert "Amalfi coast, 7 nights" in phone.locator("h1").inner_text()


def test_the_versions_view_and_the_diff_in_words(page, owner):
    client = ClientFactory(agency=owner.agency, name="Eleanor Rigby", email="eleanor@example.com")
    trip = ItineraryFactory(client=client, title="Amalfi coast", start_date=None, end_date=None)
    day = ItineraryDayFactory(itinerary=trip, day_number=1, title="Arrival")
    item = ItineraryItemFactory(day=day, title="Hotel Santa Caterina", kind="accommodation")
    proposal = ProposalFactory(
        client=client, itinerary=trip, currency="GBP", total_price=Decimal("8950.00")
    )
    services.proposal_send(proposal=proposal, sent_by=owner)
    services.proposal_update(proposal=proposal, total_price=Decimal("9500.00"))
    item.title = "Le Sirenuse"
    item.save()
    services.proposal_send(proposal=proposal, sent_by=owner)

    page.goto("/accounts/login/")
    page.fill("#id_username", "alice")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/$"))
    page.goto(f"/proposals/{proposal.pk}/")
    page.click("#versions a:has-text('Changes')")
    changes = page.locator("#changes").inner_text()
    assert "Price changed from 8950.00 GBP to 9500.00 GBP." in changes
    assert "Hotel Santa Caterina to Le Sirenuse" in changes
    shoot(page, "proposal-version-diff")
