"""docker-compose.yml, deploy/Caddyfile and the Dockerfile cannot be run here (no Docker engine),
so their contract is checked statically: services, health checks, wiring, scaling, and the
image's start command (run under sh with stand-ins for python and gunicorn)."""

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_runs_web_postgresql_and_redis_with_health_checks():
    services = compose()["services"]
    assert set(services) >= {"web", "db", "redis"}
    for name in ("db", "redis"):
        assert services[name]["healthcheck"]["test"]
        assert services["web"]["depends_on"][name]["condition"] == "service_healthy"
    assert services["db"]["image"].startswith("postgres:")
    assert services["redis"]["image"].startswith("redis:")
    assert "pgdata:/var/lib/postgresql/data" in services["db"]["volumes"]
    assert "pgdata" in compose()["volumes"]


def test_compose_wires_the_web_service_to_its_database_and_cache():
    env = compose()["services"]["web"]["environment"]
    assert re.match(r"postgres://itinera:.*@db:5432/itinera$", env["DATABASE_URL"])
    assert env["REDIS_URL"] == "redis://redis:6379/0"
    assert env["DEBUG"] == "0"
    assert env["SECRET_KEY"].startswith("${SECRET_KEY:?")  # no silent default secret


def test_the_image_serves_with_gunicorn_after_migrating():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert dockerfile.startswith("# ") and "FROM python:3.11" in dockerfile
    assert "manage.py migrate --noinput" in dockerfile
    assert "gunicorn config.wsgi:application" in dockerfile
    assert "collectstatic --noinput" in dockerfile
    assert "HEALTHCHECK" in dockerfile and "/healthz" in dockerfile
    assert "USER itinera" in dockerfile


def test_the_health_endpoint_answers(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


# --- Scaling out: a proxy in front of web replicas, job workers beside them (#13) ----------


def test_compose_runs_job_workers_from_the_same_image():
    services = compose()["services"]
    worker, web = services["worker"], services["web"]
    assert worker["command"] == ["python", "manage.py", "procrastinate", "worker"]
    assert worker["build"] == web["build"] == "." and worker["image"] == web["image"]
    assert worker["environment"]["DATABASE_URL"] == web["environment"]["DATABASE_URL"]
    assert worker["environment"]["SECRET_KEY"] == web["environment"]["SECRET_KEY"]
    assert worker["environment"]["JOBS_MODE"] == web["environment"]["JOBS_MODE"] == "queue"
    assert "ports" not in worker  # serves no HTTP: the image's /healthz probe is replaced
    assert "procrastinate" in worker["healthcheck"]["test"]
    assert worker["depends_on"]["migrate"]["condition"] == "service_completed_successfully"


def test_web_can_be_scaled_behind_the_proxy():
    services = compose()["services"]
    web, proxy = services["web"], services["proxy"]
    # `--scale web=3` cannot bind one host port three times: only the proxy publishes one.
    assert "ports" not in web and "container_name" not in web
    assert web["expose"] == ["8000"]
    assert proxy["image"].startswith("caddy:")
    assert any(port.endswith(":80") for port in proxy["ports"])
    assert "./deploy/Caddyfile:/etc/caddy/Caddyfile:ro" in proxy["volumes"]
    # Behind exactly one proxy that sets X-Forwarded-For / -Proto (README "Configuration").
    assert web["environment"]["TRUSTED_PROXIES"] == "${TRUSTED_PROXIES:-1}"
    caddyfile = (ROOT / "deploy" / "Caddyfile").read_text()
    assert re.search(r"dynamic a \{\s*name web\s*port 8000", caddyfile)  # every replica
    assert "lb_try_duration" in caddyfile  # a killed replica's requests go to another
    assert "encode" not in caddyfile.replace("No `encode`", "")  # no BREACH on CSRF pages


def test_migrations_run_once_before_web_and_workers_start():
    services = compose()["services"]
    migrate = services["migrate"]
    assert migrate["command"] == ["python", "manage.py", "migrate", "--noinput"]
    assert migrate["restart"] == "no"
    assert migrate["depends_on"]["db"]["condition"] == "service_healthy"
    assert services["web"]["environment"]["MIGRATE_ON_START"] == "0"
    for name in ("web", "worker"):
        assert services[name]["depends_on"]["migrate"]["condition"] == (
            "service_completed_successfully"
        )


def image_command() -> str:
    import json

    dockerfile = (ROOT / "Dockerfile").read_text()
    line = next(ln for ln in dockerfile.splitlines() if ln.startswith("CMD "))
    argv = json.loads(line[4:])
    assert argv[:2] == ["sh", "-c"]
    return argv[2]


def run_image_command(tmp_path: Path, *, migrate_fails: bool = False, **env: str) -> list[str]:
    """The image's start command under sh, with python and gunicorn replaced by recorders."""
    import subprocess

    log = tmp_path / "calls"
    for tool, status in (("python", 1 if migrate_fails else 0), ("gunicorn", 0)):
        stub = tmp_path / tool
        stub.write_text(f'#!/bin/sh\necho "{tool} $*" >> {log}\nexit {status}\n')
        stub.chmod(0o755)
    result = subprocess.run(
        ["sh", "-c", image_command()],
        env={"PATH": f"{tmp_path}:/usr/bin:/bin", **env},
        capture_output=True,
        text=True,
        timeout=30,
    )
    calls = log.read_text().splitlines() if log.exists() else []
    return [*calls, f"exit {result.returncode}"] if result.returncode else calls


def test_the_image_migrates_then_serves_unless_told_compose_migrated_already(tmp_path):
    calls = run_image_command(tmp_path)
    assert calls[0] == "python manage.py migrate --noinput"
    assert calls[1].startswith("gunicorn config.wsgi:application --config python:config.gunicorn")
    (tmp_path / "calls").unlink()
    calls = run_image_command(tmp_path, MIGRATE_ON_START="0")
    assert len(calls) == 1 and calls[0].startswith("gunicorn ")


def test_the_image_does_not_serve_when_its_migrations_fail(tmp_path):
    calls = run_image_command(tmp_path, migrate_fails=True)
    assert calls == ["python manage.py migrate --noinput", "exit 1"]


def test_the_image_installs_what_running_needs_only():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "RUN pip install .\n" in dockerfile and "[dev]" not in dockerfile


def test_a_worker_freezes_what_it_loaded_out_of_the_collectors_reach(monkeypatch):
    import gc
    import importlib

    import django.urls

    import config.gunicorn

    calls = []

    class Resolver:
        @property
        def url_patterns(self):
            calls.append("urlconf imported")
            return []

    monkeypatch.setattr(django.urls, "get_resolver", Resolver)
    monkeypatch.setattr(gc, "freeze", lambda: calls.append("frozen"))
    importlib.reload(config.gunicorn).post_worker_init(worker=None)
    # The URLconf (every view module) is loaded first, then frozen with the rest.
    assert calls == ["urlconf imported", "frozen"]
