"""EXPLAIN (ANALYZE, BUFFERS) of exactly the SQL the API runs for each bench scenario.

Usage: ``bench/run 1m --explain`` (or ``DATABASE_URL=... .venv/bin/python bench/explain.py
MANIFEST OUT.md`` with the bench settings in the environment). Every scenario request goes
through the real API in-process (Django's test client, the bench token); each SELECT it ran
is then explained, each twice (the second, warm run is the one reported).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

SKIP = ("SAVEPOINT", "RELEASE", "ROLLBACK")


def scenarios(manifest: dict) -> list[tuple[str, str]]:
    from urllib.parse import quote

    return [
        ("list, unfiltered", "/api/v1/clients"),
        (f"list, status={manifest['status_filter']}",
         f"/api/v1/clients?status={manifest['status_filter']}"),
        (f"list, selective q={manifest['selective_q']!r}",
         f"/api/v1/clients?q={quote(manifest['selective_q'])}"),
        (f"list, unselective q={manifest['unselective_q']!r}",
         f"/api/v1/clients?q={quote(manifest['unselective_q'])}"),
        (f"list, deep page {manifest['deep_page']}",
         f"/api/v1/clients?page={manifest['deep_page']}"),
        ("itinerary detail (14 days x 4 items)",
         f"/api/v1/itineraries/{manifest['detail_itinerary_id']}"),
        ("booking detail (8 services, 4 instalments, 5 payments)",
         f"/api/v1/bookings/{manifest['detail_booking_id']}"),
    ]  # fmt: skip


def explain(sql: str) -> str:
    with connection.cursor() as cursor:
        for _ in range(2):
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
            rows = cursor.fetchall()
    return "\n".join(row[0] for row in rows)


def main() -> None:
    manifest_path, out_path = Path(sys.argv[1]), Path(sys.argv[2])
    manifest = json.loads(manifest_path.read_text())
    token = manifest["largest"]["token"]
    client = Client(headers={"Authorization": f"Bearer {token}", "Accept": "application/json"})
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        version = cursor.fetchone()[0]
        cursor.execute("SELECT current_setting('max_parallel_workers_per_gather')")
        parallel = cursor.fetchone()[0]
    lines = [
        f"# EXPLAIN at {manifest['clients']:,} clients (largest agency "
        f"{manifest['largest']['clients']:,})",
        "",
        f"{version}; max_parallel_workers_per_gather = {parallel}.",
        "",
    ]
    for title, path in scenarios(manifest):
        client.get(path)  # warm caches and the token's last use
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        lines += [f"## {title}", "", f"`GET {path}` -> {response.status_code}", ""]
        for query in captured.captured_queries:
            sql = query["sql"]
            if sql.startswith(SKIP) or "accounts_apitoken" in sql:
                continue
            lines += ["```", sql, "", explain(sql), "```", ""]
    out_path.write_text("\n".join(lines))
    print(f"wrote {out_path}")


if __name__ == "__main__":
    main()
