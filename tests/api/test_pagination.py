from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from api import pagination
from crm.models import Client
from tests.api.conftest import Api
from tests.factories import ClientFactory


@pytest.fixture
def thirty(agency):
    return [ClientFactory(agency=agency, name=f"Client {n:02d}") for n in range(30)]


def test_a_list_serves_25_rows_by_default(api: Api, thirty):
    body = api.get("/clients").json()
    assert len(body["data"]) == 25
    assert body["meta"] == {"current_page": 1, "last_page": 2, "per_page": 25, "total": 30}


def test_pages_are_1_based_and_do_not_overlap(api: Api, thirty):
    first = api.get("/clients?per_page=20&page=1").json()
    second = api.get("/clients?per_page=20&page=2").json()
    assert second["meta"] == {"current_page": 2, "last_page": 2, "per_page": 20, "total": 30}
    ids = [row["id"] for row in first["data"]] + [row["id"] for row in second["data"]]
    assert sorted(ids) == sorted(c.pk for c in thirty)


def test_the_newest_client_comes_first(api: Api, thirty):
    assert api.get("/clients?per_page=1").json()["data"][0]["id"] == thirty[-1].pk


def test_per_page_above_100_is_served_as_100(api: Api, agency):
    ClientFactory.create_batch(101, agency=agency)
    body = api.get("/clients?per_page=500").json()
    assert len(body["data"]) == 100
    assert body["meta"] == {"current_page": 1, "last_page": 2, "per_page": 100, "total": 101}


def test_a_page_past_the_end_is_200_with_empty_data_and_a_true_meta(api: Api, thirty):
    response = api.get("/clients?page=9&per_page=10")
    assert response.status_code == 200
    assert response.json() == {
        "data": [],
        "meta": {"current_page": 9, "last_page": 3, "per_page": 10, "total": 30},
    }


def test_an_enormous_page_number_is_just_past_the_end(api: Api, thirty):
    response = api.get("/clients?page=99999999999999999999999")
    assert response.status_code == 200
    assert response.json()["data"] == []


def test_an_empty_list_has_one_empty_page(api: Api):
    assert api.get("/clients").json() == {
        "data": [],
        "meta": {"current_page": 1, "last_page": 1, "per_page": 25, "total": 0},
    }


@pytest.mark.parametrize("name", ["page", "per_page"])
@pytest.mark.parametrize("value", ["0", "-1", "abc", "1.5", "", "+2", " 3", "²"])
def test_a_page_or_per_page_that_is_not_a_positive_integer_is_422(api: Api, name, value):
    response = api.client.get(
        "/api/v1/clients", {name: value}, headers={"Authorization": f"Bearer {api.token}"}
    )
    assert response.status_code == 422
    assert response.json() == {
        "message": "Validation failed.",
        "errors": {name: ["Must be a positive integer."]},
    }


def test_both_bad_values_are_reported_at_once(api: Api):
    response = api.get("/clients?page=0&per_page=x")
    assert set(response.json()["errors"]) == {"page", "per_page"}


@pytest.mark.parametrize("path", ["/itineraries", "/proposals", "/bookings"])
def test_every_list_paginates_the_same_way(api: Api, path):
    assert api.get(f"{path}?page=0").status_code == 422
    assert api.get(f"{path}?page=3").json()["meta"] == {
        "current_page": 3,
        "last_page": 1,
        "per_page": 25,
        "total": 0,
    }


def _page_sql(api: Api, path: str) -> tuple[list[int], str]:
    with CaptureQueriesContext(connection) as queries:
        response = api.get(path)
    assert response.status_code == 200
    pages = [q["sql"] for q in queries.captured_queries if '"crm_client"."name"' in q["sql"]]
    return [row["id"] for row in response.json()["data"]], pages[-1] if pages else ""


@pytest.fixture
def mixed(agency):
    """Six clients, three created at the same moment (so the id decides), three named Smith."""
    moment = timezone.now() - dt.timedelta(days=900)
    made = []
    for i, name in enumerate(["Ann Smith", "Bo Berg", "Cy Smith", "Di Dahl", "Ed Smith", "Flo"]):
        client = ClientFactory(agency=agency, name=name, status="lead", company="", email="")
        Client.objects.filter(pk=client.pk).update(
            created_at=moment + dt.timedelta(days=i if i not in (2, 3) else 0)
        )
        made.append(client.pk)
    return made


def test_a_search_with_few_matches_is_sorted_from_its_matches(api: Api, mixed):
    ids, sql = _page_sql(api, "/clients?q=smith")
    ann, _bo, cy, _di, ed, _flo = mixed
    assert ids == [ed, cy, ann]  # newest first, as every list; Cy and Ann tie: higher id first
    # Sorted by an expression no index provides, so the planner reads the few matches
    # instead of walking the whole agency in created order to find them.
    assert 'COALESCE("crm_client"."created_at", "crm_client"."created_at") DESC' in sql


def test_the_sorted_page_keeps_the_order_of_every_list_ties_included(api: Api, mixed):
    ids, sql = _page_sql(api, "/clients?status=lead&per_page=100")
    plain, plain_sql = _page_sql(api, "/clients?per_page=100")
    assert "COALESCE" in sql and "COALESCE" not in plain_sql
    assert ids == [pk for pk in plain if pk in ids] and len(ids) == 6
    by_name, _ = _page_sql(api, "/clients?sort=name")
    assert by_name == sorted(mixed, key=lambda pk: Client.objects.get(pk=pk).name)


def test_an_unfiltered_list_or_many_matches_keep_the_indexed_order(api: Api, mixed, monkeypatch):
    _ids, sql = _page_sql(api, "/clients")
    assert "COALESCE" not in sql
    monkeypatch.setattr(pagination, "SMALL_TOTAL", 2)
    _ids, sql = _page_sql(api, "/clients?q=smith")
    assert "COALESCE" not in sql
