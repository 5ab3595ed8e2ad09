"""The record of a run (``bench/results/<size>-<time>.json``, ``latest-<size>.json``) and the
markdown report built from the latest records: the figures, the ratios to the ceilings, the
growth from 10k to 1M and the targets at 1M."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
from dataclasses import asdict
from pathlib import Path
from typing import Any

from bench.throughput.environment import PG_OPTIONS, RESULTS, SIZES
from bench.throughput.measure import Result, calibrate, load
from bench.throughput.scenarios import AUTH_OVERHEAD_LISTS

AUTH_OVERHEAD_TARGET = 0.25
# Issue #20: at every size, each of these lists >= 0.75 of raw psycopg and >= 2x stock DRF;
# at 1M every dashboard page p95 <= 150 ms and the reports p95 <= 200 ms.
RAW_RATIO_LISTS = ("unfiltered", "status", "selective", "deep")
# ... and each detail read >= 0.75 of its raw ceiling (bench/detail_ceilings.py).
RAW_RATIO_DETAILS = (("api_detail", "raw_detail"), ("api_booking_detail", "raw_booking_detail"))
RAW_RATIO_TARGET, DRF_RATIO_TARGET = 0.75, 2.0
DASHBOARD_P95_MS, REPORTS_P95_MS = 150, 200

# Targets from the issue (2 cores, load generator on the same machine, 1M clients).
TARGETS: dict[str, dict[str, float]] = {
    "api_selective": {"rps": 150, "p95": 40, "raw_ratio": 0.6, "growth": 2.0},
    "api_unfiltered": {"p95": 60},
    "api_status": {"p95": 60},
    "api_detail": {"rps": 200, "p95": 30, "growth": 1.2},
    "api_booking_detail": {"rps": 200, "p95": 30, "growth": 1.2},
    "api_lead_post": {"rps": 150, "p95": 40, "growth": 1.2},
}


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
                "detail_booking_id",
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
        heads = " | ".join(
            f"API ÷ raw ({s}) | Django ÷ raw ({s}) | API ÷ stock DRF ({s})" for s in sizes
        )
        lines += [
            "Throughput against the raw-psycopg ceiling (same SQL, same run), and the API "
            "against the same list written the documented DRF way (`bench/stock_drf.py`):",
            "",
            f"| list | {heads} |",
            "| --- |" + " ---: | ---: | ---: |" * len(sizes),
        ]
        for key in lists:
            cells = []
            for label in sizes:
                rows = _by_key(records[label])
                raw = rows.get(f"raw_{key}", {}).get("rps")
                api = rows.get(f"api_{key}", {}).get("rps")
                plain = rows.get(f"django_{key}", {}).get("rps")
                drf = rows.get(f"drf_{key}", {}).get("rps")
                cells.append(f"{api / raw:.2f}" if raw and api else "-")
                cells.append(f"{plain / raw:.2f}" if raw and plain else "-")
                cells.append(f"{api / drf:.2f}" if drf and api else "-")
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
    lines += issue_20_targets(records)
    return lines


def issue_20_targets(records: dict[str, dict[str, Any]]) -> list[str]:
    """The targets of issue #20, each marked met or not (never left out when unmeasured)."""
    lines = ["### Targets of issue #20", "", "| target | measured | met |", "| --- | --- | --- |"]

    def row(text: str, measured: str, ok: bool | None) -> None:
        lines.append(f"| {text} | {measured} | {'yes' if ok else 'no' if ok is False else '-'} |")

    for label in [s for s in SIZES if s in records]:
        rows = _by_key(records[label])
        for key in RAW_RATIO_LISTS:
            api, raw, drf = (rows.get(f"{g}_{key}", {}).get("rps") for g in ("api", "raw", "drf"))
            if api and raw:
                ratio = api / raw
                row(f"{key} ({label}): API ÷ raw ≥ {RAW_RATIO_TARGET}", f"{ratio:.2f}",
                    ratio >= RAW_RATIO_TARGET)  # fmt: skip
            if api and drf:
                ratio = api / drf
                # What no request path can beat: the same SQL with no framework at all.
                bound = f" (raw ÷ stock DRF {raw / drf:.2f})" if raw else ""
                row(f"{key} ({label}): API ÷ stock DRF ≥ {DRF_RATIO_TARGET:.0f}",
                    f"{ratio:.2f}{bound}", ratio >= DRF_RATIO_TARGET)  # fmt: skip
        for api_key, raw_key in RAW_RATIO_DETAILS:
            api, raw = rows.get(api_key, {}).get("rps"), rows.get(raw_key, {}).get("rps")
            if api and raw:
                ratio = api / raw
                row(f"{rows[api_key]['title']} ({label}): API ÷ raw ≥ {RAW_RATIO_TARGET}",
                    f"{ratio:.2f}", ratio >= RAW_RATIO_TARGET)  # fmt: skip
    small, big = _by_key(records.get("10k")), _by_key(records.get("1m"))
    for key, limit in (("api_selective", 1.5), ("api_lead_post", 1.2), ("api_payment_post", 1.2)):
        if key in big and key in small and small[key]["p95"]:
            growth = big[key]["p95"] / small[key]["p95"]
            row(f"{big[key]['title']}: p95 1M ÷ 10k ≤ {limit}", f"{growth:.2f}", growth <= limit)
    for key, r in big.items():
        if r["group"] == "dashboard" and "report" not in key:
            row(f"{r['title']} at 1M: p95 ≤ {DASHBOARD_P95_MS} ms", f"{r['p95']:.1f} ms",
                r["p95"] <= DASHBOARD_P95_MS)  # fmt: skip
        elif "report" in key:
            row(f"{r['title']} at 1M: p95 ≤ {REPORTS_P95_MS} ms", f"{r['p95']:.1f} ms",
                r["p95"] <= REPORTS_P95_MS)  # fmt: skip
    dash, api = big.get("dash_clients_gmail"), big.get("api_unselective")
    if dash and api:
        row("dashboard: clients, q=gmail at 1M: p95 ≤ the API's same search",
            f"{dash['p95']:.1f} vs {api['p95']:.1f} ms", dash["p95"] <= api["p95"])  # fmt: skip
    return [*lines, ""]


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
        if "growth" in target and small.get(key) and small[key]["p95"]:
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
