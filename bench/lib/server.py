"""A gunicorn of the project's own: ``config.wsgi`` on 127.0.0.1, in its own session (stopping
it stops its workers), its output in a log file; started and stopped by the scripts."""

from __future__ import annotations

import contextlib
import http.client
import os
import signal
import subprocess
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from bench.lib.common import GUNICORN, ROOT, port_open
from bench.lib.web import request


def stop_group(proc: subprocess.Popen, sig: int, *, timeout: float = 20) -> None:
    """Send ``sig`` to the process group ``proc`` leads (started with ``start_new_session``) and
    wait for it; past ``timeout`` seconds, SIGKILL. Nothing when it has already exited."""
    if proc.poll() is not None:
        return
    os.killpg(proc.pid, sig)
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


class Gunicorn:
    """``with Gunicorn(...) as server:`` (or ``start()``/``stop()``): serving once
    ``ready_path`` answers 200. Raises RuntimeError when the port is taken, gunicorn exits,
    or it does not answer within a minute."""

    def __init__(
        self,
        *,
        env: Mapping[str, str],
        port: int,
        workers: int,
        log_path: Path,
        worker_class: str = "sync",
        options: Sequence[str] = (),
        ready_path: str = "/healthz",
    ) -> None:
        self.env, self.port, self.workers, self.log_path = dict(env), port, workers, log_path
        self.worker_class, self.options, self.ready_path = worker_class, list(options), ready_path
        self.proc: subprocess.Popen | None = None
        self.log_file: IO[str] | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        if port_open(self.port):
            raise RuntimeError(f"port {self.port} is taken; choose another port.")
        cmd = [
            str(GUNICORN),
            "config.wsgi:application",
            "--config",
            "python:config.gunicorn",  # the production settings' hooks (the Dockerfile's too)
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(self.workers),
            "--worker-class",
            self.worker_class,
            "--backlog",
            "2048",
            "--log-level",
            "warning",
            *self.options,
        ]
        self.log_file = self.log_path.open("w")
        self.proc = subprocess.Popen(
            cmd,
            cwd=ROOT,
            env=self.env,
            stdout=self.log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                self.stop()
                raise RuntimeError(f"gunicorn exited: see {self.log_path}")
            with contextlib.suppress(OSError, http.client.HTTPException):
                if request(self.base, "GET", self.ready_path, timeout=2).status == 200:
                    return
            time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"gunicorn did not answer within 60s: see {self.log_path}")

    def stop(self) -> None:
        if self.proc is not None:
            stop_group(self.proc, signal.SIGTERM)
        if self.log_file is not None:
            self.log_file.close()
            self.log_file = None

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def __enter__(self) -> Gunicorn:
        self.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.stop()
