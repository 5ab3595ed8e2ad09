"""The dashboard's options page: add an option, add lines (an optional extra among them),
remove them; the proposal's price follows; bad input comes back beside the field."""

from __future__ import annotations

from decimal import Decimal

import pytest

from crm.models import Proposal, ProposalOption
from crm.proposals import services
from crm.proposals.options import options_replace
from tests.factories import ClientFactory, ProposalFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposal(agency):
    return ProposalFactory(client=ClientFactory(agency=agency), total_price=Decimal("500.00"))


def test_an_agent_builds_options_line_by_line_and_the_price_follows(as_alice, proposal):
    url = f"/proposals/{proposal.pk}/options/"
    assert as_alice.get(url).status_code == 200

    as_alice.post(url, {"action": "add_option", "title": "4-star"})
    as_alice.post(
        url,
        {
            "action": "add_line",
            "option": "0",
            "o0-description": "Hotel",
            "o0-quantity": "2",
            "o0-unit_price": "700",
        },
    )
    as_alice.post(
        url,
        {
            "action": "add_line",
            "option": "0",
            "o0-description": "Spa",
            "o0-quantity": "1",
            "o0-unit_price": "90",
            "o0-optional": "on",
        },
    )

    option = ProposalOption.objects.get(proposal=proposal)
    assert [(line.description, line.optional) for line in option.lines.all()] == [
        ("Hotel", False),
        ("Spa", True),
    ]
    assert Proposal.objects.get(pk=proposal.pk).total_price == Decimal("1400.00")
    page = as_alice.get(url).content.decode()
    assert "1,400.00" in page and "Optional extra" in page

    as_alice.post(url, {"action": "remove_line", "option": "0", "line": "0"})
    assert Proposal.objects.get(pk=proposal.pk).total_price == Decimal("0.00")
    as_alice.post(url, {"action": "remove_option", "option": "0"})
    assert not ProposalOption.objects.filter(proposal=proposal).exists()


def test_a_bad_line_comes_back_beside_its_field(as_alice, proposal):
    url = f"/proposals/{proposal.pk}/options/"
    as_alice.post(url, {"action": "add_option", "title": "4-star"})

    response = as_alice.post(
        url,
        {"action": "add_line", "option": "0", "o0-description": "", "o0-unit_price": "-3"},
    )

    assert response.status_code == 422
    assert response.context["rows"][0][1].errors.keys() >= {"description", "unit_price"}
    assert not ProposalOption.objects.get(proposal=proposal).lines.exists()


def test_the_options_of_an_accepted_proposal_are_shown_but_not_editable(as_alice, proposal):
    options_replace(
        proposal=proposal,
        options=[{"title": "Only", "lines": [{"description": "All in", "unit_price": "10"}]}],
    )
    services.proposal_send(proposal=Proposal.objects.get(pk=proposal.pk))
    services.proposal_respond(
        proposal=Proposal.objects.get(pk=proposal.pk),
        accept=True,
        full_name="Ada L",
        confirmed=True,
    )
    url = f"/proposals/{proposal.pk}/options/"

    response = as_alice.post(url, {"action": "remove_option", "option": "0"}, follow=True)

    assert "can no longer change" in response.content.decode()
    assert ProposalOption.objects.filter(proposal=proposal).count() == 1
    detail = as_alice.get(f"/proposals/{proposal.pk}/").content.decode()
    assert "Option chosen: <strong>Only</strong>" in detail
    assert "Create the booking from the accepted option" in detail


def test_another_agencys_options_page_is_a_404(client, bob, proposal):
    client.force_login(bob)

    assert client.get(f"/proposals/{proposal.pk}/options/").status_code == 404
    assert (
        client.post(
            f"/proposals/{proposal.pk}/options/", {"action": "remove_option", "option": "0"}
        ).status_code
        == 404
    )
