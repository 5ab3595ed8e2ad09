"""After the scale drill's load: wait (bounded) for the queue to drain, then read the database
and the email files and judge them with ``scale_check``: every accepted request's record, every
email that should have gone sent exactly once, no job stuck, none failed."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path
from typing import Any

from bench.drills import scale_check
from bench.drills.sandbox import ThrowawayPostgres
from bench.drills.scale_load import Ledger
from bench.lib.common import log

PENDING = (
    "SELECT count(*) FROM procrastinate_jobs j WHERE j.status IN ('todo', 'doing') "
    "AND NOT EXISTS (SELECT 1 FROM procrastinate_periodic_defers d WHERE d.job_id = j.id)"
)


def drain(pg: ThrowawayPostgres, *, max_seconds: float) -> tuple[float, int]:
    """Wait until no job but a periodic tick is waiting or running and no email is queued;
    the seconds it took and what was still pending when it gave up (0: drained)."""
    started = time.monotonic()
    pending = -1
    while time.monotonic() - started < max_seconds:
        jobs = pg.query(PENDING)[0][0]
        queued = pg.query("SELECT count(*) FROM core_outboundemail WHERE status = 'queued'")[0][0]
        pending = jobs + queued
        if pending == 0:
            return time.monotonic() - started, 0
        time.sleep(1)
    return time.monotonic() - started, pending


def ids(pg: ThrowawayPostgres, table: str, wanted: set[int]) -> set[int]:
    rows = pg.query(f"SELECT id FROM {table} WHERE id = ANY(%s)", (sorted(wanted),))
    return {row[0] for row in rows}


def verify(
    pg: ThrowawayPostgres, ledger: Ledger, *, mail_dir: Path, notify_key: str
) -> tuple[dict[str, Any], list[str]]:
    """The figures and the failures (empty: nothing lost, nothing duplicated)."""
    failures: list[str] = []
    figures: dict[str, Any] = {}

    # Records: every 2xx's id is in the database.
    for name, table, accepted in (
        ("leads", "crm_client", ledger.leads),
        ("enquiries", "crm_enquiry", ledger.enquiries),
        ("proposals", "crm_proposal", ledger.proposals),
    ):
        missing = scale_check.missing_records(accepted, ids(pg, table, accepted))
        figures[f"{name}_accepted"] = len(accepted)
        if missing:
            failures.append(f"{len(missing)} accepted {name} not in the database: {missing[:10]}")
    sent_ids = {pid for pid, email in ledger.proposal_email.items() if ledger.sends_ok[email]}
    statuses = dict(
        pg.query("SELECT id, status FROM crm_proposal WHERE id = ANY(%s)", (sorted(sent_ids),))
    )
    not_sent = sorted(p for p in sent_ids if statuses.get(p) not in ("sent", "viewed", "accepted"))
    if not_sent:
        failures.append(f"{len(not_sent)} proposals emailed (302) but not sent: {not_sent[:10]}")
    not_accepted = sorted(p for p in ledger.accepted if statuses.get(p) != "accepted")
    if not_accepted:
        failures.append(f"{len(not_accepted)} acceptances (302) not recorded: {not_accepted[:10]}")

    # Emails that should exist: one per enquiry to the form's recipient; one per accepted send
    # to the client; one per first opening and one per acceptance to the proposal's agent.
    keys = {notify_key.format(enquiry=e) for e in ledger.enquiries}
    rows = pg.query(
        "SELECT idempotency_key, status FROM core_outboundemail WHERE idempotency_key = ANY(%s)",
        (sorted(keys),),
    )
    found = {key for key, status in rows if status == "sent"}
    if keys - found:
        failures.append(f"{len(keys - found)} enquiry notifications not sent")
    emails = set(ledger.sends_ok) | set(ledger.sends_unknown)
    got = Counter(
        dict(
            pg.query(
                "SELECT recipient, count(*) FROM core_outboundemail "
                "WHERE kind = 'proposal' AND status = 'sent' AND recipient = ANY(%s) "
                "GROUP BY recipient",
                (sorted(emails),),
            )
        )
    )
    expected = {
        e: (ledger.sends_ok[e], ledger.sends_ok[e] + ledger.sends_unknown[e]) for e in emails
    }
    wrong = scale_check.count_mismatches(expected, got)
    if wrong:
        failures.append(
            f"{len(wrong)} clients got the wrong number of proposal emails: "
            f"{list(wrong.items())[:5]}"
        )
    told = Counter(
        {
            occasion: 1
            for occasion, status in pg.query(
                "SELECT n.occasion, e.status FROM crm_notification n JOIN core_outboundemail e "
                "ON e.idempotency_key = 'notification:' || n.id "
                "WHERE n.occasion LIKE 'proposal.%%'"
            )
            if status == "sent"
        }
    )
    expected_told = {f"proposal.viewed:{p}": (1, 1) for p in ledger.viewed}
    expected_told |= {f"proposal.viewed:{p}": (0, 1) for p in ledger.viewed_unknown - ledger.viewed}
    expected_told |= {f"proposal.accepted:{p}": (1, 1) for p in ledger.accepted}
    expected_told |= {
        f"proposal.accepted:{p}": (0, 1) for p in ledger.accepted_unknown - ledger.accepted
    }
    wrong_told = scale_check.count_mismatches(expected_told, told)
    if wrong_told:
        failures.append(
            f"{len(wrong_told)} agent notifications by email missing or doubled: "
            f"{list(wrong_told.items())[:5]}"
        )

    # Every sent row delivered exactly once, nothing else delivered, nothing left unsent.
    by_status = dict(pg.query("SELECT status, count(*) FROM core_outboundemail GROUP BY status"))
    figures["outbox"] = by_status
    figures["outbox_kinds"] = dict(
        pg.query("SELECT kind, count(*) FROM core_outboundemail GROUP BY kind ORDER BY kind")
    )
    sent = [row[0] for row in pg.query("SELECT id FROM core_outboundemail WHERE status='sent'")]
    texts = (p.read_text(errors="replace") for p in sorted(mail_dir.glob("*")) if p.is_file())
    verdict = scale_check.compare_emails(sent, scale_check.email_ids_in_files(texts))
    figures["emails"] = verdict
    figures["email_files"] = sum(1 for p in mail_dir.glob("*") if p.is_file())
    if verdict.missing:
        failures.append(f"{len(verdict.missing)} emails marked sent without a file (lost)")
    if verdict.duplicated:
        failures.append(
            f"{len(verdict.duplicated)} emails delivered more than once: "
            f"{list(verdict.duplicated.items())[:10]}"
        )
    if verdict.unexpected:
        failures.append(f"{len(verdict.unexpected)} emails delivered but not marked sent")
    unsent = {k: v for k, v in by_status.items() if k != "sent"}
    if unsent:
        failures.append(f"outbox rows not sent: {unsent}")

    # The queue: nothing stuck, nothing failed.
    jobs = pg.query("SELECT id, task_name, status::text FROM procrastinate_jobs")
    periodic = [
        r[0]
        for r in pg.query(
            "SELECT job_id FROM procrastinate_periodic_defers WHERE job_id IS NOT NULL"
        )
    ]
    figures["jobs"] = dict(Counter(status for _, _, status in jobs))
    figures["jobs_by_task"] = dict(
        Counter(task for _, task, status in jobs if status == "succeeded")
    )
    figures["jobs_retried"] = pg.query(
        "SELECT count(*) FROM procrastinate_jobs WHERE attempts > 1"
    )[0][0]
    stuck = scale_check.stuck_jobs(jobs, periodic)
    if stuck:
        failures.append(f"{len(stuck)} jobs left todo/doing: {stuck[:10]}")
    failed = [job_id for job_id, _, status in jobs if status == "failed"]
    if failed:
        failures.append(f"{len(failed)} jobs failed: {failed[:10]}")
    log(f"verified: {len(failures)} failure(s)")
    return figures, failures
