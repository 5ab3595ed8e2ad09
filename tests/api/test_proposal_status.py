"""A proposal's status through the API: PATCH and PUT go through the door, whatever else the
body says; a step off the table is a 409 naming the current status and changes nothing."""

from __future__ import annotations

import orjson
import pytest

from crm.models import Proposal
from tests.api.conftest import Api
from tests.crm.lifecycle_spec import PROPOSAL_ALLOWED as ALLOWED
from tests.crm.lifecycle_spec import PROPOSAL_PAIRS as PAIRS
from tests.crm.lifecycle_spec import pair_id
from tests.factories import ClientFactory, ProposalFactory


def test_accepting_a_declined_expired_proposal_is_a_409_and_changes_nothing(api: Api, agency):
    proposal = ProposalFactory(client=ClientFactory(agency=agency), status="declined")
    before = Proposal.objects.filter(pk=proposal.pk).values().get()
    response = api.patch(f"/proposals/{proposal.pk}", {"status": "accepted"})
    assert response.status_code == 409
    assert response.json()["errors"] == {
        "status": ["This proposal is declined; it cannot become accepted."]
    }
    expired = ProposalFactory(client=proposal.client, status="expired")
    response = api.patch(f"/proposals/{expired.pk}", {"status": "accepted"})
    assert response.status_code == 409
    assert response.json()["errors"] == {
        "status": ["This proposal is expired; it cannot become accepted."]
    }
    assert Proposal.objects.filter(pk=proposal.pk).values().get() == before
    assert Proposal.objects.get(pk=expired.pk).status == "expired"


def _body(proposal: Proposal, status: str) -> dict:
    assert proposal.valid_until is not None, "the factory always sets it"
    return {
        "client_id": proposal.client_id,
        "title": proposal.title,
        "total_price": str(proposal.total_price),
        "currency": proposal.currency,
        "valid_until": proposal.valid_until.isoformat(),
        "status": status,
    }


@pytest.mark.parametrize("method", ["PATCH", "PUT"])
@pytest.mark.parametrize("pair", PAIRS, ids=pair_id)
def test_the_api_follows_the_table_for_every_pair(api: Api, agency, method, pair):
    start, to = pair
    proposal = ProposalFactory(client=ClientFactory(agency=agency), status=start)
    before = Proposal.objects.filter(pk=proposal.pk).values().get()
    body = {"status": to} if method == "PATCH" else _body(proposal, to)
    response = api.request(method, f"/proposals/{proposal.pk}", body)
    if pair in ALLOWED:
        assert response.status_code == 200, response.json()
        assert response.json()["data"]["status"] == to
        assert Proposal.objects.get(pk=proposal.pk).status == to
    else:
        assert response.status_code == 409
        assert response.json() == {
            "message": f"This proposal is {start}; it cannot become {to}.",
            "errors": {"status": [f"This proposal is {start}; it cannot become {to}."]},
        }
        assert Proposal.objects.filter(pk=proposal.pk).values().get() == before


def test_a_refused_status_also_refuses_the_rest_of_the_body(api: Api, agency):
    proposal = ProposalFactory(client=ClientFactory(agency=agency), status="draft")
    response = api.patch(f"/proposals/{proposal.pk}", {"title": "New", "status": "accepted"})
    assert response.status_code == 409
    assert Proposal.objects.get(pk=proposal.pk).title == proposal.title


def test_the_price_of_an_accepted_proposal_cannot_change(api: Api, agency):
    proposal = ProposalFactory(client=ClientFactory(agency=agency), status="accepted")
    response = api.patch(f"/proposals/{proposal.pk}", {"total_price": "1.00"})
    assert response.status_code == 409
    assert response.json()["errors"] == {
        "total_price": ["This proposal is accepted; its price can no longer change."]
    }
    response = api.put(
        f"/proposals/{proposal.pk}", {**_body(proposal, "accepted"), "currency": "USD"}
    )
    assert response.status_code == 409
    assert list(response.json()["errors"]) == ["currency"]
    assert Proposal.objects.get(pk=proposal.pk).currency == "EUR"


def test_the_timestamps_are_not_writable(api: Api, agency):
    proposal = ProposalFactory(client=ClientFactory(agency=agency), status="draft")
    api.patch(f"/proposals/{proposal.pk}", {"sent_at": "2020-01-01T00:00:00+00:00"})
    assert Proposal.objects.get(pk=proposal.pk).sent_at is None


def test_sending_through_the_api_creates_the_clients_link(api: Api, agency):
    proposal = ProposalFactory(
        client=ClientFactory(agency=agency), status="draft", share_token=None
    )
    assert api.patch(f"/proposals/{proposal.pk}", {"status": "sent"}).status_code == 200
    assert Proposal.objects.get(pk=proposal.pk).share_token


def test_the_schema_says_which_status_changes_are_allowed(anonymous: Api):
    response = anonymous.get(
        "/api/v1/schema", headers={"Accept": "application/vnd.oai.openapi+json"}
    )
    schemas = orjson.loads(response.content)["components"]["schemas"]
    (name,) = [n for n in schemas if n.startswith("ProposalInput") and "Patched" not in n]
    status = schemas[name]["properties"]["status"]
    assert "draft → sent" in status["description"]
    assert "Final (never change again): accepted, declined" in status["description"]
