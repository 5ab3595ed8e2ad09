"""``/clients/{id}/travellers``: CRUD in the envelope, 422s, masked document numbers, the audited
``/documents`` reveal (owners, admins, the assigned agent), and ``traveller_ids`` on
itineraries, proposals and bookings with the passport warning."""

from __future__ import annotations

import datetime as dt
import json
import logging

import pytest

from accounts.models import Activity
from crm.models import Client, Traveller
from tests.api.conftest import Api
from tests.factories import (
    BookingFactory,
    ClientFactory,
    ItineraryFactory,
    ProposalFactory,
    TravellerFactory,
)

pytestmark = pytest.mark.django_db

PASSPORT = "533380006"
KTN = "TT12345678"


@pytest.fixture
def client_row(agency) -> Client:
    return ClientFactory(agency=agency, name="Eleanor Vance")


def _create(api: Api, client: Client, **extra):
    body = {
        "first_name": "Eleanor",
        "last_name": "Vance",
        "date_of_birth": "1984-02-29",
        "gender": "F",
        "nationality": "GB",
        "passport_number": PASSPORT,
        "passport_country": "United Kingdom",
        "passport_issued_on": "2021-03-01",
        "passport_expires_on": "2031-03-01",
        "known_traveller_number": KTN,
        "frequent_flyer": [{"programme": "BA Executive Club", "number": "12345678"}],
        "emergency_contact": {"name": "Theo Vance", "phone": "+44 7700 900123", "relation": "Son"},
        "is_lead": True,
        **extra,
    }
    return api.post(f"/clients/{client.pk}/travellers", body)


def test_a_traveller_is_created_with_its_numbers_masked_in_the_answer(api: Api, client_row):
    made = _create(api, client_row)
    assert made.status_code == 201, made.json()
    data = made.json()["data"]
    assert data["passport_number"] == "••••0006"
    assert data["known_traveller_number"] == "••••5678"
    assert data["redress_number"] == ""
    assert data["passport_country"] == "GB" and data["nationality"] == "GB"
    assert data["emergency_contact"] == {
        "name": "Theo Vance",
        "phone": "+44 7700 900123",
        "relation": "Son",
    }
    assert data["frequent_flyer"] == [{"programme": "BA Executive Club", "number": "12345678"}]
    assert PASSPORT not in made.content.decode() and KTN not in made.content.decode()
    traveller = Traveller.objects.get()
    assert traveller.passport_number == PASSPORT and traveller.is_lead


def test_lists_and_details_are_masked_and_paginated(api: Api, client_row):
    TravellerFactory(client=client_row, passport_number="AB1234567", first_name="Zed")
    TravellerFactory(client=client_row, passport_number="CD7654321", first_name="Amy")
    listed = api.get(f"/clients/{client_row.pk}/travellers?per_page=1")
    assert listed.status_code == 200
    body = listed.json()
    assert body["meta"]["total"] == 2 and len(body["data"]) == 1
    everything = api.get(f"/clients/{client_row.pk}/travellers").content.decode()
    assert "AB1234567" not in everything and "CD7654321" not in everything
    assert "••••4567" in everything


def test_bad_input_is_a_422_with_field_errors_and_changes_nothing(api: Api, client_row):
    future = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    answer = _create(
        api,
        client_row,
        date_of_birth=future,
        passport_issued_on="2025-01-01",
        passport_expires_on="2024-01-01",
    )
    assert answer.status_code == 422
    errors = answer.json()["errors"]
    assert "date_of_birth" in errors and "passport_expires_on" in errors
    assert _create(api, client_row, nationality="Atlantis").json()["errors"] == {
        "nationality": ["'Atlantis' is not a country: give its ISO 3166-1 code or name."]
    }
    assert _create(api, client_row, gender="Q").status_code == 422
    assert _create(api, client_row, first_name="").status_code == 422
    assert not Traveller.objects.exists()


def test_sending_the_masked_number_back_keeps_it(api: Api, client_row):
    traveller = TravellerFactory(client=client_row, passport_number=PASSPORT)
    url = f"/clients/{client_row.pk}/travellers/{traveller.pk}"
    shown = api.get(url).json()["data"]
    assert api.patch(url, {"passport_number": shown["passport_number"]}).status_code == 200
    traveller.refresh_from_db()
    assert traveller.passport_number == PASSPORT
    refused = api.patch(url, {"passport_number": "••••9999"})
    assert refused.status_code == 409 and "passport_number" in refused.json()["errors"]
    assert api.patch(url, {"passport_number": None}).status_code == 200
    traveller.refresh_from_db()
    assert traveller.passport_number == ""


def test_one_lead_per_client(api: Api, client_row):
    first = TravellerFactory(client=client_row, is_lead=True)
    _create(api, client_row, is_lead=True)
    first.refresh_from_db()
    assert not first.is_lead
    assert Traveller.objects.filter(client=client_row, is_lead=True).count() == 1


def test_delete_removes_the_traveller(api: Api, client_row):
    traveller = TravellerFactory(client=client_row)
    url = f"/clients/{client_row.pk}/travellers/{traveller.pk}"
    assert api.delete(url).status_code == 204
    assert api.get(url).status_code == 404


def test_another_clients_traveller_is_a_404(api: Api, client_row, agency):
    other = TravellerFactory(client=ClientFactory(agency=agency))
    assert api.get(f"/clients/{client_row.pk}/travellers/{other.pk}").status_code == 404
    assert api.get(f"/clients/{client_row.pk}/travellers/{other.pk}/documents").status_code == 404


def test_another_agencys_traveller_is_a_404_like_a_missing_one(bob_api: Api, client_row):
    traveller = TravellerFactory(client=client_row)
    base = f"/clients/{client_row.pk}/travellers"
    for path in (base, f"{base}/{traveller.pk}", f"{base}/{traveller.pk}/documents"):
        answer = bob_api.get(path)
        assert answer.status_code == 404 and answer.json() == {"message": "Not found."}


def test_the_owner_reveals_the_numbers_and_the_reveal_is_audited(api: Api, client_row, alice):
    traveller = TravellerFactory(client=client_row, passport_number=PASSPORT, redress_number="R1")
    url = f"/clients/{client_row.pk}/travellers/{traveller.pk}/documents"
    answer = api.get(url)
    assert answer.status_code == 200
    assert answer["Cache-Control"] == "no-store"
    assert answer.json()["data"] == {
        "passport_number": PASSPORT,
        "known_traveller_number": "",
        "redress_number": "R1",
    }
    event = Activity.objects.get(event="traveller.documents_revealed")
    assert event.actor_id == alice.pk and event.client_id == client_row.pk
    assert event.data["fields"] == ["passport_number", "known_traveller_number", "redress_number"]
    assert PASSPORT not in json.dumps(event.data) + json.dumps(event.changes)
    only = api.get(f"{url}?fields=passport_number").json()["data"]
    assert only == {"passport_number": PASSPORT}
    assert api.get(f"{url}?fields=notes").status_code == 422


def test_an_unassigned_agent_cannot_reveal_but_the_assigned_one_can(
    agent_api: Api, client_row, amir
):
    traveller = TravellerFactory(client=client_row, passport_number=PASSPORT)
    url = f"/clients/{client_row.pk}/travellers/{traveller.pk}/documents"
    refused = agent_api.get(url)
    assert refused.status_code == 403 and PASSPORT not in refused.content.decode()
    assert not Activity.objects.filter(event="traveller.documents_revealed").exists()
    client_row.assigned_to = amir
    client_row.save()
    assert agent_api.get(url).json()["data"]["passport_number"] == PASSPORT


def test_the_history_holds_neither_the_number_nor_its_ciphertext(api: Api, client_row):
    made = _create(api, client_row).json()["data"]
    api.patch(f"/clients/{client_row.pk}/travellers/{made['id']}", {"passport_number": "NEW99887"})
    rows = Activity.objects.filter(object_type="traveller")
    dumped = json.dumps([[r.data, r.changes] for r in rows])
    assert PASSPORT not in dumped and "NEW99887" not in dumped and "gAAAAA" not in dumped
    updated = rows.get(event="traveller.updated")
    assert updated.changes["passport_number"] == ["••••0006", "••••9887"]
    history = api.get(f"/clients/{client_row.pk}/activity").content.decode()
    assert PASSPORT not in history and "NEW99887" not in history


def test_no_document_number_reaches_the_logs(api: Api, client_row, caplog):
    with caplog.at_level(logging.DEBUG):
        made = _create(api, client_row).json()["data"]
        api.get(f"/clients/{client_row.pk}/travellers/{made['id']}/documents")
    assert PASSPORT not in caplog.text and KTN not in caplog.text


# Who goes ------------------------------------------------------------------------------------


def test_an_itinerary_names_its_travellers_and_warns_of_a_passport_expiring(api: Api, client_row):
    ok = TravellerFactory(client=client_row, passport_expires_on=dt.date(2035, 1, 1))
    soon = TravellerFactory(
        client=client_row,
        first_name="Nell",
        last_name="Vance",
        passport_expires_on=dt.date(2027, 5, 1),
    )
    made = api.post(
        "/itineraries",
        {
            "client_id": client_row.pk,
            "title": "Kyoto",
            "start_date": "2027-03-01",
            "end_date": "2027-03-10",
            "traveller_ids": [ok.pk, soon.pk],
        },
    )
    assert made.status_code == 201, made.json()
    data = made.json()["data"]
    assert sorted(data["traveller_ids"]) == sorted([ok.pk, soon.pk])
    assert [w["traveller_id"] for w in data["passport_warnings"]] == [soon.pk]
    assert "2027-05-01" in data["passport_warnings"][0]["message"]
    assert Activity.objects.filter(event="itinerary.travellers_set").exists()


def test_a_traveller_of_another_client_is_a_422(api: Api, client_row, agency, other_agency):
    mine = ItineraryFactory(client=client_row)
    stranger = TravellerFactory(client=ClientFactory(agency=agency))
    foreign = TravellerFactory(client=ClientFactory(agency=other_agency))
    for traveller in (stranger, foreign):
        answer = api.patch(f"/itineraries/{mine.pk}", {"traveller_ids": [traveller.pk]})
        assert answer.status_code == 422
        assert answer.json()["errors"] == {
            "traveller_ids": [f"Not a traveller of this client: {traveller.pk}."]
        }
    assert not mine.named_travellers.exists()


def test_proposals_and_bookings_take_traveller_ids(api: Api, client_row):
    traveller = TravellerFactory(client=client_row, passport_expires_on=dt.date(2027, 6, 1))
    proposal = ProposalFactory(client=client_row)
    answer = api.patch(f"/proposals/{proposal.pk}", {"traveller_ids": [traveller.pk]})
    assert answer.status_code == 200 and answer.json()["data"]["traveller_ids"] == [traveller.pk]
    booking = BookingFactory(
        client=client_row, start_date=dt.date(2027, 3, 1), end_date=dt.date(2027, 3, 10)
    )
    answer = api.patch(f"/bookings/{booking.pk}", {"traveller_ids": [traveller.pk]})
    data = answer.json()["data"]
    assert data["traveller_ids"] == [traveller.pk]
    assert data["passport_warnings"][0]["passport_expires_on"] == "2027-06-01"
    assert (
        api.patch(f"/bookings/{booking.pk}", {"traveller_ids": []}).json()["data"]["traveller_ids"]
        == []
    )
