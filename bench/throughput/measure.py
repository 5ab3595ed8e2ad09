"""Measuring: wrk on one scenario (a warm-up, then the measured run, figures from
``bench/wrk/scenario.lua``), the rounds of a scenario combined into one row, and the state of
the machine noted beside them."""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from typing import Any

from bench.lib.server import Gunicorn
from bench.throughput.environment import LUA, log
from bench.throughput.scenarios import Scenario, preflight


def calibrate() -> float:
    """Milliseconds for a fixed pure-Python loop in this process: how much of a core the run
    actually got (roughly 100 ms on an idle modern core; several times that while other jobs
    share the machine). Noted beside every run so figures can be compared across runs."""
    started = time.perf_counter()
    total = 0
    for i in range(2_000_000):
        total += i
    return round((time.perf_counter() - started) * 1000, 1)


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"{one:.2f}/{five:.2f}"


def ensure_wrk() -> str:
    path = shutil.which("wrk")
    if path:
        return path
    if os.geteuid() != 0:
        sys.exit("wrk is not installed: run `sudo apt-get install -y wrk` (Debian/Ubuntu).")
    log("installing wrk from Debian (apt-get update && apt-get install -y wrk)")
    subprocess.run(["apt-get", "update", "-qq"], check=True)
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)
    path = shutil.which("wrk")
    if not path:
        sys.exit("wrk could not be installed.")
    return path


@dataclass
class Result:
    key: str
    title: str
    group: str
    path: str
    rps: float = 0.0
    p50: float = 0.0
    p95: float = 0.0
    p99: float = 0.0
    requests: int = 0
    statuses: dict[str, int] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    load_before: str = ""
    load_after: str = ""
    skipped: str = ""
    seconds: float = 0.0
    # Each round's own figures; the row above sums the requests and takes each percentile's
    # median over the rounds.
    rounds: list[dict[str, float]] = field(default_factory=list)


def run_wrk(
    wrk: str, server: Gunicorn, sc: Scenario, *, seconds: int, connections: int, run_id: str
) -> dict[str, Any]:
    cmd = [
        wrk,
        "-t1",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "10s",
        "-s",
        str(LUA),
        server.base + sc.path,
    ]
    run_env = {
        **os.environ,
        "BENCH_TOKEN": sc.token,
        "BENCH_SCHEME": sc.scheme,
        "BENCH_ACCEPT": sc.accept,
        "BENCH_COOKIE": sc.cookie,
        "BENCH_METHOD": sc.method,
        "BENCH_RUN_ID": run_id,
        "BENCH_POST": sc.post,
        "BENCH_PATHS": ",".join(sc.paths),
    }
    out = subprocess.run(cmd, env=run_env, capture_output=True, text=True, check=True).stdout
    match = re.search(r"^BENCH_JSON (.*)$", out, re.M)
    if not match:
        raise RuntimeError(f"wrk printed no result:\n{out}")
    return json.loads(match.group(1))


def measure(
    wrk: str,
    server: Gunicorn,
    sc: Scenario,
    args: argparse.Namespace,
    label: str = "",
    *,
    seconds: int,
    warmup: bool,
) -> Result:
    result = Result(sc.key, sc.title, sc.group, sc.path)
    _status, problem = preflight(server, sc)
    if problem:
        result.skipped = problem
        log(f"  {label:>4} skip {sc.key}: {problem[:120]}")
        return result
    run_id = f"{int(time.time())}{sc.key}"
    if warmup and args.warmup:
        run_wrk(
            wrk, server, sc, seconds=args.warmup, connections=args.connections, run_id=run_id + "w"
        )
    result.load_before = load()
    raw = run_wrk(wrk, server, sc, seconds=seconds, connections=args.connections, run_id=run_id)
    result.load_after = load()
    result.seconds = raw["duration_us"] / 1e6
    result.requests = raw["requests"]
    result.rps = round(raw["requests"] / result.seconds, 1)
    result.p50, result.p95, result.p99 = (
        round(raw[f"{p}_us"] / 1000, 2) for p in ("p50", "p95", "p99")
    )
    result.statuses = raw["statuses"]
    result.errors = {k: v for k, v in raw["errors"].items() if v}
    unexpected = sum(n for code, n in result.statuses.items() if int(code) != sc.expect)
    flag = f"  UNEXPECTED {result.statuses}" if unexpected > result.requests * 0.001 else ""
    log(
        f"  {label:>4} {sc.key:<22} {result.rps:>8.1f} req/s  p50 {result.p50:>7.2f}"
        f"  p95 {result.p95:>7.2f}  p99 {result.p99:>7.2f} ms  load {result.load_after}{flag}"
    )
    return result


def combine(rounds: list[Result]) -> Result:
    """One row from a scenario's rounds: requests and seconds summed (so req/s is the rate over
    all of them), p50/p95/p99 the median of the rounds' own, status codes summed. A round
    whose preflight failed is left out (and named in ``skipped`` when it is every round)."""
    measured = [r for r in rounds if not r.skipped]
    if len(measured) < len(rounds):
        log(f"  {rounds[0].key}: {len(rounds) - len(measured)} of {len(rounds)} rounds skipped")
    if not measured or len(rounds) == 1:
        return rounds[0]
    rounds = measured
    first = rounds[0]
    merged = Result(first.key, first.title, first.group, first.path)
    merged.requests = sum(r.requests for r in rounds)
    merged.seconds = sum(r.seconds for r in rounds)
    merged.rps = round(merged.requests / merged.seconds, 1) if merged.seconds else 0.0
    merged.p50, merged.p95, merged.p99 = (
        round(statistics.median(getattr(r, p) for r in rounds), 2) for p in ("p50", "p95", "p99")
    )
    for r in rounds:
        for code, n in r.statuses.items():
            merged.statuses[code] = merged.statuses.get(code, 0) + n
        for kind, n in r.errors.items():
            merged.errors[kind] = merged.errors.get(kind, 0) + n
    merged.load_before, merged.load_after = first.load_before, rounds[-1].load_after
    merged.rounds = [
        {"rps": r.rps, "p50": r.p50, "p95": r.p95, "p99": r.p99, "requests": r.requests}
        for r in rounds
    ]
    return merged
