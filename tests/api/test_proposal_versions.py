"""The proposal resource's versions (read-only), ``current_version`` and ``acceptance``, and
``POST /proposals/{id}/send``; the acceptance itself is the client's, on the link."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import orjson
import pytest
from django.test import Client as HttpClient
from django.utils import timezone

from crm.models import ProposalVersion
from crm.proposals import services
from tests.api.conftest import Api
from tests.api.test_schema import Contract, openapi  # noqa: F401  (the fixture)
from tests.factories import ClientFactory, ItineraryDayFactory, ItineraryFactory, ProposalFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(alice_token) -> Api:
    return Api(alice_token[1])


@pytest.fixture
def proposal(agency):
    client = ClientFactory(agency=agency, name="Eleanor", email="eleanor@example.com")
    itinerary = ItineraryFactory(client=client, start_date=None, end_date=None)
    ItineraryDayFactory(itinerary=itinerary, day_number=1, title="Arrival")
    return ProposalFactory(
        client=client,
        itinerary=itinerary,
        total_price=Decimal("8950.00"),
        valid_until=timezone.localdate() + dt.timedelta(days=5),
    )


def body(response) -> dict:
    return orjson.loads(response.content)


def test_send_emails_freezes_a_version_and_answers_the_proposal(api, proposal, mailoutbox):
    response = api.post(f"/proposals/{proposal.pk}/send", {"message": "Here it is"})
    assert response.status_code == 200, response.content
    data = body(response)["data"]
    assert data["status"] == "sent" and data["current_version"] == 1
    assert data["acceptance"] is None and data["link_revoked_at"] is None
    version = ProposalVersion.objects.get(proposal=proposal)
    assert version.sent_by is not None and version.sent_by.username == "alice"


def test_send_without_a_client_email_is_a_409_and_changes_nothing(api, agency):
    proposal = ProposalFactory(client=ClientFactory(agency=agency, email=""))
    response = api.post(f"/proposals/{proposal.pk}/send", {})
    assert response.status_code == 409
    assert "client_id" in body(response)["errors"]
    assert not ProposalVersion.objects.exists()


def test_versions_list_and_detail_are_read_only(api, proposal):
    services.proposal_send(proposal=proposal)
    services.proposal_update(proposal=proposal, total_price=Decimal("9500.00"))
    services.proposal_send(proposal=proposal)
    listed = api.get(f"/proposals/{proposal.pk}/versions")
    assert listed.status_code == 200, listed.content
    rows = body(listed)["data"]
    assert [row["number"] for row in rows] == [1, 2] and "content" not in rows[0]
    one = body(api.get(f"/proposals/{proposal.pk}/versions/1"))["data"]
    assert one["content"]["total_price"] == "8950.00"
    assert one["content_sha256"] == ProposalVersion.objects.get(number=1).content_sha256
    assert api.get(f"/proposals/{proposal.pk}/versions/3").status_code == 404
    for method in ("post", "patch", "put"):
        answer = getattr(api, method)(f"/proposals/{proposal.pk}/versions/1", {})
        assert answer.status_code == 405
    assert api.delete(f"/proposals/{proposal.pk}/versions/1").status_code == 405
    assert body(api.get(f"/proposals/{proposal.pk}"))["data"]["current_version"] == 2


def test_the_acceptance_is_in_the_proposal_resource(api, proposal):
    services.proposal_send(proposal=proposal)
    HttpClient(HTTP_USER_AGENT="Phone").post(
        f"/p/{proposal.share_token}",
        {"answer": "accept", "full_name": "Eleanor Rigby", "confirm": "on"},
    )
    data = body(api.get(f"/proposals/{proposal.pk}"))["data"]
    acceptance = data["acceptance"]
    assert acceptance["full_name"] == "Eleanor Rigby" and acceptance["version_number"] == 1
    assert acceptance["user_agent"] == "Phone" and acceptance["terms_version"] is None
    assert acceptance["content_sha256"] == ProposalVersion.objects.get().content_sha256
    listed = body(api.get("/proposals"))["data"]
    assert listed[0]["acceptance"]["full_name"] == "Eleanor Rigby"


def test_another_agencys_versions_answer_like_missing_ones(proposal, bob_token):
    services.proposal_send(proposal=proposal)
    bob = Api(bob_token[1])
    for path in ("/versions", "/versions/1"):
        answer = bob.get(f"/proposals/{proposal.pk}{path}")
        missing = bob.get(f"/proposals/987654321{path}")
        assert answer.status_code == missing.status_code == 404
        assert answer.content == missing.content
    answer = bob.post(f"/proposals/{proposal.pk}/send", {})
    missing = bob.post("/proposals/987654321/send", {})
    assert answer.status_code == missing.status_code == 404
    assert answer.content == missing.content


def test_the_new_routes_match_the_schema(openapi, api, proposal):  # noqa: F811
    contract = Contract(openapi)
    checks = [
        (api.post(f"/proposals/{proposal.pk}/send", {}), "/api/v1/proposals/{id}/send", "POST"),
        (api.get(f"/proposals/{proposal.pk}/versions"), "/api/v1/proposals/{id}/versions", "GET"),
        (
            api.get(f"/proposals/{proposal.pk}/versions/1"),
            "/api/v1/proposals/{id}/versions/{n}",
            "GET",
        ),
        (
            api.get(f"/proposals/{proposal.pk}/versions/9"),
            "/api/v1/proposals/{id}/versions/{n}",
            "GET",
        ),
        (api.post(f"/proposals/{proposal.pk}/send", {}), "/api/v1/proposals/{id}/send", "POST"),
    ]
    proposal.refresh_from_db()
    HttpClient().post(
        f"/p/{proposal.share_token}", {"answer": "accept", "full_name": "E R", "confirm": "on"}
    )
    checks.append((api.get(f"/proposals/{proposal.pk}"), "/api/v1/proposals/{id}", "GET"))
    checks.append((api.get("/proposals"), "/api/v1/proposals", "GET"))
    checks.append(
        (api.post(f"/proposals/{proposal.pk}/send", {}), "/api/v1/proposals/{id}/send", "POST")
    )
    for response, template, method in checks:
        contract.check(response, template, method)
    assert {r.status_code for r, _, _ in checks} == {200, 404, 409}
