"""The ceilings of the client list/search, for the ratios in bench/README.md.

- ``/bench/raw/clients``: raw psycopg, one connection per worker process, the SQL the API
  runs for ``GET /api/v1/clients`` (an exact ``COUNT(*)`` and the page), rendered by orjson
  into the same ``{"data", "meta"}`` shape. This is the floor: the database plus the least
  Python a WSGI app can be.
- ``/bench/django/clients``: plain Django, no DRF: the same selector (``crm.clients.selectors
  .client_list``, so the same filters and SQL), ``.values()`` and a ``JsonResponse``.

- ``/bench/noauth/clients``: the API's own client list view minus the token check and the
  rate limit, so the report can say what those two add to a list request.

None authenticates: the agency is ``?agency=<id>``. Mounted only by ``bench.urls`` (the
URLs of ``bench.settings``); ``config.urls`` never includes them.
"""

from __future__ import annotations

import datetime as dt
import math
import threading
from typing import Any

import orjson
import psycopg
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from rest_framework.request import Request

from accounts.models import Agency
from api import pagination
from api.v1.clients import ClientViewSet
from crm.clients.selectors import client_list

FIELDS = (
    "id", "kind", "name", "company_client_id", "email", "phone", "phone_e164", "company",
    "city", "country", "nationality", "notes",
    "tags", "status", "source", "assigned_to_id", "created_at", "updated_at", "archived_at",
    "archived_by_id",
)  # fmt: skip
SEARCHED = ("name", "email", "phone", "company")
STATUSES = {"lead", "active", "inactive"}
DEFAULT_PER_PAGE, MAX_PER_PAGE = 25, 100
# The raw ceiling runs the SQL the API runs, deep pages included.
DEFERRED_JOIN_OFFSET: int | None = getattr(pagination, "DEFERRED_JOIN_OFFSET", None)
SMALL_TOTAL: int | None = getattr(pagination, "SMALL_TOTAL", None)
LIBPQ_OPTIONS = {"options", "sslmode", "application_name", "connect_timeout"}

_local = threading.local()


def _connection() -> psycopg.Connection:
    """One autocommit connection per worker (per thread), reopened if it broke."""
    conn = getattr(_local, "conn", None)
    if conn is None or conn.closed or conn.broken:
        db = settings.DATABASES["default"]
        # Connection options from DATABASE_URL (e.g. ?options=-c ...) apply here too.
        options = {k: v for k, v in db.get("OPTIONS", {}).items() if k in LIBPQ_OPTIONS}
        conn = psycopg.connect(
            dbname=db["NAME"],
            user=db.get("USER") or None,
            password=db.get("PASSWORD") or None,
            host=db.get("HOST") or None,
            port=db.get("PORT") or None,
            autocommit=True,
            # No prepared statements: after five runs PostgreSQL may switch a prepared query to
            # a generic plan (blind to the agency, the pattern and the offset), which for the
            # deep page and the unselective search is 10-100x slower. Django plans each query
            # with its values too, so the two ceilings and the API get the same plans.
            prepare_threshold=None,
            **options,
        )
        _local.conn = conn
    return conn


def _positive(raw: str | None, default: int) -> int | None:
    if raw is None:
        return default
    return int(raw) if raw.isascii() and raw.isdigit() and int(raw) > 0 else None


def _error(status: int, message: str) -> HttpResponse:
    return HttpResponse(
        orjson.dumps({"message": message}), status=status, content_type="application/json"
    )


def _page_params(request: HttpRequest) -> tuple[int, int, int] | HttpResponse:
    agency = _positive(request.GET.get("agency"), 0)
    page = _positive(request.GET.get("page"), 1)
    per_page = _positive(request.GET.get("per_page"), DEFAULT_PER_PAGE)
    if not agency or page is None or per_page is None:
        return _error(422, "agency, page and per_page must be positive integers.")
    return agency, page, min(per_page, MAX_PER_PAGE)


def _meta(page: int, per_page: int, total: int) -> dict[str, int]:
    last_page = max(1, math.ceil(total / per_page))
    return {"current_page": page, "last_page": last_page, "per_page": per_page, "total": total}


def _timestamp(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).replace(microsecond=0).isoformat()


def raw_clients(request: HttpRequest) -> HttpResponse:
    params = _page_params(request)
    if isinstance(params, HttpResponse):
        return params
    agency, page, per_page = params
    where = ["agency_id = %s", "archived_at IS NULL"]
    args: list[int | str] = [agency]
    unfiltered = len(where)
    status = request.GET.get("status")
    if status:
        if status not in STATUSES:
            return _error(422, "Unknown status.")
        where.append("status = %s")
        args.append(status)
    q = (request.GET.get("q") or "").strip()
    if q:
        # What Django compiles icontains to: UPPER(col::text) LIKE UPPER('%q%'), escaped.
        pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        where.append("(" + " OR ".join(f"UPPER({c}::text) LIKE UPPER(%s)" for c in SEARCHED) + ")")
        args.extend([pattern] * len(SEARCHED))
    condition = " AND ".join(where)
    with _connection().cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM crm_client WHERE {condition}", args)
        count = cursor.fetchone()
        assert count is not None  # COUNT(*) answers one row
        total = count[0]
        rows: list[tuple[Any, ...]] = []
        offset = (page - 1) * per_page
        if total and offset < total:
            order = "ORDER BY created_at DESC, id DESC"
            if SMALL_TOTAL is not None and len(where) > unfiltered and total <= SMALL_TOTAL:
                # What the API's pagination does for a filtered list with few matches.
                order = "ORDER BY COALESCE(created_at, created_at) DESC, COALESCE(id, id) DESC"
            if DEFERRED_JOIN_OFFSET is not None and offset >= DEFERRED_JOIN_OFFSET:
                # What the API's pagination does for deep pages: the ids first, then the rows.
                cursor.execute(
                    f"SELECT {', '.join(FIELDS)} FROM crm_client WHERE {condition} AND id IN "
                    f"(SELECT id FROM crm_client WHERE {condition} {order} LIMIT %s OFFSET %s) "
                    f"{order}",
                    [*args, *args, per_page, offset],
                )
            else:
                cursor.execute(
                    f"SELECT {', '.join(FIELDS)} FROM crm_client WHERE {condition} {order} "
                    "LIMIT %s OFFSET %s",
                    [*args, per_page, offset],
                )
            rows = cursor.fetchall()
    data = []
    for row in rows:
        item = dict(zip(FIELDS, row, strict=True))
        item["created_at"] = _timestamp(item["created_at"])
        item["updated_at"] = _timestamp(item["updated_at"])
        item["archived_at"] = item["archived_at"] and _timestamp(item["archived_at"])
        data.append(item)
    body = {"data": data, "meta": _meta(page, per_page, total)}
    return HttpResponse(orjson.dumps(body), content_type="application/json")


def django_clients(request: HttpRequest) -> HttpResponse:
    params = _page_params(request)
    if isinstance(params, HttpResponse):
        return params
    agency, page, per_page = params
    filters = {k: v for k, v in request.GET.items() if k in ("q", "status")}
    try:
        queryset = client_list(agency=agency, filters=filters)
    except ValidationError as exc:
        return JsonResponse(
            {"message": "Validation failed.", "errors": exc.message_dict}, status=422
        )
    total = queryset.count()
    offset = (page - 1) * per_page
    rows = list(queryset[offset : offset + per_page].values(*FIELDS)) if offset < total else []
    for row in rows:
        row["created_at"] = _timestamp(row["created_at"])
        row["updated_at"] = _timestamp(row["updated_at"])
        row["archived_at"] = row["archived_at"] and _timestamp(row["archived_at"])
    return JsonResponse({"data": rows, "meta": _meta(page, per_page, total)})


_agencies: dict[int, Agency] = {}


class NoAuthClientList(ClientViewSet):
    """``GET /api/v1/clients`` exactly, minus the token check and the rate limit: what those
    two add to a list request is the API's figure over this one's. The agency comes from
    ``?agency=`` (fetched once per process, as the token query brings it along for free)."""

    authentication_classes: list = []
    permission_classes: list = []
    fast_list = False  # the view itself, measured

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        self.format_kwarg = self.get_format_suffix(**kwargs)
        neg = self.perform_content_negotiation(request)
        request.accepted_renderer, request.accepted_media_type = neg

    @property
    def agency(self) -> Agency:
        agency_id = int(self.request.query_params.get("agency") or 0)
        if agency_id not in _agencies:
            _agencies[agency_id] = Agency.objects.get(pk=agency_id)
        return _agencies[agency_id]

    def filters(self) -> QueryDict:
        params = super().filters()
        if "agency" in params:
            params = params.copy()
            params.pop("agency")
        return params
