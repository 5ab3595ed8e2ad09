"""Options and line items in the proposal resource (writable until answered, frozen in each
version), and the PDFs as application/pdf endpoints."""

from __future__ import annotations

from decimal import Decimal

import pytest

from crm.models import Proposal, ProposalOption
from crm.proposals import services
from tests.api.conftest import Api
from tests.factories import ClientFactory, ItineraryDayFactory, ItineraryFactory
from tests.pdf_support import pdf_text
from tests.proposal_support import frozen

pytestmark = pytest.mark.django_db


OPTIONS = [
    {
        "title": "4-star",
        "description": "Sea-view rooms",
        "lines": [
            {"description": "Hotel, 7 nights", "quantity": 2, "unit_price": "1400.00"},
            {"description": "Cooking class", "unit_price": "95.50", "optional": True},
        ],
    },
    {"title": "5-star", "lines": [{"description": "Le Sirenuse", "unit_price": "6200.00"}]},
]


@pytest.fixture
def proposal_id(api: Api, agency) -> int:
    client = ClientFactory(agency=agency, email="eleanor@example.com")
    response = api.post(
        "/proposals", {"client_id": client.pk, "title": "Amalfi", "options": OPTIONS}
    )
    assert response.status_code == 201, response.json()
    return response.json()["data"]["id"]


def test_a_proposal_is_created_with_its_options_and_priced_by_them(api: Api, proposal_id):
    data = api.get(f"/proposals/{proposal_id}").json()["data"]

    assert data["total_price"] == "2800.00"
    four, five = data["options"]
    assert (four["title"], four["total"], five["total"]) == ("4-star", "2800.00", "6200.00")
    assert four["lines"][0] == {
        "id": four["lines"][0]["id"],
        "description": "Hotel, 7 nights",
        "quantity": 2,
        "unit_price": "1400.00",
        "amount": "2800.00",
        "optional": False,
    }
    assert four["lines"][1]["optional"] is True


def test_patching_options_replaces_them_and_the_answer_shows_them(api: Api, proposal_id):
    response = api.patch(
        f"/proposals/{proposal_id}",
        {"options": [{"title": "Only", "lines": [{"description": "All in", "unit_price": "99"}]}]},
    )

    assert response.status_code == 200
    data = response.json()["data"]
    assert [o["title"] for o in data["options"]] == ["Only"]
    assert data["total_price"] == "99.00"


def test_a_bad_line_is_a_422_naming_it_and_nothing_changes(api: Api, proposal_id):
    response = api.patch(
        f"/proposals/{proposal_id}",
        {"options": [{"title": "X", "lines": [{"description": "Y", "unit_price": "-5"}]}]},
    )

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["options[0].lines[0].unit_price"]
    assert ProposalOption.objects.filter(proposal_id=proposal_id).count() == 2


def test_the_price_of_a_proposal_with_options_cannot_be_typed(api: Api, proposal_id):
    # A 409: the stored price (which a client may send back unchanged) is the state it meets.
    response = api.patch(f"/proposals/{proposal_id}", {"total_price": "10.00"})

    assert response.status_code == 409
    assert "priced by its options" in response.json()["errors"]["total_price"][0]


def test_a_replacement_with_options_sends_back_the_price_it_read_or_meets_a_409(
    api: Api, proposal_id
):
    read = api.get(f"/proposals/{proposal_id}").json()["data"]
    body = {"client_id": read["client_id"], "title": read["title"], "options": OPTIONS}

    typed = api.put(f"/proposals/{proposal_id}", {**body, "total_price": "10.00"})
    same = api.put(f"/proposals/{proposal_id}", {**body, "total_price": read["total_price"]})

    assert typed.status_code == 409, typed.json()
    assert "priced by its options" in typed.json()["errors"]["total_price"][0]
    assert same.status_code == 200, same.json()


def test_options_are_frozen_in_the_version_whatever_is_patched_after_sending(api: Api, proposal_id):
    assert api.post(f"/proposals/{proposal_id}/send", {}).status_code == 200
    api.patch(f"/proposals/{proposal_id}", {"options": []})

    content = api.get(f"/proposals/{proposal_id}/versions/1").json()["data"]["content"]

    assert [o["title"] for o in content["options"]] == ["4-star", "5-star"]
    assert content["options"][0]["lines"][1]["amount"] == "95.50"


def test_the_options_of_an_accepted_proposal_cannot_change(api: Api, proposal_id):
    api.post(f"/proposals/{proposal_id}/send", {})
    proposal = Proposal.objects.get(pk=proposal_id)
    option = frozen(proposal)["options"][1]
    services.proposal_respond(
        proposal=proposal, accept=True, full_name="Eleanor", confirmed=True, option_id=option["id"]
    )

    response = api.patch(f"/proposals/{proposal_id}", {"options": []})

    assert response.status_code == 409
    data = api.get(f"/proposals/{proposal_id}").json()["data"]
    assert data["total_price"] == "6200.00"
    assert data["acceptance"]["choice"]["title"] == "5-star"
    assert data["acceptance"]["total_price"] == "6200.00"


def test_a_version_downloads_as_a_pdf(api: Api, proposal_id):
    api.post(f"/proposals/{proposal_id}/send", {})

    response = api.get(
        f"/proposals/{proposal_id}/versions/1/pdf", headers={"Accept": "application/pdf"}
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "X-RateLimit-Remaining" in response
    text = pdf_text(response.content)
    assert "Option 1: 4-star" in text and "2,800.00" in text
    assert api.get(f"/proposals/{proposal_id}/versions/2/pdf").status_code == 404


def test_the_certificate_is_a_409_until_signed_then_a_pdf(api: Api, proposal_id):
    api.post(f"/proposals/{proposal_id}/send", {})
    response = api.get(f"/proposals/{proposal_id}/certificate")
    assert response.status_code == 409
    assert "not signed" in response.json()["errors"]["acceptance"][0]
    proposal = Proposal.objects.get(pk=proposal_id)
    option = frozen(proposal)["options"][0]
    services.proposal_respond(
        proposal=proposal,
        accept=True,
        full_name="Eleanor Rigby",
        confirmed=True,
        option_id=option["id"],
        extras=[option["lines"][1]["id"]],
    )

    response = api.get(f"/proposals/{proposal_id}/certificate")

    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Eleanor Rigby" in text and "2,895.50" in text


def test_an_itinerary_downloads_as_a_pdf(api: Api, agency):
    trip = ItineraryFactory(client=ClientFactory(agency=agency), title="Azores")
    ItineraryDayFactory(itinerary=trip, day_number=1, title="Whales of Pico")

    response = api.get(f"/itineraries/{trip.pk}/pdf")

    assert response["Content-Type"] == "application/pdf"
    assert "Whales of Pico" in pdf_text(response.content)


def test_another_agencys_pdfs_are_a_404(bob_api: Api, api: Api, agency, proposal_id):
    api.post(f"/proposals/{proposal_id}/send", {})
    trip = ItineraryFactory(client=ClientFactory(agency=agency))

    for path in (
        f"/proposals/{proposal_id}/versions/1/pdf",
        f"/proposals/{proposal_id}/certificate",
        f"/itineraries/{trip.pk}/pdf",
    ):
        response = bob_api.get(path)
        assert response.status_code == 404, path
        assert response.json() == {"message": "Not found."} or "message" in response.json()


def test_money_in_options_is_decimal(proposal_id):
    option = ProposalOption.objects.filter(proposal_id=proposal_id).first()
    assert option.total == Decimal("2800.00")


@pytest.fixture
def long_trip(agency, monkeypatch):
    from crm.proposals import rendering

    monkeypatch.setattr(rendering, "INLINE_MAX_HTML", 1_000)  # every plan counts as long
    monkeypatch.setattr(rendering.jobs, "enqueue", lambda job, **kw: None)  # not run yet
    trip = ItineraryFactory(client=ClientFactory(agency=agency), title="Long haul")
    ItineraryDayFactory(itinerary=trip, day_number=1, title="Tokyo")
    return trip


def test_the_api_answers_202_with_retry_after_while_it_renders(api: Api, long_trip):
    response = api.get(f"/itineraries/{long_trip.pk}/pdf")

    assert response.status_code == 202
    assert response["Retry-After"] == "5"
    assert response.json() == {"data": {"status": "pending"}}


def test_an_itinerary_is_duplicated_through_the_api_with_its_dates_shifted(api: Api, agency):
    import datetime as dt

    trip = ItineraryFactory(
        client=ClientFactory(agency=agency),
        title="Azores",
        start_date=dt.date(2027, 5, 1),
        end_date=dt.date(2027, 5, 2),
    )
    ItineraryDayFactory(itinerary=trip, day_number=2, date=dt.date(2027, 5, 2), title="Pico")
    other = ClientFactory(agency=agency)

    response = api.post(
        f"/itineraries/{trip.pk}/duplicate", {"client_id": other.pk, "start_date": "2027-08-01"}
    )

    assert response.status_code == 201
    data = response.json()["data"]
    assert (data["client_id"], data["start_date"], data["end_date"]) == (
        other.pk,
        "2027-08-01",
        "2027-08-02",
    )
    assert [(d["day_number"], d["date"], d["title"]) for d in data["days"]] == [
        (2, "2027-08-02", "Pico")
    ]


def test_duplicating_for_another_agencys_client_is_a_422(api: Api, agency, other_agency):
    trip = ItineraryFactory(client=ClientFactory(agency=agency))

    response = api.post(
        f"/itineraries/{trip.pk}/duplicate",
        {"client_id": ClientFactory(agency=other_agency).pk},
    )

    assert response.status_code == 422
    assert "client_id" in response.json()["errors"]
