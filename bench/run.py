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
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
LUA = ROOT / "bench" / "wrk" / "scenario.lua"
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"

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
# Lists measured again without the token check and the rate limit (their cost, by difference).
AUTH_OVERHEAD_LISTS = ("unfiltered", "selective")
AUTH_OVERHEAD_TARGET = 0.25
BAD_TOKEN = "itn_000000000000.this-token-does-not-exist-anywhere-at-all"

# Targets from the issue (2 cores, load generator on the same machine, 1M clients).
TARGETS = {
    "api_selective": {"rps": 150, "p95": 40, "raw_ratio": 0.6, "growth": 2.0},
    "api_unfiltered": {"p95": 60},
    "api_status": {"p95": 60},
    "api_detail": {"rps": 200, "p95": 30, "growth": 1.2},
    "api_lead_post": {"rps": 150, "p95": 40, "growth": 1.2},
}


def env(name: str) -> str:
    return os.environ.get(name) or DEFAULTS[name]


def log(message: str) -> None:
    print(f"[bench {dt.datetime.now():%H:%M:%S}] {message}", flush=True)


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


# Tools -------------------------------------------------------------------------------------


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


def ensure_venv() -> None:
    if not GUNICORN.exists():
        log("installing the project (make install)")
        subprocess.run(["make", "install"], cwd=ROOT, check=True)


# Dataset -----------------------------------------------------------------------------------


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


def psql_exec(url: str, sql: str, *, fetch: bool = False) -> Any:
    import psycopg  # the project's own dependency

    with psycopg.connect(url, autocommit=True) as conn, conn.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchall() if fetch else None


def ensure_dataset(label: str, *, regenerate: bool) -> dict[str, Any]:
    url = database_url(label)
    parsed = urllib.parse.urlparse(url)
    name = parsed.path.lstrip("/")
    admin = parsed._replace(path="/postgres").geturl()
    if not psql_exec(admin, f"SELECT 1 FROM pg_database WHERE datname = '{name}'", fetch=True):
        log(f"creating database {name}")
        psql_exec(admin, f'CREATE DATABASE "{name}"')
    run_env = server_env(label)
    manage = [str(PYTHON), "manage.py"]
    subprocess.run(
        [*manage, "migrate", "--noinput", "--skip-checks", "-v0"], cwd=ROOT, env=run_env, check=True
    )
    manifest = RESULTS / f"{name}.json"
    count = (
        "SELECT COUNT(*) FROM crm_client c JOIN accounts_agency a ON a.id = c.agency_id "
        "WHERE a.slug LIKE 'bench-%' AND c.email NOT LIKE '%@lead.bench.invalid'"
    )  # leads left by an interrupted POST scenario are removed later, not a reason to reload
    loaded = psql_exec(url, count, fetch=True)[0][0]
    if regenerate or loaded != SIZES[label]:
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


def remove_bench_leads(label: str) -> None:
    """The lead POST scenario adds clients: delete them so every run sees the same dataset."""
    url = database_url(label)
    psql_exec(url, "DELETE FROM crm_client WHERE email LIKE '%%@lead.bench.invalid'")
    psql_exec(url, "VACUUM (ANALYZE) crm_client")


# Server ------------------------------------------------------------------------------------


class Server:
    def __init__(self, label: str, *, workers: int, worker_class: str, port: int):
        self.label, self.workers, self.worker_class, self.port = label, workers, worker_class, port
        self.proc: subprocess.Popen | None = None
        self.log_path = RESULTS / f"gunicorn-{label}.log"

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Server:
        cmd = [
            str(GUNICORN),
            "config.wsgi:application",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(self.workers),
            "--worker-class",
            self.worker_class,
            "--backlog",
            "2048",
            "--keep-alive",
            "5",
            "--log-level",
            "warning",
        ]
        if self.worker_class == "gthread":
            cmd += ["--threads", "1"]
        self.log_file = self.log_path.open("w")
        self.proc = subprocess.Popen(
            cmd,
            cwd=ROOT,
            env=server_env(self.label),
            stdout=self.log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                sys.exit(f"gunicorn exited: see {self.log_path}")
            try:
                urllib.request.urlopen(f"{self.base}/bench/raw/clients?agency=1", timeout=2)
                return self
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.5)
        self.__exit__(None, None, None)
        sys.exit(f"gunicorn did not answer within 60s: see {self.log_path}")

    def __exit__(self, *exc: Any) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self.log_file.close()


# Scenarios ---------------------------------------------------------------------------------


@dataclass
class Scenario:
    key: str
    title: str
    path: str
    token: str = ""
    method: str = "GET"
    expect: int = 200
    group: str = "api"


def scenarios(manifest: dict[str, Any]) -> list[Scenario]:
    largest = manifest["largest"]
    token, agency = largest["token"], largest["id"]
    q = urllib.parse.quote
    status = manifest["status_filter"]
    lists = [
        ("unfiltered", "list, unfiltered", ""),
        ("status", f"list, status={status}", f"status={status}"),
        (
            "selective",
            f"list, selective q ({manifest['selective_q_matches']} rows)",
            f"q={q(manifest['selective_q'])}",
        ),
        (
            "unselective",
            f"list, unselective q ({manifest['unselective_q_matches']} rows)",
            f"q={q(manifest['unselective_q'])}",
        ),
        ("deep", f"list, deep page {manifest['deep_page']}", f"page={manifest['deep_page']}"),
    ]
    out: list[Scenario] = []
    for key, title, query in lists:
        sep = "&" if query else ""
        out.append(
            Scenario(
                f"raw_{key}",
                f"raw psycopg: {title}",
                f"/bench/raw/clients?agency={agency}{sep}{query}",
                group="raw",
            )
        )
        out.append(
            Scenario(
                f"django_{key}",
                f"plain Django: {title}",
                f"/bench/django/clients?agency={agency}{sep}{query}",
                group="django",
            )
        )
        out.append(
            Scenario(
                f"api_{key}",
                f"API: {title}",
                f"/api/v1/clients{'?' if query else ''}{query}",
                token,
            )
        )
        if key in AUTH_OVERHEAD_LISTS:
            out.append(
                Scenario(
                    f"noauth_{key}",
                    f"API without token check and rate limit: {title}",
                    f"/bench/noauth/clients?agency={agency}{sep}{query}",
                    group="noauth",
                )
            )
    out += [
        Scenario(
            "api_detail",
            "API: itinerary detail (14 days x 4 items)",
            f"/api/v1/itineraries/{manifest['detail_itinerary_id']}",
            token,
        ),
        Scenario("api_401", "API: 401 (unknown token)", "/api/v1/clients", BAD_TOKEN, expect=401),
        Scenario(
            "api_429",
            "API: 429 (rate limited token)",
            "/api/v1/clients",
            largest["tiny_token"],
            expect=429,
        ),
        Scenario("api_lead_post", "API: lead POST", "/api/v1/clients", token, "POST", 201),
    ]
    return out


def preflight(server: Server, sc: Scenario) -> tuple[int, str]:
    """One request by hand: the status and, for a list, the shape of the body."""
    headers = {"Accept": "application/json"}
    if sc.token:
        headers["Authorization"] = f"Bearer {sc.token}"
    body = None
    if sc.method == "POST":
        headers["Content-Type"] = "application/json"
        body = json.dumps({"name": "Bench Preflight", "email": "preflight@lead.bench.invalid"})
    attempts = 2 if sc.expect == 429 else 1  # the first may still be inside the limit
    status, text = 0, ""
    for _ in range(attempts):
        request = urllib.request.Request(
            server.base + sc.path, data=body and body.encode(), headers=headers, method=sc.method
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as resp:
                status, text = resp.status, resp.read().decode()
        except urllib.error.HTTPError as exc:
            status, text = exc.code, exc.read().decode(errors="replace")
    if status != sc.expect:
        return status, f"expected {sc.expect}, got {status}: {text[:200]}"
    if sc.expect == 200 and "/clients" in sc.path:
        doc = json.loads(text)
        if not isinstance(doc.get("data"), list) or "total" not in doc.get("meta", {}):
            return status, f"not a list envelope: {text[:200]}"
    return status, ""


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
    wrk: str, server: Server, sc: Scenario, *, seconds: int, connections: int, run_id: str
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
        "BENCH_METHOD": sc.method,
        "BENCH_RUN_ID": run_id,
    }
    out = subprocess.run(cmd, env=run_env, capture_output=True, text=True, check=True).stdout
    match = re.search(r"^BENCH_JSON (.*)$", out, re.M)
    if not match:
        raise RuntimeError(f"wrk printed no result:\n{out}")
    return json.loads(match.group(1))


def measure(
    wrk: str,
    server: Server,
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
    all of them), p50/p95/p99 the median of the rounds' own, status codes summed."""
    first = rounds[0]
    if first.skipped or len(rounds) == 1:
        return first
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


def run_sizes(labels: list[str], wrk: str, args: argparse.Namespace) -> list[Path]:
    """Every size at once: one server per size (ports BENCH_PORT, +1, +2), and each scenario
    run on every size back to back, so the sizes share whatever else the machine is doing at
    that moment and the 1M ÷ 10k ratios compare like with like. Only one server works at a
    time; the others sit idle."""
    manifests = {label: ensure_dataset(label, regenerate=args.regenerate) for label in labels}
    for label in labels:
        remove_bench_leads(label)
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
                Server(label, workers=args.workers, worker_class=args.worker_class, port=port + i)
            )
            for i, label in enumerate(labels)
        }
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
        remove_bench_leads(label)
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


def write_record(
    label: str,
    manifest: dict[str, Any],
    results: list[Result],
    started: dt.datetime,
    loop_before: float,
    args: argparse.Namespace,
) -> Path:
    record = {
        "size": label,
        "clients": manifest["clients"],
        "largest_agency_clients": manifest["largest"]["clients"],
        "agencies": len(manifest["agencies"]),
        "started": started.isoformat(timespec="seconds"),
        "machine": {
            "cores": os.cpu_count(),
            "load_at_end": load(),
            "python_loop_ms_before": loop_before,
            "python_loop_ms_after": calibrate(),
        },
        "pg_options": PG_OPTIONS[0],
        "settings": {
            "workers": args.workers,
            "worker_class": args.worker_class,
            "connections": args.connections,
            "duration": args.duration,
            "rounds": args.rounds,
            "warmup": args.warmup,
        },
        "manifest": {
            k: manifest[k]
            for k in (
                "selective_q",
                "selective_q_matches",
                "unselective_q",
                "unselective_q_matches",
                "status_filter",
                "status_matches",
                "deep_page",
                "detail_itinerary_id",
            )
        },
        "results": [asdict(r) for r in results],
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{label}-{started:%Y%m%dT%H%M%S}.json"
    path.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n")
    if not args.only:
        (RESULTS / f"latest-{label}.json").write_text(path.read_text())
    return path


# Report ------------------------------------------------------------------------------------


def _fmt(value: float, digits: int = 1) -> str:
    return f"{value:,.{digits}f}" if value else "-"


def report(records: dict[str, dict[str, Any]]) -> str:
    lines: list[str] = []
    for label in SIZES:
        rec = records.get(label)
        if not rec:
            continue
        s = rec["settings"]
        lines += [
            f"### {rec['clients']:,} clients ({rec['agencies']} agencies; the largest, "
            f"measured here, has {rec['largest_agency_clients']:,})",
            "",
            f"Run {rec['started']} on {rec['machine']['cores']} cores; gunicorn {s['workers']} "
            f"{s['worker_class']} workers, wrk {s['connections']} connections, "
            f"{s['duration']}s per scenario and size in {s.get('rounds', 1)} round(s) (req/s "
            "over all of them, percentiles the median of the rounds') after "
            f"{s['warmup']}s warm-up; PostgreSQL options "
            f"`{rec.get('pg_options') or 'none'}`. Load is the 1/5-minute load average after "
            "each scenario; a fixed 2M-iteration Python loop took "
            f"{rec['machine'].get('python_loop_ms_before', '?')} ms before the run and "
            f"{rec['machine'].get('python_loop_ms_after', '?')} ms after (the share of a core "
            "the run got: lower is more).",
            "",
            "| scenario | req/s | p50 ms | p95 ms | p99 ms | statuses | load |",
            "| --- | ---: | ---: | ---: | ---: | --- | --- |",
        ]
        for r in rec["results"]:
            if r["skipped"]:
                lines.append(f"| {r['title']} | skipped: {r['skipped'][:60]} | | | | | |")
                continue
            statuses = ", ".join(f"{k}x{v}" for k, v in sorted(r["statuses"].items()))
            lines.append(
                f"| {r['title']} | {_fmt(r['rps'])} | {_fmt(r['p50'], 2)} | {_fmt(r['p95'], 2)} "
                f"| {_fmt(r['p99'], 2)} | {statuses} | {r['load_after']} |"
            )
        lines.append("")
    lines += ratio_tables(records)
    return "\n".join(lines) + "\n"


def _by_key(rec: dict[str, Any] | None) -> dict[str, dict[str, Any]]:
    if not rec:
        return {}
    return {r["key"]: r for r in rec["results"] if not r["skipped"]}


def ratio_tables(records: dict[str, dict[str, Any]]) -> list[str]:
    lines = ["### Ratios", ""]
    lists = ("unfiltered", "status", "selective", "unselective", "deep")
    sizes = [label for label in SIZES if label in records]
    if sizes:
        heads = " | ".join(f"API ÷ raw ({s}) | Django ÷ raw ({s})" for s in sizes)
        lines += [
            "Throughput against the raw-psycopg ceiling (same SQL, same run):",
            "",
            f"| list | {heads} |",
            "| --- |" + " ---: | ---: |" * len(sizes),
        ]
        for key in lists:
            cells = []
            for label in sizes:
                rows = _by_key(records[label])
                raw = rows.get(f"raw_{key}", {}).get("rps")
                api = rows.get(f"api_{key}", {}).get("rps")
                plain = rows.get(f"django_{key}", {}).get("rps")
                cells.append(f"{api / raw:.2f}" if raw and api else "-")
                cells.append(f"{plain / raw:.2f}" if raw and plain else "-")
            lines.append(f"| {key} | " + " | ".join(cells) + " |")
        lines.append("")
    if sizes:
        lines += [
            "What the token check and the rate limit add to a list request (API ÷ the same view "
            "without them; target ≤ 1.25):",
            "",
            "| list | size | req/s without | req/s with | time per request, with ÷ without |",
            "| --- | --- | ---: | ---: | ---: |",
        ]
        for label in sizes:
            rows = _by_key(records[label])
            for key in AUTH_OVERHEAD_LISTS:
                bare, full = rows.get(f"noauth_{key}"), rows.get(f"api_{key}")
                if bare and full:
                    lines.append(
                        f"| {key} | {label} | {bare['rps']:.1f} | {full['rps']:.1f} "
                        f"| {bare['rps'] / full['rps']:.2f} |"
                    )
        lines.append("")
    small, big = _by_key(records.get("10k")), _by_key(records.get("1m"))
    if small and big:
        lines += [
            "p95 growth with the data (p95 at 1M ÷ p95 at 10k):",
            "",
            "| scenario | p95 10k ms | p95 1M ms | ratio |",
            "| --- | ---: | ---: | ---: |",
        ]
        for key, row in big.items():
            if key in small and small[key]["p95"]:
                ratio = row["p95"] / small[key]["p95"]
                lines.append(
                    f"| {row['title']} | {small[key]['p95']:.2f} | {row['p95']:.2f} | {ratio:.2f} |"
                )
        lines.append("")
    lines += targets_table(records)
    return lines


def targets_table(records: dict[str, dict[str, Any]]) -> list[str]:
    big, small = _by_key(records.get("1m")), _by_key(records.get("10k"))
    if not big:
        return []
    lines = ["### Targets at 1M", "", "| target | measured | met |", "| --- | --- | --- |"]

    def row(text: str, measured: str, ok: bool | None) -> None:
        lines.append(f"| {text} | {measured} | {'yes' if ok else 'no' if ok is False else '-'} |")

    for key, target in TARGETS.items():
        r = big.get(key)
        if not r:
            row(f"{key}", "not measured", None)
            continue
        if "rps" in target:
            row(
                f"{r['title']}: ≥ {target['rps']} req/s",
                f"{r['rps']:.0f}",
                r["rps"] >= target["rps"],
            )
        if "p95" in target:
            row(
                f"{r['title']}: p95 ≤ {target['p95']} ms",
                f"{r['p95']:.1f} ms",
                r["p95"] <= target["p95"],
            )
        if "raw_ratio" in target and big.get(key.replace("api_", "raw_")):
            ratio = r["rps"] / big[key.replace("api_", "raw_")]["rps"]
            row(
                f"{r['title']}: ≥ {target['raw_ratio']} of raw psycopg",
                f"{ratio:.2f}",
                ratio >= target["raw_ratio"],
            )
        if "growth" in target and small.get(key):
            growth = r["p95"] / small[key]["p95"]
            row(
                f"{r['title']}: p95 1M ÷ 10k ≤ {target['growth']}",
                f"{growth:.2f}",
                growth <= target["growth"],
            )
    for key in AUTH_OVERHEAD_LISTS:
        bare, full = big.get(f"noauth_{key}"), big.get(f"api_{key}")
        if bare and full:
            added = bare["rps"] / full["rps"] - 1
            row(
                f"{full['title']}: token check and rate limit add ≤ {AUTH_OVERHEAD_TARGET:.0%}",
                f"{added:+.0%}",
                added <= AUTH_OVERHEAD_TARGET,
            )
    return [*lines, ""]


def latest_records() -> dict[str, dict[str, Any]]:
    records = {}
    for label in SIZES:
        path = RESULTS / f"latest-{label}.json"
        if path.exists():
            records[label] = json.loads(path.read_text())
    return records


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
        for path in run_sizes(labels, wrk, args):
            log(f"results in {path.relative_to(ROOT)}")
    text = report(latest_records())
    (RESULTS / "report.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
