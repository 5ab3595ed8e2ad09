"""Request tracing: an ``X-Request-Id`` on every response and in every log line of its request,
and the counts behind the API's debug mode.

``RequestTracingMiddleware`` runs first. It takes the client's ``X-Request-Id`` when it is a
sane value (1-64 characters of ``[A-Za-z0-9._-]``) and otherwise makes one, keeps it in a
context variable for the request's lifetime, and sends it back on the response. The logging
filter ``RequestIdFilter`` (``LOGGING`` in the settings) puts it into every record as
``%(request_id)s``, ``-`` outside a request.

A request that asks for debugging (``X-Debug: 1`` or ``?debug=1``) also has its SQL queries
counted and timed by a database execute wrapper: the number and total time only, never the
SQL text. Whether the asker may see them is the API's decision (``api.base``: owners' and
admins' tokens only); everyone else's request is counted and nothing is shown.
"""

from __future__ import annotations

import contextvars
import logging
import re
import secrets
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.db import connections
from django.http import HttpRequest, HttpResponse

HEADER = "X-Request-Id"
SANE_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
DEBUG_HEADER = "X-Debug"
DEBUG_PARAMETER = "debug"
_TRUE = ("1", "true", "yes", "on")

_request_id: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "itinera_request_id", default=None
)


def current_request_id() -> str | None:
    return _request_id.get()


def request_id_for(value: str | None) -> str:
    """The client's id when it is sane, else a new one (32 hex characters)."""
    if value and SANE_ID.fullmatch(value):
        return value
    return secrets.token_hex(16)


def wants_debug(request: HttpRequest) -> bool:
    header = request.headers.get(DEBUG_HEADER, "").strip().lower()
    return header in _TRUE or request.GET.get(DEBUG_PARAMETER, "").strip().lower() in _TRUE


@dataclass
class QueryStats:
    """SQL queries run during a request, and how long they took (no SQL text)."""

    started: float = field(default_factory=time.perf_counter)
    queries: int = 0
    sql_seconds: float = 0.0

    def __call__(
        self, execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any
    ) -> Any:
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.queries += 1
            self.sql_seconds += time.perf_counter() - start

    def summary(self) -> dict[str, float | int]:
        return {
            "queries": self.queries,
            "sql_ms": round(self.sql_seconds * 1000, 2),
            "total_ms": round((time.perf_counter() - self.started) * 1000, 2),
        }

    def server_timing(self) -> str:
        data = self.summary()
        return (
            f'sql;dur={data["sql_ms"]};desc="{data["queries"]} queries", '
            f"total;dur={data['total_ms']}"
        )


@contextmanager
def counting_queries(stats: QueryStats) -> Iterator[QueryStats]:
    with ExitStack() as stack:
        for alias in connections:
            stack.enter_context(connections[alias].execute_wrapper(stats))
        yield stats


class RequestTracingMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = request_id_for(request.headers.get(HEADER))
        request.request_id = request_id  # type: ignore[attr-defined]
        token = _request_id.set(request_id)
        try:
            if wants_debug(request):
                stats = QueryStats()
                request.query_stats = stats  # type: ignore[attr-defined]
                with counting_queries(stats):
                    response = self.get_response(request)
            else:
                response = self.get_response(request)
        finally:
            _request_id.reset(token)
        response[HEADER] = request_id
        return response


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` to every log record (``-`` outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = _request_id.get() or "-"
        return True
