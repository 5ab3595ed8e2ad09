"""Project-wide error answers: JSON under /api/ (whatever fails before DRF runs), and a 503
instead of a 500 while the database is unreachable."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.views import defaults

from core.errors import SERVICE_UNAVAILABLE, SERVICE_UNAVAILABLE_RETRY_AFTER, json_error

logger = logging.getLogger(__name__)


def _is_api(request: HttpRequest) -> bool:
    return request.path_info.startswith("/api/")


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    if _is_api(request):
        return json_error(400, "Bad request.")
    return defaults.bad_request(request, exception)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    if _is_api(request):
        return json_error(403, "You do not have permission to do this.")
    return defaults.permission_denied(request, exception)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if _is_api(request):
        return json_error(404, "Not found.")
    return defaults.page_not_found(request, exception)


def server_error(request: HttpRequest) -> HttpResponse:
    # Django calls this inside the ``except`` block of whatever failed (a middleware included).
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        return service_unavailable(request)
    if _is_api(request):
        return json_error(500, "Internal server error.")
    return defaults.server_error(request)


def service_unavailable(request: HttpRequest) -> HttpResponse:
    headers = SERVICE_UNAVAILABLE_RETRY_AFTER
    if _is_api(request):
        return json_error(503, SERVICE_UNAVAILABLE, headers=headers)
    return HttpResponse(
        "<!doctype html><title>Itinera is briefly unavailable</title>"
        "<h1>Itinera is briefly unavailable</h1><p>Please try again in a few seconds.</p>",
        status=503,
        headers=headers,
    )


class DatabaseUnavailableMiddleware:
    """A lost or refused database connection in a view answers 503 (retryable), not a 500.
    (A failure inside another middleware reaches ``server_error``, which does the same.)

    Django reconnects by itself on the next request once the database is back
    (``CONN_HEALTH_CHECKS``), so nothing needs restarting.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, OperationalError | InterfaceError):
            logger.warning("Database unavailable on %s: %s", request.path_info, exception)
            return service_unavailable(request)
        return None
