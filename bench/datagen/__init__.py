"""The deterministic benchmark dataset behind ``manage.py generate_bench_data``.

The same ``--seed`` and ``--clients`` give the same rows (and, on an empty database, the
same ids). What it loads, per ``bench/README.md``:

- many agencies (``bench-…`` slugs), the largest holding about a quarter of the clients and
  the others a long tail; each with an owner and an API token (plaintext written to the
  manifest, ``bench/results/tokens.json`` by default, which is git-ignored);
- clients with multi-byte names from many countries, unique emails, skewed statuses,
  sources and tags, created over five years (more in recent years), ids in created order;
- itineraries for about a tenth of the clients (7 to 21 days, 2 to 6 items a day), one of
  them in the largest agency with exactly 14 days x 4 items for the detail benchmark;
  proposals for most itineraries and bookings for the accepted ones.

On PostgreSQL rows go in through ``COPY`` with the secondary indexes dropped and rebuilt
afterwards (as ``pg_restore`` does), then ``VACUUM ANALYZE`` so that statistics and the
visibility map (index-only scans) are fresh. Elsewhere (SQLite, for tests at tiny sizes) the
same rows go through batched ``INSERT``s.

- ``tables``: the locales, names and weighted choices the rows are drawn from;
- ``generator``: the rows themselves (``Generator``), in the column order of ``schema``;
- ``loader``: writing them (``COPY``/``INSERT``), ``--reset`` and ``VACUUM ANALYZE``;
- ``manifest``: fresh tokens and the ids and search terms the scenarios use.
"""
