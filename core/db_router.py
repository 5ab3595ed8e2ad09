"""Database routing: procrastinate's tables exist on PostgreSQL only.

Its migrations are PL/pgSQL; on the SQLite development default they are skipped (and jobs run
in-process, see ``core.jobs``), so ``migrate`` works on both.
"""

from __future__ import annotations

from typing import Any

from django.db import connections


class ProcrastinateOnPostgresRouter:
    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool | None:
        if app_label == "procrastinate":
            return connections[db].vendor == "postgresql"
        return None
