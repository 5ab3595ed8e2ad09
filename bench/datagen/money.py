"""The money side of the bench dataset: each agency's suppliers, and for every booking its booked
services, payment schedule and payments, consistent with the booking's stored figures the way
``crm.bookings.financials.booking_recompute`` and the payments code would have left them:

- the booking's ``total_price`` is the sum of the prices of its services that are not
  cancelled, ``total_cost`` and ``commission_expected`` likewise (no commission received yet);
- its instalments add up to ``total_price``; its payments (never voided, no refunds) add up to
  ``amount_paid``, which is 0, a quarter, a half or all of the total, dated no later than
  ``until``.

Drawn from their own random streams (``services``, ``schedules``, ``payments``), so the rows
the generator already yielded are the same as before. The largest agency's detail itinerary
gets a booking of exactly ``DETAIL_SERVICES`` services, ``DETAIL_INSTALMENTS`` instalments and
``DETAIL_PAYMENTS`` payments: the booking detail scenario.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
DETAIL_SERVICES, DETAIL_INSTALMENTS, DETAIL_PAYMENTS = 8, 4, 5
DETAIL_REFERENCE = "BK-DETAIL"

# Every agency's directory: (name, type, default commission rate %, service kind it provides).
SUPPLIER_DIRECTORY = (
    ("TAP Air Portugal", "airline", "0", "flight"),
    ("Lufthansa", "airline", "1", "flight"),
    ("Hôtel Le Grand", "hotel", "10", "hotel"),
    ("Ryokan Kikunoya", "hotel", "12", "hotel"),
    ("Pousada São Bento", "hotel", "10", "hotel"),
    ("Aurora Transfers", "transfer", "8", "transfer"),
    ("Fjällräven Tours", "tour_operator", "15", "activity"),
    ("Andes DMC", "dmc", "12", "activity"),
    ("Hurtigruten", "cruise", "12", "cruise"),
    ("Allianz Travel", "insurance", "20", "insurance"),
    ("Trenitalia", "rail", "0", "other"),
    ("Europcar", "car_hire", "8", "other"),
)
# How many services an ordinary booking holds (the detail one holds DETAIL_SERVICES).
SERVICE_COUNTS = ((1, 10), (2, 15), (3, 20), (4, 20), (5, 15), (6, 10), (8, 10))
SERVICE_STATUSES = (("confirmed", 80), ("requested", 15), ("cancelled", 5))
METHODS = ("bank_transfer", "card", "card", "bank_transfer", "cash", "cheque")


def _cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def split(total: Decimal, shares: list[float]) -> list[Decimal]:
    """``total`` in parts proportional to ``shares``, to the cent, adding up exactly."""
    weight = sum(shares)
    parts = [_cents(total * Decimal(s / weight)) for s in shares[:-1]]
    return [*parts, total - sum(parts, Decimal("0.00"))]


class MoneyRows:
    """The rows, in the column order of ``bench.datagen.schema``; ``bookings`` are the
    generator's booking tuples, returned with ``total_cost`` and ``commission_expected``."""

    def __init__(self, *, seed: int, until: dt.datetime, first_id: dict[str, int]):
        self.seed = seed
        self.until = until
        self.next = dict(first_id)  # "supplier", "service", "instalment", "payment"
        self.suppliers: dict[int, list[tuple[int, str, Decimal, str]]] = {}
        self.services: list[tuple] = []
        self.instalments: list[tuple] = []
        self.payments: list[tuple] = []

    def rng(self, stream: str) -> random.Random:
        return random.Random(f"itinera-bench:{self.seed}:{stream}")

    def _take(self, kind: str) -> int:
        value = self.next[kind]
        self.next[kind] = value + 1
        return value

    def supplier_rows(self, agencies: list[tuple[int, int]]) -> Iterator[tuple]:
        """``agencies``: (agency id, owner id); every agency gets the whole directory."""
        created = self.until - dt.timedelta(days=5 * 365)
        for agency_id, owner_id in agencies:
            mine = self.suppliers.setdefault(agency_id, [])
            for name, kind, rate, service_kind in SUPPLIER_DIRECTORY:
                supplier_id = self._take("supplier")
                mine.append((supplier_id, name, Decimal(rate), service_kind))
                yield (
                    supplier_id, agency_id, owner_id, created, created, None, None, name, kind,
                    "", "", "", "", Decimal(rate), "", "",
                )  # fmt: skip

    def booking_rows(self, bookings: list[tuple], detail_id: int | None) -> list[tuple]:
        """Services, schedule and payments for every booking; the bookings with their cost and
        commission. ``detail_id``: the booking that gets exactly the detail's parts."""
        services, schedules, payments = (self.rng(s) for s in ("services", "schedules", "payments"))
        counts, count_weights = [c for c, _ in SERVICE_COUNTS], [w for _, w in SERVICE_COUNTS]
        status_weights = [w for _, w in SERVICE_STATUSES]
        statuses = [s for s, _ in SERVICE_STATUSES]
        out = []
        for row in bookings:
            booking_id, agency_id, *_ = row
            start, end, currency, price, paid = row[7], row[8], row[9], row[10], row[11]
            owner, created = row[14], row[15]
            detail = booking_id == detail_id
            n = DETAIL_SERVICES if detail else services.choices(counts, count_weights)[0]
            kept = ["cancelled" if not detail and i and services.choices(statuses, status_weights)
                    [0] == "cancelled" else "confirmed" for i in range(n)]  # fmt: skip
            live = [i for i, s in enumerate(kept) if s != "cancelled"]
            prices = dict(zip(live, split(price, [services.random() + 0.2 for _ in live]),
                              strict=True))  # fmt: skip
            cost_total = commission_total = Decimal("0.00")
            for position in range(n):
                supplier_id, name, rate, kind = services.choice(self.suppliers[agency_id])
                status = kept[position]
                if status != "cancelled" and services.random() < 0.15:
                    status = "requested"
                service_price = prices.get(position, _cents(price / n))
                cost = _cents(service_price * Decimal(services.uniform(0.7, 0.92)))
                commission = _cents(service_price * rate / 100)
                if status != "cancelled":
                    cost_total += cost
                    commission_total += commission
                day = start + dt.timedelta(days=services.randint(0, max(0, (end - start).days)))
                self.services.append((
                    self._take("service"), agency_id, booking_id, position, kind, supplier_id,
                    f"{name}: {kind} for {row[5]}", day, day, None, None,
                    f"CF{booking_id:07d}{position}" if status == "confirmed" else "", status,
                    currency, cost, service_price, commission, "supplier_rate", Decimal("0.00"),
                    "", created, created,
                ))  # fmt: skip
            self._schedule(schedules, row, detail)
            self._payments(payments, booking_id, agency_id, currency, paid, owner, created,
                           start, detail)  # fmt: skip
            out.append((*row, cost_total, commission_total))
        return out

    def _schedule(self, rng: random.Random, row: tuple, detail: bool) -> None:
        booking_id, agency_id, price, start, created = row[0], row[1], row[10], row[7], row[15]
        n = DETAIL_INSTALMENTS if detail else rng.choice((1, 2, 2, 2, 3, 4))
        if n == 1:
            shares, labels = [1.0], ["Full payment"]
        else:
            shares = [0.3] + [0.7 / (n - 1)] * (n - 1)
            labels = ["Deposit"] + [f"Instalment {i}" for i in range(1, n - 1)] + ["Balance"]
        first = created.date() + dt.timedelta(days=rng.randint(0, 7))
        last = max(first, start - dt.timedelta(days=60))
        for position, (label, amount) in enumerate(zip(labels, split(price, shares), strict=True)):
            due = first + dt.timedelta(days=(last - first).days * position // max(1, n - 1))
            row_id = self._take("instalment")
            self.instalments.append((row_id, agency_id, booking_id, position, label, due, amount,
                                     None))  # fmt: skip

    def _payments(self, rng, booking_id, agency_id, currency, paid, owner, created, start,
                  detail) -> None:  # fmt: skip
        if paid <= 0 and not detail:
            return
        n = DETAIL_PAYMENTS if detail else rng.choice((1, 1, 2, 3))
        latest = min(self.until.date(), start)
        span = max(0, (latest - created.date()).days)
        days = sorted(rng.randint(0, span) for _ in range(n))
        for amount, day in zip(split(paid, [rng.random() + 0.5 for _ in range(n)]), days,
                               strict=True):  # fmt: skip
            paid_on = min(latest, created.date() + dt.timedelta(days=day))
            moment = dt.datetime.combine(paid_on, dt.time(12), tzinfo=dt.UTC)
            payment_id = self._take("payment")
            self.payments.append((
                payment_id, agency_id, booking_id, "payment", amount, currency, paid_on,
                rng.choice(METHODS), "", f"PAY-{payment_id:08d}", "", False, owner, None, None,
                "", moment, moment,
            ))  # fmt: skip
