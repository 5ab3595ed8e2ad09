"""Profile one API scenario in-process: where does a request's time go?

Usage: ``bench/run`` sets the environment; by hand::

    DATABASE_URL=... SECRET_KEY=... .venv/bin/python bench/profile_api.py MANIFEST SCENARIO [N]

SCENARIO is one of: unfiltered, status, selective, unselective, deep, detail, booking (the booking
detail), post, 401, 429.
Prints wall time per request (mean of N) with and without the SQL, then the cProfile top list.
"""

from __future__ import annotations

import cProfile
import json
import os
import pstats
import sys
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def main() -> None:
    manifest = json.loads(Path(sys.argv[1]).read_text())
    scenario = sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 200
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    largest = manifest["largest"]
    token = {"429": largest["tiny_token"], "401": "itn_000000000000.nope"}.get(
        scenario, largest["token"]
    )
    client = Client(headers={"Authorization": f"Bearer {token}", "Accept": "application/json"})
    paths = {
        "unfiltered": "/api/v1/clients",
        "status": f"/api/v1/clients?status={manifest['status_filter']}",
        "selective": f"/api/v1/clients?q={quote(manifest['selective_q'])}",
        "unselective": f"/api/v1/clients?q={quote(manifest['unselective_q'])}",
        "deep": f"/api/v1/clients?page={manifest['deep_page']}",
        "detail": f"/api/v1/itineraries/{manifest['detail_itinerary_id']}",
        "booking": f"/api/v1/bookings/{manifest['detail_booking_id']}",
        "401": "/api/v1/clients",
        "429": "/api/v1/clients",
    }
    counter = iter(range(10**9))

    def request():
        if scenario == "post":
            i = next(counter)
            body = {
                "name": f"Profile Lead {i}",
                "email": f"p{i}-{time.time_ns()}@lead.bench.invalid",
            }
            return client.post("/api/v1/clients", body, content_type="application/json")
        return client.get(paths[scenario])

    request()
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        for _ in range(n):
            request()
        wall = (time.perf_counter() - started) / n * 1000
    sql = sum(float(q["time"]) for q in captured.captured_queries) / n * 1000
    print(f"{scenario}: {wall:.2f} ms per request, of which SQL {sql:.2f} ms "
          f"({len(captured.captured_queries) / n:.1f} queries)")  # fmt: skip
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(n):
        request()
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
    if scenario == "post":
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM crm_client WHERE email LIKE '%%@lead.bench.invalid'")


if __name__ == "__main__":
    main()
