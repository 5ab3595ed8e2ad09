"""The scale drill's verdict, as pure functions of what the drill collected (tested in
``tests/bench/test_scale_check.py``): the email files against the outbox, the ledger of accepted
requests against the rows found, the job queue's final state."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

EMAIL_ID = re.compile(r"^X-Itinera-Email-Id: *(\d+) *$", re.M)


def email_ids_in_files(texts: Iterable[str]) -> Counter[int]:
    """How many times each ``X-Itinera-Email-Id`` appears in the files the filebased email
    backend wrote (a file may hold several messages: each header counts)."""
    found: Counter[int] = Counter()
    for text in texts:
        found.update(int(match) for match in EMAIL_ID.findall(text))
    return found


@dataclass
class EmailVerdict:
    sent_rows: int
    files_ids: int  # distinct ids found in the files
    messages: int  # messages found in the files (an id twice counts twice)
    missing: list[int] = field(default_factory=list)  # sent in the outbox, no file
    duplicated: dict[int, int] = field(default_factory=dict)  # id -> times delivered
    unexpected: list[int] = field(default_factory=list)  # a file for a row not marked sent

    @property
    def ok(self) -> bool:
        return not (self.missing or self.duplicated or self.unexpected)


def compare_emails(sent_ids: Iterable[int], delivered: Mapping[int, int]) -> EmailVerdict:
    """Every outbox row marked sent delivered exactly once, and nothing else delivered."""
    sent = set(sent_ids)
    return EmailVerdict(
        sent_rows=len(sent),
        files_ids=len(delivered),
        messages=sum(delivered.values()),
        missing=sorted(sent - set(delivered)),
        duplicated={i: n for i, n in sorted(delivered.items()) if n > 1},
        unexpected=sorted(set(delivered) - sent),
    )


def missing_records(accepted: Iterable[int], found: Iterable[int]) -> list[int]:
    """The ids the server answered with (2xx) that the database does not hold."""
    return sorted(set(accepted) - set(found))


def count_mismatches(
    expected: Mapping[str, tuple[int, int]], got: Mapping[str, int]
) -> dict[str, tuple[int, int, int]]:
    """For each key (a recipient, an occasion), the expected range ``(at least, at most)``:
    at least what the server accepted, at most that plus the requests whose outcome is unknown
    (no answer, or a 502 from the proxy while a node was killed). The keys outside it, with
    ``(at least, at most, got)``."""
    return {
        key: (low, high, got.get(key, 0))
        for key, (low, high) in sorted(expected.items())
        if not low <= got.get(key, 0) <= high
    }


def stuck_jobs(rows: Iterable[tuple[int, str, str]], periodic_ids: Iterable[int]) -> list[int]:
    """Job ids still "todo" or "doing" after the drain, leaving out the periodic ticks (the
    every-minute recovery may be due at that very moment): ``rows`` are (id, task, status)."""
    periodic = set(periodic_ids)
    return sorted(
        job_id
        for job_id, _task, status in rows
        if status in ("todo", "doing") and job_id not in periodic
    )
