"""Django's PostgreSQL backend with a health check that needs no round trip.

With ``CONN_HEALTH_CHECKS`` Django checks a reused connection at the start of every request by
running ``SELECT 1``: under load that round trip was a tenth of an API worker's time
(bench/README.md). An idle connection has nothing to say, though. PostgreSQL writes to it
unasked only to end it (a restart, an administrator, a timeout), and for notifications, which
this app does not listen to. So a connection with no bytes waiting is taken as usable after
one non-blocking ``select()``. Anything waiting, or the end of the stream, falls back to
Django's ``SELECT 1``, which fails on a closed connection and makes Django open a new one.
"""

from __future__ import annotations

import select

from django.db.backends.postgresql import base


class DatabaseWrapper(base.DatabaseWrapper):
    def is_usable(self) -> bool:
        connection = self.connection
        if connection is None or connection.closed or connection.broken:
            return False
        try:
            waiting, _, _ = select.select([connection.fileno()], [], [], 0)
        except (OSError, ValueError):
            return False
        return not waiting or super().is_usable()
