"""The datasets: one database per size, loaded by ``generate_bench_data`` when it does not
hold that size yet (else only fresh tokens), and the leads the POST scenario adds removed."""

from __future__ import annotations

import json
import subprocess
import time
import urllib.parse
from typing import Any

from bench.lib.common import PYTHON, ROOT
from bench.lib.db import sql
from bench.throughput.environment import RESULTS, SIZES, database_url, log, server_env
from bench.throughput.scenarios import PAYMENT_REFERENCE as PAYMENT


def ensure_dataset(label: str, *, regenerate: bool) -> dict[str, Any]:
    url = database_url(label)
    parsed = urllib.parse.urlparse(url)
    name = parsed.path.lstrip("/")
    admin = parsed._replace(path="/postgres").geturl()
    if not sql(admin, f"SELECT 1 FROM pg_database WHERE datname = '{name}'"):
        log(f"creating database {name}")
        sql(admin, f'CREATE DATABASE "{name}"')
    run_env = server_env(label)
    manage = [str(PYTHON), "manage.py"]
    subprocess.run(
        [*manage, "migrate", "--noinput", "--skip-checks", "-v0"], cwd=ROOT, env=run_env, check=True
    )
    # gunicorn refuses to serve without collected static files (config/checks.py, itinera.E001).
    subprocess.run(
        [*manage, "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=run_env, check=True
    )
    manifest = RESULTS / f"{name}.json"
    count = (
        "SELECT COUNT(*) FROM crm_client c JOIN accounts_agency a ON a.id = c.agency_id "
        "WHERE a.slug LIKE 'bench-%' AND c.email NOT LIKE '%@lead.bench.invalid'"
    )  # leads left by an interrupted POST scenario are removed later, not a reason to reload
    loaded = sql(url, count)[0][0]
    # A dataset loaded before bookings had services, schedules and payments is reloaded.
    has_money = bool(sql(url, "SELECT 1 FROM crm_bookingservice LIMIT 1"))
    if regenerate or loaded != SIZES[label] or not has_money:
        log(f"loading {SIZES[label]:,} clients into {name} (had {loaded:,})")
        started = time.monotonic()
        subprocess.run(
            [
                *manage,
                "generate_bench_data",
                "--clients",
                str(SIZES[label]),
                "--reset",
                "--manifest",
                str(manifest),
            ],
            cwd=ROOT,
            env=run_env,
            check=True,
        )
        log(f"loaded in {time.monotonic() - started:.0f}s")
    else:
        subprocess.run(
            [*manage, "generate_bench_data", "--tokens-only", "--manifest", str(manifest)],
            cwd=ROOT,
            env=run_env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return json.loads(manifest.read_text())


def remove_bench_writes(label: str) -> None:
    """The POST scenarios add leads and payments: delete them so every run sees the same
    dataset. A booking's ``amount_paid`` is then its entries' sum again, as
    ``crm.bookings.payments`` keeps it (payments minus refunds, voided ones left out)."""
    url = database_url(label)
    sql(url, "DELETE FROM crm_client WHERE email LIKE '%%@lead.bench.invalid'")
    paid = sql(url, f"SELECT DISTINCT booking_id FROM crm_payment WHERE reference = '{PAYMENT}'")
    if paid:
        ids = ",".join(str(row[0]) for row in paid)
        sql(url, f"DELETE FROM crm_payment WHERE reference = '{PAYMENT}'")
        sql(
            url,
            "UPDATE crm_booking b SET amount_paid = COALESCE((SELECT SUM(CASE WHEN p.kind = "
            "'refund' THEN -p.amount ELSE p.amount END) FROM crm_payment p WHERE p.booking_id "
            f"= b.id AND p.voided_at IS NULL), 0) WHERE b.id IN ({ids})",
        )
        sql(url, "VACUUM (ANALYZE) crm_payment")
    sql(url, "VACUUM (ANALYZE) crm_client")
