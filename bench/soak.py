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
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: import the project from the repository root
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from bench.drills.base import Deadline, bounded, service_arguments
from bench.drills.soak_verify import SoakChecks
from bench.lib.common import log
from bench.lib.web import Reply


class Soak(SoakChecks):
    def setup(self) -> None:
        self.tokens = self.start_services([(100_000, f"soak-{i}") for i in range(2)])
        clients = self.get("/api/v1/clients?per_page=100", self.tokens[0]).json()["data"]
        itineraries = self.get("/api/v1/itineraries?per_page=100", self.tokens[0]).json()["data"]
        self.seed_client_ids = [c["id"] for c in clients]
        self.shared_ids = self.seed_client_ids[:3]
        self.search_terms = [*sorted({c["name"].split()[0][:4] for c in clients})[:10], "a", ""]
        self.seed_itinerary_ids = [i["id"] for i in itineraries]

    def get(self, path: str, token: str) -> Reply:
        return self.app.request("GET", path, token=token, timeout=30)

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
            self.stop_services()
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
    service_arguments(parser, "soak", workers=4, port=8151, pg_port=5441, redis_port=6391)
    parser.add_argument("--wait-max", type=int, default=1200, help="max wait for benchmarks")
    parser.add_argument("--no-wait", action="store_true", help="do not wait for benchmarks")
    parser.add_argument(
        "--max-extra", type=int, default=600, help="time allowed beyond --duration (setup etc.)"
    )
    sys.exit(Soak(parser.parse_args()).run())


if __name__ == "__main__":
    main()
