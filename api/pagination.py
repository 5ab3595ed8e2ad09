"""The one pagination: ``?page=`` (1-based) and ``?per_page=`` (default 25, at most 100).

Every list body is ``{"data": [...], "meta": {"current_page", "last_page", "per_page",
"total"}}``. Two queries: an exact count and the page itself (skipped when the page is empty).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from django.db.models import QuerySet
from rest_framework.pagination import BasePagination
from rest_framework.request import Request
from rest_framework.response import Response

from api.exceptions import Unprocessable
from core import paging
from core.validation import INT_MAX, parse_int

DEFAULT_PER_PAGE = 25
MAX_PER_PAGE = 100
# core.paging's, here too so that a test can move them for the API alone.
DEFERRED_JOIN_OFFSET = paging.DEFERRED_JOIN_OFFSET
SMALL_TOTAL = paging.SMALL_TOTAL


def positive_int(raw: str | None, default: int) -> int | None:
    """A ``page`` or ``per_page`` value as the API reads it; None when it is no positive
    integer (a 422)."""
    if raw is None:
        return default
    if raw.isascii() and raw.isdigit() and raw.strip("0"):
        # Past INT_MAX is as good as INT_MAX (a page past the end is empty, per_page is capped),
        # and int() never reads thousands of digits (5,000 of them were a 500).
        return parse_int(raw.lstrip("0")) or INT_MAX
    return None


def _positive_int(request: Request, name: str, default: int, errors: dict[str, list[str]]) -> int:
    value = positive_int(request.query_params.get(name), default)
    if value is None:
        errors[name] = ["Must be a positive integer."]
        return default
    return value


def last_page(total: int, per_page: int) -> int:
    return max(1, math.ceil(total / per_page))


class PagePagination(BasePagination):
    def __init__(self) -> None:
        self.page = 1
        self.per_page = DEFAULT_PER_PAGE

    def parse(self, request: Request) -> None:
        """Read and check page/per_page; a bad value is a 422 before any query runs."""
        errors: dict[str, list[str]] = {}
        self.page = _positive_int(request, "page", 1, errors)
        per_page = _positive_int(request, "per_page", DEFAULT_PER_PAGE, errors)
        self.per_page = min(per_page, MAX_PER_PAGE)
        if errors:
            raise Unprocessable(errors)

    def paginate_queryset(  # type: ignore[override]  # a sequence always, and ``filtered``
        self, queryset: QuerySet, request: Request, view: Any = None, *, filtered: bool = False
    ) -> Sequence[Any]:
        """The page's rows. ``filtered``: the list is narrowed by a search or a filter, so
        its matches may be few and scattered (see ``SMALL_TOTAL``)."""
        assert queryset.ordered, "Paginating an unordered queryset would repeat or skip rows."
        self.total = queryset.count()
        self.last_page = last_page(self.total, self.per_page)
        if self.total == 0 or self.page > self.last_page:
            return []
        page = paging.page_queryset(
            queryset,
            (self.page - 1) * self.per_page,
            self.per_page,
            total=self.total,
            filtered=filtered,
            deferred_from=DEFERRED_JOIN_OFFSET,
            small_total=SMALL_TOTAL,
        )
        return list(page)

    def get_paginated_response(self, data: list[Any]) -> Response:
        return Response({"data": data, "meta": self.meta})

    @property
    def meta(self) -> dict[str, int]:
        return {
            "current_page": self.page,
            "last_page": self.last_page,
            "per_page": self.per_page,
            "total": self.total,
        }

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        return {
            "type": "object",
            "required": ["data", "meta"],
            "properties": {
                "data": schema,
                "meta": {"$ref": "#/components/schemas/PageMeta"},
            },
        }

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        return [
            {
                "name": "page",
                "in": "query",
                "required": False,
                "description": "Page number, from 1. A page past the end answers an empty list.",
                "schema": {"type": "integer", "minimum": 1, "default": 1},
            },
            {
                "name": "per_page",
                "in": "query",
                "required": False,
                "description": f"Rows per page; above {MAX_PER_PAGE} is served as {MAX_PER_PAGE}.",
                "schema": {"type": "integer", "minimum": 1, "default": DEFAULT_PER_PAGE},
            },
        ]
