"""A tripwire for unscoped reads of tenant data, armed for every request a test sends.

While Django handles a request in a test (the test client, or a live server thread), every
SELECT that reads a tenant table must constrain ``agency_id`` in its WHERE clause (directly, or
through an ``id IN (SELECT ... WHERE agency_id = ...)`` subquery): that is what
``Model.objects.for_agency(agency)`` writes. A read that does not is recorded with the code that
ran it, and the test fails when it ends, unless the read comes from one of the few places in
``ALLOWLIST`` that legitimately read without an agency, each with the reason why.

The check is on the SQL, not on the managers: it catches ``Client.objects.get(pk=...)`` in a view
as surely as a raw query, and it needs no change to the models (django-scopes would have meant
retrofitting every manager).

Plugged in by ``tests/conftest.py`` (the autouse fixture ``tenant_tripwire``). A test that needs
to see what the tripwire saw takes the fixture and reads ``tenant_tripwire.violations``.
"""

from __future__ import annotations

import re
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import FrameType
from typing import Any
from unittest import mock

import pytest
from django.core.handlers.base import BaseHandler
from django.db import connection
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponseBase

# The tables of tenant models: every row belongs to one agency (``agency_id``).
TENANT_TABLES = frozenset(
    {
        "crm_client",
        "crm_traveller",
        "crm_itinerary",
        "crm_proposal",
        "crm_booking",
        "crm_payment",
        "crm_enquiryform",
        "crm_enquiry",
        "crm_notification",
        "accounts_activity",
    }
)


@dataclass(frozen=True)
class Allowed:
    """A read without an agency, allowed when ``frame`` ("module:qualname") is on the stack;
    with ``pk_only``, only a read of one row by its primary key (``WHERE "t"."id" = %s``)."""

    frame: str
    why: str
    pk_only: bool = False


ALLOWLIST: tuple[Allowed, ...] = (
    # Public by unguessable token: no one is signed in, so there is no agency to scope by.
    Allowed(
        "crm.proposals.selectors:proposal_get_by_share_token",
        "The client's public proposal link: the share token is the only key there is; the "
        "proposal's agency comes from the row it finds, and any other token is a 404 "
        "(tests/hardening/isolation proves it).",
    ),
    Allowed(
        "crm.enquiries.selectors:enquiry_form_get_public",
        "A website form posts by its public key alone; the form's agency comes from the row, "
        "and an unknown or disabled key is a 404 (tests/hardening/isolation proves it).",
    ),
    # Row locks: the caller passes a row it already fetched through a scoped selector; the
    # lock re-reads that same row by its primary key (SELECT ... FOR UPDATE).
    Allowed(
        "crm.trips.plan:_lock_itinerary",
        "Locks the itinerary of a day/item the builder already fetched through "
        "itinerary_day_get/itinerary_item_get/itinerary_get (scoped).",
        pk_only=True,
    ),
    Allowed(
        "crm.enquiries.services:_lock_form",
        "Locks the form enquiry_form_get_public just found, to serialise duplicate checks.",
        pk_only=True,
    ),
    Allowed(
        "crm.enquiries.services:_client_append_note",
        "Locks the client the enquiry matched inside the form's own agency (for_agency), to "
        "append a note without losing a concurrent one.",
        pk_only=True,
    ),
    # Django following relations of rows it already holds.
    Allowed(
        "django.db.models.deletion:Collector.collect",
        "Cascade collection on delete: Django reads the children (by parent id) of a row the "
        "view already fetched through a scoped selector.",
    ),
    Allowed(
        "django.db.models.deletion:Collector.delete",
        "The same cascade, when Django deletes what it collected.",
    ),
)
# Not in the list because it is recognised from the queryset itself: a related manager or
# descriptor of a loaded row (``booking.payments``, ``payment.booking``, prefetch_related).
# Django marks those querysets with the row (``_hints["instance"]``); the row was fetched by a
# checked query, and services never link records across agencies. See ``_follows_a_row``.


@dataclass(frozen=True)
class Violation:
    sql: str
    where: tuple[str, ...]  # the project's frames that ran the query, innermost last

    def __str__(self) -> str:
        trail = "\n      ".join(self.where) or "(no project frame: Django internals)"
        return f"  {self.sql[:600]}\n    from:\n      {trail}"


@dataclass
class Tripwire:
    """An execute wrapper: records unscoped reads of tenant tables that are not allowlisted."""

    violations: list[Violation] = field(default_factory=list)
    checked: int = 0  # tenant-table reads inspected (for the report)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def __call__(
        self, execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any
    ) -> Any:
        if touches_tenant_table(sql):
            self.checked += 1
            if not is_scoped(sql) and not _allowed(sql):
                with self._lock:
                    self.violations.append(Violation(sql, _project_frames()))
        return execute(sql, params, many, context)

    def report(self) -> str:
        body = "\n".join(str(v) for v in self.violations)
        return (
            f"Tenant tripwire: {len(self.violations)} read(s) of tenant tables without an "
            "agency_id constraint while handling a request.\n"
            "Read through `Model.objects.for_agency(agency)` (or a selector of its domain); if "
            "the read is legitimately unscoped, add it to ALLOWLIST in "
            "tests/hardening/tripwire.py with the reason.\n" + body
        )


@contextmanager
def armed(tripwire: Tripwire) -> Iterator[Tripwire]:
    """Wrap every request Django handles (any thread) in ``tripwire``."""
    original = BaseHandler.get_response

    def get_response(handler: BaseHandler, request: HttpRequest) -> HttpResponseBase:
        with connection.execute_wrapper(tripwire):
            return original(handler, request)

    with mock.patch.object(BaseHandler, "get_response", get_response):
        yield tripwire


# Across the run, for the summary line: tenant-table reads inspected, and violations.
TOTALS = {"checked": 0, "violations": 0}


@pytest.fixture(autouse=True)
def tenant_tripwire() -> Iterator[Tripwire]:
    tripwire = Tripwire()
    with armed(tripwire):
        yield tripwire
    TOTALS["checked"] += tripwire.checked
    TOTALS["violations"] += len(tripwire.violations)
    if tripwire.violations:
        pytest.fail(tripwire.report(), pytrace=False)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if TOTALS["checked"]:
        terminalreporter.write_line(
            f"tenant tripwire: {TOTALS['checked']} reads of tenant tables inside requests "
            f"checked, {TOTALS['violations']} unscoped"
        )


# The SQL ------------------------------------------------------------------------------------

_TENANT_RE = re.compile(r'"(' + "|".join(sorted(TENANT_TABLES)) + r')"')
_FROM_TABLES_RE = re.compile(r'\b(?:FROM|JOIN)\s+"(\w+)"')
_AGENCY_RE = re.compile(r'"agency_id"\s*(?:=|IN\b)')
_IN_GROUP_RE = re.compile(r"\bIN\s*\(\x00(\d+)\x00\)")
_GROUP_RE = re.compile(r"^\(\x00(\d+)\x00\)$")
_FROM_GROUP_RE = re.compile(r"\bFROM\s+\(\x00(\d+)\x00\)")
_CLAUSE_END_RE = re.compile(
    r"\s(?:GROUP BY|HAVING|ORDER BY|LIMIT|OFFSET|FOR UPDATE|FOR NO KEY UPDATE|FOR SHARE|"
    r"UNION|INTERSECT|EXCEPT|WINDOW)\b"
)


def touches_tenant_table(sql: str) -> bool:
    return sql.lstrip()[:6].upper() == "SELECT" and _TENANT_RE.search(sql) is not None


def _flatten(sql: str) -> tuple[str, list[str]]:
    """Replace each top-level parenthesised group by ``(\\0N\\0)``; return the text and groups.

    Quoted strings and identifiers are kept whole, so a parenthesis inside one is not a group.
    """
    out: list[str] = []
    groups: list[str] = []
    depth = 0
    start = 0
    quote = ""
    for i, char in enumerate(sql):
        if quote:
            if char == quote:
                quote = ""
            if depth == 0:
                out.append(char)
            continue
        if char in "'\"":
            quote = char
            if depth == 0:
                out.append(char)
        elif char == "(":
            if depth == 0:
                start = i + 1
            depth += 1
        elif char == ")" and depth:
            depth -= 1
            if depth == 0:
                out.append(f"(\x00{len(groups)}\x00)")
                groups.append(sql[start:i])
        elif depth == 0:
            out.append(char)
    return "".join(out), groups


def _is_select(text: str) -> bool:
    return text.lstrip()[:6].upper() == "SELECT"


def _where(text: str) -> str:
    index = text.find(" WHERE ")
    if index < 0:
        return ""
    rest = text[index + len(" WHERE ") :]
    end = _CLAUSE_END_RE.search(rest)
    return rest[: end.start()] if end else rest


def _conjuncts(where: str, groups: list[str]) -> Iterator[tuple[str, list[str]]]:
    """The top-level AND terms of a WHERE clause, looking inside wrapping parentheses."""
    for term in re.split(r"\s+AND\s+", where):
        term = term.strip()
        match = _GROUP_RE.match(term)
        if match:
            inner, inner_groups = _flatten(groups[int(match.group(1))])
            yield from _conjuncts(inner, inner_groups)
        else:
            yield term, groups


def _constrains(expr: str, groups: list[str]) -> bool:
    """Does this boolean expression (flattened) keep only rows of one agency?

    ``a OR b`` does when both sides do; ``a AND b`` when either does; a term when it compares
    ``agency_id`` (``=``/``IN``) or keeps only ids from a subquery that is itself scoped.
    """
    expr = expr.strip()
    match = _GROUP_RE.match(expr)
    if match:
        return _constrains(*_flatten(groups[int(match.group(1))]))
    disjuncts = re.split(r"\s+OR\s+", expr)
    if len(disjuncts) > 1:
        return all(_constrains(d, groups) for d in disjuncts)
    conjuncts = re.split(r"\s+AND\s+", expr)
    if len(conjuncts) > 1:
        return any(_constrains(c, groups) for c in conjuncts)
    if expr.upper().startswith("NOT "):
        return False
    if _AGENCY_RE.search(expr):
        return True
    for match in _IN_GROUP_RE.finditer(expr):
        sub = groups[int(match.group(1))]
        if _is_select(sub) and _scoped_here(*_flatten(sub)):
            return True
    return False


def _scoped_here(text: str, groups: list[str]) -> bool:
    """This SELECT (flattened) keeps only one agency's rows in its WHERE clause, or reads from
    a subquery that does."""
    where = _where(text)
    if where and _constrains(where, groups):
        return True
    match = _FROM_GROUP_RE.search(text)
    if match:
        sub = groups[int(match.group(1))]
        return _is_select(sub) and _scoped_here(*_flatten(sub))
    return False


def _ok(text: str, groups: list[str], inherited: bool) -> bool:
    """Every SELECT in the statement that reads a tenant table is scoped (or sits inside one
    that is: a correlated subquery of a scoped query reads only what its parent lets it)."""
    scoped = inherited or _scoped_here(text, groups)
    from_part = text.split(" WHERE ", 1)[0]
    reads_tenant = any(table in TENANT_TABLES for table in _FROM_TABLES_RE.findall(from_part))
    if reads_tenant and not scoped:
        return False
    return all(_ok(*_flatten(g), scoped) for g in _all_groups(text, groups) if _is_select(g))


def _all_groups(text: str, groups: list[str]) -> Iterator[str]:
    """Subqueries nested in non-SELECT groups (``WHERE (a AND x IN (SELECT ...))``) too."""
    for group in groups:
        if _is_select(group):
            yield group
        else:
            yield from _all_groups(*_flatten(group))


def is_scoped(sql: str) -> bool:
    return _ok(*_flatten(sql.strip()), inherited=False)


# The stack ----------------------------------------------------------------------------------

_PROJECT_PREFIXES = ("accounts.", "api.", "core.", "crm.", "config.", "tests.")
_PK_ONLY_RE = re.compile(r'^"\w+"\."id" = %s$')


def _frames() -> Iterator[FrameType]:
    frame: FrameType | None = sys._getframe(1)
    while frame is not None:
        yield frame
        frame = frame.f_back


def _name(frame: FrameType) -> str:
    return f"{frame.f_globals.get('__name__', '?')}:{frame.f_code.co_qualname}"


def _is_pk_read(sql: str) -> bool:
    text, groups = _flatten(sql.strip())
    terms = [term for term, _ in _conjuncts(_where(text), groups)]
    return len(terms) == 1 and _PK_ONLY_RE.match(terms[0]) is not None


def _follows_a_row(frame: FrameType) -> bool:
    """A frame of a QuerySet method whose queryset a related manager or descriptor bound to a
    loaded row (Django's ``_hints["instance"]``)."""
    if frame.f_globals.get("__name__") != "django.db.models.query":
        return False
    queryset = frame.f_locals.get("self")
    if not isinstance(queryset, QuerySet):
        queryset = frame.f_locals.get("queryset")
    if not isinstance(queryset, QuerySet):
        return False
    hints: dict[str, Any] = queryset._hints  # type: ignore[attr-defined]  # private, not in the stubs
    return hints.get("instance") is not None


def _allowed(sql: str) -> bool:
    names = set()
    for frame in _frames():
        if _follows_a_row(frame):
            return True
        names.add(_name(frame))
    return any(
        entry.frame in names and (not entry.pk_only or _is_pk_read(sql)) for entry in ALLOWLIST
    )


def _project_frames() -> tuple[str, ...]:
    frames = [
        f"{_name(frame)} (line {frame.f_lineno})"
        for frame in _frames()
        if frame.f_globals.get("__name__", "").startswith(_PROJECT_PREFIXES)
        and frame.f_globals.get("__name__") != __name__
    ]
    return tuple(reversed(frames[:12]))
