"""Itinera's own system checks: configurations that would break every page or every job are
refused at startup with a message that says what to do, instead of a 500 on every request.

- itinera.E001: ``DEBUG`` is off, the static files storage is WhiteNoise's manifest storage and
  no manifest was collected: every page that names a static file would raise on rendering.
- itinera.E002: ``JOBS_MODE`` is neither empty, "queue" nor "inline".
- itinera.E003: ``JOBS_MODE=queue`` on a database that is not PostgreSQL (procrastinate needs it).
- itinera.E004 (``check --deploy``, and refused by ``wsgi.py``): ``DEBUG`` is off and
  ``FIELD_ENCRYPTION_KEYS`` is not set, or a key in it is not
  a Fernet key: passport numbers and webhook secrets could be neither written nor read.
- itinera.W002 (``check --deploy``): ``DEBUG`` off with jobs running inline: emails and
  reminders would run inside web requests, with no retry and nothing kept when one fails.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.contrib.staticfiles.storage import ManifestFilesMixin
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.db import connections
from django.utils.module_loading import import_string

COLLECT_HINT = (
    "Run `python manage.py collectstatic --noinput` with the same settings before starting the "
    "server (the Dockerfile does it when the image is built), or set DEBUG=1 for development."
)


# A deployment check (`check --deploy`), so that commands which serve nothing (makemigrations,
# shell, collectstatic itself) still run on a host without the files; the servers are refused
# by config/wsgi.py, which gunicorn and runserver both load before answering anything.
@checks.register("itinera", deploy=True)
def static_files_collected(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> list[checks.CheckMessage]:
    if settings.DEBUG:
        return []  # runserver serves the files from the apps' folders
    backend = import_string(settings.STORAGES["staticfiles"]["BACKEND"])
    if not issubclass(backend, ManifestFilesMixin):
        return []
    if not settings.STATIC_ROOT:
        return [
            checks.Error(
                "DEBUG is off and STATIC_ROOT is not set: the static files have not been "
                "collected, and every page would answer 500.",
                hint="Set STATIC_ROOT. " + COLLECT_HINT,
                id="itinera.E001",
            )
        ]
    manifest = Path(settings.STATIC_ROOT) / backend.manifest_name
    if not manifest.is_file():
        return [
            checks.Error(
                f"DEBUG is off and the static files have not been collected: there is no "
                f"{manifest}, so every page that links a stylesheet or a script would answer "
                f"500.",
                hint=COLLECT_HINT,
                id="itinera.E001",
            )
        ]
    return []


@checks.register("itinera")
def jobs_mode_is_possible(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> list[checks.CheckMessage]:
    mode = getattr(settings, "JOBS_MODE", "") or ""
    if mode not in ("", "queue", "inline"):
        return [
            checks.Error(
                f"JOBS_MODE is {mode!r}: it must be empty (queue on PostgreSQL, else inline), "
                f"'queue' or 'inline'.",
                id="itinera.E002",
            )
        ]
    if mode == "queue" and connections["default"].vendor != "postgresql":
        return [
            checks.Error(
                "JOBS_MODE is 'queue' but the database is not PostgreSQL: procrastinate, the "
                "job queue, needs PostgreSQL, so no job would ever run.",
                hint="Set DATABASE_URL to a PostgreSQL database, or leave JOBS_MODE empty "
                "(jobs then run in-process after each commit).",
                id="itinera.E003",
            )
        ]
    return []


@checks.register("itinera", deploy=True)
def jobs_queued_in_production(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> list[checks.CheckMessage]:
    mode = getattr(settings, "JOBS_MODE", "") or ""
    postgres = connections["default"].vendor == "postgresql"
    if settings.DEBUG or mode == "queue" or (mode == "" and postgres):
        return []
    return [
        checks.Warning(
            "DEBUG is off and background jobs run in-process (JOBS_MODE=inline or no "
            "PostgreSQL): emails and reminders would run inside web requests, and a failed one "
            "is logged, never retried.",
            hint="Run on PostgreSQL with JOBS_MODE empty or 'queue', and start workers "
            "(`python manage.py procrastinate worker`).",
            id="itinera.W002",
        )
    ]


# A deployment check (as E001: makemigrations and the other commands that touch no encrypted
# value still run without the keys); config/wsgi.py refuses to serve without them.
@checks.register("itinera", deploy=True)
def field_encryption_keys_set(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> list[checks.CheckMessage]:
    from cryptography.fernet import Fernet

    keys = list(getattr(settings, "FIELD_ENCRYPTION_KEYS", None) or [])
    hint = (
        "Set FIELD_ENCRYPTION_KEYS to one or more Fernet keys, newest first, comma-separated "
        "(make one with `python -c 'from cryptography.fernet import Fernet; "
        "print(Fernet.generate_key().decode())'`); keep every key that wrote a row until "
        "`manage.py rotate_encryption_keys` has run with the new one in front."
    )
    if not keys:
        if settings.DEBUG:
            return []
        return [
            checks.Error(
                "DEBUG is off and FIELD_ENCRYPTION_KEYS is not set: the fields encrypted at rest "
                "(passport numbers, webhook signing secrets) could be neither written nor read.",
                hint=hint,
                id="itinera.E004",
            )
        ]
    for position, key in enumerate(keys, start=1):
        try:
            Fernet(key.encode("ascii"))
        except (ValueError, UnicodeEncodeError):
            return [
                checks.Error(
                    f"FIELD_ENCRYPTION_KEYS: key number {position} is not a Fernet key (32 "
                    "url-safe base64-encoded bytes).",
                    hint=hint,
                    id="itinera.E004",
                )
            ]
    return []


def refuse_to_serve_without_static_files() -> None:
    """gunicorn runs no system check: the WSGI module calls this before serving anything
    (and refuses to serve without the keys of the fields encrypted at rest too)."""
    errors = static_files_collected() + field_encryption_keys_set()
    if errors:
        raise ImproperlyConfigured(
            "\n".join(f"{error.id}: {error.msg}\nHINT: {error.hint}" for error in errors)
        )
