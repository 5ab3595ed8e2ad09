"""Proposals: created from an itinerary, sent (which shares a link), answered by the client
through /p/<token> without signing in, revoked, booked."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client as HttpClient
from django.utils import timezone

from crm.models import Booking, Proposal
from tests.factories import (
    ClientFactory,
    ItineraryDayFactory,
    ItineraryFactory,
    ItineraryItemFactory,
    ProposalFactory,
    SupplierFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def itinerary(agency):
    trip = ItineraryFactory(client=ClientFactory(agency=agency, name="Ada"), title="Lisbon")
    day = ItineraryDayFactory(itinerary=trip, day_number=1, title="Arrival")
    ItineraryItemFactory(
        day=day,
        title="Pastéis de Belém",
        supplier=SupplierFactory(agency=agency, name="Secret Supplier Ltd"),
    )
    return trip


@pytest.fixture
def sent(itinerary):
    proposal = ProposalFactory(
        client=itinerary.client,
        itinerary=itinerary,
        title="Lisbon offer",
        status="draft",
        total_price=Decimal("2450.00"),
        valid_until=timezone.localdate() + dt.timedelta(days=10),
    )
    from crm.proposals.services import proposal_send

    return proposal_send(proposal=proposal)


def test_the_new_proposal_form_is_prefilled_from_the_itinerary(as_alice, itinerary, agency):
    response = as_alice.get("/proposals/new/", {"itinerary": itinerary.pk})
    initial = response.context["form"].initial
    assert initial["itinerary"] == itinerary.pk
    assert initial["client"] == itinerary.client_id
    assert initial["title"] == "Lisbon"
    assert initial["currency"] == agency.default_currency


def test_creating_a_proposal_from_an_itinerary(as_alice, itinerary):
    response = as_alice.post(
        "/proposals/new/",
        {
            "itinerary": itinerary.pk,
            "client": itinerary.client_id,
            "title": "Lisbon offer",
            "currency": "gbp",
            "total_price": "1999.50",
            "valid_until": "2027-01-31",
        },
    )
    proposal = Proposal.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/proposals/{proposal.pk}/"
    assert proposal.status == "draft"
    assert (proposal.currency, proposal.total_price) == ("GBP", Decimal("1999.50"))
    assert proposal.share_token is None


def test_a_negative_price_and_a_bad_currency_are_shown_beside_their_fields(as_alice, itinerary):
    response = as_alice.post(
        "/proposals/new/",
        {
            "client": itinerary.client_id,
            "title": "Bad",
            "currency": "E1",
            "total_price": "-5",
        },
    )
    assert response.status_code == 200
    assert {"currency", "total_price"} <= set(response.context["form"].errors)
    assert not Proposal.objects.exists()


def test_an_itinerary_of_another_client_is_refused_beside_it(as_alice, itinerary, agency):
    other_client = ClientFactory(agency=agency)
    response = as_alice.post(
        "/proposals/new/",
        {
            "client": other_client.pk,
            "itinerary": itinerary.pk,
            "title": "Mismatch",
            "currency": "EUR",
            "total_price": "10",
        },
    )
    assert response.status_code == 200
    assert "itinerary" in response.context["form"].errors


def test_creating_only_the_link_marks_it_sent(as_alice, itinerary):
    proposal = ProposalFactory(client=itinerary.client, itinerary=itinerary, status="draft")
    response = as_alice.post(f"/proposals/{proposal.pk}/send/", {"action": "link"})
    proposal.refresh_from_db()
    assert response.status_code == 302
    assert proposal.status == "sent" and proposal.sent_at is not None
    assert proposal.share_token and len(proposal.share_token) >= 24
    page = as_alice.get(f"/proposals/{proposal.pk}/")
    assert f"http://testserver/p/{proposal.share_token}".encode() in page.content


def test_the_public_link_shows_the_plan_and_price_without_signing_in(sent):
    visitor = HttpClient()
    response = visitor.get(f"/p/{sent.share_token}")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Lisbon offer" in body and "2,450.00" in body and "Pastéis de Belém" in body
    assert "Secret Supplier Ltd" not in body  # supplier details stay internal
    assert "Accept and sign" in body
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_opening_the_link_marks_the_proposal_viewed(sent):
    visitor = HttpClient()
    visitor.get(f"/p/{sent.share_token}")
    visitor.post(f"/p/{sent.share_token}/seen")  # the page's beacon, once shown
    sent.refresh_from_db()
    assert sent.status == "viewed" and sent.viewed_at is not None


def test_an_agent_previewing_the_link_does_not_count_as_the_client_viewing(as_alice, sent):
    as_alice.get(f"/p/{sent.share_token}")
    as_alice.post(f"/p/{sent.share_token}/seen")
    sent.refresh_from_db()
    assert sent.status == "sent"


def test_the_client_accepts_through_the_link(sent):
    visitor = HttpClient(enforce_csrf_checks=True)
    page = visitor.get(f"/p/{sent.share_token}")
    token = page.cookies["csrftoken"].value
    response = visitor.post(
        f"/p/{sent.share_token}",
        {
            "answer": "accept",
            "csrfmiddlewaretoken": token,
            "full_name": "Ada Lovelace",
            "confirm": "on",
        },
    )
    sent.refresh_from_db()
    assert response.status_code == 302
    assert sent.status == "accepted" and sent.responded_at is not None
    after = visitor.get(f"/p/{sent.share_token}").content.decode()
    assert "You accepted version 1 of this proposal" in after
    assert "Accept and sign" not in after


def test_the_client_declines_through_the_link(sent):
    HttpClient().post(f"/p/{sent.share_token}", {"answer": "decline"})
    sent.refresh_from_db()
    assert sent.status == "declined"


def test_answering_without_a_csrf_token_is_refused(sent):
    visitor = HttpClient(enforce_csrf_checks=True)
    response = visitor.post(f"/p/{sent.share_token}", {"answer": "accept"})
    sent.refresh_from_db()
    assert response.status_code == 403
    assert sent.status == "sent"


def test_an_answered_proposal_cannot_be_answered_again(sent):
    visitor = HttpClient()
    visitor.post(f"/p/{sent.share_token}", {"answer": "decline"})
    visitor.post(f"/p/{sent.share_token}", {"answer": "accept"})
    sent.refresh_from_db()
    assert sent.status == "declined"


def test_an_expired_proposal_cannot_be_accepted(sent):
    Proposal.objects.filter(pk=sent.pk).update(valid_until=timezone.localdate() - dt.timedelta(1))
    visitor = HttpClient()
    assert b"has expired" in visitor.get(f"/p/{sent.share_token}").content
    visitor.post(f"/p/{sent.share_token}", {"answer": "accept"})
    sent.refresh_from_db()
    assert sent.status != "accepted"


def test_a_revoked_link_shows_a_deactivated_page_and_accepts_nothing(as_alice, sent):
    token = sent.share_token
    response = as_alice.post(f"/proposals/{sent.pk}/revoke-link/")
    sent.refresh_from_db()
    assert response.status_code == 302
    assert sent.share_token == token and sent.link_revoked_at is not None
    page = HttpClient().get(f"/p/{token}")
    assert page.status_code == 410
    assert b"This link has been deactivated" in page.content
    assert b"Lisbon offer" not in page.content and b"2,450" not in page.content
    answer = {"answer": "accept", "full_name": "Ada Lovelace", "confirm": "on"}
    assert HttpClient().post(f"/p/{token}", answer).status_code == 410
    sent.refresh_from_db()
    assert sent.status == "sent"


def test_an_unknown_link_is_a_404(db):
    assert HttpClient().get("/p/not-a-real-token").status_code == 404


def test_an_agent_records_an_answer_given_by_phone(as_alice, sent):
    as_alice.post(f"/proposals/{sent.pk}/status/", {"status": "accepted"})
    sent.refresh_from_db()
    assert sent.status == "accepted" and sent.responded_at is not None


def test_an_accepted_proposal_becomes_a_booking(as_alice, sent, alice):
    HttpClient().post(
        f"/p/{sent.share_token}", {"answer": "accept", "full_name": "Ada L", "confirm": "on"}
    )
    response = as_alice.post(f"/proposals/{sent.pk}/book/")
    booking = Booking.objects.get(proposal=sent)
    assert response.status_code == 302
    assert response["Location"] == f"/bookings/{booking.pk}/"
    assert booking.total_price == Decimal("2450.00")
    assert booking.status == "confirmed" and booking.created_by == alice


def test_a_proposal_that_is_not_accepted_cannot_be_booked(as_alice, sent):
    response = as_alice.post(f"/proposals/{sent.pk}/book/", follow=True)
    assert not Booking.objects.exists()
    assert b"Only an accepted proposal can be booked" in response.content


def test_another_agencys_proposal_is_a_404_for_every_action(as_alice, other_agency):
    theirs = ProposalFactory(client=ClientFactory(agency=other_agency), status="draft")
    assert as_alice.get(f"/proposals/{theirs.pk}/").status_code == 404
    assert as_alice.get(f"/proposals/{theirs.pk}/edit/").status_code == 404
    for action in ("send", "status", "revoke-link", "book"):
        assert as_alice.post(f"/proposals/{theirs.pk}/{action}/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == "draft" and theirs.share_token is None


def test_the_proposal_list_is_scoped_and_filtered_by_status(as_alice, agency, other_agency):
    ours = ClientFactory(agency=agency)
    ProposalFactory(client=ours, title="Ours sent", status="sent")
    ProposalFactory(client=ours, title="Ours draft", status="draft")
    ProposalFactory(client=ClientFactory(agency=other_agency), title="Theirs", status="sent")
    response = as_alice.get("/proposals/", {"status": "sent"})
    assert [p.title for p in response.context["page"].object_list] == ["Ours sent"]
