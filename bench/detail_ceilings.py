"""The raw-psycopg ceilings of the API's detail reads, for the ratios in bench/README.md: the
rows ``GET /api/v1/itineraries/{id}`` and ``GET /api/v1/bookings/{id}`` read, in the queries
the API runs, rendered by orjson into the same ``{"data": ...}`` document (tests/bench proves
it byte for byte on the same data). None authenticates: the agency is ``?agency=<id>``.
Mounted only by ``bench.urls``.

What the ceilings leave out they refuse rather than fake: a record with named travellers
(their passport warnings are the domain's rule, over fields encrypted at rest) is a 501. The
bench's records have none.
"""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace
from typing import Any

import orjson
from django.http import HttpRequest, HttpResponse

from api.serializers import CENT, iso_date, iso_time, timestamp
from bench.ceilings import _connection, _error, _positive
from crm.bookings.allocation import Schedule, allocate, local_today
from crm.bookings.financials import booking_financials
from crm.models import ServiceStatus

ITINERARY = (
    "id", "client_id", "title", "status", "start_date", "end_date", "travellers", "notes",
    "created_at", "updated_at",
)  # fmt: skip
DAY = ("id", "day_number", "date", "title", "description", "location")
ITEM = (
    "id", "position", "kind", "title", "start_time", "end_time", "location", "supplier",
    "supplier_id", "reference", "notes",
)  # fmt: skip
NO_TRAVELLERS = "The raw ceiling measures records without named travellers."


def _agency(request: HttpRequest) -> int | HttpResponse:
    agency = _positive(request.GET.get("agency"), 0)
    return agency if agency else _error(400, "?agency=<id> is required.")


def _json(data: dict[str, Any]) -> HttpResponse:
    return HttpResponse(orjson.dumps({"data": data}), content_type="application/json")


def raw_itinerary(request: HttpRequest, itinerary_id: int) -> HttpResponse:
    """The itinerary (joined with its client, as the API's selector reads it), its days in
    order, their items in order with their suppliers' names, and who goes: 4 queries."""
    agency = _agency(request)
    if isinstance(agency, HttpResponse):
        return agency
    columns = ", ".join(f"i.{c}" for c in ITINERARY)
    with _connection().cursor() as cursor:
        cursor.execute(
            f"SELECT {columns} FROM crm_itinerary i JOIN crm_client c ON c.id = i.client_id "
            "WHERE i.agency_id = %s AND i.id = %s",
            [agency, itinerary_id],
        )
        row = cursor.fetchone()
        if row is None:
            return _error(404, "Not found.")
        cursor.execute(
            f"SELECT {', '.join(DAY)} FROM crm_itineraryday WHERE itinerary_id = %s "
            "ORDER BY day_number",
            [itinerary_id],
        )
        days = cursor.fetchall()
        items: list[tuple[Any, ...]] = []
        if days:
            cursor.execute(
                "SELECT t.day_id, t.id, t.position, t.kind, t.title, t.start_time, t.end_time, "
                "t.location, COALESCE(s.name, ''), t.supplier_id, t.reference, t.notes "
                "FROM crm_itineraryitem t LEFT JOIN crm_supplier s ON s.id = t.supplier_id "
                "WHERE t.day_id = ANY(%s) ORDER BY t.position, t.id",
                [[day[0] for day in days]],
            )
            items = cursor.fetchall()
        cursor.execute(
            "SELECT traveller_id FROM crm_itinerary_named_travellers WHERE itinerary_id = %s",
            [itinerary_id],
        )
        if cursor.fetchall():
            return _error(501, NO_TRAVELLERS)
    by_day: dict[int, list[dict[str, Any]]] = {day[0]: [] for day in days}
    for day_id, *values in items:
        item = dict(zip(ITEM, values, strict=True))
        item["start_time"] = iso_time(item["start_time"])
        item["end_time"] = iso_time(item["end_time"])
        by_day[day_id].append(item)
    data = dict(zip(ITINERARY, row, strict=True))
    data["start_date"], data["end_date"] = iso_date(data["start_date"]), iso_date(data["end_date"])
    data["created_at"], data["updated_at"] = (
        timestamp(data["created_at"]),
        timestamp(data["updated_at"]),
    )
    data["traveller_ids"], data["passport_warnings"] = [], []
    data["days"] = [
        {**dict(zip(DAY, day, strict=True)), "date": iso_date(day[2]), "items": by_day[day[0]]}
        for day in days
    ]
    return _json(data)


BOOKING = (
    "id", "client_id", "proposal_id", "itinerary_id", "reference", "status", "start_date",
    "end_date", "currency", "total_price", "amount_paid", "total_cost", "commission_expected",
    "commission_received", "supplier_id", "notes", "archived_at", "archived_by_id",
    "created_at", "updated_at",
)  # fmt: skip
SERVICE = (
    "id", "position", "kind", "supplier_id", "description", "start_date", "end_date",
    "start_time", "end_time", "confirmation_number", "status", "currency", "cost", "price",
    "commission_expected", "commission_source", "commission_received", "notes", "created_at",
    "updated_at",
)  # fmt: skip
PAYMENT = (
    "id", "booking_id", "kind", "amount", "currency", "paid_on", "method", "method_detail",
    "reference", "notes", "is_credit", "voided_at", "void_reason", "recorded_by_id",
    "created_at", "updated_at",
)  # fmt: skip
INSTALMENT = ("id", "label", "due_date", "amount", "position")
ZERO = Decimal("0.00")
FIGURES = (
    "total_price", "total_cost", "margin", "commission_expected", "commission_received",
    "commission_outstanding", "amount_paid", "balance_due", "credit_balance",
)  # fmt: skip


def _money(value: Decimal) -> str:
    return str(value.quantize(CENT))


def _fetch(cursor: Any, sql: str, args: list[Any], names: tuple[str, ...]) -> list[dict]:
    cursor.execute(sql, args)
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def raw_booking(request: HttpRequest, booking_id: int) -> HttpResponse:
    """The booking (joined with its agency, for its today, and its supplier), its services with
    their suppliers' names, payments, instalments and who goes: 5 queries. The derived parts
    are the domain's own functions over the rows read (``allocation.allocate`` for the
    schedule's states, ``financials.booking_financials`` for the figures): the same rule, none
    of the ORM."""
    agency = _agency(request)
    if isinstance(agency, HttpResponse):
        return agency
    columns = ", ".join(f"b.{c}" for c in BOOKING)
    with _connection().cursor() as cursor:
        cursor.execute(
            f"SELECT {columns}, COALESCE(s.name, ''), a.timezone FROM crm_booking b "
            "JOIN accounts_agency a ON a.id = b.agency_id "
            "LEFT JOIN crm_supplier s ON s.id = b.supplier_id "
            "WHERE b.agency_id = %s AND b.id = %s",
            [agency, booking_id],
        )
        row = cursor.fetchone()
        if row is None:
            return _error(404, "Not found.")
        names = ", ".join(f"v.{c}" for c in SERVICE)
        services = _fetch(
            cursor,
            f"SELECT {names}, COALESCE(s.name, '') FROM crm_bookingservice v "
            "LEFT JOIN crm_supplier s ON s.id = v.supplier_id WHERE v.booking_id = %s "
            "ORDER BY v.position, v.id",
            [booking_id],
            (*SERVICE, "supplier"),
        )
        payments = _fetch(
            cursor,
            f"SELECT {', '.join(PAYMENT)} FROM crm_payment WHERE booking_id = %s "
            "ORDER BY paid_on, id",
            [booking_id],
            PAYMENT,
        )
        instalments = _fetch(
            cursor,
            f"SELECT {', '.join(INSTALMENT)} FROM crm_paymentinstalment WHERE booking_id = %s "
            "ORDER BY due_date, position, id",
            [booking_id],
            INSTALMENT,
        )
        cursor.execute(
            "SELECT traveller_id FROM crm_booking_named_travellers WHERE booking_id = %s",
            [booking_id],
        )
        if cursor.fetchall():
            return _error(501, NO_TRAVELLERS)
    *values, supplier, zone = row
    booking = dict(zip(BOOKING, values, strict=True))
    price, paid = booking["total_price"], booking["amount_paid"]
    figures = booking_financials(
        SimpleNamespace(**booking),  # type: ignore[arg-type]
        [SimpleNamespace(**s) for s in services],  # type: ignore[misc]
    )
    rows = allocate(
        [SimpleNamespace(pk=i["id"], **i) for i in instalments],  # type: ignore[misc]
        paid=paid,
        today=local_today(zone),
    )
    schedule = Schedule(
        instalments=rows,
        total=sum((i["amount"] for i in instalments), ZERO),
        booking_total=price,
        currency=booking["currency"],
    )
    data: dict[str, Any] = {}
    for name in BOOKING[:10]:
        data[name] = booking[name]
    data["start_date"], data["end_date"] = iso_date(data["start_date"]), iso_date(data["end_date"])
    data["total_price"], data["amount_paid"] = _money(price), _money(paid)
    data["balance_due"] = _money(max(price - paid, ZERO))
    data["credit_balance"] = _money(max(paid - price, ZERO))
    data["total_cost"] = _money(booking["total_cost"])
    data["commission_expected"] = _money(booking["commission_expected"])
    data["commission_received"] = _money(booking["commission_received"])
    data["margin"] = _money(price - booking["total_cost"])
    data["supplier"], data["supplier_id"] = supplier, booking["supplier_id"]
    data["notes"] = booking["notes"]
    data["archived_at"] = timestamp(booking["archived_at"])
    data["archived_by_id"] = booking["archived_by_id"]
    data["created_at"] = timestamp(booking["created_at"])
    data["updated_at"] = timestamp(booking["updated_at"])
    data["services"] = [_service(s) for s in services]
    data["schedule"] = {
        "is_set": schedule.is_set,
        "total": f"{schedule.total:.2f}",
        "currency": schedule.currency,
        "matches_total": schedule.matches_total,
        "warning": schedule.warning,
        "instalments": [
            {
                "id": r.id,
                "label": r.label,
                "due_date": iso_date(r.due_date),
                "amount": _money(r.amount),
                "paid": _money(r.paid),
                "outstanding": _money(r.outstanding),
                "state": str(r.state),
            }
            for r in rows
        ],
    }
    data["payments"] = [_payment(p) for p in payments]
    data["traveller_ids"], data["passport_warnings"] = [], []
    data["financials"] = {
        "currency": figures.currency,
        "priced_by": figures.priced_by,
        "services": figures.services,
        **{name: _money(getattr(figures, name)) for name in FIGURES},
    }
    return _json(data)


def _service(s: dict[str, Any]) -> dict[str, Any]:
    cancelled = s["status"] == ServiceStatus.CANCELLED
    owed = max(s["commission_expected"] - s["commission_received"], ZERO)
    out = {name: s[name] for name in SERVICE[:4]}
    out["supplier"] = s["supplier"]
    out["description"] = s["description"]
    out["start_date"], out["end_date"] = iso_date(s["start_date"]), iso_date(s["end_date"])
    out["start_time"], out["end_time"] = iso_time(s["start_time"]), iso_time(s["end_time"])
    for name in ("confirmation_number", "status", "currency"):
        out[name] = s[name]
    for name in ("cost", "price", "commission_expected"):
        out[name] = _money(s[name])
    out["commission_source"] = s["commission_source"]
    out["commission_received"] = _money(s["commission_received"])
    out["commission_outstanding"] = _money(ZERO if cancelled else owed)
    out["notes"] = s["notes"]
    out["created_at"], out["updated_at"] = timestamp(s["created_at"]), timestamp(s["updated_at"])
    return out


def _payment(p: dict[str, Any]) -> dict[str, Any]:
    out = {name: p[name] for name in PAYMENT[:3]}
    out["amount"] = _money(p["amount"])
    out["currency"], out["paid_on"] = p["currency"], iso_date(p["paid_on"])
    for name in ("method", "method_detail", "reference", "notes", "is_credit"):
        out[name] = p[name]
    out["is_voided"] = p["voided_at"] is not None
    out["voided_at"] = timestamp(p["voided_at"])
    out["void_reason"], out["recorded_by_id"] = p["void_reason"], p["recorded_by_id"]
    out["created_at"], out["updated_at"] = timestamp(p["created_at"]), timestamp(p["updated_at"])
    return out
