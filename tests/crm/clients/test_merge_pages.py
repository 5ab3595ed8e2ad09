"""The duplicates page and the merge page in the dashboard."""

from __future__ import annotations

import pytest

from crm.clients.duplicates import duplicate_pairs
from crm.models import Client
from tests.factories import BookingFactory, ClientFactory

pytestmark = pytest.mark.django_db


def test_pairs_are_found_by_email_in_any_case_and_by_phone(agency, other_agency):
    agency.timezone = "Europe/London"
    agency.save()
    ada = ClientFactory(agency=agency, name="Ada", email="ada@example.com", phone="")
    ada2 = ClientFactory(agency=agency, name="Ada 2", email="ADA@example.com", phone="")
    noor = ClientFactory(agency=agency, name="Noor", email="", phone="+44 7700 900123")
    noor2 = ClientFactory(agency=agency, name="Noor 2", email="n@example.com", phone="07700900123")
    ClientFactory(agency=agency, email="alone@example.com", phone="")
    ClientFactory(agency=other_agency, email="ada@example.com", phone="")

    pairs = duplicate_pairs(agency=agency)

    assert [(p.first, p.second, p.matched_on) for p in pairs] == [
        (ada, ada2, ["email"]),
        (noor, noor2, ["phone"]),
    ]


def test_the_duplicates_page_links_each_pair_to_its_merge(as_alice, agency):
    ada = ClientFactory(agency=agency, name="Ada", email="ada@example.com")
    ada2 = ClientFactory(agency=agency, name="Ada 2", email="Ada@example.com")

    page = as_alice.get("/clients/duplicates/").content.decode()

    assert f"/clients/{ada.pk}/merge/?duplicate={ada2.pk}" in page


def test_the_merge_page_shows_what_moves_and_a_post_merges(as_alice, agency):
    ada = ClientFactory(agency=agency, name="Ada", email="ada@example.com")
    ada2 = ClientFactory(agency=agency, name="Ada 2", email="Ada@example.com")
    booking = BookingFactory(client=ada2)

    page = as_alice.get(f"/clients/{ada.pk}/merge/", {"duplicate": ada2.pk}).content.decode()
    assert "What moves to Ada" in page and "bookings" in page

    response = as_alice.post(f"/clients/{ada.pk}/merge/", {"duplicate": ada2.pk})

    assert response.status_code == 302
    assert response["Location"] == f"/clients/{ada.pk}/"
    booking.refresh_from_db()
    assert booking.client_id == ada.pk
    assert not Client.objects.filter(pk=ada2.pk).exists()
    history = as_alice.get(f"/clients/{ada.pk}/").content.decode()
    assert "merged the client Ada 2 into Ada" in history


def test_another_agencys_client_cannot_be_merged_in(as_alice, agency, other_agency):
    ada = ClientFactory(agency=agency)
    theirs = ClientFactory(agency=other_agency)

    assert as_alice.post(f"/clients/{ada.pk}/merge/", {"duplicate": theirs.pk}).status_code == 404
    assert as_alice.get(f"/clients/{theirs.pk}/merge/").status_code == 404
    assert Client.objects.filter(pk=theirs.pk).exists()


def test_a_merge_into_itself_or_a_bad_number_is_refused(as_alice, agency):
    ada = ClientFactory(agency=agency)

    assert as_alice.post(f"/clients/{ada.pk}/merge/", {"duplicate": ada.pk}).status_code == 422
    assert as_alice.post(f"/clients/{ada.pk}/merge/", {"duplicate": "x1"}).status_code == 422
    assert Client.objects.filter(pk=ada.pk).exists()


def test_the_merge_page_without_a_duplicate_lists_likely_ones(as_alice, agency):
    ada = ClientFactory(agency=agency, email="ada@example.com")
    ada2 = ClientFactory(agency=agency, name="Ada Two", email="ADA@example.com")

    page = as_alice.get(f"/clients/{ada.pk}/merge/").content.decode()

    assert f"?duplicate={ada2.pk}" in page
