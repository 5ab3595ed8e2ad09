"""Each override in core/overrides.py copies or bends a library internal; each test here fails
if the upstream behaviour the override relies on changes (a new step, a new attribute, other
bytes), so an upgrade of django-filter or DRF cannot silently leave our copy behind."""

from __future__ import annotations

import ast
import datetime as dt
import inspect
import io
import textwrap
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import django_filters
import pytest
from rest_framework import renderers as drf_renderers
from rest_framework.exceptions import NotAcceptable, ParseError
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.parsers import JSONParser as DrfJSONParser
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory
from rest_framework.views import APIView

from core.overrides import (
    FastFilterSet,
    JSONFirstNegotiation,
    JSONParser,
    JSONRenderer,
    RateLimitFirstInitial,
)
from crm.models import Client


def self_calls(function: Callable[..., Any]) -> list[str]:
    """The ``self.<method>(...)`` calls of a function's body, in source order."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
    calls: list[tuple[int, int, str]] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        if isinstance(node.func.value, ast.Name) and node.func.value.id == "self":
            calls.append((node.lineno, node.col_offset, node.func.attr))
    return [name for *_, name in sorted(calls)]


# FilterSet.__init__ ---------------------------------------------------------------------------


def client_filter(base: type[django_filters.FilterSet]) -> type[django_filters.FilterSet]:
    """The same small FilterSet over ``base``: upstream's, or ours."""

    def filter_q(self, queryset, name, value):
        return queryset.filter(name__icontains=value)

    meta = type("Meta", (), {"model": Client, "fields": []})
    attributes = {
        "q": django_filters.CharFilter(method="filter_q"),
        "status": django_filters.CharFilter(),
        "filter_q": filter_q,
        "Meta": meta,
        "__module__": __name__,
    }
    return type(f"{base.__name__}ForClients", (base,), attributes)


UpstreamClientFilter = client_filter(django_filters.FilterSet)
FastClientFilter = client_filter(FastFilterSet)


def test_the_filterset_constructor_takes_the_upstream_arguments():
    upstream = inspect.signature(django_filters.FilterSet.__init__)
    assert inspect.signature(FastFilterSet.__init__) == upstream


@pytest.mark.django_db
def test_the_filterset_constructor_sets_what_upstream_sets_on_the_set_and_its_filters():
    data = {"q": "ana", "status": "lead"}
    upstream, fast = UpstreamClientFilter(data=data), FastClientFilter(data=data)

    assert set(vars(fast)) == set(vars(upstream))
    for name, upstream_filter in upstream.filters.items():
        fast_filter = fast.filters[name]
        # (Plus, on a text filter, the schema's annotation: its NUL pattern and max length.)
        assert set(vars(fast_filter)) - {"_spectacular_annotation"} == set(vars(upstream_filter)), (
            name
        )
        assert fast_filter.parent is fast and fast_filter.model is Client
    # A method filter calls the method of its own set, through its own copy of the filter.
    q = fast.filters["q"]
    assert q.filter.f is q and q.filter.method == fast.filter_q
    assert upstream.filters["q"].filter.method == upstream.filter_q
    assert str(fast.qs.query) == str(upstream.qs.query)


# APIView.initial ------------------------------------------------------------------------------


def test_the_copy_of_apiview_initial_runs_every_upstream_step():
    upstream = self_calls(APIView.initial)
    assert upstream == [
        "get_format_suffix",
        "perform_content_negotiation",
        "determine_version",
        "perform_authentication",
        "check_permissions",
        "check_throttles",
    ], "APIView.initial changed upstream: update core.overrides.RateLimitFirstInitial"

    ours = self_calls(RateLimitFirstInitial.initial)
    # Upstream's throttle step is ours check_rate_limit, moved before the permissions.
    assert ours == [
        "get_format_suffix",
        "perform_content_negotiation",
        "determine_version",
        "perform_authentication",
        "check_rate_limit",
        "check_permissions",
        "check_request",
    ]
    assert self_calls(RateLimitFirstInitial.check_rate_limit) == ["check_throttles"]


def test_a_view_with_the_copy_of_initial_still_prepares_the_request_like_upstream() -> None:
    class Upstream(APIView):
        authentication_classes: list = []
        permission_classes: list = []

    class Ours(RateLimitFirstInitial, Upstream):
        pass

    prepared = {}
    for view_class in (Upstream, Ours):
        view = view_class()
        request = view.initialize_request(APIRequestFactory().get("/x", format="json"))
        view.request, view.args, view.kwargs, view.headers = request, (), {}, {}
        view.initial(request)
        prepared[view_class] = (
            type(request.accepted_renderer),
            request.accepted_media_type,
            request.version,
            view.format_kwarg,
        )
    assert prepared[Ours] == prepared[Upstream]


# The JSON renderer, parser and negotiation ----------------------------------------------------

PLAIN = {
    "data": [
        {"id": 1, "name": "Zoë Ångström", "tags": ["vip", "ski"], "ok": True, "none": None},
        {"id": 2, "name": 'quote " and \\ backslash', "price": "1250.00", "n": -3, "f": 1.5},
    ],
    "meta": {"current_page": 1, "last_page": 1, "per_page": 25, "total": 2},
}


def test_the_renderer_writes_the_same_bytes_as_upstream_for_plain_data():
    upstream = drf_renderers.JSONRenderer()
    ours = JSONRenderer()

    assert ours.render(PLAIN) == upstream.render(PLAIN, renderer_context={})
    assert ours.render(None) == upstream.render(None) == b""
    assert (ours.media_type, ours.format, ours.charset) == (
        upstream.media_type,
        upstream.format,
        upstream.charset,
    )


def test_the_renderer_writes_decimals_as_strings_and_times_in_utc_to_the_second():
    at = dt.datetime(2026, 6, 1, 12, 22, 0, 123456, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    body = JSONRenderer().render({"total": Decimal("1250.00"), "at": at, "big": 2**70})
    assert body == (
        b'{"total":"1250.00","at":"2026-06-01T10:22:00+00:00","big":1180591620717411303424}'
    )


def test_the_parser_reads_what_upstream_reads_and_refuses_what_it_refuses():
    body = b'{"name": "Zo\xc3\xab", "tags": ["a"], "n": 1}'
    parsed = JSONParser().parse(io.BytesIO(body))
    assert parsed == DrfJSONParser().parse(io.BytesIO(body), parser_context={})
    with pytest.raises(ParseError):
        DrfJSONParser().parse(io.BytesIO(b'{"name":'), parser_context={})
    with pytest.raises(ParseError, match="Malformed JSON body"):
        JSONParser().parse(io.BytesIO(b'{"name":'))


def test_negotiation_answers_json_where_upstream_would_refuse_with_406():
    request = Request(APIRequestFactory().get("/x", HTTP_ACCEPT="text/html"))
    offered = [JSONRenderer()]
    with pytest.raises(NotAcceptable):
        DefaultContentNegotiation().select_renderer(request, offered)
    renderer, media_type = JSONFirstNegotiation().select_renderer(request, offered)
    assert renderer is offered[0] and media_type == "application/json"
