"""Drive the Itinera API (and its ceilings) with wrk and report req/s and p50/p95/p99.

Usage (from the repository root; ``bench/run`` is the wrapper)::

    bench/run 10k 100k 1m            # load each dataset if needed, run every scenario
    bench/run 1m --only selective    # scenarios whose key contains "selective"
    bench/run --report               # rebuild bench/results/report.md from the last runs

For each size it (1) makes sure wrk is installed, (2) creates the database
``<BENCH_DATABASE_URL>_<size>`` and loads it with ``generate_bench_data`` when it does not hold
that dataset yet (else only issues fresh tokens), (3) starts gunicorn with production settings
(``DEBUG=0``, ``SECURE_SSL_REDIRECT=0``, ``bench.settings``) on PostgreSQL and Redis,
(4) checks every scenario answers what it should, then runs wrk on it (a warm-up, then the
measured run) and (5) writes ``bench/results/<size>-<time>.json`` and the markdown report.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import subprocess
import sys
import urllib.parse
from pathlib import Path

if __package__ in (None, ""):  # run as a script: import the project from the repository root
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from bench.lib.common import GUNICORN, PYTHON, ROOT
from bench.lib.server import Gunicorn
from bench.throughput.dataset import ensure_dataset, remove_bench_writes
from bench.throughput.environment import (
    DEFAULTS,
    PG_OPTIONS,
    RESULTS,
    database_url,
    env,
    log,
    server_env,
    size_label,
)
from bench.throughput.measure import Result, calibrate, combine, ensure_wrk, measure
from bench.throughput.report import latest_records, report, write_record
from bench.throughput.scenarios import scenarios, sign_in_dashboard


def ensure_venv() -> None:
    if not GUNICORN.exists():
        log("installing the project (make install)")
        subprocess.run(["make", "install"], cwd=ROOT, check=True)


def bench_server(label: str, *, workers: int, worker_class: str, port: int) -> Gunicorn:
    """The server of one size: production settings plus the ceilings (``bench.settings``),
    ready once the raw ceiling answers."""
    options = ["--keep-alive", "5"]
    if worker_class == "gthread":
        options += ["--threads", "1"]
    return Gunicorn(
        env=server_env(label),
        port=port,
        workers=workers,
        worker_class=worker_class,
        log_path=RESULTS / f"gunicorn-{label}.log",
        options=options,
        ready_path="/bench/raw/clients?agency=1",
    )


def run_sizes(labels: list[str], wrk: str, args: argparse.Namespace) -> list[Path]:
    """Every size at once: one server per size (ports BENCH_PORT, +1, +2), and each scenario
    run on every size back to back, so the sizes share whatever else the machine is doing at
    that moment and the 1M ÷ 10k ratios compare like with like. Only one server works at a
    time; the others sit idle."""
    manifests = {label: ensure_dataset(label, regenerate=args.regenerate) for label in labels}
    for label in labels:
        remove_bench_writes(label)
    chosen = {
        label: [s for s in scenarios(m) if not args.only or any(o in s.key for o in args.only)]
        for label, m in manifests.items()
    }
    results: dict[str, list[Result]] = {label: [] for label in labels}
    loop_before = calibrate()
    started = dt.datetime.now(dt.UTC)
    port = int(env("BENCH_PORT"))
    with contextlib.ExitStack() as stack:
        servers = {
            label: stack.enter_context(
                bench_server(
                    label, workers=args.workers, worker_class=args.worker_class, port=port + i
                )
            )
            for i, label in enumerate(labels)
        }
        for label in labels:
            sign_in_dashboard(servers[label], manifests[label], chosen[label])
        log(
            f"{', '.join(labels)}: gunicorn {args.workers} x {args.worker_class} per size, wrk "
            f"{args.connections} connections, {args.duration}s per scenario and size"
        )
        # Rounds: every scenario is measured once per round, so a slow minute of a shared
        # machine spreads over all scenarios instead of falling on one of them.
        seconds = max(1, round(args.duration / args.rounds))
        parts: dict[str, list[list[Result]]] = {lb: [[] for _ in chosen[lb]] for lb in labels}
        for round_number in range(args.rounds):
            if args.rounds > 1:
                log(f"round {round_number + 1} of {args.rounds}")
            for index in range(len(chosen[labels[0]])):
                for label in labels:
                    done = parts[label][index]
                    if done and done[0].skipped:
                        continue
                    sc = chosen[label][index]
                    done.append(
                        measure(
                            wrk,
                            servers[label],
                            sc,
                            args,
                            label,
                            seconds=seconds,
                            warmup=round_number == 0,
                        )
                    )
        for label in labels:
            results[label] = [combine(rounds) for rounds in parts[label]]
    paths = []
    for label in labels:
        remove_bench_writes(label)
        paths.append(write_record(label, manifests[label], results[label], started, loop_before,
                                  args))  # fmt: skip
    if args.explain:
        for label in labels:
            out = RESULTS / f"explain-{label}.md"
            manifest_path = RESULTS / f"{urllib.parse.urlparse(database_url(label)).path[1:]}.json"
            subprocess.run(
                [str(PYTHON), "bench/explain.py", str(manifest_path), str(out)],
                cwd=ROOT,
                env=server_env(label),
                check=True,
            )
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("sizes", nargs="*", default=["10k"], help="10k, 100k and/or 1m")
    parser.add_argument("--duration", type=int, default=10, help="seconds measured per scenario")
    parser.add_argument("--warmup", type=int, default=2, help="seconds of warm-up per scenario")
    parser.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="measure every scenario this many times, the duration split between them",
    )
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (2 cores: 3)")
    parser.add_argument("--worker-class", default="sync", choices=["sync", "gthread"])
    parser.add_argument("--connections", type=int, help="wrk connections (default: workers)")
    parser.add_argument("--only", action="append", help="run scenarios whose key contains this")
    parser.add_argument("--regenerate", action="store_true", help="reload the dataset")
    parser.add_argument("--report", action="store_true", help="only rebuild the report")
    parser.add_argument("--explain", action="store_true", help="also write EXPLAIN plans")
    parser.add_argument(
        "--pg-options",
        default=os.environ.get("BENCH_PG_OPTIONS", DEFAULTS["BENCH_PG_OPTIONS"]),
        help="libpq options for the server's connections (default: %(default)r)",
    )
    args = parser.parse_args()
    PG_OPTIONS[0] = args.pg_options
    args.connections = args.connections or args.workers
    RESULTS.mkdir(parents=True, exist_ok=True)
    if not args.report:
        ensure_venv()
        wrk = ensure_wrk()
        labels = list(dict.fromkeys(size_label(size) for size in args.sizes))
        try:
            paths = run_sizes(labels, wrk, args)
        except RuntimeError as exc:  # e.g. a server that did not start: its log says why
            sys.exit(str(exc))
        for path in paths:
            log(f"results in {path.relative_to(ROOT)}")
    text = report(latest_records())
    (RESULTS / "report.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
