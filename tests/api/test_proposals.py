from __future__ import annotations

from crm.models import Proposal
from tests.api.battery import ResourceBattery
from tests.api.conftest import Api
from tests.factories import ClientFactory, ItineraryFactory, ProposalFactory


class TestProposals(ResourceBattery):
    path = "/proposals"
    model = Proposal
    detail_queries = 4  # token, proposal, named travellers, options (lines: one more if any)

    def make(self, agency, **fields):
        return ProposalFactory(client=ClientFactory(agency=agency), **fields)

    def write_body(self, agency):
        client = ClientFactory(agency=agency)
        return {"client_id": client.pk, "title": "Lisbon, 7 nights", "total_price": "1250.00"}


def test_a_proposal_reads_money_as_a_string_and_relations_as_ids(api: Api, agency):
    itinerary = ItineraryFactory(client=ClientFactory(agency=agency))
    proposal = ProposalFactory(client=itinerary.client, itinerary=itinerary, total_price="1250")
    data = api.get(f"/proposals/{proposal.pk}").json()["data"]
    assert data["total_price"] == "1250.00"
    assert data["currency"] == "EUR"
    assert data["client_id"] == itinerary.client_id
    assert data["itinerary_id"] == itinerary.pk
    assert data["valid_until"] == "2027-01-31"
    assert data["sent_at"] is None


def test_a_proposal_for_an_itinerary_takes_the_itinerarys_client(api: Api, agency):
    itinerary = ItineraryFactory(client=ClientFactory(agency=agency))
    response = api.post(
        "/proposals", {"itinerary_id": itinerary.pk, "title": "From the plan", "total_price": "99"}
    )
    assert response.status_code == 201, response.json()
    data = response.json()["data"]
    assert (data["client_id"], data["total_price"], data["status"]) == (
        itinerary.client_id,
        "99.00",
        "draft",
    )


def test_marking_a_proposal_sent_stamps_the_time(api: Api, agency):
    proposal = ProposalFactory(client=ClientFactory(agency=agency))
    data = api.patch(f"/proposals/{proposal.pk}", {"status": "sent"}).json()["data"]
    assert data["status"] == "sent"
    assert data["sent_at"] is not None


def test_a_proposal_cannot_use_another_agencys_itinerary(api: Api, agency, other_agency):
    client = ClientFactory(agency=agency)
    foreign = ItineraryFactory(client=ClientFactory(agency=other_agency))
    response = api.post(
        "/proposals", {"client_id": client.pk, "itinerary_id": foreign.pk, "title": "x"}
    )
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["itinerary_id"]
    assert not Proposal.objects.exists()


def test_a_price_with_too_many_decimals_or_below_zero_is_422(api: Api, agency):
    client = ClientFactory(agency=agency)
    for price in ("10.005", "-1", "lots"):
        response = api.post(
            "/proposals", {"client_id": client.pk, "title": "x", "total_price": price}
        )
        assert response.status_code == 422, price
        assert list(response.json()["errors"]) == ["total_price"]


def test_a_currency_that_is_not_iso_4217_is_422(api: Api, agency):
    client = ClientFactory(agency=agency)
    response = api.post("/proposals", {"client_id": client.pk, "title": "x", "currency": "E1R"})
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["currency"]


def test_proposals_filter_by_status_and_client(api: Api, agency):
    client = ClientFactory(agency=agency)
    sent = ProposalFactory(client=client, status="sent")
    ProposalFactory(client=ClientFactory(agency=agency), status="draft")
    assert [r["id"] for r in api.get("/proposals?status=sent").json()["data"]] == [sent.pk]
    assert [r["id"] for r in api.get(f"/proposals?client_id={client.pk}").json()["data"]] == [
        sent.pk
    ]
    assert api.get("/proposals?status=maybe").status_code == 422
