"""A CSV import of 50,000 clients (issue #17 part B): time and peak memory.

    .venv/bin/python bench/import_clients.py              # 50,000 rows, SQLite test database
    .venv/bin/python bench/import_clients.py --rows 5000  # smaller
    DATABASE_URL=postgres://... .venv/bin/python bench/import_clients.py

Writes the file to a temporary directory, uploads it the way a request does (Django's
``TemporaryUploadedFile``: on disk, read in chunks) into the chunk rows, then runs the import
job's body in-process; a second run of the same file shows the re-import (all skipped).
Peak memory: the process's peak RSS, and with ``--trace`` Python's own allocations during
the upload and the job (``tracemalloc``, which slows the run several times). About one row
in 50 is broken (no name) and one in 25 repeats an earlier email, so the report has failures
and skips.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings_test")


def write_csv(path: Path, rows: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write("Name,Email,Phone,City,Country,Tags,Notes\n")
        for n in range(1, rows + 1):
            name = "" if n % 50 == 0 else f"Client {n}"
            email = f"client{n - 7 if n % 25 == 0 else n}@bench.example"
            phone = f"+44 7700 {n % 1000000:06d}"
            out.write(
                f'{name},{email},{phone},London,United Kingdom,"bench;vip","Row {n}, quoted"\n'
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument(
        "--trace", action="store_true", help="Python's peak allocations (tracemalloc: slower)"
    )
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core.files.uploadedfile import TemporaryUploadedFile
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    settings.QUOTA_CLIENTS = max(int(getattr(settings, "QUOTA_CLIENTS", 0)), args.rows * 2)
    connection.creation.create_test_db(verbosity=0, autoclobber=True)

    from accounts.models import Agency
    from crm.clients import imports
    from crm.models import Client

    agency = Agency.objects.create(name="Bench Tours", slug="bench-tours", timezone="Europe/London")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "clients.csv"
        write_csv(path, args.rows)
        size = path.stat().st_size
        for attempt in ("first import", "re-import"):
            if args.trace:
                tracemalloc.start()
            started, cpu = time.perf_counter(), time.process_time()
            upload = TemporaryUploadedFile("clients.csv", "text/csv", size, "utf-8")
            with path.open("rb") as source:
                while piece := source.read(64 * 1024):
                    upload.write(piece)
            upload.seek(0)
            run = imports.import_upload(agency=agency, created_by=None, upload=upload)
            uploaded = time.perf_counter() - started
            run.mapping = imports.mapping_clean(run, run.mapping)
            run.status = "queued"
            run.save()
            imports.import_run(agency_id=agency.pk, import_id=run.pk)
            elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
            peak = tracemalloc.get_traced_memory()[1] if args.trace else 0
            tracemalloc.stop()
            run.refresh_from_db()
            print(
                f"{attempt}: {args.rows:,} rows, {size / 2**20:.1f} MB, "
                f"{run.chunks.count()} chunks: upload {uploaded:.1f} s, total {elapsed:.1f} s "
                f"(CPU {cpu:.1f} s) "
                f"({args.rows / elapsed:,.0f} rows/s); created {run.created:,}, merged "
                f"{run.merged:,}, skipped {run.skipped:,}, failed {run.failed:,}"
                + (f"; Python peak {peak / 2**20:.1f} MB" if args.trace else "")
            )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"clients in the agency: {Client.objects.count():,}; process peak RSS {rss:.0f} MB")


if __name__ == "__main__":
    main()
