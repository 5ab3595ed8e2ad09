"""The scale drill's clients: threads that, through the proxy, post website enquiries, create
leads over the API, send proposals by email from the dashboard (a signed-in session) and accept
them on the client's link, recording every answer and, for each request the server accepted,
the id it returned (the ledger the checks compare with the database and the email files)."""

from __future__ import annotations

import random
import re
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from bench.lib.web import Reply, request, sign_in

MIX = {"enquiry": 30, "lead": 30, "send": 25, "accept": 15}
# A dead node's in-flight requests: the proxy answers 502 (or the socket drops): the outcome
# is unknown (the request may have been done), so it widens what the checks allow.
UNKNOWN = {0, 502, 503, 504}
CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass
class Sample:
    kind: str
    status: int
    at: float  # seconds since the load started
    ms: float
    error: str = ""


@dataclass
class Ledger:
    leads: set[int] = field(default_factory=set)
    enquiries: set[int] = field(default_factory=set)
    proposals: set[int] = field(default_factory=set)
    # proposal id -> client email, and per email the sends accepted and of unknown outcome
    proposal_email: dict[int, str] = field(default_factory=dict)
    sends_ok: Counter[str] = field(default_factory=Counter)
    sends_unknown: Counter[str] = field(default_factory=Counter)
    answerable: list[int] = field(default_factory=list)  # sent, not yet opened by the client
    viewed: set[int] = field(default_factory=set)
    viewed_unknown: set[int] = field(default_factory=set)
    accepted: set[int] = field(default_factory=set)
    accepted_unknown: set[int] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)


class ScaleLoad:
    """``run(threads, seconds)`` drives the mix against ``base``; ``token_of`` gives the
    proposal's share token (what the client finds in the email)."""

    def __init__(
        self, *, base: str, token: str, form_key: str, password: str, run_id: str, share_token: Any
    ) -> None:
        self.base, self.token, self.form_key = base, token, form_key
        self.password, self.run_id, self.share_token = password, run_id, share_token
        self.samples: list[Sample] = []
        self.ledger = Ledger()
        self.lock = threading.Lock()
        self.serial = 0
        self.started = time.monotonic()

    # Recording ---------------------------------------------------------------------------

    def next_serial(self) -> int:
        with self.lock:
            self.serial += 1
            return self.serial

    def call(
        self, kind: str, expected: int, method: str, path: str, **kwargs: Any
    ) -> tuple[Reply | None, int]:
        """One request, recorded: the reply when it has the expected status (else None), and
        the status (0: no answer)."""
        began = time.perf_counter()
        at = time.monotonic() - self.started
        try:
            reply = request(self.base, method, path, timeout=40, **kwargs)
        except OSError as exc:
            self.record(Sample(kind, 0, at, (time.perf_counter() - began) * 1000, f"{exc}"))
            return None, 0
        sample = Sample(kind, reply.status, at, reply.seconds * 1000)
        if reply.status != expected:
            body = " ".join(reply.body[:300].decode(errors="replace").split())
            sample.error = f"{kind}: expected {expected}, got {reply.status} {body[:120]}"
        self.record(sample)
        return (reply if reply.status == expected else None), reply.status

    def record(self, sample: Sample) -> None:
        with self.lock:
            self.samples.append(sample)

    # Actions -----------------------------------------------------------------------------

    def enquiry(self, rnd: random.Random) -> None:
        n = self.next_serial()
        body = {
            "name": f"Drill Visitor {n}",
            "email": f"visitor-{n}@drill-{self.run_id}.invalid",
            "destination": rnd.choice(["Lisbon", "Kyoto", "Cusco", "Hobart"]),
            "travellers": str(rnd.randint(1, 6)),
            "message": f"Scale drill enquiry {n}: {rnd.choice(['a week', 'two weeks'])}",
        }
        reply, _ = self.call("enquiry", 201, "POST", f"/forms/{self.form_key}", body=body)
        if reply is not None:
            with self.ledger.lock:
                self.ledger.enquiries.add(reply.json()["data"]["id"])

    def new_client(self, kind: str) -> tuple[int, str] | None:
        n = self.next_serial()
        email = f"client-{n}@drill-{self.run_id}.invalid"
        body = {"name": f"Drill Client {n}", "email": email, "notes": f"scale drill {kind}"}
        reply, _ = self.call(kind, 201, "POST", "/api/v1/clients", token=self.token, body=body)
        if reply is None:
            return None
        client_id = reply.json()["data"]["id"]
        with self.ledger.lock:
            self.ledger.leads.add(client_id)
        return client_id, email

    def lead(self, rnd: random.Random) -> None:
        self.new_client("lead")

    def send(self, rnd: random.Random, session: dict[str, str]) -> None:
        client = self.new_client("send_client")
        if client is None:
            return
        client_id, email = client
        body = {
            "client_id": client_id,
            "title": f"Drill proposal for {email.split('@')[0]}",
            "total_price": "1450.00",
            "valid_until": time.strftime("%Y-%m-%d", time.gmtime(time.time() + 30 * 86400)),
        }
        reply, _ = self.call(
            "send_proposal", 201, "POST", "/api/v1/proposals", token=self.token, body=body
        )
        if reply is None:
            return
        proposal_id = reply.json()["data"]["id"]
        with self.ledger.lock:
            self.ledger.proposals.add(proposal_id)
            self.ledger.proposal_email[proposal_id] = email
        for _ in range(2 if rnd.random() < 0.2 else 1):  # a re-send now and then
            if not self.send_email(proposal_id, email, session):
                return
        with self.ledger.lock:
            self.ledger.answerable.append(proposal_id)

    def send_email(self, proposal_id: int, email: str, session: dict[str, str]) -> bool:
        path = f"/proposals/{proposal_id}/send/"
        html = {"Accept": "text/html"}
        page, _ = self.call("send_page", 200, "GET", path, cookies=session, headers=html)
        found = CSRF.search(page.body) if page is not None else None
        if found is None:
            return False
        form = {
            "csrfmiddlewaretoken": found.group(1).decode(),
            "subject": "Your travel proposal from the scale drill",
            "message": "Hello,\n\nHere is the proposal we prepared for you.",
            "action": "send",
        }
        reply, status = self.call(
            "send_email", 302, "POST", path, cookies=session, form=form, headers=html
        )
        with self.ledger.lock:
            if reply is not None and reply.headers.get("location", "").endswith(
                f"/proposals/{proposal_id}/"
            ):
                self.ledger.sends_ok[email] += 1
                return True
            if reply is None and status in UNKNOWN:
                self.ledger.sends_unknown[email] += 1
        return False

    def accept(self, rnd: random.Random) -> None:
        with self.ledger.lock:
            if not self.ledger.answerable:
                return
            proposal_id = self.ledger.answerable.pop(rnd.randrange(len(self.ledger.answerable)))
        token = self.share_token(proposal_id)
        if not token:
            return
        html = {"Accept": "text/html"}
        page, _ = self.call("accept_page", 200, "GET", f"/p/{token}", headers=html)
        found = CSRF.search(page.body) if page is not None else None
        if page is None or found is None:
            return
        seen, seen_status = self.call("accept_seen", 204, "POST", f"/p/{token}/seen")
        with self.ledger.lock:
            if seen is not None:
                self.ledger.viewed.add(proposal_id)
            elif seen_status in UNKNOWN:
                self.ledger.viewed_unknown.add(proposal_id)
        form = {"csrfmiddlewaretoken": found.group(1).decode(), "answer": "accept"}
        cookies = {"csrftoken": page.cookies.get("csrftoken", "")}
        reply, status = self.call(
            "accept_answer", 302, "POST", f"/p/{token}", form=form, cookies=cookies, headers=html
        )
        with self.ledger.lock:
            if reply is not None:
                self.ledger.accepted.add(proposal_id)
            elif status in UNKNOWN:
                self.ledger.accepted_unknown.add(proposal_id)

    # Threads -----------------------------------------------------------------------------

    def loop(self, index: int, stop_at: float) -> None:
        rnd = random.Random(f"{self.run_id}-{index}")
        session: dict[str, str] = {}
        for _ in range(20):  # a node may be down at that moment: sign in again
            try:
                session = sign_in(self.base, "demo", self.password)
                break
            except (OSError, RuntimeError):
                time.sleep(0.5)
        kinds, weights = list(MIX), list(MIX.values())
        while time.monotonic() < stop_at:
            kind = rnd.choices(kinds, weights)[0]
            if kind == "enquiry":
                self.enquiry(rnd)
            elif kind == "lead":
                self.lead(rnd)
            elif kind == "send" and session:
                self.send(rnd, session)
            elif kind == "accept":
                self.accept(rnd)

    def run(self, threads: int, seconds: float) -> list[threading.Thread]:
        """Start the clients (daemon threads) for ``seconds``; the caller joins them."""
        self.started = time.monotonic()
        stop_at = self.started + seconds
        started = [
            threading.Thread(target=self.loop, args=(i, stop_at), daemon=True)
            for i in range(threads)
        ]
        for thread in started:
            thread.start()
        return started

    def by_kind(self) -> dict[str, Counter[int]]:
        out: dict[str, Counter[int]] = defaultdict(Counter)
        with self.lock:
            for sample in self.samples:
                out[sample.kind][sample.status] += 1
        return dict(out)
