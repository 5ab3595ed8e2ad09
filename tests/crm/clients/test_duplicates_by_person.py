"""Duplicates by "the same name and birth date": a client has no birth date of its own, so the
lead traveller's (the client themself) is compared, first and last name in any case."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from crm.clients.duplicates import client_matches, duplicate_pairs
from tests.factories import ClientFactory, TravellerFactory

pytestmark = pytest.mark.django_db

BORN = dt.date(1984, 2, 29)


def _person(agency, name: str, first: str, last: str, born=BORN, *, is_lead: bool = True):
    client = ClientFactory(agency=agency, name=name)
    TravellerFactory(
        client=client, first_name=first, last_name=last, date_of_birth=born, is_lead=is_lead
    )
    return client


def test_clients_whose_lead_travellers_share_name_and_birth_date_are_a_pair(agency):
    eleanor = _person(agency, "Eleanor Rigby", "Eleanor", "Rigby")
    again = _person(agency, "E. Rigby (web)", "ELEANOR", "rigby")

    pairs = duplicate_pairs(agency=agency)

    assert [(p.first, p.second, p.matched_on) for p in pairs] == [
        (eleanor, again, ["name_and_birth_date"])
    ]


def test_another_birth_date_another_name_or_a_companion_is_no_pair(agency, other_agency):
    _person(agency, "Eleanor Rigby", "Eleanor", "Rigby")
    _person(agency, "Her namesake", "Eleanor", "Rigby", dt.date(1990, 1, 1))
    _person(agency, "Her sister", "Eleanor", "Rigbey")
    _person(agency, "A household", "Eleanor", "Rigby", is_lead=False)  # travels, not the client
    _person(agency, "Undated", "Eleanor", "Rigby", None)
    _person(other_agency, "Elsewhere", "Eleanor", "Rigby")

    assert duplicate_pairs(agency=agency) == []


def test_an_archived_client_is_not_paired_by_name(agency):
    _person(agency, "Eleanor Rigby", "Eleanor", "Rigby")
    gone = _person(agency, "Old record", "Eleanor", "Rigby")
    gone.archived_at = timezone.now()
    gone.save()

    assert duplicate_pairs(agency=agency) == []


def test_a_pair_sharing_email_and_person_says_both(agency):
    first = _person(agency, "Eleanor", "Eleanor", "Rigby")
    second = _person(agency, "Eleanor R.", "Eleanor", "Rigby")
    second.email = first.email.upper()
    second.save()

    (pair,) = duplicate_pairs(agency=agency)

    assert (pair.first, pair.second) == (first, second)
    assert sorted(pair.matched_on) == ["email", "name_and_birth_date"]
    assert pair.matched_label in {
        "email and name and date of birth",
        "name and date of birth and email",
    }


def test_finding_pairs_by_name_runs_the_same_queries_for_more_clients(
    agency, django_assert_num_queries
):
    _person(agency, "One", "Ada", "Lovelace")
    _person(agency, "Two", "ada", "LOVELACE")
    with django_assert_num_queries(4):
        assert len(duplicate_pairs(agency=agency)) == 1
    for n in range(15):
        _person(agency, f"Twin {n}", f"Twin{n}", "Same", dt.date(2000, 1, 1 + n))
        _person(agency, f"Twin {n} again", f"twin{n}", "same", dt.date(2000, 1, 1 + n))

    with django_assert_num_queries(4):
        assert len(duplicate_pairs(agency=agency)) == 16


def test_client_matches_finds_a_client_by_its_lead_travellers_name_and_birth_date(agency):
    eleanor = _person(agency, "Eleanor Rigby", "Eleanor", "Rigby")
    _person(agency, "Companion", "Eleanor", "Rigby", is_lead=False)

    matches = client_matches(
        agency=agency, first_name=" eleanor ", last_name="RIGBY", date_of_birth=BORN
    )

    assert [(m.client, m.matched_on) for m in matches] == [(eleanor, ["name_and_birth_date"])]
    assert client_matches(agency=agency, first_name="Eleanor", last_name="Rigby") == []


def test_the_duplicates_page_lists_a_pair_by_name_and_birth_date(as_alice, agency):
    eleanor = _person(agency, "Eleanor Rigby", "Eleanor", "Rigby")
    again = _person(agency, "Eleanor again", "Eleanor", "Rigby")

    page = as_alice.get("/clients/duplicates/").content.decode()

    assert f"/clients/{eleanor.pk}/merge/?duplicate={again.pk}" in page
    assert "name and date of birth" in page


def test_the_merge_page_lists_a_namesake_born_the_same_day(as_alice, agency):
    eleanor = _person(agency, "Eleanor Rigby", "Eleanor", "Rigby")
    again = _person(agency, "Eleanor again", "eleanor", "rigby")

    page = as_alice.get(f"/clients/{eleanor.pk}/merge/").content.decode()

    assert f"?duplicate={again.pk}" in page
    assert "same name and date of birth" in page
