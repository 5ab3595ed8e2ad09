"""How big and how slow the itinerary pages are for a plan at the caps (issue #12, item 6).

    .venv/bin/python bench/builder_size.py                 # 20 days x 50 items, 366 x ~3
    .venv/bin/python bench/builder_size.py --shape 366x2   # one shape only (days x items a day)

Runs in-process on a throwaway SQLite test database (the test settings), renders each page a
few times through Django's test client and prints the HTML size and the median time. Figures
are for comparing before and after a change on one machine, not absolute.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings_test")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shape", action="append", help="DAYSxITEMS, e.g. 20x50 (repeatable)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    shapes = [tuple(int(n) for n in s.split("x")) for s in (args.shape or ["20x50", "366x3"])]

    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    setup_test_environment()
    connection.creation.create_test_db(verbosity=0, autoclobber=True)

    from accounts.models import Agency, Role, User
    from crm.models import Client as CrmClient
    from crm.models import Itinerary, ItineraryDay, ItineraryItem

    agency = Agency.objects.create(name="Bench Tours", slug="bench-tours")
    user = User.objects.create_user(
        username="bench", email="bench@bench.example", agency=agency, role=Role.OWNER
    )
    client = CrmClient.objects.create(agency=agency, name="Bench Client")
    browser = Client()
    browser.force_login(user)
    print(f"{'plan':>14} {'page':>10} {'HTML':>12} {'median':>9}")
    for days, per_day in shapes:
        itinerary = Itinerary.objects.create(agency=agency, client=client, title="Bench trip")
        day_rows = ItineraryDay.objects.bulk_create(
            ItineraryDay(itinerary=itinerary, day_number=n + 1, title=f"Day {n + 1}")
            for n in range(days)
        )
        left = 1000  # the per-itinerary cap: the shape never holds more
        items = []
        for day in day_rows:
            for position in range(min(per_day, left)):
                items.append(ItineraryItem(day=day, position=position, title=f"Item {position}"))
            left -= min(per_day, left)
        ItineraryItem.objects.bulk_create(items)
        label = f"{days}x{per_day}={len(items)}"
        for name in ("itinerary_detail", "itinerary_print"):
            url = reverse(name, args=[itinerary.pk])
            timings, size = [], 0
            for _ in range(args.runs):
                started = time.perf_counter()
                response = browser.get(url)
                timings.append(time.perf_counter() - started)
                assert response.status_code == 200, response.status_code
                size = len(response.content)
            page = name.removeprefix("itinerary_")
            median = statistics.median(timings) * 1000
            print(f"{label:>14} {page:>10} {size:>10,} B {median:>7.0f} ms")


if __name__ == "__main__":
    main()
