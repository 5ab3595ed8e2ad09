"""Settings come from the environment; production refuses to start without a secret."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

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


# --- The server refuses to start without collected static files (config/checks.py) ---------

MANIFEST_STORAGE = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


def run_checks_with(**overrides: object) -> list:
    overrides.setdefault("JOBS_MODE", "")  # the production default (the test suite's is inline)
    from django.core import checks
    from django.test import override_settings

    with override_settings(**overrides):
        found = checks.run_checks(include_deployment_checks=True)
        return [m for m in found if m.id and m.id.startswith("itinera.")]


def test_without_collected_static_files_production_fails_its_system_check(tmp_path):
    messages = run_checks_with(
        DEBUG=False, STORAGES=MANIFEST_STORAGE, STATIC_ROOT=tmp_path, JOBS_MODE="inline"
    )
    messages = [m for m in messages if m.id != "itinera.W002"]
    assert [m.id for m in messages] == ["itinera.E001"]
    error = messages[0]
    assert error.level >= 40  # an Error: `check --deploy` fails on it
    assert "static files have not been collected" in error.msg
    assert "collectstatic" in error.hint


def test_the_check_stops_manage_py_check_with_the_clear_message(tmp_path):
    from django.core.management import call_command
    from django.core.management.base import SystemCheckError
    from django.test import override_settings

    with (
        override_settings(DEBUG=False, STORAGES=MANIFEST_STORAGE, STATIC_ROOT=tmp_path),
        pytest.raises(SystemCheckError, match=r"itinera\.E001"),
    ):
        call_command("check", "--deploy")


def test_collected_static_files_or_debug_pass_the_check(tmp_path):
    (tmp_path / "staticfiles.json").write_text('{"paths": {}, "version": "1.1", "hash": ""}')
    collected = run_checks_with(DEBUG=False, STORAGES=MANIFEST_STORAGE, STATIC_ROOT=tmp_path)
    assert [m.id for m in collected if m.id != "itinera.W002"] == []
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run_checks_with(DEBUG=True, STORAGES=MANIFEST_STORAGE, STATIC_ROOT=empty) == []


def test_commands_that_serve_nothing_still_run_without_static_files(tmp_path):
    from django.core.management import call_command
    from django.test import override_settings

    with override_settings(DEBUG=False, STORAGES=MANIFEST_STORAGE, STATIC_ROOT=tmp_path):
        call_command("check")  # no --deploy: makemigrations, shell, collectstatic run as before


@pytest.mark.parametrize("module", ["config.wsgi", "config.asgi"])
def test_gunicorn_refuses_to_load_the_app_without_collected_static_files(tmp_path, module):
    # gunicorn runs no system check of its own (and runserver no deployment check): both load
    # config/wsgi.py before answering anything, and it runs this one.
    clean = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    clean.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        SECRET_KEY="x" * 50,
        DEBUG="0",
        STATIC_ROOT=str(tmp_path),
    )
    result = subprocess.run(
        [sys.executable, "-c", f"import {module}"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "itinera.E001" in result.stderr
    assert "collectstatic" in result.stderr


def test_jobs_mode_queue_without_postgresql_is_a_startup_error():
    from django.db import connection

    messages = run_checks_with(JOBS_MODE="queue", DEBUG=True)
    if connection.vendor == "postgresql":
        assert messages == []
    else:
        assert [m.id for m in messages] == ["itinera.E003"]
        assert "PostgreSQL" in messages[0].msg


def test_an_unknown_jobs_mode_is_a_startup_error():
    messages = run_checks_with(JOBS_MODE="qeue", DEBUG=True)
    assert [m.id for m in messages] == ["itinera.E002"]
    assert "'qeue'" in messages[0].msg


def test_production_with_jobs_run_inline_is_warned_by_check_deploy():
    from django.db import connection

    messages = run_checks_with(DEBUG=False, JOBS_MODE="inline")
    assert [m.id for m in messages] == ["itinera.W002"]
    assert messages[0].level == 30 and "never retried" in messages[0].msg
    assert run_checks_with(DEBUG=True, JOBS_MODE="inline") == []
    queued = run_checks_with(DEBUG=False, JOBS_MODE="")
    assert [m.id for m in queued] == ([] if connection.vendor == "postgresql" else ["itinera.W002"])


def test_every_environment_variable_the_settings_read_is_documented_in_the_readme():
    import re

    settings_py = (ROOT / "config" / "settings.py").read_text()
    names = set(
        re.findall(r'env_(?:str|int|bool|list|int_aliased)\(\s*"([A-Z0-9_]+)"', settings_py)
    )
    assert {"JOBS_MODE", "STATIC_ROOT", "DATABASE_URL"} <= names
    readme = (ROOT / "README.md").read_text()
    assert sorted(name for name in names if f"`{name}`" not in readme) == []


def test_the_scaling_page_cites_the_benchmark_figures_it_quotes():
    import re

    scaling = (ROOT / "docs" / "scaling.md").read_text()
    bench = (ROOT / "bench" / "README.md").read_text()
    reliability = (ROOT / "bench" / "RELIABILITY.md").read_text()
    table = scaling[scaling.index("| request (largest agency") : scaling.index("Under mixed")]
    for rate in re.findall(r"\| ([\d.]+) \| \d+ ms \|", table):
        assert re.search(rf"\| {re.escape(rate)}(\.\d)? \|", bench), rate
    assert "21,244" in scaling and "21,244" in reliability
    for step in ("more web and worker nodes", "read replicas", "Citus", "agency_id"):
        assert step in scaling
