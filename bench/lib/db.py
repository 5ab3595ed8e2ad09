"""One SQL statement on a PostgreSQL URL, outside Django (the scripts drive a server that has
its own connections)."""

from __future__ import annotations

from typing import Any


def sql(url: str, statement: str, params: Any = None) -> list[tuple]:
    """Run ``statement`` in autocommit (so ``CREATE DATABASE`` and ``VACUUM`` work too) and
    return its rows, or ``[]`` for a statement that returns none."""
    import psycopg  # the project's own dependency, imported late: the scripts start without it

    with psycopg.connect(url, autocommit=True) as conn, conn.cursor() as cursor:
        cursor.execute(statement, params)
        return cursor.fetchall() if cursor.description else []
