"""Settings come from the environment; production refuses to start without a secret."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_settings(**env: str) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "DEBUG", "DATABASE_URL", "REDIS_URL", "SECURE_SSL_REDIRECT"}
    }
    clean.update(env, DJANGO_SETTINGS_MODULE="config.settings")
    code = (
        "import django; django.setup(); from django.conf import settings as s;"
        "print(s.DATABASES['default']['ENGINE']); print(s.CACHES['default']['BACKEND']);"
        "print(s.SECURE_SSL_REDIRECT)"
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_without_a_secret_key_refuses_to_start():
    result = load_settings()
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_without_database_url_it_runs_on_sqlite_and_the_local_cache():
    result = load_settings(DEBUG="1")
    assert result.returncode == 0, result.stderr
    engine, cache, ssl_redirect = result.stdout.split()
    assert engine == "django.db.backends.sqlite3"
    assert cache.endswith("LocMemCache")
    assert ssl_redirect == "False"


def test_database_and_redis_urls_select_postgresql_and_redis():
    result = load_settings(
        SECRET_KEY="x" * 50,
        DATABASE_URL="postgres://u:p@db:5432/itinera",
        REDIS_URL="redis://cache:6379/0",
    )
    assert result.returncode == 0, result.stderr
    engine, cache, ssl_redirect = result.stdout.split()
    assert engine == "config.postgres"  # Django's PostgreSQL backend, cheaper health check
    assert cache.endswith("RedisCache")
    assert ssl_redirect == "True"


def test_a_malformed_boolean_is_a_clear_error():
    result = load_settings(DEBUG="maybe")
    assert result.returncode != 0
    assert "DEBUG must be a boolean" in result.stderr
