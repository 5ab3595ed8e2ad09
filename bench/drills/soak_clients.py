"""The soak's clients: each thread a loop of weighted actions (leads plain, keyed, retried and
raced; lists; details; PATCH; whole-plan PUT), every answer recorded as a sample and every
accepted write in the ledger the verification compares with the database."""

from __future__ import annotations

import argparse
import random
import threading
import time
import uuid
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from bench.drills.base import Drill
from bench.lib.web import Reply

STATUSES = ["lead", "active", "inactive"]
CITIES = ["Lisbon", "Kyoto", "Cusco", "Marrakesh", "Hobart", "Tromsø", "Oaxaca", "Hội An"]
TAGS = ["honeymoon", "family", "vip", "ski", "safari", "cruise", "Ελλάδα", "日本"]
FIRST = ["Aisha", "Łukasz", "Γιώργος", "佐藤", "Nadia", "José", "Olu", "Maëlle", "Ravi", "Ines"]
LAST = ["Khan", "Wójcik", "Παπαδόπουλος", "翔太", "Rahman", "Núñez", "Adeyemi", "Le Goff"]
# Action -> weight. Creates and updates are a good share: they are what can lose data.
MIX = {
    "create": 22,
    "create_keyed": 6,
    "create_retried": 5,
    "create_raced": 3,
    "list_clients": 22,
    "list_itineraries": 6,
    "detail_itinerary": 12,
    "patch_own": 12,
    "patch_shared": 4,
    "put_itinerary": 8,
}
EXPECTED = {"create": 201, "list": 200, "detail": 200, "patch": 200, "put": 200}


@dataclass
class Sample:
    action: str
    status: int  # 0: no answer (transport error)
    ms: float
    error: str = ""


@dataclass
class Ledger:
    """What the clients were told, to check against the database afterwards."""

    leads: dict[int, dict[str, Any]] = field(default_factory=dict)  # id -> expected fields
    created: int = 0  # 201s that were not replays
    replays: int = 0  # 201s with Idempotent-Replayed: true
    key_ids: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    shared: dict[int, set[str]] = field(default_factory=lambda: defaultdict(set))
    plans: dict[int, dict[str, Any] | None] = field(default_factory=dict)  # itinerary -> body
    lock: threading.Lock = field(default_factory=threading.Lock)


class SoakClients(Drill):
    def __init__(self, args: argparse.Namespace) -> None:
        super().__init__(args)
        self.samples: list[Sample] = []
        self.samples_lock = threading.Lock()
        self.ledger = Ledger()
        # Set up by the drill before the clients start: tokens and the seeded records.
        self.tokens: list[str] = []
        self.seed_client_ids: list[int] = []
        self.shared_ids: list[int] = []
        self.search_terms: list[str] = []
        self.seed_itinerary_ids: list[int] = []

    def record(self, action: str, reply: Reply | None, started: float, error: str = "") -> None:
        ms = (time.perf_counter() - started) * 1000
        sample = Sample(action, reply.status if reply else 0, ms, error)
        expected = EXPECTED[action.split("_")[0]]
        if reply is not None and reply.status != expected and not error:
            body = reply.body[:160].decode(errors="replace")
            sample.error = f"{action}: expected {expected}, got {reply.status} {body}"
        with self.samples_lock:
            self.samples.append(sample)

    def send(self, action: str, method: str, path: str, token: str, **kwargs: Any) -> Reply | None:
        started = time.perf_counter()
        try:
            reply = self.app.request(method, path, token=token, timeout=30, **kwargs)
        except OSError as exc:
            self.record(action, None, started, f"{action}: {type(exc).__name__}: {exc}")
            return None
        self.record(action, reply, started)
        return reply

    def new_lead(self, rnd: random.Random) -> dict[str, Any]:
        n = self.next_serial()
        body: dict[str, Any] = {
            "name": f"{rnd.choice(FIRST)} {rnd.choice(LAST)} {n}",
            "email": f"lead-{n}@soak-{self.run_id}.invalid",
            "phone": rnd.choice(["+44 20 7946 0958", "0033 1 23 45 67 89", "call after 6pm", ""]),
            "tags": rnd.sample(TAGS, rnd.randint(0, 3)),
            "notes": f"Soak lead {n}: {rnd.choice(['two weeks', 'a weekend', 'a month'])}",
        }
        if rnd.random() < 0.3:
            body["city"] = rnd.choice(CITIES)
        if rnd.random() < 0.2:
            body["status"] = rnd.choice(STATUSES)
        return body

    def accept_lead(
        self, body: dict[str, Any], reply: Reply | None, *, key: str = ""
    ) -> int | None:
        if reply is None or reply.status != 201:
            return None
        data = reply.json()["data"]
        replayed = reply.headers.get("idempotent-replayed") == "true"
        with self.ledger.lock:
            if replayed:
                self.ledger.replays += 1
            else:
                self.ledger.created += 1
                self.ledger.leads[data["id"]] = {
                    "name": body["name"],
                    "email": body["email"],
                    "phone": body["phone"],
                    "tags": body["tags"],
                    "notes": body["notes"],
                    "city": body.get("city", ""),
                    "status": body.get("status", "lead"),
                }
            if key:
                self.ledger.key_ids[key].add(data["id"])
        return data["id"]

    def plan(self, rnd: random.Random, client_id: int, version: int) -> dict[str, Any]:
        days = []
        for d in range(rnd.randint(1, 6)):
            items = [
                {
                    "kind": rnd.choice(["flight", "transfer", "accommodation", "activity", "meal"]),
                    "title": f"v{version} day {d + 1} item {i + 1}",
                    "start_time": f"{8 + i:02d}:30",
                    "location": rnd.choice(CITIES),
                }
                for i in range(rnd.randint(0, 4))
            ]
            days.append({"title": f"v{version} day {d + 1}", "items": items})
        return {
            "client_id": client_id,
            "title": f"Soak plan {self.run_id} v{version}",
            "status": rnd.choice(["draft", "proposed"]),
            "travellers": rnd.randint(1, 6),
            "days": days,
        }

    def race(
        self, action: str, token: str, body: dict[str, Any], headers: dict[str, str]
    ) -> list[Reply | None]:
        """The same keyed request twice at the same moment (a double-click, a hasty retry)."""
        barrier = threading.Barrier(2)

        def one(_: int) -> Reply | None:
            barrier.wait(timeout=10)
            return self.send(action, "POST", "/api/v1/clients", token, body=body, headers=headers)

        with ThreadPoolExecutor(2) as pool:
            return list(pool.map(one, range(2)))

    def client_loop(self, index: int, stop_at: float) -> None:
        rnd = random.Random(f"{self.run_id}-{index}")
        token = self.tokens[index % len(self.tokens)]
        own_leads: list[int] = []
        # One itinerary per client thread, rewritten with PUT (its final plan is known).
        body = self.plan(rnd, rnd.choice(self.seed_client_ids), 0)
        reply = self.send("create_itinerary", "POST", "/api/v1/itineraries", token, body=body)
        own_itinerary = reply.json()["data"]["id"] if reply and reply.status == 201 else None
        if own_itinerary:
            with self.ledger.lock:
                self.ledger.plans[own_itinerary] = body
        version = 0
        actions, weights = list(MIX), list(MIX.values())
        while time.monotonic() < stop_at:
            action = rnd.choices(actions, weights)[0]
            if action == "create":
                body = self.new_lead(rnd)
                lead = self.accept_lead(
                    body, self.send("create", "POST", "/api/v1/clients", token, body=body)
                )
                if lead:
                    own_leads.append(lead)
            elif action in ("create_keyed", "create_retried"):
                body, key = self.new_lead(rnd), f"soak-{self.run_id}-{uuid.uuid4().hex}"
                headers = {"Idempotency-Key": key}
                for _ in range(1 if action == "create_keyed" else rnd.randint(2, 3)):
                    reply = self.send(
                        action, "POST", "/api/v1/clients", token, body=body, headers=headers
                    )
                    lead = self.accept_lead(body, reply, key=key)
                if lead:
                    own_leads.append(lead)
            elif action == "create_raced":
                body, key = self.new_lead(rnd), f"soak-{self.run_id}-{uuid.uuid4().hex}"
                headers = {"Idempotency-Key": key}
                for reply in self.race(action, token, body, headers):
                    self.accept_lead(body, reply, key=key)
            elif action == "list_clients":
                query: dict[str, Any] = {
                    "per_page": rnd.choice([10, 25, 100]),
                    "page": rnd.randint(1, 3),
                }
                if rnd.random() < 0.6:
                    query["q"] = rnd.choice(self.search_terms)
                if rnd.random() < 0.5:
                    query["status"] = rnd.choice(STATUSES)
                path = "/api/v1/clients?" + "&".join(f"{k}={v}" for k, v in query.items())
                self.send(action, "GET", path, token)
            elif action == "list_itineraries":
                status = rnd.choice(["", "&status=draft", "&status=proposed"])
                self.send(action, "GET", f"/api/v1/itineraries?per_page=25{status}", token)
            elif action == "detail_itinerary":
                mine = [own_itinerary] if own_itinerary else []
                target = rnd.choice(self.seed_itinerary_ids + mine)
                self.send(action, "GET", f"/api/v1/itineraries/{target}", token)
            elif action == "patch_own" and own_leads:
                lead = rnd.choice(own_leads)
                change = {"city": rnd.choice(CITIES), "status": rnd.choice(STATUSES)}
                if rnd.random() < 0.5:
                    change["notes"] = f"Patched by client {index} at {time.time():.3f}"
                reply = self.send(action, "PATCH", f"/api/v1/clients/{lead}", token, body=change)
                if reply is not None and reply.status == 200:
                    with self.ledger.lock:
                        self.ledger.leads[lead].update(change)
            elif action == "patch_shared":
                target = rnd.choice(self.shared_ids)
                city = f"{rnd.choice(CITIES)} {index}-{rnd.randint(0, 10**6)}"
                with self.ledger.lock:  # sent, whether or not it lands last
                    self.ledger.shared[target].add(city)
                self.send(action, "PATCH", f"/api/v1/clients/{target}", token, body={"city": city})
            elif action == "put_itinerary" and own_itinerary:
                version += 1
                body = self.plan(rnd, rnd.choice(self.seed_client_ids), version)
                path = f"/api/v1/itineraries/{own_itinerary}"
                reply = self.send(action, "PUT", path, token, body=body)
                with self.ledger.lock:
                    if reply is not None and reply.status == 200:
                        self.ledger.plans[own_itinerary] = body
                    elif reply is None:  # unknown outcome: cannot be verified
                        self.ledger.plans[own_itinerary] = None
