"""Travellers in the dashboard: the card on the client page, the form, the reveal (audited,
owners/admins/assigned agent only), who goes on an itinerary/booking and the passport warning."""

from __future__ import annotations

import datetime as dt

import pytest

from accounts.models import Activity
from crm.models import Traveller
from tests.factories import BookingFactory, ClientFactory, ItineraryFactory, TravellerFactory

pytestmark = pytest.mark.django_db

PASSPORT = "533380006"


@pytest.fixture
def client_row(agency):
    return ClientFactory(agency=agency, name="Eleanor Vance")


def test_the_client_page_lists_travellers_with_masked_numbers(as_alice, client_row):
    TravellerFactory(client=client_row, first_name="Eleanor", passport_number=PASSPORT)
    page = as_alice.get(f"/clients/{client_row.pk}/").content.decode()
    assert "Eleanor" in page and "••••0006" in page and PASSPORT not in page
    assert "Reveal" in page


def test_an_empty_client_page_invites_adding_a_traveller(as_alice, client_row):
    page = as_alice.get(f"/clients/{client_row.pk}/").content.decode()
    assert "No travellers yet" in page


def test_the_form_adds_a_traveller_and_shows_errors_beside_fields(as_alice, client_row):
    url = f"/clients/{client_row.pk}/travellers/new/"
    assert as_alice.get(url).status_code == 200
    bad = as_alice.post(
        url,
        {
            "first_name": "Eleanor",
            "last_name": "Vance",
            "passport_issued_on": "2025-01-01",
            "passport_expires_on": "2024-01-01",
        },
    )
    assert bad.status_code == 200
    assert "The expiry date must be after the issue date." in bad.content.decode()
    assert not Traveller.objects.exists()
    good = as_alice.post(
        url,
        {
            "first_name": "Eleanor",
            "last_name": "Vance",
            "nationality": "GB",
            "passport_number": PASSPORT,
            "passport_expires_on": "2031-01-01",
            "frequent_flyer": "Flying Blue: 1234567890",
            "is_lead": "on",
        },
    )
    assert good.status_code == 302
    traveller = Traveller.objects.get()
    assert traveller.passport_number == PASSPORT and traveller.is_lead
    assert traveller.frequent_flyer == [{"programme": "Flying Blue", "number": "1234567890"}]


def test_the_edit_form_never_holds_the_number_and_keeps_it_when_the_mask_comes_back(
    as_alice, client_row
):
    traveller = TravellerFactory(client=client_row, passport_number=PASSPORT)
    url = f"/clients/{client_row.pk}/travellers/{traveller.pk}/edit/"
    page = as_alice.get(url).content.decode()
    assert PASSPORT not in page and "••••0006" in page
    form = as_alice.get(url).context["form"]
    data = {k: v for k, v in form.initial.items() if v not in (None, False)}
    data["dietary_needs"] = "Vegetarian"
    assert as_alice.post(url, data).status_code == 302
    traveller.refresh_from_db()
    assert traveller.passport_number == PASSPORT and traveller.dietary_needs == "Vegetarian"


def test_the_owner_reveals_and_the_reveal_is_in_the_history(as_alice, client_row, alice):
    traveller = TravellerFactory(client=client_row, passport_number=PASSPORT)
    url = f"/clients/{client_row.pk}/travellers/{traveller.pk}/reveal/"
    assert as_alice.get(url).status_code == 405  # a POST only: no prefetch reveals anything
    shown = as_alice.post(url)
    assert shown.status_code == 200 and PASSPORT in shown.content.decode()
    assert "no-store" in shown["Cache-Control"] or "no-cache" in shown["Cache-Control"]
    event = Activity.objects.get(event="traveller.documents_revealed")
    assert event.actor_id == alice.pk
    history = as_alice.get(f"/clients/{client_row.pk}/").content.decode()
    assert "viewed the document numbers of" in history and PASSPORT not in history


def test_an_unassigned_agent_gets_a_403_and_no_button(as_amir, client_row, amir):
    traveller = TravellerFactory(client=client_row, passport_number=PASSPORT)
    page = as_amir.get(f"/clients/{client_row.pk}/").content.decode()
    assert "Reveal the document numbers" not in page
    url = f"/clients/{client_row.pk}/travellers/{traveller.pk}/reveal/"
    refused = as_amir.post(url)
    assert refused.status_code == 403 and PASSPORT not in refused.content.decode()
    client_row.assigned_to = amir
    client_row.save()
    assert PASSPORT in as_amir.post(url).content.decode()


def test_remove_deletes_the_traveller(as_alice, client_row):
    traveller = TravellerFactory(client=client_row)
    url = f"/clients/{client_row.pk}/travellers/{traveller.pk}/delete/"
    assert as_alice.post(url).status_code == 302
    assert not Traveller.objects.exists()


def test_who_goes_on_an_itinerary_and_the_passport_warning(as_alice, client_row):
    itinerary = ItineraryFactory(client=client_row, end_date=dt.date(2027, 3, 10))
    soon = TravellerFactory(
        client=client_row, first_name="Nell", passport_expires_on=dt.date(2027, 6, 1)
    )
    answer = as_alice.post(f"/itineraries/{itinerary.pk}/travellers/", {"traveller_ids": [soon.pk]})
    assert answer.status_code == 302
    assert list(itinerary.named_travellers.all()) == [soon]
    page = as_alice.get(f"/itineraries/{itinerary.pk}/").content.decode()
    assert "expires on 2027-06-01" in page


def test_who_goes_refuses_another_clients_traveller(as_alice, client_row, agency):
    booking = BookingFactory(client=client_row)
    stranger = TravellerFactory(client=ClientFactory(agency=agency))
    as_alice.post(f"/bookings/{booking.pk}/travellers/", {"traveller_ids": [stranger.pk]})
    assert not booking.named_travellers.exists()
    page = as_alice.get(f"/bookings/{booking.pk}/").content.decode()
    assert "Who is travelling" in page


def test_the_clients_proposal_page_names_the_travellers_but_no_number(client, agency):
    from crm.proposals import services as proposal_services

    owner_client = ClientFactory(agency=agency)
    traveller = TravellerFactory(
        client=owner_client, first_name="Nell", last_name="Vance", passport_number=PASSPORT
    )
    proposal = proposal_services.proposal_create(
        agency=agency, client=owner_client, title="Kyoto", traveller_ids=[traveller.pk]
    )
    proposal_services.proposal_send(proposal=proposal)
    proposal.refresh_from_db()
    page = client.get(f"/p/{proposal.share_token}").content.decode()
    assert "Nell Vance" in page and PASSPORT not in page and "0006" not in page
