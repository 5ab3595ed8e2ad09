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
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: import the project from the repository root
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from bench.drills.base import Deadline, bounded, service_arguments
from bench.drills.faults_postgres import PostgresOutage
from bench.drills.faults_redis import RedisOutage


class Faults(PostgresOutage, RedisOutage):
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
            self.stop_services()
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
    service_arguments(parser, "faults", workers=3, port=8150, pg_port=5440, redis_port=6390)
    parser.add_argument("--max-seconds", type=int, default=600, help="hard time limit")
    parser.add_argument(
        "--only", action="append", choices=["postgres", "redis", "frozen"], help="repeatable"
    )
    sys.exit(Faults(parser.parse_args()).run())


if __name__ == "__main__":
    main()
