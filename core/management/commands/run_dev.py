"""``manage.py run_dev [addr:port]``: the development server of ``make run``, and on PostgreSQL
a job worker beside it, in one process tree.

- Jobs in "inline" mode (the SQLite default, core/jobs.py): nothing else to run, so this
  process becomes ``runserver`` itself.
- Jobs in "queue" mode (``DATABASE_URL`` on PostgreSQL): ``procrastinate worker`` and
  ``runserver`` run as two children, each in its own process group. Ctrl-C (or SIGTERM) stops
  both, and whichever of them exits first stops the other, so a dead worker never leaves a
  server that quietly queues jobs nobody runs.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from types import FrameType
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

GRACE_SECONDS = 10  # a worker finishes the job in hand on SIGTERM; then it is killed


def supervise(commands: Sequence[Sequence[str]], *, say: Any = print) -> int:
    """Run ``commands`` side by side until a signal arrives or one of them exits; then stop the
    others (SIGTERM to their process group, SIGKILL after a grace period). Returns 0 when
    stopped by Ctrl-C or SIGTERM, else the exit status of the child that ended first (1 if 0:
    a server or worker that ends by itself is a failure here)."""
    stopping: list[int] = []

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stopping.append(signum)

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    # Each in its own session: Ctrl-C reaches this process alone, which stops them in turn.
    children = [
        (" ".join(cmd[2:4]), subprocess.Popen(list(cmd), start_new_session=True))
        for cmd in commands
    ]
    status = 0
    try:
        while not stopping:
            ended = [(name, child) for name, child in children if child.poll() is not None]
            if ended:
                name, child = ended[0]
                say(f"{name} exited ({child.returncode}): stopping the rest")
                status = child.returncode or 1
                break
            time.sleep(0.2)
    finally:
        for _name, child in children:
            _stop(child)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return status


def _stop(child: subprocess.Popen[Any]) -> None:
    for sig in (signal.SIGTERM, signal.SIGKILL):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(child.pid, sig)  # the group: runserver's autoreloader has a child too
        try:
            child.wait(timeout=GRACE_SECONDS)
            return
        except subprocess.TimeoutExpired:
            continue


class Command(BaseCommand):
    help = "Development server; with jobs on PostgreSQL, a procrastinate worker beside it."
    requires_system_checks: list[str] = []  # runserver runs them itself

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")

    def handle(self, *args: Any, addrport: str, **options: Any) -> None:
        from core import jobs

        manage = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
        server = [*manage, "runserver", addrport]
        if jobs.mode() != "queue":
            self.stdout.write("Jobs run in this process after each commit (JOBS_MODE=inline).")
            self.stdout.flush()
            os.execv(server[0], server)
            return  # execv does not return; a test that replaces it does
        self.stdout.write("Jobs go through the queue: starting a procrastinate worker beside.")
        self.stdout.flush()
        worker = [*manage, "procrastinate", "worker"]
        status = supervise([worker, server], say=self.stderr.write)
        if status:
            sys.exit(status)
