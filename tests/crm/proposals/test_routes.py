"""No route takes a proposal off the lifecycle's table: the dashboard's status buttons and
send button, and the client's link (opening it, accepting, declining). Every start status is
tried against every target; what the table allows succeeds, the rest changes nothing."""

from __future__ import annotations

import datetime as dt
import secrets

import pytest
from django.test import Client as HttpClient
from django.utils import timezone

from crm.models import Proposal
from crm.proposals.versions import version_freeze
from tests.crm.lifecycle_spec import PROPOSAL_ALLOWED as ALLOWED
from tests.crm.lifecycle_spec import PROPOSAL_PAIRS as PAIRS
from tests.crm.lifecycle_spec import PROPOSAL_STATUSES as STATUSES
from tests.crm.lifecycle_spec import pair_id
from tests.factories import ClientFactory, ProposalFactory

pytestmark = pytest.mark.django_db


def shared(agency, status: str) -> Proposal:
    """A proposal in ``status`` whose link shows its version 1, as if sent before."""
    proposal = ProposalFactory(
        client=ClientFactory(agency=agency, name="Ada"),
        status=status,
        share_token=secrets.token_urlsafe(12),
        valid_until=timezone.localdate() + dt.timedelta(days=10),
    )
    version_freeze(proposal=proposal)
    return proposal


SIGNED = {"full_name": "Ada Lovelace", "confirm": "on"}


def row(proposal: Proposal) -> dict:
    return Proposal.objects.filter(pk=proposal.pk).values().get()


@pytest.mark.parametrize("pair", PAIRS, ids=pair_id)
def test_the_dashboard_status_form_follows_the_table(as_alice, agency, pair):
    start, to = pair
    proposal = shared(agency, start)
    before = row(proposal)
    response = as_alice.post(f"/proposals/{proposal.pk}/status/", {"status": to})
    if pair in ALLOWED:
        assert response.status_code == 302
        assert row(proposal)["status"] == to
    else:
        assert response.status_code == 200
        assert response.context["status_form"].errors == {
            "status": [f"This proposal is {start}; it cannot become {to}."]
        }
        assert row(proposal) == before


@pytest.mark.parametrize("start", STATUSES)
def test_the_dashboard_offers_only_the_steps_the_table_allows(as_alice, agency, start):
    proposal = shared(agency, start)
    steps = as_alice.get(f"/proposals/{proposal.pk}/").context["agent_steps"]
    assert {status for status, _label, _css in steps} <= {to for a, to in ALLOWED if a == start}


@pytest.mark.parametrize("start", STATUSES)
def test_the_dashboard_send_button_follows_the_table(as_alice, agency, start):
    proposal = shared(agency, start)
    before = row(proposal)
    as_alice.post(
        f"/proposals/{proposal.pk}/send/", {"action": "send", "subject": "Hi", "message": "Here."}
    )
    after = row(proposal)
    if (start, "sent") in ALLOWED:
        assert after["status"] == "sent" and after["sent_at"] is not None
    elif start in ("sent", "viewed"):  # already out: sending again keeps the status
        assert after["status"] == start
    else:
        assert after == before


@pytest.mark.parametrize("answer", ["accept", "decline"])
@pytest.mark.parametrize("start", STATUSES)
def test_the_clients_link_answers_only_what_the_table_allows(db, agency, start, answer):
    proposal = shared(agency, start)
    before = row(proposal)
    to = {"accept": "accepted", "decline": "declined"}[answer]
    HttpClient().post(f"/p/{proposal.share_token}", {"answer": answer, **SIGNED})
    if start in ("sent", "viewed"):
        assert (start, to) in ALLOWED
        assert row(proposal)["status"] == to
    else:
        assert row(proposal) == before


@pytest.mark.parametrize("start", STATUSES)
def test_opening_the_link_marks_only_a_sent_proposal_viewed(db, agency, start):
    proposal = shared(agency, start)
    before = row(proposal)
    visitor = HttpClient()
    assert visitor.get(f"/p/{proposal.share_token}").status_code == 200
    assert visitor.post(f"/p/{proposal.share_token}/seen").status_code == 204
    if start == "sent":
        assert ("sent", "viewed") in ALLOWED
        assert row(proposal)["status"] == "viewed"
    else:
        assert row(proposal) == before


def test_a_proposal_taken_back_to_draft_refuses_an_answer_on_its_link(as_alice, agency):
    proposal = shared(agency, "viewed")
    as_alice.post(f"/proposals/{proposal.pk}/status/", {"status": "draft"})
    visitor = HttpClient()
    page = visitor.get(f"/p/{proposal.share_token}")
    assert b"is revising this proposal" in page.content
    assert b"Accept and sign" not in page.content
    response = visitor.post(f"/p/{proposal.share_token}", {"answer": "accept"}, follow=True)
    assert b"being revised" in response.content
    assert row(proposal)["status"] == "draft"


def test_an_answered_proposal_cannot_be_edited_through_the_dashboard(as_alice, agency):
    proposal = shared(agency, "accepted")
    before = row(proposal)
    response = as_alice.post(
        f"/proposals/{proposal.pk}/edit/",
        {
            "client": proposal.client_id,
            "title": proposal.title,
            "currency": "EUR",
            "total_price": "1.00",
            "valid_until": proposal.valid_until.isoformat(),
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["total_price"] == [
        "This proposal is accepted; its price can no longer change."
    ]
    assert row(proposal) == before


def test_the_form_takes_its_limits_from_the_model(as_alice, agency):
    proposal = shared(agency, "draft")
    response = as_alice.post(
        f"/proposals/{proposal.pk}/edit/",
        {"client": proposal.client_id, "title": "x" * 201, "currency": "EUR", "total_price": "1"},
    )
    assert "title" in response.context["form"].errors
    title = Proposal._meta.get_field("title")
    assert response.context["form"].fields["title"].max_length == title.max_length
