"""Seed 002's list filters: clients by active, search (alias of q) and corporate; itineraries by
trip dates overlapping a range and by consultant (the client's assigned agent)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factories import ClientFactory, ItineraryFactory


def names(got) -> set[str]:
    assert got.status_code == 200, got.json()
    return {row.get("name") or row.get("title") for row in got.json()["data"]}


@pytest.fixture
def clients(agency, amir):
    ClientFactory(agency=agency, name="Active Person", status="active", company="")
    ClientFactory(agency=agency, name="Lead Company", status="lead", company="Acme Ltd")
    ClientFactory(agency=agency, name="Inactive Person", status="inactive", company="")


def test_active_true_and_false(api, clients):
    assert names(api.get("/clients?active=true")) == {"Active Person"}
    assert names(api.get("/clients?active=false")) == {"Lead Company", "Inactive Person"}


def test_search_is_an_alias_of_q(api, clients):
    assert names(api.get("/clients?search=acme")) == names(api.get("/clients?q=acme"))
    assert names(api.get("/clients?search=acme")) == {"Lead Company"}


def test_corporate_is_clients_with_a_company(api, clients):
    assert names(api.get("/clients?corporate=true")) == {"Lead Company"}
    assert names(api.get("/clients?corporate=false")) == {"Active Person", "Inactive Person"}


@pytest.mark.parametrize("query", ["active=maybe", "corporate=2"])
def test_a_boolean_that_is_not_true_or_false_is_a_422(api, clients, query):
    got = api.get(f"/clients?{query}")
    assert got.status_code == 422
    assert query.split("=")[0] in got.json()["errors"]


def test_the_dashboard_filters_companies_too(as_alice, clients):
    page = as_alice.get("/clients/?corporate=true").content.decode()
    assert "Lead Company" in page and "Active Person" not in page


@pytest.fixture
def trips(agency, amir):
    mine = ClientFactory(agency=agency, assigned_to=amir)
    other = ClientFactory(agency=agency)
    day = dt.date(2026, 7, 1)
    ItineraryFactory(
        agency=agency,
        client=mine,
        title="July week",
        start_date=day,
        end_date=day + dt.timedelta(days=6),
    )
    ItineraryFactory(
        agency=agency,
        client=other,
        title="August",
        start_date=dt.date(2026, 8, 10),
        end_date=dt.date(2026, 8, 20),
    )
    ItineraryFactory(agency=agency, client=other, title="Undated", start_date=None, end_date=None)
    return mine


def test_itineraries_overlapping_a_range(api, trips):
    assert names(api.get("/itineraries?date_from=2026-07-05&date_to=2026-07-06")) == {"July week"}
    assert names(api.get("/itineraries?date_from=2026-07-07")) == {"July week", "August"}
    assert names(api.get("/itineraries?date_to=2026-06-30")) == set()
    assert names(api.get("/itineraries?date_from=2026-08-20&date_to=2026-09-01")) == {"August"}


def test_itineraries_by_consultant(api, trips, amir):
    assert names(api.get(f"/itineraries?consultant_id={amir.pk}")) == {"July week"}


def test_a_bad_date_is_a_422(api, trips):
    got = api.get("/itineraries?date_from=July")
    assert got.status_code == 422 and "date_from" in got.json()["errors"]


def test_the_dashboard_itinerary_list_filters_by_dates(as_alice, trips):
    page = as_alice.get("/itineraries/?date_from=2026-08-01").content.decode()
    assert "August" in page and "July week" not in page
