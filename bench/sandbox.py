"""Throwaway services for the reliability scripts (``bench/faults.py``, ``bench/soak.py``).

Each script gets its own PostgreSQL cluster (``pg_createcluster``, trust auth on 127.0.0.1),
its own Redis (no persistence) and its own gunicorn with production settings, so it can stop
and start them at will without touching the PostgreSQL and Redis everyone else uses. Everything
is created at the start, and stopped and dropped at the end (also on Ctrl-C, on SIGTERM and on
the script's own deadline).

Requires the Debian PostgreSQL tools (``pg_createcluster``, ``pg_ctlcluster``, as root or the
``postgres`` user) and ``redis-server``/``redis-cli``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
SECRET_KEY = "itinera-reliability-only-secret-key-never-used-in-production"


def log(message: str) -> None:
    print(f"[{dt.datetime.now():%H:%M:%S}] {message}", flush=True)


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


def port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def run(cmd: list[str], **kwargs: Any) -> subprocess.CompletedProcess:
    kwargs.setdefault("check", True)
    kwargs.setdefault("capture_output", True)
    kwargs.setdefault("text", True)
    kwargs.setdefault("timeout", 120)
    return subprocess.run(cmd, **kwargs)


# PostgreSQL ---------------------------------------------------------------------------------


class ThrowawayPostgres:
    """A PostgreSQL cluster of its own (``pg_createcluster``), dropped at the end."""

    def __init__(self, name: str, port: int) -> None:
        if name == "main":
            raise ValueError("refusing to manage the 'main' cluster")
        self.name, self.port = name, port
        self.version = self._version()
        self.database = "itinera"

    @staticmethod
    def _version() -> str:
        if not shutil.which("pg_createcluster"):
            sys.exit("pg_createcluster not found: install postgresql-common (Debian/Ubuntu).")
        versions = sorted(
            (p.name for p in Path("/usr/lib/postgresql").iterdir() if p.name.isdigit()), key=int
        )
        if not versions:
            sys.exit("No PostgreSQL server under /usr/lib/postgresql.")
        return versions[-1]

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{self.database}"

    def exists(self) -> bool:
        return Path(f"/etc/postgresql/{self.version}/{self.name}").exists()

    def create(self) -> None:
        if self.exists():
            log(f"dropping the leftover cluster {self.version}/{self.name}")
            self.drop()
        if port_open(self.port):
            sys.exit(f"port {self.port} is taken by something else; set another port.")
        log(f"creating PostgreSQL cluster {self.version}/{self.name} on port {self.port}")
        run(
            [
                "pg_createcluster",
                self.version,
                self.name,
                "--port",
                str(self.port),
                "--start-conf",
                "manual",
                "--",
                "--auth-local=trust",
                "--auth-host=trust",
            ]
        )
        self.start()
        self.sql("postgres", f'CREATE DATABASE "{self.database}"')

    def start(self) -> None:
        run(["pg_ctlcluster", self.version, self.name, "start"])
        self.wait_ready()

    def stop(self) -> None:
        run(["pg_ctlcluster", self.version, self.name, "stop", "-m", "fast"])

    def wait_ready(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            ready = subprocess.run(
                ["pg_isready", "-q", "-h", "127.0.0.1", "-p", str(self.port)], check=False
            )
            if ready.returncode == 0:
                return
            time.sleep(0.1)
        raise RuntimeError(f"PostgreSQL on port {self.port} did not become ready")

    def drop(self) -> None:
        run(["pg_dropcluster", self.version, self.name, "--stop"], check=False)

    def sql(self, database: str, statement: str) -> list[tuple]:
        import psycopg  # the project's own dependency

        url = f"postgres://postgres@127.0.0.1:{self.port}/{database}"
        with psycopg.connect(url, autocommit=True) as conn, conn.cursor() as cursor:
            cursor.execute(statement)
            return cursor.fetchall() if cursor.description else []

    def query(self, statement: str, params: Any = None) -> list[tuple]:
        import psycopg

        with psycopg.connect(self.url) as conn, conn.cursor() as cursor:
            cursor.execute(statement, params)
            return cursor.fetchall()


# Redis --------------------------------------------------------------------------------------


class ThrowawayRedis:
    """A redis-server of its own, without persistence (a restart starts empty)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.dir = Path(tempfile.mkdtemp(prefix=f"itinera-redis-{port}-"))
        self.pidfile = self.dir / "redis.pid"

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        if port_open(self.port):
            sys.exit(f"port {self.port} is taken (a Redis left over?); set another port.")
        run(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--daemonize",
                "yes",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.dir),
                "--pidfile",
                str(self.pidfile),
                "--logfile",
                str(self.dir / "redis.log"),
            ]
        )
        deadline = time.monotonic() + 10
        while not self.ping():
            if time.monotonic() > deadline:
                raise RuntimeError(f"redis-server on port {self.port} did not start")
            time.sleep(0.05)

    def ping(self) -> bool:
        result = self.cli("PING", check=False)
        return result.returncode == 0 and "PONG" in result.stdout

    def cli(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return run(["redis-cli", "-p", str(self.port), *args], check=check, timeout=10)

    def stop(self) -> None:
        self.cli("SHUTDOWN", "NOSAVE", check=False)
        deadline = time.monotonic() + 10
        while port_open(self.port) and time.monotonic() < deadline:
            time.sleep(0.05)

    def close(self) -> None:
        if port_open(self.port) and self.pidfile.exists():
            self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


# The application ----------------------------------------------------------------------------


class App:
    """Manage commands and a gunicorn (production settings) against the throwaway services."""

    def __init__(
        self, pg: ThrowawayPostgres, redis: ThrowawayRedis, *, port: int, workers: int, log: Path
    ) -> None:
        self.pg, self.redis, self.port, self.workers, self.log_path = pg, redis, port, workers, log
        self.proc: subprocess.Popen | None = None
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DEBUG": "0",
            "SECURE_SSL_REDIRECT": "0",
            "SECRET_KEY": SECRET_KEY,
            "DATABASE_URL": pg.url,
            "REDIS_URL": redis.url,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "CACHE_KEY_PREFIX": "itinera-reliability",
            "LOG_LEVEL": "WARNING",
            "PYTHONDONTWRITEBYTECODE": "1",
        }

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def manage(self, *args: str) -> str:
        result = run(
            [str(PYTHON), "manage.py", *args], cwd=ROOT, env=self.env, timeout=300, check=False
        )
        if result.returncode:
            raise RuntimeError(f"manage.py {' '.join(args)}: {result.stderr.strip()[-300:]}")
        return result.stdout

    def prepare(self) -> None:
        log("migrating, collecting static files, seeding the demo agency")
        self.manage("migrate", "--noinput", "-v0")
        self.manage("collectstatic", "--noinput", "-v0")
        self.manage("seed_demo")

    def token(self, username: str = "demo", *, rate: int, name: str) -> str:
        out = self.manage("create_api_token", username, "--rate", str(rate), "--name", name)
        return out.strip().splitlines()[-1]

    def start(self) -> None:
        if port_open(self.port):
            sys.exit(f"port {self.port} is taken; choose another with --port.")
        self.log_file = self.log_path.open("w")
        self.proc = subprocess.Popen(
            [
                str(GUNICORN),
                "config.wsgi:application",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(self.workers),
                "--worker-class",
                "sync",  # as the Dockerfile runs it
                "--timeout",
                "30",
                "--graceful-timeout",
                "5",
                "--backlog",
                "2048",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=self.log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"gunicorn exited: see {self.log_path}")
            with contextlib.suppress(OSError):
                if request(self.base, "GET", "/healthz", timeout=2).status == 200:
                    return
            time.sleep(0.3)
        raise RuntimeError(f"gunicorn did not answer within 60s: see {self.log_path}")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        if self.proc:
            self.log_file.close()

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


# HTTP ---------------------------------------------------------------------------------------


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes
    seconds: float
    cookies: dict[str, str] = field(default_factory=dict)

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")

    def json(self) -> Any:
        try:
            return json.loads(self.body)
        except ValueError:
            return None


def request(
    base: str,
    method: str,
    path: str,
    *,
    token: str | None = None,
    body: Any = None,
    form: dict[str, str] | None = None,
    headers: dict[str, str] | None = None,
    cookies: dict[str, str] | None = None,
    timeout: float = 15,
) -> Reply:
    """One request on a fresh connection (so gunicorn hands it to any of its workers)."""
    parsed = urllib.parse.urlparse(base)
    conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=timeout)
    sent = {"Accept": "application/json", **(headers or {})}
    data: bytes | None = None
    if token:
        sent["Authorization"] = f"Bearer {token}"
    if body is not None:
        data = json.dumps(body).encode()
        sent["Content-Type"] = "application/json"
    if form is not None:
        data = urllib.parse.urlencode(form).encode()
        sent["Content-Type"] = "application/x-www-form-urlencoded"
    if cookies:
        sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    started = time.perf_counter()
    try:
        conn.request(method, path, body=data, headers=sent)
        response = conn.getresponse()
        payload = response.read()
        got = {k.lower(): v for k, v in response.getheaders()}
        jar = {}
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                match = re.match(r"\s*([^=;]+)=([^;]*)", value)
                if match:
                    jar[match.group(1)] = match.group(2)
        return Reply(response.status, got, payload, time.perf_counter() - started, jar)
    finally:
        conn.close()


def sign_in_reply(base: str, username: str, password: str) -> Reply:
    """Sign in to the dashboard as a browser would (CSRF cookie and token, then the form)."""
    page = request(base, "GET", "/accounts/login/", headers={"Accept": "text/html"})
    csrf = page.cookies.get("csrftoken", "")
    match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page.body)
    if not csrf or not match:
        raise RuntimeError(f"no CSRF token on the sign-in page ({page.status})")
    reply = request(
        base,
        "POST",
        "/accounts/login/",
        form={
            "username": username,
            "password": password,
            "csrfmiddlewaretoken": match.group(1).decode(),
        },
        headers={"Accept": "text/html", "Referer": f"{base}/accounts/login/"},
        cookies={"csrftoken": csrf},
    )
    reply.cookies.setdefault("csrftoken", csrf)
    return reply


def sign_in(base: str, username: str, password: str) -> dict[str, str]:
    """The session cookies of a successful sign-in."""
    reply = sign_in_reply(base, username, password)
    if reply.status != 302 or "sessionid" not in reply.cookies:
        raise RuntimeError(f"sign-in failed: {reply.status}")
    return {"csrftoken": reply.cookies["csrftoken"], "sessionid": reply.cookies["sessionid"]}
