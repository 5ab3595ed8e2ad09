"""A list's plain reads on a fast path: the view's answer, byte for byte, in half its time.

At 10k clients two thirds of ``GET /api/v1/clients`` was Python its SQL does not need (issue #20):
DRF's ``Request``, the FilterSet's form, two querysets compiled per request, 25 model instances.
A ``TenantViewSet`` that opts in (``FastListMixin``, ``fast_filters``) answers plain reads here:

- **Plain**: a GET with no body and no ``X-Debug``, for JSON (or anything), with a token that
  verifies, of an agency with the API on, and only ``page``, ``per_page`` and the
  ``fast_filters``, each once and valid (a choice; a search of 1 to ``max_length`` characters
  stripped, as the FilterSet's form reads it). Anything else, every request that would get an
  error included, goes to the view untouched, before anything is counted.
- **The SQL is the ORM's own**, compiled once per process and *shape* (filters, a choice's
  value, an agent limited to their own clients, a deep page, few matches) by running the
  view's selector and ``core.paging`` with sentinel values, which a request's values replace
  (a search's with Django's ``LIKE`` escaping). A shape that compiles otherwise is the view's.
- **Rows are rendered by the view's serializer's plan**, through the fields' database converters.
- **The request is counted once**: when the count refuses it (429), says the token cache's epoch
  moved, or anything fails after it, the view answers with that count (``api.base.COUNTED``).

``API_FAST_LISTS=0`` turns it off. ``tests/api/test_fast_list.py``: both paths, the same bytes.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any, ClassVar

from django.conf import settings
from django.db import connections
from django.http import HttpRequest, HttpResponse, QueryDict
from rest_framework import exceptions

from accounts.models import Agency, ApiToken
from accounts.services import api_token_authenticate, api_token_touch
from accounts.tenancy import is_restricted, member_agency
from api import pagination
from api.authentication import VERIFIED, bearer_credentials
from api.base import COUNTED, count_request
from api.pagination import DEFAULT_PER_PAGE, MAX_PER_PAGE, last_page, positive_int
from api.serializers import OutputSerializer, Step
from core import paging, tracing
from core.overrides import JSONRenderer

logger = logging.getLogger(__name__)

# Values no request carries, found again in the compiled SQL's parameters.
SENTINEL_AGENCY = 1_999_999_973
SENTINEL_VIEWER = 1_999_999_979
SENTINEL_SEARCH = "fastlistsentinelsearch"
SENTINEL_LIMIT = 9173
_LIMIT = re.compile(rf"LIMIT {SENTINEL_LIMIT}(?: OFFSET \d+)?")
# Accept headers the view answers with JSON without negotiating anything (no format, no indent).
JSON_ACCEPTS = frozenset({None, "*/*", "application/json"})
DEBUG_META = "HTTP_" + tracing.DEBUG_HEADER.upper().replace("-", "_")
CHOICE, SEARCH = "choice", "search"
_renderer = JSONRenderer()


@dataclass(frozen=True, slots=True)
class Statement:
    """Compiled SQL and its parameters; ``slots`` say which take a request's values:
    (position, value name, text before it, text after it)."""

    sql: str
    params: tuple[Any, ...]
    slots: tuple[tuple[int, str, str, str], ...]

    @classmethod
    def of(cls, sql: str, params: Sequence[Any], expected: set[str]) -> Statement:
        slots = []
        for index, param in enumerate(params):
            if type(param) is int and param in (SENTINEL_AGENCY, SENTINEL_VIEWER):
                name = "agency" if param == SENTINEL_AGENCY else "viewer"
                slots.append((index, name, "", ""))
            elif isinstance(param, str) and SENTINEL_SEARCH in param:
                before, _, after = param.partition(SENTINEL_SEARCH)
                slots.append((index, SEARCH, before, after))
        found = {name for _, name, _, _ in slots}
        if found != expected or SENTINEL_SEARCH in sql or str(SENTINEL_AGENCY) in sql:
            raise ValueError(f"the sentinels came out as {found}, not {expected}: {sql}")
        return cls(sql, tuple(params), tuple(slots))

    def bind(self, values: dict[str, Any]) -> list[Any]:
        params = list(self.params)
        for index, name, before, after in self.slots:
            value = values[name]
            params[index] = f"{before}{value}{after}" if name == SEARCH else value
        return params


@dataclass(frozen=True, slots=True)
class PageRead:
    """A page's statement, where its LIMIT goes, and how its rows become the output."""

    statement: Statement
    limit_text: str
    converters: tuple[tuple[int, tuple[Any, ...], Any], ...]
    steps: list[Step]  # the serializer's plan, reading each field's column from a tuple

    def sql(self, limit: int, offset: int) -> str:
        # What Django's limit_offset_sql writes: no OFFSET for the first page.
        clause = f"LIMIT {limit}" + (f" OFFSET {offset}" if offset else "")
        return self.statement.sql.replace(self.limit_text, clause)


class _Stop(Exception):  # not an error: the statement is not to be sent
    """Raised instead of sending a statement."""


def _captured(alias: str, run: Callable[[], object]) -> tuple[str, Sequence[Any]]:
    """The first statement ``run`` would send to the database, stopped before it is sent."""
    seen: list[tuple[str, Sequence[Any]]] = []

    def record(execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any) -> Any:
        seen.append((sql, tuple(params or ())))
        raise _Stop

    log = connections[alias].queries_log
    logged = len(log)
    with connections[alias].execute_wrapper(record), contextlib.suppress(_Stop):
        run()
    while len(log) > logged:  # a debug cursor logs it: it was never sent
        log.pop()
    return seen[0]


class FastList:
    """The fast path of one list view function (see the module)."""

    def __init__(self, view: Callable[..., HttpResponse]) -> None:
        self.view = view
        self.cls: Any = view.cls  # type: ignore[attr-defined]  # DRF's as_view sets it
        filterset = self.cls.filterset_class
        self.choices: dict[str, frozenset[str]] = {}
        self.searches: dict[str, int] = {}
        for name, kind in self.cls.fast_filters.items():
            extra = filterset.base_filters[name].extra
            if kind == CHOICE:
                self.choices[name] = frozenset(str(value) for value, _ in extra["choices"])
            else:
                self.searches[name] = int(extra.get("max_length") or 10_000)
        assert len(self.searches) <= 1, "a shape compiles one search filter"
        self.shapes: dict[tuple[Any, ...], Any] = {}
        self._headers: dict[str, str] | None = None

    # The request ---------------------------------------------------------------------------

    def __call__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not settings.API_FAST_LISTS or kwargs or args:
            return self.view(request, *args, **kwargs)
        query = self.plain_query(request)
        verified = self.plain_token(request) if query is not None else None
        if query is None or verified is None:
            return self.view(request, *args, **kwargs)
        (token, pending), (filters, page, per_page) = verified, query
        result = count_request(request, token, pending)
        if not result.allowed or (pending is not None and result.read != pending):
            return self.hand_over(request, result)
        try:
            response = self.answer(request, token, filters, page, per_page)
        except Exception:  # the view meets it too, and answers as it does (a 503, say)
            logger.exception("the fast path of %s failed; the view answers", self.cls.__name__)
            response = None
        if response is None:
            return self.hand_over(request, result)
        for name, value in result.headers.items():
            response[name] = value
        return response

    def hand_over(self, request: HttpRequest, counted: Any) -> HttpResponse:
        setattr(request, COUNTED, counted)
        return self.view(request)

    def plain_query(self, request: HttpRequest) -> tuple[dict[str, str], int, int] | None:
        """The filters, page and per_page of a plain read, or None (see the module)."""
        meta = request.META
        if (
            request.method != "GET"
            or meta.get("CONTENT_LENGTH") not in (None, "", "0")
            or meta.get("HTTP_ACCEPT") not in JSON_ACCEPTS
            or DEBUG_META in meta
        ):
            return None
        page, per_page, filters = 1, DEFAULT_PER_PAGE, {}
        for name, values in request.GET.lists():
            if len(values) != 1:
                return None
            value = values[0]
            if name == "page" or name == "per_page":
                number = positive_int(value, 1)
                if number is None:
                    return None
                if name == "page":
                    page = number
                else:
                    per_page = min(number, MAX_PER_PAGE)
            elif name in self.choices:
                if value not in self.choices[name]:
                    return None
                filters[name] = value
            elif name in self.searches:
                value = value.strip()  # as forms.CharField reads it
                if not value or len(value) > self.searches[name] or "\x00" in value:
                    return None
                filters[name] = value
            else:
                return None
        return filters, page, per_page

    def plain_token(self, request: HttpRequest) -> tuple[ApiToken, bytes | None] | None:
        """The token (and the epoch it awaits) when it verifies and may read; None otherwise,
        the view then saying why."""
        try:
            raw = bearer_credentials(request)
        except exceptions.AuthenticationFailed:
            return None
        if raw is None:
            return None
        token, pending = api_token_authenticate(raw)
        # The view takes this verification as it is: one token query per request at most.
        setattr(request, VERIFIED, (raw, token, pending))
        if token is None:
            return None
        agency = token.user.agency
        if agency is None or not agency.api_enabled:  # api.permissions.TokenPermission's 403
            return None
        api_token_touch(token=token)
        # As DRF's Request sets them on the request it wraps.
        request.user, request.auth = token.user, token  # type: ignore[attr-defined]
        return token, pending

    def answer(
        self, request: HttpRequest, token: ApiToken, filters: dict[str, str], page: int, per: int
    ) -> HttpResponse | None:
        agency = member_agency(token.user)
        assert agency is not None  # plain_token
        restricted = is_restricted(agency)
        choices = tuple((name, filters[name]) for name in sorted(self.choices) if name in filters)
        searched = next((name for name in self.searches if name in filters), None)
        count_shape = (choices, searched, restricted)
        counting = self.compiled(("count", *count_shape))
        if counting is None:
            return None
        alias, count = counting
        connection = connections[alias]
        values = {"agency": agency.pk, "viewer": getattr(agency, "visible_to", None)}
        if searched is not None:
            values[SEARCH] = connection.ops.prep_for_like_query(filters[searched])
        offset = (page - 1) * per
        with connection.cursor() as cursor:
            cursor.execute(count.sql, count.bind(values))
            total = int(cursor.fetchone()[0])  # a COUNT answers one row
            last = last_page(total, per)
            rows: list[dict[str, Any]] = []
            if total and page <= last:
                deep = offset >= pagination.DEFERRED_JOIN_OFFSET
                small = bool(filters) and total <= pagination.SMALL_TOTAL
                reading = self.compiled(("page", *count_shape, deep, small))
                if reading is None:
                    return None
                read: PageRead = reading[1]
                cursor.execute(read.sql(per, offset), read.statement.bind(values))
                rows = self.rows(read, cursor.fetchall(), connection)
        meta = {"current_page": page, "last_page": last, "per_page": per, "total": total}
        response = HttpResponse(
            _renderer.render({"data": rows, "meta": meta}), content_type="application/json"
        )
        for name, value in self.headers().items():
            response[name] = value
        return response

    @staticmethod
    def rows(read: PageRead, fetched: list[tuple[Any, ...]], connection: Any) -> list[dict]:
        if read.converters:
            converted = []
            for fetched_row in fetched:
                row = list(fetched_row)
                for index, converters, expression in read.converters:
                    for convert in converters:
                        row[index] = convert(row[index], expression, connection)
                converted.append(row)
            fetched = converted  # type: ignore[assignment]  # lists, read alike
        return OutputSerializer.represent_with(read.steps, fetched)

    def headers(self) -> dict[str, str]:
        """What DRF's ``finalize_response`` adds to every answer of the view (Allow, Vary)."""
        if self._headers is None:
            view: Any = self.view
            instance = self.cls(**view.initkwargs)
            # As DRF's view binds them on each request: HEAD answers as GET does.
            actions = {"head": view.actions["get"], **view.actions}
            instance.action_map = actions
            for method, action in actions.items():
                setattr(instance, method, getattr(instance, action))
            self._headers = dict(instance.default_response_headers)
        return self._headers

    # Compiling ------------------------------------------------------------------------------

    def compiled(self, shape: tuple[Any, ...]) -> Any:
        """(database alias, Statement or PageRead) of ``shape``; None for a shape that did not
        compile as expected (served by the view from then on)."""
        if shape not in self.shapes:
            try:
                self.shapes[shape] = self.compile(shape)
            except Exception:
                logger.exception("%s: shape %r is not served by the fast path", self.cls, shape)
                self.shapes[shape] = None
        return self.shapes[shape]

    def compile(self, shape: tuple[Any, ...]) -> tuple[str, Statement | PageRead]:
        kind, choices, searched, restricted, *page_shape = shape
        agency: Any = Agency(pk=SENTINEL_AGENCY)
        if restricted:
            agency = copy.copy(agency)
            agency.visible_to = SENTINEL_VIEWER
        filters = QueryDict(mutable=True)
        for name, value in choices:
            filters[name] = value
        if searched is not None:
            filters[searched] = SENTINEL_SEARCH
        queryset = self.cls.list_selector(agency=agency, filters=filters)
        columns = self.cls.list_columns()
        if not columns:
            raise ValueError("the list's output reads more than the model's columns")
        queryset = queryset.only(*columns)
        expected = {"agency", *(["viewer"] if restricted else []), *([SEARCH] if searched else [])}
        if kind == "count":
            sql, params = _captured(queryset.db, queryset.count)
            return queryset.db, Statement.of(sql, params, expected)
        deep, small = page_shape
        offset = max(pagination.DEFERRED_JOIN_OFFSET, 0) if deep else 0
        total = pagination.SMALL_TOTAL if small else pagination.SMALL_TOTAL + 1
        rows = paging.page_queryset(
            queryset,
            offset,
            SENTINEL_LIMIT,
            total=total,
            filtered=bool(choices) or searched is not None,
            deferred_from=pagination.DEFERRED_JOIN_OFFSET,
            small_total=pagination.SMALL_TOTAL,
        )
        compiler = rows.query.get_compiler(using=rows.db)
        sql, params = compiler.as_sql()
        limits = _LIMIT.findall(sql)
        if len(limits) != 1:
            raise ValueError(f"expected one LIMIT {SENTINEL_LIMIT}: {sql}")
        positions: dict[str, int] = {}
        for index, (expression, _, _) in enumerate(compiler.select):
            field = expression.target  # a Col: .only() selects plain columns
            positions.setdefault(field.name, index)
            positions.setdefault(field.attname, index)
        found = compiler.get_converters([expression for expression, _, _ in compiler.select])
        serializer = self.cls.output_serializer
        steps: list[Step] = [
            (name, itemgetter(positions[source]), convert)
            for (name, _, convert), source in zip(
                serializer.plan(), serializer.sources(), strict=True
            )
        ]
        converters = tuple((index, tuple(c), e) for index, (c, e) in sorted(found.items()))
        statement = Statement.of(sql, params, expected)
        return rows.db, PageRead(statement, limits[0], converters, steps)


class FastListMixin:
    """A ``TenantViewSet`` whose list answers its plain reads on the fast path: ``fast_filters``
    names the filters it serves there (``{"status": "choice", "q": "search"}``)."""

    fast_filters: ClassVar[dict[str, str]] = {}
    fast_list: ClassVar[bool] = True

    @classmethod
    def as_view(cls, actions: dict[str, str] | None = None, **initkwargs: Any) -> Any:
        view = super().as_view(actions, **initkwargs)  # type: ignore[misc]  # DRF's ViewSetMixin
        listing = actions is not None and actions.get("get") == "list"
        if not cls.fast_list or not listing or getattr(cls, "parent", None):
            return view
        fast = FastList(view)

        def serve(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            return fast(request, *args, **kwargs)

        # The view's attributes (cls, actions, initkwargs, csrf_exempt): the schema, the URL
        # checks and Django's CSRF middleware read them.
        return functools.update_wrapper(serve, view)
