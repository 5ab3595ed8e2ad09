"""docker-compose.yml and the Dockerfile cannot be run here (no Docker engine), so their
contract is checked statically: services, health checks, wiring and the start command."""

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
