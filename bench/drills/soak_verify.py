"""After the soak: the ledger against the database (every 201 stored with what was sent and
then patched, no duplicate, one id per Idempotency-Key, the last plan of each itinerary), and
the summary of the samples."""

from __future__ import annotations

import argparse
import json
import os
from collections import Counter, defaultdict

from bench.drills.soak_clients import Sample, SoakClients
from bench.lib.common import log

FIELDS = ["name", "email", "phone", "tags", "notes", "city", "status"]


class SoakChecks(SoakClients):
    def __init__(self, args: argparse.Namespace) -> None:
        super().__init__(args)
        self.failures: list[str] = []
        self.failures_note = ""
        self.load_before = "?"

    def fail(self, message: str) -> None:
        self.failures.append(message)

    def verify(self) -> dict[str, int]:
        log("verifying against the database")
        ledger = self.ledger
        ids = list(ledger.leads)
        rows = self.pg.query(
            "SELECT id, name, email, phone, tags, notes, city, status FROM crm_client "
            "WHERE id = ANY(%s)",
            (ids,),
        )
        stored = {row[0]: row for row in rows}
        mismatched = 0
        for lead_id, want in ledger.leads.items():
            row = stored.get(lead_id)
            if row is None:
                self.fail(f"lead {lead_id} answered 201 but is not in the database")
                continue
            got = dict(zip(FIELDS, row[1:], strict=True))
            if isinstance(got["tags"], str):
                got["tags"] = json.loads(got["tags"])
            diff = {k: (want[k], got[k]) for k in want if want[k] != got[k]}
            if diff:
                mismatched += 1
                self.fail(f"lead {lead_id} differs from what was sent: {diff}")
        in_run = self.pg.query(
            "SELECT count(*), count(DISTINCT email) FROM crm_client WHERE email LIKE %s",
            (f"%@soak-{self.run_id}.invalid",),
        )[0]
        if in_run[0] != ledger.created:
            self.fail(
                f"{in_run[0]} leads in the database, but {ledger.created} 201s were not replays"
            )
        if in_run[0] != in_run[1]:
            self.fail(f"{in_run[0] - in_run[1]} duplicate lead(s) (the same email stored twice)")
        split_keys = [key for key, got in ledger.key_ids.items() if len(got) != 1]
        if split_keys:
            self.fail(f"{len(split_keys)} Idempotency-Key(s) answered with different ids")
        for client_id, sent in ledger.shared.items():
            city = self.pg.query("SELECT city FROM crm_client WHERE id = %s", (client_id,))[0][0]
            if city not in sent:
                self.fail(f"shared client {client_id} holds {city!r}, which no one sent")
        plans_ok = 0
        for itinerary_id, body in ledger.plans.items():
            if body is None:
                continue
            days = self.pg.query(
                "SELECT d.day_number, d.title, "
                "       coalesce(array_agg(i.title ORDER BY i.position) "
                "                FILTER (WHERE i.id IS NOT NULL), '{}') "
                "FROM crm_itineraryday d LEFT JOIN crm_itineraryitem i ON i.day_id = d.id "
                "WHERE d.itinerary_id = %s GROUP BY d.id ORDER BY d.day_number",
                (itinerary_id,),
            )
            planned = [
                (n + 1, day["title"], [item["title"] for item in day["items"]])
                for n, day in enumerate(body["days"])
            ]
            title = self.pg.query("SELECT title FROM crm_itinerary WHERE id = %s", (itinerary_id,))
            if [(a, b, list(c)) for a, b, c in days] != planned or (title[0][0] != body["title"]):
                self.fail(f"itinerary {itinerary_id} does not hold its last accepted plan")
            else:
                plans_ok += 1
        return {
            "leads_checked": len(ids) - mismatched - sum(1 for i in ids if i not in stored),
            "leads_in_db": in_run[0],
            "keys": len(ledger.key_ids),
            "plans_checked": plans_ok,
            "shared": len(ledger.shared),
        }

    # Report ---------------------------------------------------------------------------------

    @staticmethod
    def pct(values: list[float], q: float) -> float:
        if not values:
            return 0.0
        values = sorted(values)
        return values[min(len(values) - 1, round(q * (len(values) - 1)))]

    def summary(self, seconds: float, verified: dict[str, int]) -> str:
        samples = self.samples
        by_status = Counter(s.status for s in samples)
        lines = [
            f"Soak {self.run_id}: {len(samples)} requests in {seconds:.0f}s "
            f"({len(samples) / seconds:.1f} req/s), {self.args.clients} clients, "
            f"{self.args.workers} gunicorn workers; load average before/after "
            f"{self.load_before} / {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs",
            "Statuses: "
            + ", ".join(f"{status or 'no answer'}: {n}" for status, n in sorted(by_status.items())),
            "",
            "| action | requests | p50 ms | p95 ms | p99 ms | max ms | errors |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        by_action: dict[str, list[Sample]] = defaultdict(list)
        for sample in samples:
            by_action[sample.action].append(sample)
        for action, group in [*sorted(by_action.items()), ("all", samples)]:
            ms = [s.ms for s in group]
            lines.append(
                f"| {action} | {len(group)} | {self.pct(ms, 0.5):.0f} | {self.pct(ms, 0.95):.0f} "
                f"| {self.pct(ms, 0.99):.0f} | {max(ms):.0f} | {sum(1 for s in group if s.error)} |"
            )
        errors = Counter(s.error[:200] for s in samples if s.error)
        fivexx = sum(n for status, n in by_status.items() if status >= 500)
        lines += [
            "",
            f"5xx: {fivexx}; unexpected statuses or transport errors: {sum(errors.values())}",
            f"Leads: {self.ledger.created} created (201), "
            f"{self.ledger.replays} idempotent replays, "
            f"{verified.get('leads_in_db', 0)} in the database, "
            f"{verified.get('leads_checked', 0)} checked field by field; "
            f"{verified.get('keys', 0)} Idempotency-Keys, each one id; "
            f"{verified.get('plans_checked', 0)} itineraries hold their last PUT; "
            f"{verified.get('shared', 0)} shared clients hold a value that was sent",
        ]
        for error, n in errors.most_common(10):
            lines.append(f"  {n} x {error}")
        server_errors = [
            line
            for line in self.app.log_text().splitlines()
            if "Traceback" in line or "ERROR" in line
        ]
        lines.append(f"Server log: {len(server_errors)} error lines ({self.app.log_path})")
        for line in server_errors[:5]:
            lines.append(f"  {line[:160]}")
        if server_errors:
            self.fail(f"{len(server_errors)} error lines in the server log")
        if fivexx:
            self.fail(f"{fivexx} server errors (5xx)")
        if errors:
            self.fail(f"{sum(errors.values())} unexpected answers")
        note = self.failures_note
        if note:
            lines.append(f"Note: {note}.")
        return "\n".join(lines)
