"""What the fault scenarios share: the checks and their table, the server's tokens and
records, and the helpers that send requests and look in the database."""

from __future__ import annotations

import argparse
from collections import Counter
from dataclasses import dataclass

from bench.drills.base import Drill
from bench.lib.common import log
from bench.lib.web import Reply, sign_in, sign_in_reply

LIMIT = 5  # requests per minute of the small tokens that probe the rate limit
REDIS_RETRY_AFTER = 5.0  # api.throttling.REDIS_RETRY_AFTER_SECONDS
FALLBACK_WARNING = "Rate limiting falls back to in-process counting"
SLOW = 3.0  # seconds: an answer slower than this during an outage counts as a hang


@dataclass
class Check:
    scenario: str
    expected: str
    observed: str
    ok: bool


class FaultsBase(Drill):
    def __init__(self, args: argparse.Namespace) -> None:
        super().__init__(args)
        self.checks: list[Check] = []

    # Reporting ------------------------------------------------------------------------------

    def check(self, scenario: str, expected: str, observed: str, ok: bool) -> bool:
        self.checks.append(Check(scenario, expected, observed, ok))
        log(f"{'PASS' if ok else 'FAIL'} {scenario}: {observed}")
        return ok

    def table(self) -> str:
        rows = [("scenario", "expected", "observed", "")]
        rows += [
            (c.scenario, c.expected, c.observed, "ok" if c.ok else "FAIL") for c in self.checks
        ]
        widths = [max(len(r[i]) for r in rows) for i in range(4)]
        lines = []
        for index, row in enumerate(rows):
            lines.append(
                "| " + " | ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)) + " |"
            )
            if index == 0:
                lines.append("| " + " | ".join("-" * w for w in widths) + " |")
        return "\n".join(lines)

    # Helpers --------------------------------------------------------------------------------

    def call(self, method: str, path: str, **kwargs) -> Reply:
        kwargs.setdefault("timeout", 20)
        return self.app.request(method, path, **kwargs)

    def lead(self, tag: str, **extra) -> dict:
        n = self.next_serial()
        return {
            "name": f"Fault lead {tag} {n}",
            "email": f"{tag}-{n}-{self.run_id}@faults.invalid",
            "phone": "+44 20 7946 0000",
            "tags": ["faults", tag],
            **extra,
        }

    def burst(self, count: int, method: str, path: str, **kwargs) -> list[Reply]:
        """``count`` requests, each on a new connection (spread over the workers)."""
        return [self.call(method, path, **kwargs) for _ in range(count)]

    def leads_in_db(self, tag: str) -> dict[int, str]:
        rows = self.pg.query(
            "SELECT id, email FROM crm_client WHERE email LIKE %s",
            (f"{tag}-%-{self.run_id}@faults.invalid",),
        )
        return dict(rows)

    @staticmethod
    def describe(replies: list[Reply]) -> str:
        counts = Counter(r.status for r in replies)
        return ", ".join(f"{n}x{status}" for status, n in sorted(counts.items()))

    # Setup ----------------------------------------------------------------------------------

    def setup(self) -> None:
        self.token, *self.small = self.start_services(
            [(100_000, "faults"), *((LIMIT, f"faults-limit-{i}") for i in range(4))]
        )
        first_sign_in = sign_in_reply(self.app.base, "demo", "itinera-demo")
        # Sign-in hashes a password (PBKDF2): its own time is the baseline, not a hang.
        self.sign_in_seconds = first_sign_in.seconds
        self.session = sign_in(self.app.base, "demo", "itinera-demo")
        first = self.call("GET", "/api/v1/clients?per_page=1", token=self.token).json()
        self.client_id = first["data"][0]["id"]
        itineraries = self.call("GET", "/api/v1/itineraries?per_page=1", token=self.token).json()
        self.itinerary_id = itineraries["data"][0]["id"]
        self.form_key = self.pg.query("SELECT public_key FROM crm_enquiryform ORDER BY id LIMIT 1")[
            0
        ][0]

    def warm(self) -> None:
        """Every worker holds a database connection (CONN_MAX_AGE) before the outage."""
        spread = self.args.workers * 3
        replies = self.burst(spread, "GET", "/api/v1/clients?per_page=1", token=self.token)
        replies += self.burst(spread, "GET", "/clients/", cookies=self.session)
        assert all(r.status == 200 for r in replies), self.describe(replies)
