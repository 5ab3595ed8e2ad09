"""The scenarios, all against the largest agency of a dataset's manifest, and the preflight that
checks each answers what it should before it is measured."""

from __future__ import annotations

import json
import urllib.parse
from dataclasses import dataclass
from typing import Any

from bench.lib.server import Gunicorn
from bench.lib.web import request

# Lists measured again without the token check and the rate limit (their cost, by difference).
AUTH_OVERHEAD_LISTS = ("unfiltered", "selective")
BAD_TOKEN = "itn_000000000000.this-token-does-not-exist-anywhere-at-all"


@dataclass
class Scenario:
    key: str
    title: str
    path: str
    token: str = ""
    method: str = "GET"
    expect: int = 200
    group: str = "api"


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
            "api_detail",
            "API: itinerary detail (14 days x 4 items)",
            f"/api/v1/itineraries/{manifest['detail_itinerary_id']}",
            token,
        ),
        Scenario(
            "api_booking_detail",
            "API: booking detail (8 services, 4 instalments, 5 payments)",
            f"/api/v1/bookings/{manifest['detail_booking_id']}",
            token,
        ),
        Scenario("api_401", "API: 401 (unknown token)", "/api/v1/clients", BAD_TOKEN, expect=401),
        Scenario(
            "api_429",
            "API: 429 (rate limited token)",
            "/api/v1/clients",
            largest["tiny_token"],
            expect=429,
        ),
        Scenario("api_lead_post", "API: lead POST", "/api/v1/clients", token, "POST", 201),
    ]
    return out


def preflight(server: Gunicorn, sc: Scenario) -> tuple[int, str]:
    """One request by hand: the status and, for a list, the shape of the body."""
    body = None
    if sc.method == "POST":
        body = {"name": "Bench Preflight", "email": "preflight@lead.bench.invalid"}
    attempts = 2 if sc.expect == 429 else 1  # the first may still be inside the limit
    status, text = 0, ""
    for _ in range(attempts):
        reply = request(
            server.base, sc.method, sc.path, token=sc.token or None, body=body, timeout=30
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
    if sc.expect == 200 and "/clients" in sc.path:
        doc = json.loads(text)
        if not isinstance(doc.get("data"), list) or "total" not in doc.get("meta", {}):
            return status, f"not a list envelope: {text[:200]}"
    return status, ""
