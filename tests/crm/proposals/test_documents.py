"""Branded PDFs: the itinerary day by day, a proposal version as sent (its options and
prices), the acceptance certificate; downloaded from the dashboard and from the client's link.
Each is rendered for real and read back with pypdf."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.test import Client as HttpClient
from PIL import Image
from pypdf import PdfReader

from accounts.branding import branding_logo_set, branding_update
from crm.models import Proposal
from crm.proposals import services, versions
from crm.proposals.options import options_replace
from tests.factories import (
    ClientFactory,
    ItineraryDayFactory,
    ItineraryFactory,
    ItineraryItemFactory,
    ProposalFactory,
)
from tests.pdf_support import pdf_text
from tests.proposal_support import frozen

pytestmark = pytest.mark.django_db


OPTIONS = [
    {
        "title": "Classic",
        "lines": [
            {"description": "Palazzo hotel, 6 nights", "quantity": 2, "unit_price": "900.00"},
            {"description": "Vespa tour", "unit_price": "120.00", "optional": True},
        ],
    },
    {"title": "Grand", "lines": [{"description": "Grand hotel", "unit_price": "4200.00"}]},
]


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), "#0f766e").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def proposal(agency, alice):
    branding_update(
        agency=agency,
        updated_by=alice,
        address="1 Harbour Street\nPositano",
        phone="+39 089 000 000",
        website="https://alpha.example",
    )
    branding_logo_set(agency=agency, updated_by=alice, content=png())
    client = ClientFactory(agency=agency, name="Eleanor Rigby", email="eleanor@example.com")
    trip = ItineraryFactory(
        client=client,
        title="Amalfi coast",
        start_date=dt.date(2027, 5, 1),
        end_date=dt.date(2027, 5, 7),
    )
    day = ItineraryDayFactory(itinerary=trip, day_number=1, title="Arrival in Positano")
    ItineraryItemFactory(day=day, title="Boat transfer from Naples", kind="transfer")
    day2 = ItineraryDayFactory(itinerary=trip, day_number=2, title="Path of the Gods")
    ItineraryItemFactory(day=day2, title="Guided hike", kind="activity")
    proposal = ProposalFactory(
        client=client,
        itinerary=trip,
        title="Amalfi coast, 6 nights",
        currency="EUR",
        total_price=Decimal("0"),
        valid_until=dt.date.today() + dt.timedelta(days=30),
    )
    options_replace(proposal=proposal, options=OPTIONS)
    return services.proposal_send(proposal=Proposal.objects.get(pk=proposal.pk), sent_by=alice)


def _sign(proposal: Proposal) -> None:
    option = frozen(proposal)["options"][0]
    services.proposal_respond(
        proposal=Proposal.objects.get(pk=proposal.pk),
        accept=True,
        full_name="Eleanor Rigby",
        confirmed=True,
        option_id=option["id"],
        extras=[option["lines"][1]["id"]],
    )


def test_the_itinerary_pdf_is_the_plan_day_by_day_under_the_agencys_letterhead(as_alice, proposal):
    response = as_alice.get(f"/itineraries/{proposal.itinerary_id}/itinerary.pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="amalfi-coast.pdf"'
    text = pdf_text(response.content)
    for expected in (
        "Alpha Tours",
        "1 Harbour Street",
        "+39 089 000 000",
        "Day 1: Arrival in Positano",
        "Boat transfer from Naples",
        "Day 2: Path of the Gods",
        "Guided hike",
    ):
        assert expected in text


def test_the_version_pdf_shows_the_options_as_sent_not_as_edited_since(as_alice, proposal):
    options_replace(
        proposal=Proposal.objects.get(pk=proposal.pk),
        options=[{"title": "Changed", "lines": [{"description": "x", "unit_price": "1"}]}],
    )

    response = as_alice.get(f"/proposals/{proposal.pk}/versions/1/proposal.pdf")

    assert response.status_code == 200
    text = pdf_text(response.content)
    assert "Option 1: Classic" in text and "Option 2: Grand" in text
    assert "1,800.00 EUR" in text and "4,200.00 EUR" in text
    assert "Vespa tour (optional extra)" in text
    assert "Changed" not in text
    assert versions.latest_version(proposal).content_sha256 in text.replace("\n", "")


def test_the_certificate_pdf_names_the_signer_the_option_and_the_total(as_alice, proposal):
    unsigned = as_alice.get(f"/proposals/{proposal.pk}/certificate.pdf")
    assert unsigned.status_code == 302
    assert unsigned["Location"] == f"/proposals/{proposal.pk}/certificate/"
    _sign(proposal)

    response = as_alice.get(f"/proposals/{proposal.pk}/certificate.pdf")

    text = pdf_text(response.content)
    assert "Acceptance certificate" in text
    assert "Eleanor Rigby" in text
    assert "Classic" in text and "Vespa tour" in text
    assert "1,920.00 EUR" in text


def test_the_client_downloads_the_proposal_and_the_certificate_from_the_link(proposal):
    visitor = HttpClient()
    base = f"/p/{proposal.share_token}"

    page = visitor.get(base)
    assert f'href="{base}/proposal.pdf"' in page.content.decode()
    assert "Classic" in pdf_text(visitor.get(f"{base}/proposal.pdf").content)
    assert visitor.get(f"{base}/certificate.pdf").status_code == 404
    assert visitor.get(f"{base}/anything.pdf").status_code == 404
    _sign(proposal)
    assert "Eleanor Rigby" in pdf_text(visitor.get(f"{base}/certificate.pdf").content)


def test_a_revoked_link_serves_no_pdf(proposal):
    services.proposal_share_revoke(proposal=proposal)

    response = HttpClient().get(f"/p/{proposal.share_token}/proposal.pdf")

    assert response.status_code == 410
    assert response["Content-Type"].startswith("text/html")


def test_another_agencys_pdfs_are_a_404(client, bob, proposal):
    client.force_login(bob)

    for path in (
        f"/itineraries/{proposal.itinerary_id}/itinerary.pdf",
        f"/proposals/{proposal.pk}/versions/1/proposal.pdf",
        f"/proposals/{proposal.pk}/certificate.pdf",
    ):
        assert client.get(path).status_code == 404, path


def test_the_pdf_carries_the_logo_as_an_embedded_image(as_alice, proposal):
    response = as_alice.get(f"/proposals/{proposal.pk}/versions/1/proposal.pdf")

    reader = PdfReader(io.BytesIO(response.content))
    assert any(page.images for page in reader.pages)
