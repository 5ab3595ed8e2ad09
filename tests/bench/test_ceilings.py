"""The benchmark ceilings (bench/ceilings.py, mounted by bench/urls.py): never mounted or
installed in production, and they answer exactly what the API answers, so the ratios in
bench/README.md compare like with like."""

from __future__ import annotations

import pytest
from django.test import Client as DjangoClient
from django.urls import Resolver404, resolve

from tests.api.conftest import warm
from tests.factories import ClientFactory, make_token

CEILINGS = (
    "/bench/raw/clients",
    "/bench/django/clients",
    "/bench/noauth/clients",
    "/bench/drf/clients",
)
QUERIES = ("", "status=lead", "q=ana", "per_page=2&page=2", "page=99")


@pytest.mark.parametrize("path", CEILINGS)
def test_the_ceilings_are_not_mounted_by_the_production_urls(path):
    with pytest.raises(Resolver404):
        resolve(path, urlconf="config.urls")


@pytest.mark.parametrize("path", CEILINGS)
def test_the_bench_urls_mount_the_ceilings_beside_the_api(path):
    assert resolve(path, urlconf="bench.urls")
    assert resolve("/api/v1/clients", urlconf="bench.urls")


def test_the_production_settings_do_not_install_the_bench_app():
    from bench import settings as bench_settings
    from config import settings as production

    assert "bench" not in production.INSTALLED_APPS
    assert "rest_framework.authtoken" not in production.INSTALLED_APPS
    assert production.ROOT_URLCONF == "config.urls"
    assert "bench" in bench_settings.INSTALLED_APPS
    assert bench_settings.ROOT_URLCONF == "bench.urls"


def _clients(agency, other_agency):
    for i, name in enumerate(["Ana Lima", "Anaïs Rousseau", "Bruno Díaz", "Chloé Martin"]):
        ClientFactory(agency=agency, name=name, status="lead" if i % 2 else "active")
    ClientFactory(agency=other_agency, name="Ana Other")


def _compare(settings, agency, alice, path):
    settings.ROOT_URLCONF = "bench.urls"
    issued = make_token(alice)
    warm(issued.token)
    api = DjangoClient(headers={"Authorization": f"Bearer {issued.plaintext}"})
    ceiling = DjangoClient()
    for query in QUERIES:
        expected = api.get(f"/api/v1/clients?{query}")
        got = ceiling.get(f"{path}?agency={agency.pk}&{query}")
        assert got.status_code == expected.status_code == 200, query
        assert got.json() == expected.json(), query


@pytest.mark.django_db
def test_the_plain_django_ceiling_answers_what_the_api_answers(
    settings, agency, other_agency, alice
):
    _clients(agency, other_agency)
    _compare(settings, agency, alice, "/bench/django/clients")


@pytest.mark.django_db
def test_the_list_without_token_and_rate_limit_answers_what_the_api_answers(
    settings, agency, other_agency, alice
):
    _clients(agency, other_agency)
    _compare(settings, agency, alice, "/bench/noauth/clients")


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("_close_raw_connection")
def test_the_raw_psycopg_ceiling_answers_what_the_api_answers(
    settings, agency, other_agency, alice
):
    _clients(agency, other_agency)
    _compare(settings, agency, alice, "/bench/raw/clients")


@pytest.mark.django_db
@pytest.mark.usefixtures("_close_raw_connection")
@pytest.mark.parametrize("path", CEILINGS[:2])
def test_a_ceiling_refuses_a_missing_agency_or_a_bad_page(settings, path):
    settings.ROOT_URLCONF = "bench.urls"
    client = DjangoClient()

    assert client.get(path).status_code == 422
    assert client.get(f"{path}?agency=1&page=0").status_code == 422


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("_close_raw_connection")
def test_the_raw_ceiling_reads_deep_pages_the_way_the_api_does(
    settings, agency, other_agency, alice, monkeypatch
):
    from api import pagination
    from bench import ceilings

    monkeypatch.setattr(pagination, "DEFERRED_JOIN_OFFSET", 1)
    monkeypatch.setattr(ceilings, "DEFERRED_JOIN_OFFSET", 1)
    monkeypatch.setattr(
        "tests.bench.test_ceilings.QUERIES", ("per_page=1&page=2", "per_page=2&page=2&q=ana")
    )
    _clients(agency, other_agency)
    _compare(settings, agency, alice, "/bench/raw/clients")


@pytest.mark.django_db
def test_the_stock_drf_peer_answers_what_the_api_answers(settings, agency, other_agency, alice):
    """The documented-DRF peer (bench/stock_drf.py), with DRF's own token: the same rows, the
    same envelope. (Past the last page it answers DRF's 404 "Invalid page.", where the API
    answers an empty page: the bench never asks for one.)"""
    from rest_framework.authtoken.models import Token

    _clients(agency, other_agency)
    settings.ROOT_URLCONF = "bench.urls"
    issued = make_token(alice)
    warm(issued.token)
    api = DjangoClient(headers={"Authorization": f"Bearer {issued.plaintext}"})
    peer = DjangoClient(headers={"Authorization": f"Token {Token.objects.create(user=alice)}"})
    for query in QUERIES[:-1]:
        expected = api.get(f"/api/v1/clients?{query}")
        got = peer.get(f"/bench/drf/clients?{query}")
        assert got.status_code == expected.status_code == 200, query
        assert got.json() == expected.json(), query
    assert got.json()["data"], "compared nothing"


@pytest.mark.django_db
def test_the_stock_drf_peer_authenticates_and_throttles(settings, alice):
    from rest_framework.authtoken.models import Token

    settings.ROOT_URLCONF = "bench.urls"
    assert DjangoClient().get("/bench/drf/clients").status_code == 401
    wrong = DjangoClient(headers={"Authorization": "Token not-a-key"})
    assert wrong.get("/bench/drf/clients").status_code == 401
    key = Token.objects.create(user=alice).key
    peer = DjangoClient(headers={"Authorization": f"Token {key}"})
    assert peer.get("/bench/drf/clients").status_code == 200
    # The throttle counts in the default cache: its history for alice is there.
    from django.core.cache import cache

    assert cache.get(f"throttle_user_{alice.pk}")
