"""Lists, search, home and exports: nothing of another agency's, whatever the query names."""

from __future__ import annotations

import html
from urllib.parse import parse_qsl, quote, quote_plus

from crm.models import Booking, Client
from tests.hardening.isolation.checks import Tally, Watcher, json_id_leaks, leaks_in, text_of
from tests.hardening.isolation.routes import STAFF_NAMESPACES, Route, classify
from tests.hardening.isolation.world import Tenant


# Query strings that name A's records: a search for A's client, and every filter by A's ids.
def list_queries(a: Tenant) -> list[str]:
    client, itinerary = a.row(Client), a.rows["crm.Itinerary"]
    return [
        "",
        f"?q={client.name.replace(' ', '+')}",
        f"?q={client.email}",
        f"?client={client.pk}",
        f"?client_id={client.pk}",
        f"?itinerary={itinerary.pk}",
        f"?itinerary_id={itinerary.pk}",
        f"?proposal_id={a.rows['crm.Proposal'].pk}",
        f"?assigned_to={a.member.pk}",
        "?tag=zanzibar-vip",
        f"?reference={a.row(Booking).reference}",
    ]


def without_echo(body: str, query: str) -> str:
    """The page minus what B typed (a search box shows its own query back)."""
    for _, value in parse_qsl(query.lstrip("?")):
        for form in (value, html.escape(value), quote_plus(value), quote(value)):
            body = body.replace(form, "")
    return body


def shows_own_records(route: Route) -> bool:
    """Lists and the home page must show B's own records (so an empty page cannot pass)."""
    return route.name == "home" or route.name.endswith(("list", ":list"))


def test_no_list_search_or_page_shows_another_agencys_records(world, capsys):
    table = classify()
    tally = Tally()
    db = Watcher()
    for route in table.plain:
        if route.namespace.split(":")[0] in STAFF_NAMESPACES or "GET" not in route.methods():
            continue
        own_label = route.viewset_model._meta.label if route.viewset_model else None
        queries = list_queries(world.a) if shows_own_records(route) else [""]
        for query in queries:
            url = route.url({}) + query
            got = world.send("GET", url)
            tally.counts["pages"] += 1
            tally.routes.add(route.name)
            body = without_echo(text_of(got), query)
            if got.status_code >= 500:
                tally.fail(f"GET {url} answered {got.status_code}")
            if leaks := leaks_in(body, world.a):
                tally.fail(f"GET {url} shows A's {leaks}")
            is_json = got.get("Content-Type", "").startswith("application/json")
            if is_json and (leaks := json_id_leaks(got.json(), world.a, own_label)):
                tally.fail(f"GET {url} lists A's {leaks}")
            if query == "" and shows_own_records(route) and "Bergamo" not in body:
                tally.fail(f"GET {url} ({route.name}) does not show B's own records")

    if changed := db.changes():  # reading a list or a page writes nothing
        tally.fail(f"reading the lists changed {changed}")

    # B's own record pages (the client page with its History card, the activity feed, the
    # itinerary print-out, the form page with its enquiries) show nothing of A's either.
    b = world.b
    own_pages = [
        f"/clients/{b.rows['crm.Client'].pk}/",
        f"/itineraries/{b.rows['crm.Itinerary'].pk}/print/",
        f"/settings/forms/{b.rows['crm.EnquiryForm'].pk}/",
        f"/api/v1/clients/{b.rows['crm.Client'].pk}/activity?per_page=100",
        f"/api/v1/itineraries/{b.rows['crm.Itinerary'].pk}",
        f"/api/v1/bookings/{b.rows['crm.Booking'].pk}",
        f"/settings/webhooks/{b.rows['crm.WebhookEndpoint'].pk}/",
        f"/api/v1/webhooks/{b.rows['crm.WebhookEndpoint'].pk}",
    ]
    for url in own_pages:
        got = world.send("GET", url)
        tally.counts["own pages"] += 1
        assert got.status_code == 200, url
        assert "Bergamo" in text_of(got), url
        if leaks := leaks_in(text_of(got), world.a):
            tally.fail(f"GET {url} shows A's {leaks}")

    with capsys.disabled():
        print(
            f"\nisolation lists: {len(tally.routes)} pages and API lists, "
            f"{tally.counts['pages']} reads (lists with {len(list_queries(world.a))} queries "
            "each: a search for A's client, filters by A's ids), "
            f"{tally.counts['own pages']} of B's own record pages, {len(tally.problems)} leaks"
        )
    assert tally.problems == [], "\n".join(tally.problems)
