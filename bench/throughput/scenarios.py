"""The scenarios, all against the largest agency of a dataset's manifest, and the preflight that
checks each answers what it should before it is measured."""

from __future__ import annotations

import json
import time
import urllib.parse
from dataclasses import dataclass
from typing import Any

from bench.lib.server import Gunicorn
from bench.lib.web import request, sign_in

# Lists measured again without the token check and the rate limit (their cost, by difference).
AUTH_OVERHEAD_LISTS = ("unfiltered", "selective")
BAD_TOKEN = "itn_000000000000.this-token-does-not-exist-anywhere-at-all"
PAYMENT_REFERENCE = "bench-payment"  # every payment the bench records (scenario.lua too)


@dataclass
class Scenario:
    key: str
    title: str
    path: str
    token: str = ""
    method: str = "GET"
    expect: int = 200
    group: str = "api"
    scheme: str = "Bearer"  # of the Authorization header; the stock-DRF peer's is "Token"
    accept: str = "application/json"
    cookie: str = ""  # the dashboard's: set by ``sign_in_dashboard`` once the server is up
    # A POST scenario's body ("lead" or "payment", bench/wrk/scenario.lua) and the paths it
    # spreads its requests over (the payments go to many bookings, not one).
    post: str = "lead"
    paths: tuple[str, ...] = ()


def scenarios(manifest: dict[str, Any]) -> list[Scenario]:
    largest = manifest["largest"]
    token, agency = largest["token"], largest["id"]
    q = urllib.parse.quote
    status = manifest["status_filter"]
    lists = [
        ("unfiltered", "list, unfiltered", ""),
        ("status", f"list, status={status}", f"status={status}"),
        (
            "selective",
            f"list, selective q ({manifest['selective_q_matches']} rows)",
            f"q={q(manifest['selective_q'])}",
        ),
        (
            "unselective",
            f"list, unselective q ({manifest['unselective_q_matches']} rows)",
            f"q={q(manifest['unselective_q'])}",
        ),
        ("deep", f"list, deep page {manifest['deep_page']}", f"page={manifest['deep_page']}"),
    ]
    out: list[Scenario] = []
    for key, title, query in lists:
        sep = "&" if query else ""
        out.append(
            Scenario(
                f"raw_{key}",
                f"raw psycopg: {title}",
                f"/bench/raw/clients?agency={agency}{sep}{query}",
                group="raw",
            )
        )
        out.append(
            Scenario(
                f"django_{key}",
                f"plain Django: {title}",
                f"/bench/django/clients?agency={agency}{sep}{query}",
                group="django",
            )
        )
        out.append(
            Scenario(
                f"api_{key}",
                f"API: {title}",
                f"/api/v1/clients{'?' if query else ''}{query}",
                token,
            )
        )
        out.append(
            Scenario(
                f"drf_{key}",
                f"stock DRF: {title}",
                f"/bench/drf/clients{'?' if query else ''}{query}",
                largest["drf_token"],
                group="drf",
                scheme="Token",
            )
        )
        if key in AUTH_OVERHEAD_LISTS:
            out.append(
                Scenario(
                    f"noauth_{key}",
                    f"API without token check and rate limit: {title}",
                    f"/bench/noauth/clients?agency={agency}{sep}{query}",
                    group="noauth",
                )
            )
    out += [
        Scenario(
            "raw_detail",
            "raw psycopg: itinerary detail (14 days x 4 items)",
            f"/bench/raw/itineraries/{manifest['detail_itinerary_id']}?agency={agency}",
            group="raw",
        ),
        Scenario(
            "api_detail",
            "API: itinerary detail (14 days x 4 items)",
            f"/api/v1/itineraries/{manifest['detail_itinerary_id']}",
            token,
        ),
        Scenario(
            "raw_booking_detail",
            "raw psycopg: booking detail (8 services, 4 instalments, 5 payments)",
            f"/bench/raw/bookings/{manifest['detail_booking_id']}?agency={agency}",
            group="raw",
        ),
        Scenario(
            "api_booking_detail",
            "API: booking detail (8 services, 4 instalments, 5 payments)",
            f"/api/v1/bookings/{manifest['detail_booking_id']}",
            token,
        ),
        *endpoint_scenarios(token),
        *dashboard_scenarios(manifest),
        Scenario("api_401", "API: 401 (unknown token)", "/api/v1/clients", BAD_TOKEN, expect=401),
        Scenario(
            "api_429",
            "API: 429 (rate limited token)",
            "/api/v1/clients",
            largest["tiny_token"],
            expect=429,
        ),
        Scenario("api_lead_post", "API: lead POST", "/api/v1/clients", token, "POST", 201),
        payment_scenario(manifest, token),
    ]
    return out


def payment_scenario(manifest: dict[str, Any], token: str) -> Scenario:
    """A payment of 1.00 (as a credit, so that a booking paid in full still takes it) to one
    of the largest agency's live bookings at random; ``remove_bench_writes`` removes them."""
    paths = tuple(
        f"/api/v1/bookings/{booking_id}/payments"
        for booking_id in manifest.get("payment_booking_ids", [])
    )
    return Scenario(
        "api_payment_post",
        f"API: payment POST ({len(paths)} bookings)",
        paths[0] if paths else "/api/v1/bookings/0/payments",
        token,
        "POST",
        201,
        post="payment",
        paths=paths,
    )


def endpoint_scenarios(token: str) -> list[Scenario]:
    """The lists and reports added after the client list, each one page of the largest
    agency (its suppliers, tasks, enquiries, webhook deliveries and money reports)."""
    return [
        Scenario(f"api_{key}", f"API: {title}", path, token)
        for key, title, path in (
            ("suppliers", "suppliers list", "/api/v1/suppliers"),
            ("tasks", "tasks list", "/api/v1/tasks"),
            ("enquiries", "enquiries list", "/api/v1/enquiries"),
            ("bookings", "bookings list", "/api/v1/bookings"),
            ("report_monthly", "monthly report", "/api/v1/reports/monthly"),
            ("report_payments_due", "payments due", "/api/v1/reports/payments-due"),
            ("report_overdue", "overdue instalments", "/api/v1/reports/overdue-instalments"),
        )
    ]


def dashboard_scenarios(manifest: dict[str, Any]) -> list[Scenario]:
    """The dashboard's pages, signed in as the largest agency's owner."""
    deep, detail = manifest["deep_page"], manifest["detail_itinerary_id"]
    pages = (
        ("home", "home", "/"),
        ("clients", "clients", "/clients/"),
        ("clients_gmail", f"clients, q={manifest['unselective_q']}", "/clients/?q=gmail"),
        ("clients_deep", f"clients, page {deep}", f"/clients/?page={deep}"),
        ("itineraries", "itineraries", "/itineraries/"),
        ("builder", "itinerary builder (14 days)", f"/itineraries/{detail}/"),
        ("proposals", "proposals", "/proposals/"),
        ("bookings", "bookings", "/bookings/"),
        ("booking", "a booking (8 services)", f"/bookings/{manifest['detail_booking_id']}/"),
        ("suppliers", "suppliers", "/suppliers/"),
        ("tasks", "tasks", "/tasks/"),
        ("enquiries", "enquiries", "/enquiries/"),
        ("reports", "reports", "/reports/"),
    )
    return [
        Scenario(f"dash_{key}", f"dashboard: {title}", path, group="dashboard", accept="text/html")
        for key, title, path in pages
    ]


def sign_in_dashboard(server: Gunicorn, manifest: dict[str, Any], chosen: list[Scenario]) -> None:
    """A session for the dashboard scenarios: the owner signs in through the form."""
    if not any(sc.group == "dashboard" for sc in chosen):
        return
    largest = manifest["largest"]
    cookies = sign_in(server.base, largest["username"], largest["password"])
    cookie = "; ".join(f"{k}={v}" for k, v in cookies.items())
    for sc in chosen:
        if sc.group == "dashboard":
            sc.cookie = cookie


def preflight(server: Gunicorn, sc: Scenario) -> tuple[int, str]:
    """One request by hand: the status and, for a list, the shape of the body."""
    body: dict[str, Any] | None = None
    if sc.method == "POST" and sc.post == "payment":
        body = {"amount": "1.00", "as_credit": True, "reference": PAYMENT_REFERENCE}
    elif sc.method == "POST":
        # A lead of its own each time: a second lead with the same email is #17's duplicate
        # (a 409), which made every round after the first skip the scenario.
        tag = time.time_ns()
        body = {"name": "Bench Preflight", "email": f"preflight-{tag}@lead.bench.invalid"}
    attempts = 2 if sc.expect == 429 else 1  # the first may still be inside the limit
    status, text = 0, ""
    for _ in range(attempts):
        reply = request(
            server.base,
            sc.method,
            sc.path,
            token=sc.token or None,
            scheme=sc.scheme,
            body=body,
            headers={"Accept": sc.accept, **({"Cookie": sc.cookie} if sc.cookie else {})},
            timeout=30,
        )
        status, text = reply.status, reply.body.decode(errors="replace")
    if status != sc.expect:
        return status, f"expected {sc.expect}, got {status}: {text[:200]}"
    if sc.key == "api_booking_detail":
        data = json.loads(text).get("data", {})
        parts = [len(data.get(k) or []) for k in ("services", "payments")]
        parts.append(len((data.get("schedule") or {}).get("instalments") or []))
        if parts != [8, 5, 4] or "financials" not in data:
            return status, f"not the 8/5/4 booking detail: {text[:200]}"
    if sc.group == "dashboard" and "<main" not in text:
        return status, f"not a dashboard page: {text[:200]}"
    if sc.expect == 200 and "/clients" in sc.path and sc.group != "dashboard":
        doc = json.loads(text)
        if not isinstance(doc.get("data"), list) or "total" not in doc.get("meta", {}):
            return status, f"not a list envelope: {text[:200]}"
    return status, ""
