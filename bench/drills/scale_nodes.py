"""The scale drill's processes: web nodes (gunicorn, one port each), job workers
(``manage.py procrastinate worker``) and nginx in front, each killable with SIGKILL and
restartable; all stopped at the end."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import IO

from bench.lib.common import PYTHON, ROOT, port_open
from bench.lib.server import Gunicorn, stop_group

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

NGINX_CONF = """\
worker_processes 1;
daemon off;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
{user}
events {{ worker_connections 2048; }}
http {{
    access_log off;
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    upstream itinera {{
{servers}
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://itinera;
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $remote_addr;
            # A refused connection (a dead node) is tried on the other node. A request that
            # reached a node is never sent twice (no "non_idempotent"): if the node dies while
            # answering, the client gets a 502 and does not know whether it was done.
            proxy_next_upstream error timeout;
            proxy_next_upstream_tries 2;
            proxy_connect_timeout 2s;
            proxy_read_timeout 30s;
        }}
    }}
}}
"""


class Nginx:
    """nginx (Debian's package) round-robin over the web nodes; a node that refuses a
    connection is skipped for ``fail_timeout``."""

    def __init__(self, *, port: int, upstreams: list[int]) -> None:
        if not Path(NGINX).exists():
            raise SystemExit("nginx not found: apt-get install -y nginx-light (or nginx).")
        self.port, self.upstreams = port, upstreams
        self.dir = Path(tempfile.mkdtemp(prefix="itinera-scale-nginx-"))
        self.proc: subprocess.Popen | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        if port_open(self.port):
            raise RuntimeError(f"port {self.port} is taken; choose another --port.")
        servers = "\n".join(
            f"        server 127.0.0.1:{p} max_fails=1 fail_timeout=3s;" for p in self.upstreams
        )
        user = "user root;" if os.geteuid() == 0 else ""
        conf = self.dir / "nginx.conf"
        conf.write_text(NGINX_CONF.format(dir=self.dir, port=self.port, servers=servers, user=user))
        self.proc = subprocess.Popen(
            [NGINX, "-c", str(conf), "-p", str(self.dir)],
            stdout=subprocess.DEVNULL,
            stderr=(self.dir / "stderr.log").open("w"),
            start_new_session=True,
        )
        deadline = time.monotonic() + 10
        while not port_open(self.port):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"nginx did not start: {self.error_log()[-500:]}")
            time.sleep(0.1)

    def error_log(self) -> str:
        path = self.dir / "error.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def stop(self) -> None:
        if self.proc is not None:
            stop_group(self.proc, signal.SIGQUIT, timeout=10)  # nginx's graceful stop
        shutil.rmtree(self.dir, ignore_errors=True)


class WebNode:
    """One gunicorn (production settings) on its own port; ``kill()`` is SIGKILL to the
    master and its workers at once (a machine lost), ``restart()`` a new one on the port."""

    def __init__(self, *, name: str, env: Mapping[str, str], port: int, workers: int) -> None:
        self.name, self.env, self.port, self.workers = name, dict(env), port, workers
        self.starts = 0
        self.server: Gunicorn | None = None
        self.logs: list[Path] = []

    def start(self) -> float:
        """Start; the seconds until it answered ``/healthz``."""
        self.starts += 1
        log_path = Path(f"/tmp/itinera-scale-{self.name}-{self.starts}.log")
        self.logs.append(log_path)
        self.server = Gunicorn(
            env=self.env,
            port=self.port,
            workers=self.workers,
            log_path=log_path,
            worker_class="sync",
            options=["--timeout", "30", "--graceful-timeout", "5"],
        )
        started = time.monotonic()
        self.server.start()
        return time.monotonic() - started

    def kill(self) -> None:
        if self.server and self.server.proc:
            stop_group(self.server.proc, signal.SIGKILL)
        if self.server:
            self.server.stop()  # closes the log
        deadline = time.monotonic() + 10
        while port_open(self.port) and time.monotonic() < deadline:
            time.sleep(0.1)

    def stop(self) -> None:
        if self.server:
            self.server.stop()

    def log_text(self) -> str:
        return "".join(p.read_text(errors="replace") for p in self.logs if p.exists())


class Worker:
    """``manage.py procrastinate worker`` in its own session, its output in a log file; its
    ``procrastinate_workers`` id once it has registered."""

    def __init__(self, *, name: str, env: Mapping[str, str]) -> None:
        self.name, self.env = name, dict(env)
        self.proc: subprocess.Popen | None = None
        self.starts = 0
        self.logs: list[Path] = []
        self.log_file: IO[str] | None = None
        self.worker_id: int | None = None

    def start(self) -> None:
        self.starts += 1
        log_path = Path(f"/tmp/itinera-scale-{self.name}-{self.starts}.log")
        self.logs.append(log_path)
        self.log_file = log_path.open("w")
        self.proc = subprocess.Popen(
            [str(PYTHON), "manage.py", "procrastinate", "worker", "--name", self.name],
            cwd=ROOT,
            env=self.env,
            stdout=self.log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def kill(self, sig: int = signal.SIGKILL) -> None:
        if self.proc is not None:
            stop_group(self.proc, sig)
        if self.log_file is not None:
            self.log_file.close()
            self.log_file = None

    def stop(self) -> None:
        self.kill(signal.SIGTERM)  # graceful: finishes the job in hand

    def log_text(self) -> str:
        return "".join(p.read_text(errors="replace") for p in self.logs if p.exists())
