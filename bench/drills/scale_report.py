"""The scale drill's summary: requests by kind (statuses, latencies), the answers around the
kills, the jobs, the emails, the recovery times, and the server errors in the logs."""

from __future__ import annotations

import os
from collections import Counter
from typing import Any

from bench.drills.scale_load import ScaleLoad


def pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def summary(
    drill: Any, load: ScaleLoad, seconds: float, figures: dict[str, Any], failures: list[str]
) -> str:
    samples = load.samples
    events = drill.events
    statuses = Counter(s.status for s in samples)
    lines = [
        f"Scale drill {drill.run_id}: {len(samples)} requests in {seconds:.0f}s "
        f"({len(samples) / seconds:.1f} req/s) through nginx to 2 web nodes "
        f"({drill.args.web_workers} sync workers each), 2 job workers, {drill.args.clients} "
        f"clients; load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs",
        "Statuses: "
        + ", ".join(f"{status or 'no answer'}: {n}" for status, n in sorted(statuses.items())),
        "",
        "| request | sent | as expected | 5xx | no answer | p50 ms | p95 ms | max ms |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    kinds = sorted({s.kind for s in samples})
    for kind in [*kinds, "all"]:
        group = [s for s in samples if kind in ("all", s.kind)]
        ms = [s.ms for s in group if s.status]
        lines.append(
            f"| {kind} | {len(group)} | {sum(1 for s in group if not s.error)} "
            f"| {sum(1 for s in group if s.status >= 500)} "
            f"| {sum(1 for s in group if s.status == 0)} | {pct(ms, 0.5):.0f} "
            f"| {pct(ms, 0.95):.0f} | {max(ms, default=0):.0f} |"
        )
    killed, back = events.get("web_killed"), events.get("web_back")
    if killed is not None and back is not None:
        window = [s for s in samples if killed - 1 <= s.at <= back + 5]
        bad = [s for s in window if s.status >= 500 or s.status == 0]
        lines += [
            "",
            f"Web node 1 SIGKILLed at {killed:.0f}s, down {drill.args.down:.0f}s, serving again "
            f"{events.get('web_start_seconds', 0):.1f}s after its restart (at {back:.0f}s): "
            f"{len(window)} requests from 1 s before the kill to 5 s after it was back, "
            f"{len(bad)} of them 5xx or unanswered "
            f"({', '.join(f'{k}: {n}' for k, n in Counter(s.status for s in bad).items())})",
        ]
    if "worker_killed" in events:
        recovered = events.get("worker_orphans_recovered")
        recovery = (
            f"back to work {recovered - events['worker_killed']:.0f}s after the kill"
            if recovered is not None
            else "none to recover"
            if not events.get("worker_orphans")
            else "NOT recovered"
        )
        lines.append(
            f"Worker 1 SIGKILLed at {events['worker_killed']:.0f}s with "
            f"{events.get('worker_orphans', 0)} job(s) in hand ({recovery}); restarted "
            f"{drill.args.down:.0f}s later"
        )
    ledger = load.ledger
    verdict = figures.get("emails")
    lines += [
        "",
        f"Accepted and found in the database: {len(ledger.leads)} clients (leads and the "
        f"proposals' clients), {len(ledger.enquiries)} enquiries, {len(ledger.proposals)} "
        f"proposals, {sum(ledger.sends_ok.values())} proposal emails sent from the dashboard "
        f"({sum(ledger.sends_unknown.values())} of unknown outcome), {len(ledger.viewed)} "
        f"first openings, {len(ledger.accepted)} acceptances",
        f"Jobs: {figures.get('jobs', {})}; retried (attempts > 1): "
        f"{figures.get('jobs_retried', '?')}; by task (succeeded): {figures.get('jobs_by_task')}",
        f"Queue drained {figures.get('drain_seconds', 0):.0f}s after the load "
        f"({figures.get('pending', '?')} pending)",
        *(
            [
                f"Burst: {figures['burst']} emails queued at once, delivered by the 2 workers in "
                f"{figures['burst_seconds']:.1f}s "
                f"({figures['burst'] / max(figures['burst_seconds'], 0.001):.0f} jobs/s)"
            ]
            if figures.get("burst")
            else []
        ),
        f"Outbox: {figures.get('outbox', {})} by kind {figures.get('outbox_kinds', {})}",
    ]
    if verdict is not None:
        lines.append(
            f"Email files: {figures.get('email_files')} files, {verdict.messages} messages, "
            f"{verdict.files_ids} distinct ids for {verdict.sent_rows} sent rows; "
            f"duplicated {len(verdict.duplicated)}, lost {len(verdict.missing)}, "
            f"unexpected {len(verdict.unexpected)}"
        )
    errors = Counter(s.error[:150] for s in samples if s.error)
    for error, n in errors.most_common(8):
        lines.append(f"  {n} x {error}")
    logs = [n.log_text() for n in drill.nodes] + [w.log_text() for w in drill.workers]
    tracebacks = sum(text.count("Traceback") for text in logs)
    lines.append(f"Server and worker logs: {tracebacks} tracebacks (/tmp/itinera-scale-*.log)")
    lines.append(f"Result: {'FAILED' if failures else 'PASSED'}")
    return "\n".join(lines)
