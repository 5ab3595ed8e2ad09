"""What both drills share: a time budget that still cleans up, the throwaway services with the
app on them, and their command-line options."""

from __future__ import annotations

import argparse
import contextlib
import signal
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench.drills.sandbox import App, ThrowawayPostgres, ThrowawayRedis
from bench.lib.common import log


class Deadline(Exception):
    """The script ran past its time budget."""


@contextlib.contextmanager
def bounded(seconds: int) -> Iterator[None]:
    """Raise :class:`Deadline` after ``seconds``, and turn SIGTERM into KeyboardInterrupt, so
    the ``finally`` blocks that stop the throwaway services always run."""

    def on_alarm(signum: int, frame: Any) -> None:
        raise Deadline(f"the script ran for more than {seconds}s")

    def on_term(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGALRM, on_alarm), signal.signal(signal.SIGTERM, on_term)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous[0])
        signal.signal(signal.SIGTERM, previous[1])


def service_arguments(
    parser: argparse.ArgumentParser,
    name: str,
    *,
    workers: int,
    port: int,
    pg_port: int,
    redis_port: int,
) -> None:
    """The options every drill takes, with its own defaults (so two drills can run at once):
    its cluster is ``itinera_<name>``, its server log ``/tmp/itinera-<name>-gunicorn.log``."""
    parser.add_argument(
        "--workers", type=int, default=workers, help=f"gunicorn workers ({workers})"
    )
    parser.add_argument("--port", type=int, default=port)
    parser.add_argument("--pg-port", type=int, default=pg_port)
    parser.add_argument("--redis-port", type=int, default=redis_port)
    parser.add_argument("--cluster", default=f"itinera_{name}")
    parser.add_argument("--log", default=f"/tmp/itinera-{name}-gunicorn.log")


class Drill:
    """A PostgreSQL cluster, a Redis and the app (gunicorn, production settings) of the drill's
    own, from the options of :func:`service_arguments`."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.run_id = uuid.uuid4().hex[:8]
        self.pg = ThrowawayPostgres(args.cluster, args.pg_port)
        self.redis = ThrowawayRedis(args.redis_port)
        self.app = App(
            self.pg, self.redis, port=args.port, workers=args.workers, log=Path(args.log)
        )
        self.serial = 0
        self.lock = threading.Lock()

    def next_serial(self) -> int:
        """1, 2, 3... across threads: what keeps the drill's emails unique."""
        with self.lock:
            self.serial += 1
            return self.serial

    def start_services(self, tokens: list[tuple[int, str]]) -> list[str]:
        """Create the services, migrate and seed, issue ``tokens`` ((rate, name) each), start
        gunicorn; the tokens' plaintexts, in order."""
        self.pg.create()
        self.redis.start()
        self.app.prepare()
        log("issuing tokens")
        issued = self.app.tokens(tokens)
        log(f"starting gunicorn ({self.args.workers} workers) on {self.app.base}")
        self.app.start()
        return issued

    def stop_services(self) -> None:
        log("cleaning up: gunicorn, Redis, the PostgreSQL cluster")
        self.app.stop()
        self.redis.close()
        self.pg.drop()
