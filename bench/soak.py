"""Soak: concurrent API clients for minutes against gunicorn, then prove nothing was lost.

Usage (from the repository root, as root or a user allowed to run ``pg_createcluster``)::

    .venv/bin/python bench/soak.py                   # 3 minutes of load, 8 clients
    .venv/bin/python bench/soak.py --duration 600 --clients 12 --workers 4

It creates its own PostgreSQL cluster (``itinera_soak``, port 5441), Redis (port 6391) and
gunicorn with production settings (sync workers, default 4) on port 8151, seeds the demo agency
and issues tokens with a high rate limit. Then ``--clients`` threads, for ``--duration`` seconds,
each in a loop:

- create leads (``POST /api/v1/clients``): plain; with an ``Idempotency-Key``; with a key and
  sent again (a retry: must replay the same id); with a key sent twice at once (a race: one
  lead, the same id twice);
- read lists (``/clients`` with ``q``/``status``/``page``, ``/itineraries``) and one itinerary
  with its days;
- update records: ``PATCH /clients/{id}`` on its own leads (the final state is known) and on a
  few shared seeded clients (last writer wins: the final value must be one that was sent),
  ``PUT /itineraries/{id}`` with a whole day-by-day plan on its own itinerary.

Every response is recorded. Afterwards, straight from the database: every 201's id is there
with the submitted (and then patched) data; the leads created equal the 201s minus the
idempotent replays; no email was stored twice (no duplicate from a retry); every itinerary holds
its last accepted plan. Prints a summary (requests, statuses, p50/p95/p99 per action, errors)
and exits non-zero on any 5xx, unexpected status, transport error or lost/mismatched record.

Before starting the load it waits (up to ``--wait-max`` seconds) while a benchmark
(``wrk`` or ``bench/run``) is running on the machine, so as not to distort its figures.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
)

STATUSES = ["lead", "active", "inactive"]
CITIES = ["Lisbon", "Kyoto", "Cusco", "Marrakesh", "Hobart", "Tromsø", "Oaxaca", "Hội An"]
TAGS = ["honeymoon", "family", "vip", "ski", "safari", "cruise", "Ελλάδα", "日本"]
FIRST = ["Aisha", "Łukasz", "Γιώργος", "佐藤", "Nadia", "José", "Olu", "Maëlle", "Ravi", "Ines"]
LAST = ["Khan", "Wójcik", "Παπαδόπουλος", "翔太", "Rahman", "Núñez", "Adeyemi", "Le Goff"]
# Action -> weight. Creates and updates are a good share: they are what can lose data.
MIX = {
    "create": 22,
    "create_keyed": 6,
    "create_retried": 5,
    "create_raced": 3,
    "list_clients": 22,
    "list_itineraries": 6,
    "detail_itinerary": 12,
    "patch_own": 12,
    "patch_shared": 4,
    "put_itinerary": 8,
}
FIELDS = ["name", "email", "phone", "tags", "notes", "city", "status"]
EXPECTED = {"create": 201, "list": 200, "detail": 200, "patch": 200, "put": 200}


@dataclass
class Sample:
    action: str
    status: int  # 0: no answer (transport error)
    ms: float
    error: str = ""


@dataclass
class Ledger:
    """What the clients were told, to check against the database afterwards."""

    leads: dict[int, dict[str, Any]] = field(default_factory=dict)  # id -> expected fields
    created: int = 0  # 201s that were not replays
    replays: int = 0  # 201s with Idempotent-Replayed: true
    key_ids: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    shared: dict[int, set[str]] = field(default_factory=lambda: defaultdict(set))
    plans: dict[int, dict[str, Any] | None] = field(default_factory=dict)  # itinerary -> body
    lock: threading.Lock = field(default_factory=threading.Lock)


class Soak:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.run_id = uuid.uuid4().hex[:8]
        self.pg = ThrowawayPostgres(args.cluster, args.pg_port)
        self.redis = ThrowawayRedis(args.redis_port)
        self.app = App(
            self.pg, self.redis, port=args.port, workers=args.workers, log=Path(args.log)
        )
        self.samples: list[Sample] = []
        self.samples_lock = threading.Lock()
        self.ledger = Ledger()
        self.failures: list[str] = []
        self.serial = 0
        self.load_before = "?"

    # Setup ----------------------------------------------------------------------------------

    def setup(self) -> None:
        self.pg.create()
        self.redis.start()
        self.app.prepare()
        log("issuing tokens")
        with ThreadPoolExecutor(2) as pool:
            self.tokens = list(
                pool.map(lambda i: self.app.token(rate=100_000, name=f"soak-{i}"), range(2))
            )
        log(f"starting gunicorn ({self.args.workers} workers) on {self.app.base}")
        self.app.start()
        clients = self.get("/api/v1/clients?per_page=100", self.tokens[0]).json()["data"]
        itineraries = self.get("/api/v1/itineraries?per_page=100", self.tokens[0]).json()["data"]
        self.seed_client_ids = [c["id"] for c in clients]
        self.shared_ids = self.seed_client_ids[:3]
        self.search_terms = [*sorted({c["name"].split()[0][:4] for c in clients})[:10], "a", ""]
        self.seed_itinerary_ids = [i["id"] for i in itineraries]

    def get(self, path: str, token: str) -> Reply:
        return request(self.app.base, "GET", path, token=token, timeout=30)

    # The clients ----------------------------------------------------------------------------

    def record(self, action: str, reply: Reply | None, started: float, error: str = "") -> None:
        ms = (time.perf_counter() - started) * 1000
        sample = Sample(action, reply.status if reply else 0, ms, error)
        expected = EXPECTED[action.split("_")[0]]
        if reply is not None and reply.status != expected and not error:
            body = reply.body[:160].decode(errors="replace")
            sample.error = f"{action}: expected {expected}, got {reply.status} {body}"
        with self.samples_lock:
            self.samples.append(sample)

    def send(self, action: str, method: str, path: str, token: str, **kwargs: Any) -> Reply | None:
        started = time.perf_counter()
        try:
            reply = request(self.app.base, method, path, token=token, timeout=30, **kwargs)
        except OSError as exc:
            self.record(action, None, started, f"{action}: {type(exc).__name__}: {exc}")
            return None
        self.record(action, reply, started)
        return reply

    def new_lead(self, rnd: random.Random) -> dict[str, Any]:
        with self.ledger.lock:
            self.serial += 1
            n = self.serial
        body: dict[str, Any] = {
            "name": f"{rnd.choice(FIRST)} {rnd.choice(LAST)} {n}",
            "email": f"lead-{n}@soak-{self.run_id}.invalid",
            "phone": rnd.choice(["+44 20 7946 0958", "0033 1 23 45 67 89", "call after 6pm", ""]),
            "tags": rnd.sample(TAGS, rnd.randint(0, 3)),
            "notes": f"Soak lead {n}: {rnd.choice(['two weeks', 'a weekend', 'a month'])}",
        }
        if rnd.random() < 0.3:
            body["city"] = rnd.choice(CITIES)
        if rnd.random() < 0.2:
            body["status"] = rnd.choice(STATUSES)
        return body

    def accept_lead(
        self, body: dict[str, Any], reply: Reply | None, *, key: str = ""
    ) -> int | None:
        if reply is None or reply.status != 201:
            return None
        data = reply.json()["data"]
        replayed = reply.headers.get("idempotent-replayed") == "true"
        with self.ledger.lock:
            if replayed:
                self.ledger.replays += 1
            else:
                self.ledger.created += 1
                self.ledger.leads[data["id"]] = {
                    "name": body["name"],
                    "email": body["email"],
                    "phone": body["phone"],
                    "tags": body["tags"],
                    "notes": body["notes"],
                    "city": body.get("city", ""),
                    "status": body.get("status", "lead"),
                }
            if key:
                self.ledger.key_ids[key].add(data["id"])
        return data["id"]

    def plan(self, rnd: random.Random, client_id: int, version: int) -> dict[str, Any]:
        days = []
        for d in range(rnd.randint(1, 6)):
            items = [
                {
                    "kind": rnd.choice(["flight", "transfer", "accommodation", "activity", "meal"]),
                    "title": f"v{version} day {d + 1} item {i + 1}",
                    "start_time": f"{8 + i:02d}:30",
                    "location": rnd.choice(CITIES),
                }
                for i in range(rnd.randint(0, 4))
            ]
            days.append({"title": f"v{version} day {d + 1}", "items": items})
        return {
            "client_id": client_id,
            "title": f"Soak plan {self.run_id} v{version}",
            "status": rnd.choice(["draft", "proposed"]),
            "travellers": rnd.randint(1, 6),
            "days": days,
        }

    def race(
        self, action: str, token: str, body: dict[str, Any], headers: dict[str, str]
    ) -> list[Reply | None]:
        """The same keyed request twice at the same moment (a double-click, a hasty retry)."""
        barrier = threading.Barrier(2)

        def one(_: int) -> Reply | None:
            barrier.wait(timeout=10)
            return self.send(action, "POST", "/api/v1/clients", token, body=body, headers=headers)

        with ThreadPoolExecutor(2) as pool:
            return list(pool.map(one, range(2)))

    def client_loop(self, index: int, stop_at: float) -> None:
        rnd = random.Random(f"{self.run_id}-{index}")
        token = self.tokens[index % len(self.tokens)]
        own_leads: list[int] = []
        # One itinerary per client thread, rewritten with PUT (its final plan is known).
        body = self.plan(rnd, rnd.choice(self.seed_client_ids), 0)
        reply = self.send("create_itinerary", "POST", "/api/v1/itineraries", token, body=body)
        own_itinerary = reply.json()["data"]["id"] if reply and reply.status == 201 else None
        if own_itinerary:
            with self.ledger.lock:
                self.ledger.plans[own_itinerary] = body
        version = 0
        actions, weights = list(MIX), list(MIX.values())
        while time.monotonic() < stop_at:
            action = rnd.choices(actions, weights)[0]
            if action == "create":
                body = self.new_lead(rnd)
                lead = self.accept_lead(
                    body, self.send("create", "POST", "/api/v1/clients", token, body=body)
                )
                if lead:
                    own_leads.append(lead)
            elif action in ("create_keyed", "create_retried"):
                body, key = self.new_lead(rnd), f"soak-{self.run_id}-{uuid.uuid4().hex}"
                headers = {"Idempotency-Key": key}
                for _ in range(1 if action == "create_keyed" else rnd.randint(2, 3)):
                    reply = self.send(
                        action, "POST", "/api/v1/clients", token, body=body, headers=headers
                    )
                    lead = self.accept_lead(body, reply, key=key)
                if lead:
                    own_leads.append(lead)
            elif action == "create_raced":
                body, key = self.new_lead(rnd), f"soak-{self.run_id}-{uuid.uuid4().hex}"
                headers = {"Idempotency-Key": key}
                for reply in self.race(action, token, body, headers):
                    self.accept_lead(body, reply, key=key)
            elif action == "list_clients":
                query = {"per_page": rnd.choice([10, 25, 100]), "page": rnd.randint(1, 3)}
                if rnd.random() < 0.6:
                    query["q"] = rnd.choice(self.search_terms)
                if rnd.random() < 0.5:
                    query["status"] = rnd.choice(STATUSES)
                path = "/api/v1/clients?" + "&".join(f"{k}={v}" for k, v in query.items())
                self.send(action, "GET", path, token)
            elif action == "list_itineraries":
                status = rnd.choice(["", "&status=draft", "&status=proposed"])
                self.send(action, "GET", f"/api/v1/itineraries?per_page=25{status}", token)
            elif action == "detail_itinerary":
                mine = [own_itinerary] if own_itinerary else []
                target = rnd.choice(self.seed_itinerary_ids + mine)
                self.send(action, "GET", f"/api/v1/itineraries/{target}", token)
            elif action == "patch_own" and own_leads:
                lead = rnd.choice(own_leads)
                change = {"city": rnd.choice(CITIES), "status": rnd.choice(STATUSES)}
                if rnd.random() < 0.5:
                    change["notes"] = f"Patched by client {index} at {time.time():.3f}"
                reply = self.send(action, "PATCH", f"/api/v1/clients/{lead}", token, body=change)
                if reply is not None and reply.status == 200:
                    with self.ledger.lock:
                        self.ledger.leads[lead].update(change)
            elif action == "patch_shared":
                target = rnd.choice(self.shared_ids)
                city = f"{rnd.choice(CITIES)} {index}-{rnd.randint(0, 10**6)}"
                with self.ledger.lock:  # sent, whether or not it lands last
                    self.ledger.shared[target].add(city)
                self.send(action, "PATCH", f"/api/v1/clients/{target}", token, body={"city": city})
            elif action == "put_itinerary" and own_itinerary:
                version += 1
                body = self.plan(rnd, rnd.choice(self.seed_client_ids), version)
                path = f"/api/v1/itineraries/{own_itinerary}"
                reply = self.send(action, "PUT", path, token, body=body)
                with self.ledger.lock:
                    if reply is not None and reply.status == 200:
                        self.ledger.plans[own_itinerary] = body
                    elif reply is None:  # unknown outcome: cannot be verified
                        self.ledger.plans[own_itinerary] = None

    # Load -----------------------------------------------------------------------------------

    def wait_for_benchmarks(self) -> None:
        waited = 0
        while waited < self.args.wait_max:
            running = [
                line
                for pattern in ("(^|/)wrk ", "bench/run")
                for line in subprocess.run(
                    ["pgrep", "-af", pattern], capture_output=True, text=True, check=False
                ).stdout.splitlines()
                if "soak.py" not in line and "pgrep" not in line
            ]
            if not running:
                return
            log(f"a benchmark is running ({running[0][:70]}...): waiting 60s ({waited}s so far)")
            time.sleep(60)
            waited += 60
        log(f"a benchmark is still running after {waited}s: starting anyway")
        self.failures_note = "a benchmark was running during the soak"

    def load(self) -> float:
        log(f"load: {self.args.clients} clients for {self.args.duration}s")
        self.load_before = f"{os.getloadavg()[0]:.2f}"
        started = time.monotonic()
        stop_at = started + self.args.duration
        threads = [
            threading.Thread(target=self.client_loop, args=(i, stop_at), daemon=True)
            for i in range(self.args.clients)
        ]
        for thread in threads:
            thread.start()
        next_report = started + 30
        while any(t.is_alive() for t in threads):
            time.sleep(0.5)
            if time.monotonic() >= next_report:
                with self.samples_lock:
                    done = len(self.samples)
                    bad = sum(1 for s in self.samples if s.error)
                log(f"{done} requests, {bad} errors, {time.monotonic() - started:.0f}s")
                next_report += 30
        return time.monotonic() - started

    # Verification ---------------------------------------------------------------------------

    def fail(self, message: str) -> None:
        self.failures.append(message)

    def verify(self) -> dict[str, int]:
        log("verifying against the database")
        ledger = self.ledger
        ids = list(ledger.leads)
        rows = self.pg.query(
            "SELECT id, name, email, phone, tags, notes, city, status FROM crm_client "
            "WHERE id = ANY(%s)",
            (ids,),
        )
        stored = {row[0]: row for row in rows}
        mismatched = 0
        for lead_id, want in ledger.leads.items():
            row = stored.get(lead_id)
            if row is None:
                self.fail(f"lead {lead_id} answered 201 but is not in the database")
                continue
            got = dict(zip(FIELDS, row[1:], strict=True))
            if isinstance(got["tags"], str):
                got["tags"] = json.loads(got["tags"])
            diff = {k: (want[k], got[k]) for k in want if want[k] != got[k]}
            if diff:
                mismatched += 1
                self.fail(f"lead {lead_id} differs from what was sent: {diff}")
        in_run = self.pg.query(
            "SELECT count(*), count(DISTINCT email) FROM crm_client WHERE email LIKE %s",
            (f"%@soak-{self.run_id}.invalid",),
        )[0]
        if in_run[0] != ledger.created:
            self.fail(
                f"{in_run[0]} leads in the database, but {ledger.created} 201s were not replays"
            )
        if in_run[0] != in_run[1]:
            self.fail(f"{in_run[0] - in_run[1]} duplicate lead(s) (the same email stored twice)")
        split_keys = [key for key, got in ledger.key_ids.items() if len(got) != 1]
        if split_keys:
            self.fail(f"{len(split_keys)} Idempotency-Key(s) answered with different ids")
        for client_id, sent in ledger.shared.items():
            city = self.pg.query("SELECT city FROM crm_client WHERE id = %s", (client_id,))[0][0]
            if city not in sent:
                self.fail(f"shared client {client_id} holds {city!r}, which no one sent")
        plans_ok = 0
        for itinerary_id, body in ledger.plans.items():
            if body is None:
                continue
            got = self.pg.query(
                "SELECT d.day_number, d.title, "
                "       coalesce(array_agg(i.title ORDER BY i.position) "
                "                FILTER (WHERE i.id IS NOT NULL), '{}') "
                "FROM crm_itineraryday d LEFT JOIN crm_itineraryitem i ON i.day_id = d.id "
                "WHERE d.itinerary_id = %s GROUP BY d.id ORDER BY d.day_number",
                (itinerary_id,),
            )
            want = [
                (n + 1, day["title"], [item["title"] for item in day["items"]])
                for n, day in enumerate(body["days"])
            ]
            title = self.pg.query("SELECT title FROM crm_itinerary WHERE id = %s", (itinerary_id,))
            if [tuple([a, b, list(c)]) for a, b, c in got] != [tuple(w) for w in want] or (
                title[0][0] != body["title"]
            ):
                self.fail(f"itinerary {itinerary_id} does not hold its last accepted plan")
            else:
                plans_ok += 1
        return {
            "leads_checked": len(ids) - mismatched - sum(1 for i in ids if i not in stored),
            "leads_in_db": in_run[0],
            "keys": len(ledger.key_ids),
            "plans_checked": plans_ok,
            "shared": len(ledger.shared),
        }

    # Report ---------------------------------------------------------------------------------

    @staticmethod
    def pct(values: list[float], q: float) -> float:
        if not values:
            return 0.0
        values = sorted(values)
        return values[min(len(values) - 1, round(q * (len(values) - 1)))]

    def summary(self, seconds: float, verified: dict[str, int]) -> str:
        samples = self.samples
        by_status = Counter(s.status for s in samples)
        lines = [
            f"Soak {self.run_id}: {len(samples)} requests in {seconds:.0f}s "
            f"({len(samples) / seconds:.1f} req/s), {self.args.clients} clients, "
            f"{self.args.workers} gunicorn workers; load average before/after "
            f"{self.load_before} / {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs",
            "Statuses: "
            + ", ".join(f"{status or 'no answer'}: {n}" for status, n in sorted(by_status.items())),
            "",
            "| action | requests | p50 ms | p95 ms | p99 ms | max ms | errors |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        by_action: dict[str, list[Sample]] = defaultdict(list)
        for sample in samples:
            by_action[sample.action].append(sample)
        for action, group in [*sorted(by_action.items()), ("all", samples)]:
            ms = [s.ms for s in group]
            lines.append(
                f"| {action} | {len(group)} | {self.pct(ms, 0.5):.0f} | {self.pct(ms, 0.95):.0f} "
                f"| {self.pct(ms, 0.99):.0f} | {max(ms):.0f} | {sum(1 for s in group if s.error)} |"
            )
        errors = Counter(s.error[:200] for s in samples if s.error)
        fivexx = sum(n for status, n in by_status.items() if status >= 500)
        lines += [
            "",
            f"5xx: {fivexx}; unexpected statuses or transport errors: {sum(errors.values())}",
            f"Leads: {self.ledger.created} created (201), "
            f"{self.ledger.replays} idempotent replays, "
            f"{verified.get('leads_in_db', 0)} in the database, "
            f"{verified.get('leads_checked', 0)} checked field by field; "
            f"{verified.get('keys', 0)} Idempotency-Keys, each one id; "
            f"{verified.get('plans_checked', 0)} itineraries hold their last PUT; "
            f"{verified.get('shared', 0)} shared clients hold a value that was sent",
        ]
        for error, n in errors.most_common(10):
            lines.append(f"  {n} x {error}")
        server_errors = [
            line
            for line in self.app.log_text().splitlines()
            if "Traceback" in line or "ERROR" in line
        ]
        lines.append(f"Server log: {len(server_errors)} error lines ({self.app.log_path})")
        for line in server_errors[:5]:
            lines.append(f"  {line[:160]}")
        if server_errors:
            self.fail(f"{len(server_errors)} error lines in the server log")
        if fivexx:
            self.fail(f"{fivexx} server errors (5xx)")
        if errors:
            self.fail(f"{sum(errors.values())} unexpected answers")
        note = getattr(self, "failures_note", "")
        if note:
            lines.append(f"Note: {note}.")
        return "\n".join(lines)

    def run(self) -> int:
        if not self.args.no_wait:
            self.wait_for_benchmarks()
        seconds, verified = 0.0, {}
        try:
            with bounded(self.args.duration + self.args.max_extra):
                self.setup()
                if not self.args.no_wait:
                    self.wait_for_benchmarks()
                seconds = self.load()
                verified = self.verify()
        except (Deadline, KeyboardInterrupt, Exception) as exc:
            self.fail(f"the run stopped: {type(exc).__name__}: {exc}")
        finally:
            log("cleaning up: gunicorn, Redis, the PostgreSQL cluster")
            self.app.stop()
            self.redis.close()
            self.pg.drop()
        print()
        if self.samples:
            print(self.summary(max(seconds, 1.0), verified))
        print()
        if self.failures:
            print(f"FAILED ({len(self.failures)}):")
            for failure in self.failures[:30]:
                print(f"  - {failure}")
            return 1
        print("PASSED: zero 5xx, every 201 in the database with its data, counts match.")
        return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=180, help="seconds of load (180)")
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients (8)")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers (4)")
    parser.add_argument("--port", type=int, default=8151)
    parser.add_argument("--pg-port", type=int, default=5441)
    parser.add_argument("--redis-port", type=int, default=6391)
    parser.add_argument("--cluster", default="itinera_soak")
    parser.add_argument("--log", default="/tmp/itinera-soak-gunicorn.log")
    parser.add_argument("--wait-max", type=int, default=1200, help="max wait for benchmarks")
    parser.add_argument("--no-wait", action="store_true", help="do not wait for benchmarks")
    parser.add_argument(
        "--max-extra", type=int, default=600, help="time allowed beyond --duration (setup etc.)"
    )
    sys.exit(Soak(parser.parse_args()).run())


if __name__ == "__main__":
    main()
