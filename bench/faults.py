"""Fault injection on a real server: PostgreSQL and Redis go away, and come back.

Usage (from the repository root, as root or a user allowed to run ``pg_createcluster``)::

    .venv/bin/python bench/faults.py            # ~1-2 minutes; exit status 0 when all pass

It creates its own PostgreSQL cluster (``itinera_faults``, port 5440) and Redis (port 6390),
migrates and seeds them (``seed_demo``), issues tokens, and starts gunicorn with production
settings (``DEBUG=0``, sync workers, ``CONN_MAX_AGE`` 60 with health checks) on port 8150.
Then:

(a) PostgreSQL stopped (``pg_ctlcluster stop -m fast``) while a background client keeps reading
    and writing: the API answers 503 JSON with ``Retry-After`` for reads and writes, the
    dashboard a 503 page, ``/healthz`` 503; nothing hangs and nothing is a 500. PostgreSQL
    started again: the API answers 200 again by itself (time to the first 200 measured), on
    every worker, and every 201 the background client received is in the database.
(b) Redis stopped: requests are still served; the rate limit falls back to a per-process limit
    (and the server logs it); leads posted during the outage are accepted (201) and all in the
    database; sign-in and the public enquiry form still work. Redis started again (empty): one
    shared limit is enforced again.
(c) Redis frozen (SIGSTOP: connections hang instead of being refused): requests are still
    answered promptly, then Redis resumes (SIGCONT).

Prints a table scenario -> expected -> observed and exits non-zero on any failure. Everything
it created is stopped and dropped at the end, also on Ctrl-C or when it runs out of time.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sandbox import (
    App,
    Deadline,
    Reply,
    ThrowawayPostgres,
    ThrowawayRedis,
    bounded,
    log,
    request,
    sign_in,
    sign_in_reply,
)

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


class Faults:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.run_id = uuid.uuid4().hex[:8]
        self.pg = ThrowawayPostgres(args.cluster, args.pg_port)
        self.redis = ThrowawayRedis(args.redis_port)
        self.app = App(
            self.pg,
            self.redis,
            port=args.port,
            workers=args.workers,
            log=Path(args.log),
        )
        self.checks: list[Check] = []
        self.serial = 0
        self.lock = threading.Lock()

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
        return request(self.app.base, method, path, **kwargs)

    def lead(self, tag: str, **extra) -> dict:
        with self.lock:
            self.serial += 1
            n = self.serial
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
        self.pg.create()
        self.redis.start()
        self.app.prepare()
        log("issuing tokens")
        self.token = self.app.token(rate=100_000, name="faults")
        with ThreadPoolExecutor(4) as pool:  # each is a manage.py process: in parallel
            self.small = list(
                pool.map(lambda i: self.app.token(rate=LIMIT, name=f"faults-limit-{i}"), range(4))
            )
        log(f"starting gunicorn ({self.args.workers} workers) on {self.app.base}")
        self.app.start()
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

    # (a) PostgreSQL -------------------------------------------------------------------------

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

    # (b) Redis stopped ----------------------------------------------------------------------

    def limit_burst(self, token: str, count: int) -> list[Reply]:
        return self.burst(count, "GET", "/api/v1/me", token=token)

    def redis_outage(self) -> None:
        log("(b) Redis outage")
        w = self.args.workers
        before = self.limit_burst(self.small[0], LIMIT * 3)
        allowed = sum(r.status == 200 for r in before)
        self.check(
            "Redis up: shared limit (5/min token, 15 requests)",
            "exactly 5 x 200, rest 429",
            self.describe(before),
            allowed == LIMIT and sum(r.status == 429 for r in before) == LIMIT * 2,
        )
        log("stopping Redis (SHUTDOWN NOSAVE)")
        self.redis.stop()
        reads = self.burst(w * 3, "GET", "/api/v1/clients?q=a&status=active", token=self.token)
        reads += self.burst(
            w * 2, "GET", f"/api/v1/itineraries/{self.itinerary_id}", token=self.token
        )
        self.check(
            "Redis down: API reads",
            "200, <3s",
            f"{self.describe(reads)}; slowest {max(r.seconds for r in reads):.2f}s",
            {r.status for r in reads} == {200} and max(r.seconds for r in reads) < SLOW,
        )
        sent = [self.lead("redis") for _ in range(30)]
        posts = [self.call("POST", "/api/v1/clients", token=self.token, body=b) for b in sent]
        key = f"faults-{self.run_id}"
        keyed = self.lead("redis")
        posts_keyed = [
            self.call(
                "POST",
                "/api/v1/clients",
                token=self.token,
                body=keyed,
                headers={"Idempotency-Key": key},
            )
            for _ in range(3)
        ]
        ids = [r.json()["data"]["id"] for r in posts + posts_keyed if r.status == 201]
        replay_ok = (
            all(r.status == 201 for r in posts_keyed)
            and len({r.json()["data"]["id"] for r in posts_keyed}) == 1
            and [r.headers.get("idempotent-replayed") for r in posts_keyed[1:]] == ["true", "true"]
        )
        self.check(
            "Redis down: 30 leads POSTed (+1 sent 3x with an Idempotency-Key)",
            "all 201; the keyed one created once",
            f"{self.describe(posts + posts_keyed)}; replays same id={replay_ok}",
            all(r.status == 201 for r in posts) and replay_ok,
        )
        fallback = self.limit_burst(self.small[1], LIMIT * (w + 1))
        allowed = sum(r.status == 200 for r in fallback)
        headers = all("x-ratelimit-limit" in r.headers for r in fallback)
        self.check(
            f"Redis down: per-process fallback (5/min token, {LIMIT * (w + 1)} requests)",
            f"5..{LIMIT * w} x 200 (5 per worker), rest 429, headers kept",
            f"{self.describe(fallback)}; X-RateLimit headers={headers}",
            LIMIT <= allowed <= LIMIT * w
            and all(r.status in (200, 429) for r in fallback)
            and headers,
        )
        warned = FALLBACK_WARNING in self.app.log_text()
        self.check(
            "Redis down: fallback logged",
            "a WARNING in the server log",
            "found" if warned else "missing",
            warned,
        )
        signin = sign_in_reply(self.app.base, "demo", "itinera-demo")
        self.check(
            "Redis down: dashboard sign-in",
            "302 (signed in)",
            f"{signin.status} in {signin.seconds:.2f}s (with Redis: {self.sign_in_seconds:.2f}s)",
            signin.status == 302 and "sessionid" in signin.cookies,
        )
        page = self.call("GET", "/clients/", cookies=self.session, headers={"Accept": "text/html"})
        self.check("Redis down: dashboard page", "200", str(page.status), page.status == 200)
        enquiry = self.call(
            "POST",
            f"/forms/{self.form_key}",
            body={"name": "Form lead", "email": f"form-1-{self.run_id}@faults.invalid"},
        )
        self.check(
            "Redis down: public enquiry form (JSON)",
            "201",
            f"{enquiry.status} in {enquiry.seconds:.2f}s",
            enquiry.status == 201,
        )
        stored = self.leads_in_db("redis")
        self.check(
            "Redis down: leads in the database",
            f"all {len(set(ids))} accepted leads stored, no duplicate",
            f"{len(set(ids) & set(stored))} of {len(set(ids))} found, {len(stored)} stored",
            set(ids) == set(stored) and len(stored) == 31,
        )

        log("starting Redis again (empty)")
        self.redis.start()
        restarted = time.monotonic()
        enforced_after = None
        for token in self.small[2:]:
            time.sleep(max(0.0, REDIS_RETRY_AFTER + 1 - (time.monotonic() - restarted)))
            replies = self.limit_burst(token, LIMIT * 3)
            if sum(r.status == 200 for r in replies) == LIMIT:
                enforced_after = time.monotonic() - restarted
                break
            log(f"not shared yet: {self.describe(replies)}; again with a fresh token")
        keys = self.redis.cli("--scan", "--pattern", "*ratelimit*").stdout.split()
        self.check(
            "Redis back: shared limit enforced again (5/min token, 15 requests)",
            f"exactly 5 x 200 once workers retry Redis ({REDIS_RETRY_AFTER:.0f}s after a failure)",
            "never"
            if enforced_after is None
            else f"5x200, 10x429 on the check {enforced_after:.1f}s after the restart; "
            f"{len(keys)} limit key(s) in Redis",
            enforced_after is not None and bool(keys),
        )

    # (c) Redis frozen -----------------------------------------------------------------------

    def redis_frozen(self) -> None:
        log("(c) Redis frozen (SIGSTOP)")
        pid = int(self.redis.pidfile.read_text())
        os.kill(pid, signal.SIGSTOP)
        try:
            replies = self.burst(self.args.workers * 2, "GET", "/api/v1/clients", token=self.token)
            replies += [
                self.call("POST", "/api/v1/clients", token=self.token, body=self.lead("frozen"))
                for _ in range(self.args.workers * 2)
            ]
            self.check(
                "Redis frozen: API reads and lead POSTs",
                "200/201, each < 3s",
                f"{self.describe(replies)}; slowest {max(r.seconds for r in replies):.2f}s",
                {r.status for r in replies} <= {200, 201}
                and max(r.seconds for r in replies) < SLOW,
            )
            try:
                signin = sign_in_reply(self.app.base, "demo", "itinera-demo")
                observed = (
                    f"{signin.status} in {signin.seconds:.2f}s "
                    f"(with Redis: {self.sign_in_seconds:.2f}s)"
                )
                ok = signin.status == 302 and signin.seconds < self.sign_in_seconds + SLOW
            except OSError as exc:
                observed, ok = f"{type(exc).__name__}", False
            self.check("Redis frozen: dashboard sign-in", "302, < 3s more than usual", observed, ok)
            try:
                enquiry = self.call(
                    "POST",
                    f"/forms/{self.form_key}",
                    body={"name": "Form lead", "email": f"form-2-{self.run_id}@faults.invalid"},
                    timeout=20,
                )
                observed = f"{enquiry.status} in {enquiry.seconds:.2f}s"
                ok = enquiry.status == 201 and enquiry.seconds < SLOW
            except OSError as exc:
                observed, ok = f"{type(exc).__name__}", False
            self.check("Redis frozen: public enquiry form", "201, < 3s", observed, ok)
        finally:
            os.kill(pid, signal.SIGCONT)
        stored = self.leads_in_db("frozen")
        created = [r.json()["data"]["id"] for r in replies if r.status == 201]
        self.check(
            "Redis frozen: leads in the database",
            "every 201 stored",
            f"{len(set(created) & set(stored))} of {len(created)} found",
            set(created) == set(stored),
        )
        errors = [
            line
            for line in self.app.log_text().splitlines()
            if "Traceback" in line
            or "WORKER TIMEOUT" in line
            or (" ERROR " in line and "Service Unavailable" not in line)
        ]
        self.check(
            "Server log after all scenarios",
            "no traceback, no ERROR but the 503s, no worker timeout",
            f"{len(errors)} lines" + (f": {errors[0][:80]}" if errors else ""),
            not errors,
        )

    # Run ------------------------------------------------------------------------------------

    def run(self) -> int:
        started = time.monotonic()
        try:
            with bounded(self.args.max_seconds):
                self.setup()
                for scenario in self.args.only or ["postgres", "redis", "frozen"]:
                    {
                        "postgres": self.postgres_outage,
                        "redis": self.redis_outage,
                        "frozen": self.redis_frozen,
                    }[scenario]()
        except (Deadline, KeyboardInterrupt, Exception) as exc:  # report what ran, then clean up
            self.check("The run itself", "completes", f"{type(exc).__name__}: {exc}", False)
        finally:
            log("cleaning up: gunicorn, Redis, the PostgreSQL cluster")
            self.app.stop()
            self.redis.close()
            self.pg.drop()
        print()
        print(self.table())
        failed = sum(not c.ok for c in self.checks)
        print(
            f"\n{len(self.checks)} checks, {failed} failed, in {time.monotonic() - started:.0f}s"
            f" ({self.args.workers} gunicorn workers). Server log: {self.app.log_path}"
        )
        return 1 if failed else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--port", type=int, default=8150)
    parser.add_argument("--pg-port", type=int, default=5440)
    parser.add_argument("--redis-port", type=int, default=6390)
    parser.add_argument("--cluster", default="itinera_faults")
    parser.add_argument("--log", default="/tmp/itinera-faults-gunicorn.log")
    parser.add_argument("--max-seconds", type=int, default=600, help="hard time limit")
    parser.add_argument(
        "--only", action="append", choices=["postgres", "redis", "frozen"], help="repeatable"
    )
    sys.exit(Faults(parser.parse_args()).run())


if __name__ == "__main__":
    main()
