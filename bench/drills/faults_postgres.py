"""(a) PostgreSQL stopped under load, and started again."""

from __future__ import annotations

import threading
import time
from collections import Counter

from bench.drills.faults_base import SLOW, FaultsBase
from bench.lib.common import log
from bench.lib.web import Reply


class PostgresOutage(FaultsBase):
    def background(self, stop: threading.Event, replies: list[tuple[str, Reply | str]]) -> None:
        """A client that keeps reading and writing through the whole outage."""
        while not stop.is_set():
            for method, path, body in (
                ("GET", "/api/v1/clients?per_page=5&status=lead", None),
                ("POST", "/api/v1/clients", self.lead("bg")),
            ):
                try:
                    reply = self.call(method, path, token=self.token, body=body, timeout=20)
                    replies.append((method, reply))
                except OSError as exc:
                    replies.append((method, f"{type(exc).__name__}: {exc}"))
            time.sleep(0.05)

    def api_503(self, label: str, replies: list[Reply]) -> None:
        statuses = {r.status for r in replies}
        json_ok = all(
            r.content_type.startswith("application/json")
            and isinstance(r.json(), dict)
            and "message" in r.json()
            for r in replies
        )
        retry = all(r.headers.get("retry-after") for r in replies)
        clean = not any(b"Traceback" in r.body for r in replies)
        slowest = max(r.seconds for r in replies)
        self.check(
            f"PG down: {label}",
            "503 JSON {message}, Retry-After, <3s",
            f"{self.describe(replies)}; JSON={json_ok}; Retry-After={retry}; "
            f"slowest {slowest:.2f}s",
            statuses == {503} and json_ok and retry and clean and slowest < SLOW,
        )

    def postgres_outage(self) -> None:
        log("(a) PostgreSQL outage")
        self.warm()
        stop = threading.Event()
        bg: list[tuple[str, Reply | str]] = []
        thread = threading.Thread(target=self.background, args=(stop, bg), daemon=True)
        thread.start()
        time.sleep(1)
        log("stopping PostgreSQL (pg_ctlcluster stop -m fast)")
        self.pg.stop()
        stopped_at = time.monotonic()
        n = self.args.workers * 2
        t = self.token
        cid = self.client_id
        self.api_503("GET /api/v1/clients", self.burst(n, "GET", "/api/v1/clients", token=t))
        self.api_503(
            "GET /api/v1/clients/{id}", self.burst(n, "GET", f"/api/v1/clients/{cid}", token=t)
        )
        self.api_503(
            "GET /api/v1/itineraries/{id}",
            self.burst(n, "GET", f"/api/v1/itineraries/{self.itinerary_id}", token=t),
        )
        self.api_503(
            "POST /api/v1/clients",
            [
                self.call("POST", "/api/v1/clients", token=t, body=self.lead("down"))
                for _ in range(n)
            ],
        )
        self.api_503(
            "PATCH /api/v1/clients/{id}",
            self.burst(n, "PATCH", f"/api/v1/clients/{cid}", token=t, body={"city": "Lyon"}),
        )
        pages = self.burst(
            n, "GET", "/clients/", cookies=self.session, headers={"Accept": "text/html"}
        )
        pages += self.burst(n, "GET", "/", cookies=self.session, headers={"Accept": "text/html"})
        html = all(r.content_type.startswith("text/html") for r in pages)
        self.check(
            "PG down: dashboard pages (/, /clients/)",
            "503 HTML page, Retry-After",
            f"{self.describe(pages)}; html={html}; slowest {max(r.seconds for r in pages):.2f}s",
            {r.status for r in pages} == {503}
            and html
            and all(r.headers.get("retry-after") for r in pages)
            and not any(b"Traceback" in r.body for r in pages)
            and max(r.seconds for r in pages) < SLOW,
        )
        health = self.burst(n, "GET", "/healthz")
        self.check(
            "PG down: /healthz",
            "503",
            self.describe(health),
            {r.status for r in health} == {503},
        )
        time.sleep(max(0.0, 2 - (time.monotonic() - stopped_at)))

        log("starting PostgreSQL again")
        started = time.monotonic()
        self.pg.start()
        ready = time.monotonic()
        first_ok = None
        while time.monotonic() - started < 60:
            reply = self.call("GET", "/api/v1/clients?per_page=1", token=t, timeout=10)
            if reply.status == 200:
                first_ok = time.monotonic()
                break
            time.sleep(0.1)
        self.check(
            "PG back: time to first API 200",
            "by itself, no restart, < 10s",
            "never"
            if first_ok is None
            else f"{first_ok - started:.2f}s after start, {first_ok - ready:.2f}s after ready",
            first_ok is not None and first_ok - started < 10,
        )
        replies = self.burst(n * 2, "GET", "/api/v1/clients?per_page=1", token=t)
        replies += [
            self.call("POST", "/api/v1/clients", token=t, body=self.lead("after")) for _ in range(n)
        ]
        replies += self.burst(n, "GET", "/clients/", cookies=self.session)
        replies += self.burst(n, "GET", "/healthz")
        self.check(
            "PG back: every worker serves (API, dashboard, /healthz)",
            "all 200/201",
            self.describe(replies),
            {r.status for r in replies} <= {200, 201},
        )
        time.sleep(1)
        stop.set()
        thread.join(timeout=30)
        statuses = Counter(r.status if isinstance(r, Reply) else r for _, r in bg)
        created = [
            r.json()["data"]["id"] for m, r in bg if isinstance(r, Reply) and r.status == 201
        ]
        stored = self.leads_in_db("bg")
        self.check(
            "PG stop/start under load: background client",
            "only 200/201/503, no error, no hang",
            ", ".join(f"{n}x{s}" for s, n in sorted(statuses.items(), key=str)),
            set(statuses) <= {200, 201, 503} and 503 in statuses,
        )
        self.check(
            "PG stop/start under load: 201s in the database",
            "every 201 stored, nothing more",
            f"{len(created)} x 201, {len(set(created) & set(stored))} found, {len(stored)} stored",
            set(created) == set(stored),
        )
        refused = self.leads_in_db("down")
        self.check(
            "PG down: refused writes",
            "nothing stored",
            f"{len(refused)} stored",
            not refused,
        )
