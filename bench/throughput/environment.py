"""Where the benchmark writes, the defaults it reads from the environment, the sizes, and the
environment of each size's server and manage.py commands."""

from __future__ import annotations

import os
import sys
import urllib.parse

from bench.lib.common import ROOT
from bench.lib.common import log as _log

RESULTS = ROOT / "bench" / "results"
LUA = ROOT / "bench" / "wrk" / "scenario.lua"

DEFAULTS = {
    "BENCH_DATABASE_URL": "postgres://postgres@127.0.0.1:5432/itinera_bench",
    "BENCH_REDIS_URL": "redis://127.0.0.1:6379/4",
    "BENCH_PORT": "8140",
    # Bench-only secret: the tokens in the manifest are HMACs keyed by a pepper derived from it.
    "BENCH_SECRET_KEY": "itinera-bench-only-secret-key-never-used-in-production",
    # Passed to every server connection through DATABASE_URL (?options=...). On 2 cores
    # shared by the app, the database and the load generator, a parallel plan only adds
    # worker start-up to the exact counts; `bench/run --pg-options ""` measures without it.
    "BENCH_PG_OPTIONS": "-c max_parallel_workers_per_gather=0",
}
PG_OPTIONS = [DEFAULTS["BENCH_PG_OPTIONS"]]
SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000}


def env(name: str) -> str:
    return os.environ.get(name) or DEFAULTS[name]


def log(message: str) -> None:
    _log(message, tag="bench")


def size_label(text: str) -> str:
    label = text.strip().lower()
    if label not in SIZES:
        sys.exit(f"Unknown size {text!r}: use one of {', '.join(SIZES)}.")
    return label


def database_url(label: str) -> str:
    return f"{env('BENCH_DATABASE_URL')}_{label}"


def server_env(label: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DEBUG": "0",
        "SECURE_SSL_REDIRECT": "0",
        "SECRET_KEY": os.environ.get("BENCH_SECRET_KEY") or env("BENCH_SECRET_KEY"),
        # Bench-only key of the fields encrypted at rest (core.crypto).
        "FIELD_ENCRYPTION_KEYS": "YmVuY2gtb25seS1maWVsZC1lbmNyeXB0aW9uLWtleSE=",
        "DATABASE_URL": database_url(label)
        + (f"?options={urllib.parse.quote(PG_OPTIONS[0])}" if PG_OPTIONS[0] else ""),
        "REDIS_URL": env("BENCH_REDIS_URL"),
        "CACHE_KEY_PREFIX": f"itinera-bench-{label}",
        "LOG_LEVEL": "WARNING",
        # The 401 scenario measures refusing a bad token; with the default anonymous limit
        # (120/min per IP) all but the first 120 would be 429s from the IP limit instead.
        "API_RATE_LIMIT_ANONYMOUS": "10000000",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
