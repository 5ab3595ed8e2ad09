"""The dashboard home: what needs attention, scoped to the agent's agency."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from tests.factories import BookingFactory, ClientFactory, ProposalFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_it_sends_an_anonymous_visitor_to_sign_in(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/")


def test_it_refuses_a_user_without_an_agency(client, db):
    loner = UserFactory(agency=None, username="loner")
    client.force_login(loner)
    response = client.get("/clients/")
    assert response.status_code == 403
    assert b"not part of an agency" in response.content


def test_it_shows_new_leads_newest_first_including_web_form_leads(as_alice, agency):
    older = ClientFactory(agency=agency, name="Older Lead", status="lead")
    web = ClientFactory(agency=agency, name="Web Lead", status="lead", source="web_form")
    ClientFactory(agency=agency, name="Already Active", status="active")
    response = as_alice.get("/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Web Lead" in body and "Older Lead" in body
    assert body.index("Web Lead") < body.index("Older Lead")
    assert "Website form" in body
    assert "Already Active" not in body
    assert list(response.context["leads"]) == [web, older]


def test_it_shows_proposals_awaiting_an_answer_departures_and_balances(as_alice, agency):
    today = timezone.localdate()
    lead = ClientFactory(agency=agency, name="Traveller")
    ProposalFactory(client=lead, title="Sent Proposal", status="sent", sent_at=timezone.now())
    ProposalFactory(client=lead, title="Viewed Proposal", status="viewed")
    ProposalFactory(client=lead, title="Accepted Proposal", status="accepted")
    BookingFactory(
        client=lead,
        reference="BK-SOON01",
        start_date=today + dt.timedelta(days=5),
        total_price=Decimal("1000.00"),
        amount_paid=Decimal("1000.00"),
    )
    BookingFactory(
        client=lead,
        reference="BK-OWING1",
        start_date=today + dt.timedelta(days=90),
        total_price=Decimal("3000.00"),
        amount_paid=Decimal("1000.00"),
    )
    body = as_alice.get("/").content.decode()
    assert "Sent Proposal" in body and "Viewed Proposal" in body
    assert "Accepted Proposal" not in body
    assert "BK-SOON01" in body  # departs within 30 days
    assert "BK-OWING1" in body and "2,000.00" in body  # balance due


def test_it_never_shows_another_agencys_records(as_alice, other_agency):
    ClientFactory(agency=other_agency, name="Beta Secret Lead", status="lead")
    ProposalFactory(client__agency=other_agency, title="Beta Proposal", status="sent")
    body = as_alice.get("/").content.decode()
    assert "Beta Secret Lead" not in body
    assert "Beta Proposal" not in body
