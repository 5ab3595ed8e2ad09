"""Writing the generated rows: ``COPY`` on PostgreSQL with the secondary indexes dropped and
rebuilt afterwards (as ``pg_restore`` does), batched ``INSERT`` elsewhere (SQLite, in tests);
emptying a bench database first (``--reset``) and ``VACUUM ANALYZE`` at the end."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.core.management.base import CommandError
from django.db import connection, models, transaction

from accounts.models import Agency, ApiToken, User
from bench.datagen.generator import Generator
from bench.datagen.schema import (
    BOOKING_COLUMNS,
    CLIENT_COLUMNS,
    DAY_COLUMNS,
    INSTALMENT_COLUMNS,
    ITEM_COLUMNS,
    ITINERARY_COLUMNS,
    LOADED_MODELS,
    PAYMENT_COLUMNS,
    PROPOSAL_COLUMNS,
    SERVICE_COLUMNS,
    SUPPLIER_COLUMNS,
)
from crm.models import (
    Booking,
    BookingService,
    Client,
    Itinerary,
    ItineraryDay,
    ItineraryItem,
    Payment,
    PaymentInstalment,
    Proposal,
    Supplier,
)

Log = Callable[[str], Any]


def _column(model: type[models.Model], name: str) -> models.Field:
    field = model._meta.get_field(name)
    assert isinstance(field, models.Field), f"{name} is not a column of {model.__name__}"
    return field


class RowSink:
    """Rows (tuples in ``columns`` order) into ``model``'s table: COPY on PostgreSQL, batched
    INSERTs elsewhere. Values are Python values (JSON columns take lists and dicts). Neither
    path runs ``pre_save``, so ``auto_now`` fields keep the generated timestamps."""

    BATCH = 500

    def __init__(self, model: type[models.Model], columns: Sequence[str]):
        self.model = model
        self.columns = list(columns)
        self.fields = [_column(model, name.removesuffix("_id")) for name in self.columns]
        self.json_columns = {
            i for i, f in enumerate(self.fields) if isinstance(f, models.JSONField)
        }
        self.count = 0
        self._copy = None
        self._batch: list[list[Any]] = []
        self._cursor = connection.cursor()
        quote = connection.ops.quote_name
        self._table = quote(model._meta.db_table)
        self._cols = ", ".join(quote(c) for c in self.columns)

    def __enter__(self) -> RowSink:
        if connection.vendor == "postgresql":
            self._copy_cm = self._cursor.cursor.copy(
                f"COPY {self._table} ({self._cols}) FROM STDIN"
            )
            self._copy = self._copy_cm.__enter__()
        return self

    def write(self, row: Sequence[Any]) -> None:
        self.count += 1
        if self._copy is not None:
            if self.json_columns:
                row = [json.dumps(v) if i in self.json_columns else v for i, v in enumerate(row)]
            self._copy.write_row(row)
            return
        self._batch.append(
            [f.get_db_prep_save(v, connection) for f, v in zip(self.fields, row, strict=True)]
        )
        if len(self._batch) >= self.BATCH:
            self._flush()

    def _flush(self) -> None:
        if self._batch:
            marks = ", ".join(["%s"] * len(self.columns))
            self._cursor.executemany(
                f"INSERT INTO {self._table} ({self._cols}) VALUES ({marks})", self._batch
            )
            self._batch = []

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            if self._copy is not None:
                self._copy_cm.__exit__(exc_type, exc, tb)
            elif exc_type is None:
                self._flush()
        finally:
            self._cursor.close()


def _secondary_indexes(tables: Sequence[str]) -> list[tuple[str, str]]:
    """(name, CREATE INDEX statement) of every index that backs no constraint."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT i.relname, pg_get_indexdef(x.indexrelid)
            FROM pg_index x
            JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_class t ON t.oid = x.indrelid
            WHERE t.relname = ANY(%s)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
            ORDER BY t.relname, i.relname
            """,
            [list(tables)],
        )
        return list(cursor.fetchall())


def step(log: Log, label: str, fn: Callable[..., Any], *args: Any) -> Any:
    """``fn(*args)``, then how long it took."""
    started = time.monotonic()
    result = fn(*args)
    log(f"  {label}: {time.monotonic() - started:.1f}s")
    return result


# authtoken: the stock-DRF peer's tokens (bench/stock_drf.py) name the users the reset deletes.
RESET_APPS = ("accounts", "crm", "authtoken")


def reset() -> None:
    """Delete every agency, user and CRM row: refused on a PostgreSQL database whose name
    says neither ``bench`` nor ``test``."""
    if connection.vendor == "postgresql":
        name = str(connection.settings_dict["NAME"])
        if "bench" not in name and "test" not in name:
            raise CommandError(f"Refusing to wipe database {name!r}: not a bench database.")
        tables = [
            m._meta.db_table
            for m in Agency._meta.apps.get_models(include_auto_created=True)
            if m._meta.app_label in RESET_APPS
        ]
        existing = set(connection.introspection.table_names())
        quoted = ", ".join(connection.ops.quote_name(t) for t in tables if t in existing)
        with connection.cursor() as cursor:
            # Inside a transaction (tests), deferred FK checks must fire before a TRUNCATE.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(f"TRUNCATE {quoted} RESTART IDENTITY CASCADE")
    else:
        # Raw deletes: no signals (the audit trail would log every row it loses), and the
        # foreign keys are checked at commit, when every table is empty.
        with transaction.atomic(), connection.cursor() as cursor:
            for model in Agency._meta.apps.get_models(include_auto_created=True):
                if model._meta.app_label in RESET_APPS:
                    table = connection.ops.quote_name(model._meta.db_table)
                    cursor.execute(f"DELETE FROM {table}")


def load(gen: Generator, log: Log) -> None:
    """Every row of ``gen`` in one transaction, each table's time logged."""
    on_pg = connection.vendor == "postgresql"
    tables = [m._meta.db_table for m in LOADED_MODELS]
    with transaction.atomic():
        step(log, f"{gen.n_agencies} agencies with owners", gen.create_agencies)
        gen.reserve_ids()
        dropped: list[tuple[str, str]] = []
        if on_pg:
            with connection.cursor() as cursor:
                cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
                if cursor.fetchone()[0]:
                    # The rows are consistent by construction: skip per-row FK triggers,
                    # as pg_restore --disable-triggers does.
                    cursor.execute("SET LOCAL session_replication_role = replica")
                # Build the secondary indexes once at the end rather than row by row.
                cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
                dropped = _secondary_indexes(tables)
                for name, _ in dropped:
                    cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
        step(log, "clients", copy, Client, CLIENT_COLUMNS, gen.client_rows(), log)
        step(log, "itineraries", copy, Itinerary, ITINERARY_COLUMNS, gen.itinerary_rows(), log)
        step(log, "days", copy, ItineraryDay, DAY_COLUMNS, gen.day_rows(), log)
        step(log, "items", copy, ItineraryItem, ITEM_COLUMNS, gen.item_rows(), log)
        proposals, bookings = gen.proposal_and_booking_rows()
        money = gen.money()
        owners = [(a.id, a.user_id) for a in gen.agencies]
        step(log, "suppliers", copy, Supplier, SUPPLIER_COLUMNS, money.supplier_rows(owners), log)
        bookings = money.booking_rows(bookings, gen.detail_booking_id)
        step(log, "proposals", copy, Proposal, PROPOSAL_COLUMNS, proposals, log)
        step(log, "bookings", copy, Booking, BOOKING_COLUMNS, bookings, log)
        step(log, "services", copy, BookingService, SERVICE_COLUMNS, money.services, log)
        step(
            log, "instalments", copy, PaymentInstalment, INSTALMENT_COLUMNS, money.instalments, log
        )
        step(log, "payments", copy, Payment, PAYMENT_COLUMNS, money.payments, log)
        if on_pg:
            with connection.cursor() as cursor:
                started = time.monotonic()
                for _name, ddl in dropped:
                    cursor.execute(ddl)
                log(f"  {len(dropped)} indexes rebuilt: {time.monotonic() - started:.1f}s")
                for model in LOADED_MODELS:
                    table = model._meta.db_table
                    top = f"(SELECT MAX(id) FROM {connection.ops.quote_name(table)})"
                    cursor.execute(
                        f"SELECT setval(pg_get_serial_sequence(%s, 'id'), COALESCE({top}, 1))",
                        [table],
                    )


def copy(
    model: type[models.Model], columns: Sequence[str], rows: Iterable[Sequence[Any]], log: Log
) -> None:
    with RowSink(model, columns) as sink:
        for row in rows:
            sink.write(row)
    log(f"    {sink.count} {model._meta.verbose_name_plural}")


def vacuum() -> None:
    with connection.cursor() as cursor:
        for model in (*LOADED_MODELS, Agency, User, ApiToken):
            cursor.execute(f"VACUUM (ANALYZE) {connection.ops.quote_name(model._meta.db_table)}")
