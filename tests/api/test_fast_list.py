"""The client list's fast path (api/fast_list.py): a plain read answers what the view answers,
status, headers and bytes, sends the view's SQL, and counts the request once; every other
request is the view's."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test import Client as DjangoClient
from django.test.utils import CaptureQueriesContext

from accounts.models import Agency
from api import pagination
from api.v1.clients import ClientViewSet
from tests.api.conftest import warm
from tests.factories import ClientFactory, make_token

# Headers that differ between any two requests.
VOLATILE = {"X-Request-Id", "X-RateLimit-Remaining", "X-RateLimit-Reset"}

PLAIN = (
    "",
    "status=lead",
    "status=inactive",
    "q=ana",
    "q=%20ana%20",
    "q=ANA",
    "q=%25",
    "q=_",
    "q=%5C",
    "q=%C3%AFs",
    "q=example.com",
    "status=active&q=a",
    "per_page=2",
    "per_page=2&page=2",
    "per_page=2&page=3&status=lead",
    "page=99",
    "page=0001&per_page=1000",
    "per_page=99999999999999999999999",
)
# Each goes to the view, whatever it answers.
NOT_PLAIN = (
    "q=",
    "q=%20",
    "status=",
    "status=bogus",
    "page=0",
    "page=-1",
    "page=x",
    "per_page=",
    "search=ana",
    "kind=person",
    "format=csv",
    "debug=1",
    "status=lead&status=active",
    "q=" + "a" * 201,
    "sort=name",
    "token=abc",
)


@pytest.fixture
def clients(agency, other_agency, alice, amir):
    names = ["Ana Lima", "Anaïs Rousseau", "Bruno Díaz", "Chloé Martin", "50% Off_Travel \\ Co"]
    for i, name in enumerate(names):
        ClientFactory(
            agency=agency,
            name=name,
            status=("lead", "active", "inactive")[i % 3],
            email=f"c{i}@example.com",
            tags=["vip", "ski"] if i % 2 else [],
            assigned_to=amir if i % 2 else alice,
            created_at=dt.datetime(2026, 1, 1 + i, tzinfo=dt.UTC),
        )
    ClientFactory(agency=other_agency, name="Ana Other")


def _client(user) -> DjangoClient:
    issued = make_token(user)
    warm(issued.token)
    return DjangoClient(
        headers={"Authorization": f"Bearer {issued.plaintext}", "Accept": "application/json"}
    )


def _answer(settings, client, path, *, fast, **headers):
    settings.API_FAST_LISTS = fast
    response = client.get(path, headers=headers)
    kept = {name: value for name, value in response.items() if name not in VOLATILE}
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response.status_code, kept, body


@pytest.fixture
def views_spy(monkeypatch):
    """How many times DRF's view ran (its ``initial``)."""
    calls = []
    original = ClientViewSet.initial

    def initial(self, request, *args, **kwargs):
        calls.append(request.get_full_path())
        return original(self, request, *args, **kwargs)

    monkeypatch.setattr(ClientViewSet, "initial", initial)
    return calls


@pytest.mark.django_db
@pytest.mark.parametrize("query", PLAIN)
def test_a_plain_read_answers_the_views_status_headers_and_bytes(
    settings, clients, alice, views_spy, query
):
    client = _client(alice)
    fast = _answer(settings, client, f"/api/v1/clients?{query}", fast=True)
    assert views_spy == []  # answered without the view
    view = _answer(settings, client, f"/api/v1/clients?{query}", fast=False)
    assert len(views_spy) == 1
    assert fast == view
    assert fast[0] == 200


@pytest.mark.django_db
@pytest.mark.parametrize("query", NOT_PLAIN)
def test_any_other_read_is_the_views(settings, clients, alice, views_spy, query):
    client = _client(alice)
    fast = _answer(settings, client, f"/api/v1/clients?{query}", fast=True)
    assert len(views_spy) == 1
    view = _answer(settings, client, f"/api/v1/clients?{query}", fast=False)
    if "debug" not in query:  # debug timings differ from one request to the next
        assert fast == view


@pytest.mark.django_db
@pytest.mark.parametrize(
    "headers",
    [{"Accept": "text/csv"}, {"Accept": "application/json; indent=4"}, {"X-Debug": "1"}],
)
def test_a_read_asking_for_more_than_json_is_the_views(
    settings, clients, alice, views_spy, headers
):
    client = _client(alice)
    fast = _answer(settings, client, "/api/v1/clients", fast=True, **headers)
    assert len(views_spy) == 1
    view = _answer(settings, client, "/api/v1/clients", fast=False, **headers)
    if "X-Debug" not in headers:  # debug timings differ from one request to the next
        assert fast == view


@pytest.mark.django_db
def test_bad_tokens_and_a_disabled_api_are_the_views(settings, clients, alice, views_spy):
    for headers in (
        {"Authorization": "Bearer itn_000000000000.nope"},
        {"Authorization": "Basic abc"},
        {},
    ):
        client = DjangoClient(headers=headers)
        assert _answer(settings, client, "/api/v1/clients", fast=True) == _answer(
            settings, client, "/api/v1/clients", fast=False
        )
    client = _client(alice)
    Agency.objects.filter(pk=alice.agency_id).update(api_enabled=False)
    views_spy.clear()
    fast = _answer(settings, client, "/api/v1/clients", fast=True)
    assert fast[0] == 403 and len(views_spy) == 1


@pytest.mark.django_db
def test_an_agent_limited_to_their_own_clients_reads_them_alone(
    settings, clients, agency, amir, views_spy
):
    Agency.objects.filter(pk=agency.pk).update(agents_see_own_clients=True)
    client = _client(amir)
    for query in ("", "q=a", "status=active"):
        fast = _answer(settings, client, f"/api/v1/clients?{query}", fast=True)
        assert fast == _answer(settings, client, f"/api/v1/clients?{query}", fast=False)
    assert len(views_spy) == 3  # the view only for the comparisons
    settings.API_FAST_LISTS = True
    names = [row["name"] for row in client.get("/api/v1/clients").json()["data"]]
    assert sorted(names) == ["Anaïs Rousseau", "Chloé Martin"]


@pytest.mark.django_db
def test_deep_pages_and_few_matches_read_as_the_view_reads_them(
    settings, clients, alice, monkeypatch
):
    monkeypatch.setattr(pagination, "DEFERRED_JOIN_OFFSET", 2)
    client = _client(alice)
    for small_total in (0, 2000):
        monkeypatch.setattr(pagination, "SMALL_TOTAL", small_total)
        for query in ("per_page=1&page=1", "per_page=1&page=3", "per_page=2&page=2&q=a"):
            path = f"/api/v1/clients?{query}"
            with CaptureQueriesContext(connection) as fast_sql:
                fast = _answer(settings, client, path, fast=True)
            with CaptureQueriesContext(connection) as view_sql:
                view = _answer(settings, client, path, fast=False)
            assert fast == view, query
            # The same statements on the client table: the view's SQL, compiled once.
            read = [q["sql"] for q in fast_sql.captured_queries if "crm_client" in q["sql"]]
            assert read == [q["sql"] for q in view_sql.captured_queries if "crm_client" in q["sql"]]
            assert len(read) == 2


@pytest.mark.django_db
def test_a_request_is_counted_once_and_the_429_is_the_views(settings, clients, alice):
    settings.API_FAST_LISTS = True
    issued = make_token(alice, rate_limit=3)
    warm(issued.token)
    client = DjangoClient(headers={"Authorization": f"Bearer {issued.plaintext}"})
    answers = [client.get("/api/v1/clients") for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert [a["X-RateLimit-Remaining"] for a in answers] == ["2", "1", "0", "0"]
    assert answers[3].json()["message"].startswith("Rate limit exceeded: 3 requests per minute.")
    assert answers[3]["Retry-After"]


@pytest.mark.django_db
def test_a_failure_after_the_count_is_answered_by_the_view_counted_once(
    settings, clients, alice, monkeypatch, views_spy
):
    from api.fast_list import FastList

    def broken(*args, **kwargs):
        raise RuntimeError("the fast path broke")

    monkeypatch.setattr(FastList, "answer", broken)
    settings.API_FAST_LISTS = True
    issued = make_token(alice, rate_limit=5)
    warm(issued.token)
    client = DjangoClient(headers={"Authorization": f"Bearer {issued.plaintext}"})
    first, second = client.get("/api/v1/clients"), client.get("/api/v1/clients?q=ana")
    assert (first.status_code, second.status_code) == (200, 200)
    assert len(views_spy) == 2
    assert [first["X-RateLimit-Remaining"], second["X-RateLimit-Remaining"]] == ["4", "3"]
