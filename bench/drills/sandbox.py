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

import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from bench.lib.common import PYTHON, ROOT, log, port_open, run
from bench.lib.db import sql
from bench.lib.server import Gunicorn
from bench.lib.web import Reply, request

SECRET_KEY = "itinera-reliability-only-secret-key-never-used-in-production"


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
        return sql(f"postgres://postgres@127.0.0.1:{self.port}/{database}", statement)

    def query(self, statement: str, params: Any = None) -> list[tuple]:
        return sql(self.url, statement, params)


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
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DEBUG": "0",
            "SECURE_SSL_REDIRECT": "0",
            "SECRET_KEY": SECRET_KEY,
            "FIELD_ENCRYPTION_KEYS": "ZHJpbGwtb25seS1maWVsZC1lbmNyeXB0aW9uLWtleSE=",
            "DATABASE_URL": pg.url,
            "REDIS_URL": redis.url,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "CACHE_KEY_PREFIX": "itinera-reliability",
            "LOG_LEVEL": "WARNING",
            "PYTHONDONTWRITEBYTECODE": "1",
        }
        self.server = Gunicorn(
            env=self.env,
            port=port,
            workers=workers,
            log_path=log,
            worker_class="sync",  # as the Dockerfile runs it
            options=["--timeout", "30", "--graceful-timeout", "5"],
        )

    @property
    def base(self) -> str:
        return self.server.base

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

    def tokens(self, specs: list[tuple[int, str]]) -> list[str]:
        """One token per (rate, name), issued in parallel (each is a manage.py process)."""
        with ThreadPoolExecutor(len(specs)) as pool:
            return list(pool.map(lambda spec: self.token(rate=spec[0], name=spec[1]), specs))

    def start(self) -> None:
        self.server.start()

    def stop(self) -> None:
        self.server.stop()

    def log_text(self) -> str:
        return self.server.log_text()

    def request(self, method: str, path: str, **kwargs: Any) -> Reply:
        """One request to this server (``bench.lib.web.request``)."""
        return request(self.base, method, path, **kwargs)
