"""Refusing, before any view runs, what no route can mean and the database cannot store.

PostgreSQL refuses a NUL character in any text it is sent (psycopg raises before the query
runs), so a ``%00`` in a path (``/p/%00``, ``/forms/%00``) or in a query string
(``?q=%00``) would reach a lookup or a filter and answer 500. No token, key or id we issue
holds one, and no form field takes one, so:

- a path holding one answers 404, like any path that matches nothing;
- a query string holding one (in a name or a value) answers 400.

Both answer JSON to callers that want JSON (the API, a website's ``fetch``) and the project's
HTML error pages to browsers, through the ``handler404`` / ``handler400`` of the root URLconf.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import BadRequest
from django.http import Http404, HttpRequest, HttpResponse

from core.errors import json_error

NUL = "\x00"
JSON = "application/json"


class RefuseNulCharactersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if NUL in request.path_info or NUL in request.path:
            if _wants_json(request):
                return json_error(404, "Not found.")
            raise Http404("No such page.")
        if "%00" in request.META.get("QUERY_STRING", "") or _query_has_nul(request):
            message = "The address holds a null character, which no field takes."
            if _wants_json(request):
                return json_error(400, message)
            raise BadRequest(message)
        return self.get_response(request)


def _query_has_nul(request: HttpRequest) -> bool:
    return any(
        NUL in key or NUL in value for key, values in request.GET.lists() for value in values
    )


def _wants_json(request: HttpRequest) -> bool:
    """The API always speaks JSON; elsewhere, a JSON body or an ``Accept`` that prefers JSON
    over HTML (a browser's navigation prefers HTML)."""
    if request.path_info.startswith("/api/") or request.content_type == JSON:
        return True
    accept = request.headers.get("Accept", "")
    if not accept or accept.strip() == "*/*":
        return request.method not in ("GET", "HEAD")
    return request.get_preferred_type([JSON, "text/html"]) == JSON
