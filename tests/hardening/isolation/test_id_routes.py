"""Another agency's ids on every id route, with every method it allows, through the dashboard
and the API: exactly what a missing id answers, and nothing changes."""

from __future__ import annotations

import re
from collections.abc import Iterator

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.test import override_settings
from django.urls import URLResolver, get_resolver, path

from crm.models import Client
from tests.hardening.isolation.checks import Tally, Watcher, leaks_in, same_answer, text_of
from tests.hardening.isolation.routes import (
    MISSING,
    VERSION_NUMBER_PARAMS,
    Route,
    classify,
    walk,
)
from tests.hardening.isolation.world import World, hijack_form


def variants(route: Route, w: World) -> Iterator[tuple[str, dict[str, int]]]:
    """All of A's ids; and, with several ids, A's for one of them and B's for the others (B's
    itinerary with A's day is as much another agency's record as A's itinerary)."""
    a_values, b_values = w.a.values(route), w.b.values(route)
    yield "A's ids", a_values
    if len(route.params) > 1:
        for param in route.params:
            if param in VERSION_NUMBER_PARAMS:  # a number within B's proposal is B's version
                continue
            yield f"A's {param}, B's others", {**b_values, param: a_values[param]}


def try_route(route: Route, w: World, tally: Tally, db: Watcher | None = None) -> None:
    db = db or Watcher()
    missing_values = dict.fromkeys(route.params, MISSING)
    form = hijack_form(w.b)
    methods = list(route.methods())
    if route.is_api and "GET" in methods:
        methods.append("HEAD")
    for method in methods:
        missing = w.send(method, route.url(missing_values), form)
        refused_by_method = missing.status_code == 405
        for variant, values in variants(route, w):
            url = route.url(values)
            got = w.send(method, url, form)
            where = f"{method} {url} ({route.name}, {variant})"
            tally.counts["attempts"] += 1
            tally.routes.add(route.name)
            if changed := db.changes():
                tally.fail(f"{where} changed {changed}")
            if not same_answer(got, missing):
                tally.fail(
                    f"{where} answered {got.status_code} {text_of(got)[:200]!r}, but a missing "
                    f"id answers {missing.status_code}"
                )
            if refused_by_method:
                tally.counts["405 before any lookup"] += 1
                continue
            if got.status_code != 404:
                tally.fail(f"{where} answered {got.status_code}, not 404")
            elif route.is_api and method != "HEAD" and got.json() != {"message": "Not found."}:
                tally.fail(f"{where} answered {got.json()!r}")
            else:
                tally.counts["404"] += 1
            if leaks := leaks_in(text_of(got), w.a):
                tally.fail(f"{where} shows {leaks}")
        if refused_by_method:
            continue
        # The control: B's own ids through the same route and method are found.
        b_url = route.url(w.b.values(route))
        own = w.control(method, b_url, form)
        tally.counts["controls"] += 1
        if own.status_code == 404 or own.status_code >= 500:
            tally.fail(f"control {method} {b_url} ({route.name}) answered {own.status_code}")
        if leaks := leaks_in(text_of(own), w.a):
            tally.fail(f"control {method} {b_url} ({route.name}) shows A's {leaks}")


def test_another_agency_gets_404_for_every_id_route_and_method(world, capsys):
    table = classify()
    tally = Tally()

    db = Watcher()
    for route in table.by_id:
        try_route(route, world, tally, db)

    api = sum(1 for r in table.by_id if r.is_api)
    with capsys.disabled():
        print(
            f"\nisolation matrix: {len(tally.routes)} id routes ({api} API, "
            f"{len(tally.routes) - api} dashboard), {tally.counts['attempts']} attempts by "
            f"another agency ({tally.counts['404']} answered 404, "
            f"{tally.counts['405 before any lookup']} refused by method before any lookup), "
            f"{tally.counts['controls']} controls with its own ids, "
            f"{len(tally.problems)} leaks"
        )
    assert tally.problems == [], "\n".join(tally.problems)
    assert len(tally.routes) == len(table.by_id)


def leaky_client(request: HttpRequest, client_id: int) -> HttpResponse:
    """The bug the matrix exists for: found by id alone, changed by whoever posts."""
    client = get_object_or_404(Client, pk=client_id)
    if request.method == "POST":
        client.notes = "changed by another agency"
        client.save(update_fields=["notes"])
    return HttpResponse(client.name)


class LeakyUrls:
    urlpatterns = [path("leaky/<int:client_id>/", leaky_client, name="leaky")]


def test_the_matrix_catches_a_view_that_forgets_the_agency(world, tenant_tripwire):
    route = next(walk(URLResolver(get_resolver().pattern, LeakyUrls.urlpatterns)))
    tally = Tally()

    with override_settings(ROOT_URLCONF=LeakyUrls):
        try_route(route, world, tally)

    problems = "\n".join(tally.problems)
    assert "answered 200, not 404" in problems
    assert re.search(r"POST /leaky/\d+/ .* changed \[.*'crm.Client'", problems)
    assert "Zanzibar Quixote" in problems
    assert tenant_tripwire.violations  # and the tripwire saw the unscoped read
    tenant_tripwire.violations.clear()
