"""Refusing, before any view runs, what no route can mean and the database cannot store.

PostgreSQL refuses a NUL character in any text it is sent (psycopg raises before the query
runs), so a ``%00`` in a path (``/p/%00``, ``/forms/%00``) or in a query string
(``?q=%00``) would reach a lookup or a filter and answer 500. No token, key or id we issue
holds one, and no form field takes one, so:

- a path holding one answers 404, like any path that matches nothing;
- a query string holding one (in a name or a value) answers 422 naming the parameter to
  callers that want JSON, 400 to browsers. The API is left to answer its own parameters
  (its filters refuse a NUL with a 422 that carries the rate-limit headers).

JSON goes to callers that want it (the API, a website's ``fetch``); browsers get the
project's HTML error pages, through the ``handler404`` / ``handler400`` of the root URLconf.
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
        # The API validates its own parameters (a 422 that carries its rate-limit headers).
        if not request.path_info.startswith("/api/") and (parameters := _nul_parameters(request)):
            message = "The address holds a null character, which no field takes."
            if _wants_json(request):  # a parameter that fails validation: the API's 422
                errors = {name: ["Null characters are not allowed."] for name in parameters}
                return json_error(422, message, errors)
            raise BadRequest(message)
        return self.get_response(request)


def _nul_parameters(request: HttpRequest) -> list[str]:
    """The query parameters holding a NUL (in their name or a value), named without it."""
    return [
        key.replace(NUL, "") or "non_field_errors"
        for key, values in request.GET.lists()
        if NUL in key or any(NUL in value for value in values)
    ]


def _wants_json(request: HttpRequest) -> bool:
    """The API always speaks JSON; elsewhere, a JSON body or an ``Accept`` that prefers JSON
    over HTML (a browser's navigation prefers HTML)."""
    if request.path_info.startswith("/api/") or request.content_type == JSON:
        return True
    accept = request.headers.get("Accept", "")
    if not accept or accept.strip() == "*/*":
        return request.method not in ("GET", "HEAD")
    return request.get_preferred_type([JSON, "text/html"]) == JSON
