from __future__ import annotations

import datetime as dt

import pytest

from crm.clients.filters import ClientFilter
from crm.models import Client
from tests.api.conftest import Api
from tests.factories import ClientFactory


@pytest.fixture
def cast(agency, amir):
    aisha = ClientFactory(
        agency=agency,
        name="Aisha Khan",
        email="aisha@example.com",
        status="active",
        tags=["honeymoon"],
        assigned_to=amir,
    )
    bruno = ClientFactory(
        agency=agency,
        name="Bruno Díaz",
        email="bruno@example.com",
        status="lead",
        tags=["family", "ski"],
        company="Khanage Ltd",
    )
    chen = ClientFactory(
        agency=agency, name="Chen Wei", email="chen@example.com", status="inactive"
    )
    Client.objects.filter(pk=aisha.pk).update(
        created_at=dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.UTC)
    )
    Client.objects.filter(pk=bruno.pk).update(
        created_at=dt.datetime(2026, 3, 5, 9, 0, tzinfo=dt.UTC)
    )
    Client.objects.filter(pk=chen.pk).update(
        created_at=dt.datetime(2026, 6, 5, 9, 0, tzinfo=dt.UTC)
    )
    return {"aisha": aisha.pk, "bruno": bruno.pk, "chen": chen.pk}


def names(api: Api, query: str, cast) -> list[str]:
    response = api.get(f"/clients?{query}")
    assert response.status_code == 200, response.json()
    by_id = {pk: name for name, pk in cast.items()}
    return [by_id[row["id"]] for row in response.json()["data"]]


def test_q_searches_name_email_phone_and_company_case_insensitively(api: Api, cast):
    assert names(api, "q=khan", cast) == ["bruno", "aisha"]  # Bruno works at Khanage Ltd
    assert names(api, "q=CHEN%40example", cast) == ["chen"]
    assert names(api, "q=d%C3%ADaz", cast) == ["bruno"]


def test_status_filters_exactly(api: Api, cast):
    assert names(api, "status=lead", cast) == ["bruno"]


def test_tag_finds_clients_carrying_that_tag(api: Api, cast):
    assert names(api, "tag=ski", cast) == ["bruno"]
    assert names(api, "tag=sk", cast) == []


def test_assigned_to_filters_by_agent(api: Api, cast, amir):
    assert names(api, f"assigned_to={amir.pk}", cast) == ["aisha"]


def test_created_after_and_before_take_dates_or_timestamps(api: Api, cast):
    assert names(api, "created_after=2026-03-05", cast) == ["chen", "bruno"]
    assert names(api, "created_before=2026-03-05", cast) == ["bruno", "aisha"]
    assert names(api, "created_after=2026-03-05T10:00:00%2B00:00", cast) == ["chen"]


def test_sort_orders_by_a_named_field_either_way(api: Api, cast):
    assert names(api, "sort=name", cast) == ["aisha", "bruno", "chen"]
    assert names(api, "sort=-name", cast) == ["chen", "bruno", "aisha"]
    assert names(api, "sort=created_at", cast) == ["aisha", "bruno", "chen"]


def test_filters_combine(api: Api, cast):
    assert names(api, "q=example&status=active", cast) == ["aisha"]


@pytest.mark.parametrize(
    "query",
    ["status=vip", "sort=password", "created_after=yesterday", "assigned_to=me", "q=" + "x" * 201],
)
def test_an_invalid_filter_value_is_422_naming_the_filter(api: Api, cast, query):
    response = api.get(f"/clients?{query}")
    assert response.status_code == 422
    assert list(response.json()["errors"]) == [query.split("=")[0]]


def test_the_filtered_list_still_runs_three_queries(api: Api, cast, django_assert_num_queries):
    with django_assert_num_queries(3):
        api.get("/clients?q=example&status=active&tag=honeymoon&sort=-name")


def test_the_me_counts_are_the_agencys_records_only(api: Api, cast, other_agency):
    ClientFactory(agency=other_agency)
    counts = api.get("/me").json()["data"]["counts"]
    assert counts == {"clients": 3, "itineraries": 0, "proposals": 0, "bookings": 0}


def test_an_unfiltered_page_does_not_build_a_filterset(api: Api, cast, monkeypatch, settings):
    # Building a FilterSet and its form costs milliseconds; a plain page does not need one.
    # (The view's own path: api.fast_list builds none for any plain read.)
    settings.API_FAST_LISTS = False

    def refuse(*args, **kwargs):
        raise AssertionError("FilterSet built for an unfiltered list")

    monkeypatch.setattr(ClientFilter, "__init__", refuse)
    assert api.get("/clients?page=1&per_page=2").status_code == 200
    assert api.get("/clients?status=lead").status_code == 500  # a filter does need one
