"""How a list page is read, for the API (``api.pagination``) and the dashboard's lists
(``core.views.paginate``) alike: the same SQL for the same page (bench/README.md measured it).

- A deep page (from ``DEFERRED_JOIN_OFFSET`` on) reads its ids first, from an index-only scan
  of the list's (agency, created_at, id) index, then only its rows: still one query, 4-5x
  faster at an offset of 124k than skipping the rows themselves.
- A filtered list with at most ``SMALL_TOTAL`` matches sorts its matches instead of walking
  the created-order index testing each row (245 -> 26 ms at 1M for matches that are all old).
"""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import F, QuerySet
from django.db.models.functions import Coalesce
from django.utils.functional import cached_property

# From this offset on, a page is read as "the rows whose ids are those of the page".
DEFERRED_JOIN_OFFSET = 1000
# A filtered list with at most this many matches reads its page from the matches, sorted:
# ~30 ms at most at 1M, where walking the index for matches that are all old took 245 ms. Above
# it the walk stays: for 5,000+ matches spread over time it is the faster plan (30 vs 45 ms).
SMALL_TOTAL = 2000
# A filtered dashboard list counts its matches up to this many and then says "more than": an
# exact total of a substring search that matches most of an agency (``q=gmail``, 75,000 of
# 249,000 clients at 1M) rechecks every match, ~200 ms, where reading the first 10,001 is a
# seventh of that. The API's ``meta.total`` stays exact (the contract); nobody pages to 400.
COUNT_CAP = 10_000


def unindexed_ordering(queryset: QuerySet) -> list[Any]:
    """The queryset's ordering, each field wrapped in ``COALESCE(f, f)``: the same order
    (NULLs included), which no index can provide."""
    ordering = []
    for item in queryset.query.order_by or queryset.model._meta.ordering:
        if not isinstance(item, str) or item == "?":
            ordering.append(item)
            continue
        name = item.lstrip("-")
        expression = Coalesce(F(name), F(name))
        ordering.append(expression.desc() if item.startswith("-") else expression.asc())
    return ordering


def page_queryset(
    rows: QuerySet,
    offset: int,
    limit: int,
    *,
    total: int,
    filtered: bool,
    deferred_from: int = DEFERRED_JOIN_OFFSET,
    small_total: int = SMALL_TOTAL,
) -> QuerySet:
    """The page: ``limit`` rows of the ordered ``rows`` from ``offset``, whose count is
    ``total``, read as the module says (``api.fast_list`` compiles it once per shape). The
    thresholds are parameters so that ``api.pagination`` can pass its own, which tests move."""
    if filtered and total <= small_total:
        # The count just said the matches are few. Ordered as it is, the page could be planned
        # as a walk of the (agency, created_at) index testing each row until enough match:
        # quick when matches are many and spread, a walk through the whole agency when they
        # are few and old. Ordering by an expression no index provides makes PostgreSQL read
        # the matches (as the count did) and sort those few.
        rows = rows.order_by(*unindexed_ordering(rows))
    page = rows[offset : offset + limit]
    if offset >= deferred_from:
        # A deep page: the ids come from an index-only scan, then only the page's rows.
        page = rows.filter(pk__in=page.values("pk"))
    return page


class ListPaginator(Paginator):
    """Django's ``Paginator`` reading a page of an ordered queryset as the API does.
    ``filtered``: the list is narrowed by a search or a filter (its matches may be few, or
    many: then ``count`` stops at ``count_cap`` and ``capped`` says there are more)."""

    def __init__(
        self,
        object_list: Any,
        per_page: int,
        *,
        filtered: bool = False,
        count_cap: int | None = None,
    ) -> None:
        super().__init__(object_list, per_page)
        self.filtered = filtered
        self.count_cap = COUNT_CAP if count_cap is None else count_cap
        self.capped = False

    @cached_property
    def count(self) -> int:
        rows, cap = self.object_list, self.count_cap
        if not (self.filtered and cap and isinstance(rows, QuerySet)):
            return super().count
        # SELECT COUNT(*) FROM (SELECT ... LIMIT cap + 1): stops at the first cap + 1 matches.
        found = rows.order_by()[: cap + 1].count()
        self.capped = found > cap
        return min(found, cap)

    def page(self, number: Any) -> Page:
        rows = self.object_list
        if not isinstance(rows, QuerySet) or not rows.ordered:
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        limit = min(self.per_page, self.count - bottom)  # a capped count's last page ends there
        page = list(page_queryset(rows, bottom, limit, total=self.count, filtered=self.filtered))
        return self._get_page(page, number, self)  # type: ignore[attr-defined]  # Django's own
