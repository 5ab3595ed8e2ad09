"""(b) Redis stopped, and started again empty; (c) Redis frozen (SIGSTOP), then resumed."""

from __future__ import annotations

import os
import signal
import time

from bench.drills.faults_base import (
    FALLBACK_WARNING,
    LIMIT,
    REDIS_RETRY_AFTER,
    SLOW,
    FaultsBase,
)
from bench.lib.common import log
from bench.lib.web import Reply, sign_in_reply


class RedisOutage(FaultsBase):
    def limit_burst(self, token: str, count: int) -> list[Reply]:
        return self.burst(count, "GET", "/api/v1/me", token=token)

    def redis_outage(self) -> None:
        log("(b) Redis outage")
        w = self.args.workers
        before = self.limit_burst(self.small[0], LIMIT * 3)
        allowed = sum(r.status == 200 for r in before)
        self.check(
            "Redis up: shared limit (5/min token, 15 requests)",
            "exactly 5 x 200, rest 429",
            self.describe(before),
            allowed == LIMIT and sum(r.status == 429 for r in before) == LIMIT * 2,
        )
        log("stopping Redis (SHUTDOWN NOSAVE)")
        self.redis.stop()
        reads = self.burst(w * 3, "GET", "/api/v1/clients?q=a&status=active", token=self.token)
        reads += self.burst(
            w * 2, "GET", f"/api/v1/itineraries/{self.itinerary_id}", token=self.token
        )
        self.check(
            "Redis down: API reads",
            "200, <3s",
            f"{self.describe(reads)}; slowest {max(r.seconds for r in reads):.2f}s",
            {r.status for r in reads} == {200} and max(r.seconds for r in reads) < SLOW,
        )
        sent = [self.lead("redis") for _ in range(30)]
        posts = [self.call("POST", "/api/v1/clients", token=self.token, body=b) for b in sent]
        key = f"faults-{self.run_id}"
        keyed = self.lead("redis")
        posts_keyed = [
            self.call(
                "POST",
                "/api/v1/clients",
                token=self.token,
                body=keyed,
                headers={"Idempotency-Key": key},
            )
            for _ in range(3)
        ]
        ids = [r.json()["data"]["id"] for r in posts + posts_keyed if r.status == 201]
        replay_ok = (
            all(r.status == 201 for r in posts_keyed)
            and len({r.json()["data"]["id"] for r in posts_keyed}) == 1
            and [r.headers.get("idempotent-replayed") for r in posts_keyed[1:]] == ["true", "true"]
        )
        self.check(
            "Redis down: 30 leads POSTed (+1 sent 3x with an Idempotency-Key)",
            "all 201; the keyed one created once",
            f"{self.describe(posts + posts_keyed)}; replays same id={replay_ok}",
            all(r.status == 201 for r in posts) and replay_ok,
        )
        fallback = self.limit_burst(self.small[1], LIMIT * (w + 1))
        allowed = sum(r.status == 200 for r in fallback)
        headers = all("x-ratelimit-limit" in r.headers for r in fallback)
        self.check(
            f"Redis down: per-process fallback (5/min token, {LIMIT * (w + 1)} requests)",
            f"5..{LIMIT * w} x 200 (5 per worker), rest 429, headers kept",
            f"{self.describe(fallback)}; X-RateLimit headers={headers}",
            LIMIT <= allowed <= LIMIT * w
            and all(r.status in (200, 429) for r in fallback)
            and headers,
        )
        warned = FALLBACK_WARNING in self.app.log_text()
        self.check(
            "Redis down: fallback logged",
            "a WARNING in the server log",
            "found" if warned else "missing",
            warned,
        )
        signin = sign_in_reply(self.app.base, "demo", "itinera-demo")
        self.check(
            "Redis down: dashboard sign-in",
            "302 (signed in)",
            f"{signin.status} in {signin.seconds:.2f}s (with Redis: {self.sign_in_seconds:.2f}s)",
            signin.status == 302 and "sessionid" in signin.cookies,
        )
        page = self.call("GET", "/clients/", cookies=self.session, headers={"Accept": "text/html"})
        self.check("Redis down: dashboard page", "200", str(page.status), page.status == 200)
        enquiry = self.call(
            "POST",
            f"/forms/{self.form_key}",
            body={"name": "Form lead", "email": f"form-1-{self.run_id}@faults.invalid"},
        )
        self.check(
            "Redis down: public enquiry form (JSON)",
            "201",
            f"{enquiry.status} in {enquiry.seconds:.2f}s",
            enquiry.status == 201,
        )
        stored = self.leads_in_db("redis")
        self.check(
            "Redis down: leads in the database",
            f"all {len(set(ids))} accepted leads stored, no duplicate",
            f"{len(set(ids) & set(stored))} of {len(set(ids))} found, {len(stored)} stored",
            set(ids) == set(stored) and len(stored) == 31,
        )

        log("starting Redis again (empty)")
        self.redis.start()
        restarted = time.monotonic()
        enforced_after = None
        for token in self.small[2:]:
            time.sleep(max(0.0, REDIS_RETRY_AFTER + 1 - (time.monotonic() - restarted)))
            replies = self.limit_burst(token, LIMIT * 3)
            if sum(r.status == 200 for r in replies) == LIMIT:
                enforced_after = time.monotonic() - restarted
                break
            log(f"not shared yet: {self.describe(replies)}; again with a fresh token")
        keys = self.redis.cli("--scan", "--pattern", "*ratelimit*").stdout.split()
        self.check(
            "Redis back: shared limit enforced again (5/min token, 15 requests)",
            f"exactly 5 x 200 once workers retry Redis ({REDIS_RETRY_AFTER:.0f}s after a failure)",
            "never"
            if enforced_after is None
            else f"5x200, 10x429 on the check {enforced_after:.1f}s after the restart; "
            f"{len(keys)} limit key(s) in Redis",
            enforced_after is not None and bool(keys),
        )

    # (c) Redis frozen -----------------------------------------------------------------------

    def redis_frozen(self) -> None:
        log("(c) Redis frozen (SIGSTOP)")
        pid = int(self.redis.pidfile.read_text())
        os.kill(pid, signal.SIGSTOP)
        try:
            replies = self.burst(self.args.workers * 2, "GET", "/api/v1/clients", token=self.token)
            replies += [
                self.call("POST", "/api/v1/clients", token=self.token, body=self.lead("frozen"))
                for _ in range(self.args.workers * 2)
            ]
            self.check(
                "Redis frozen: API reads and lead POSTs",
                "200/201, each < 3s",
                f"{self.describe(replies)}; slowest {max(r.seconds for r in replies):.2f}s",
                {r.status for r in replies} <= {200, 201}
                and max(r.seconds for r in replies) < SLOW,
            )
            try:
                signin = sign_in_reply(self.app.base, "demo", "itinera-demo")
                observed = (
                    f"{signin.status} in {signin.seconds:.2f}s "
                    f"(with Redis: {self.sign_in_seconds:.2f}s)"
                )
                ok = signin.status == 302 and signin.seconds < self.sign_in_seconds + SLOW
            except OSError as exc:
                observed, ok = f"{type(exc).__name__}", False
            self.check("Redis frozen: dashboard sign-in", "302, < 3s more than usual", observed, ok)
            try:
                enquiry = self.call(
                    "POST",
                    f"/forms/{self.form_key}",
                    body={"name": "Form lead", "email": f"form-2-{self.run_id}@faults.invalid"},
                    timeout=20,
                )
                observed = f"{enquiry.status} in {enquiry.seconds:.2f}s"
                ok = enquiry.status == 201 and enquiry.seconds < SLOW
            except OSError as exc:
                observed, ok = f"{type(exc).__name__}", False
            self.check("Redis frozen: public enquiry form", "201, < 3s", observed, ok)
        finally:
            os.kill(pid, signal.SIGCONT)
        stored = self.leads_in_db("frozen")
        created = [r.json()["data"]["id"] for r in replies if r.status == 201]
        self.check(
            "Redis frozen: leads in the database",
            "every 201 stored",
            f"{len(set(created) & set(stored))} of {len(created)} found",
            set(created) == set(stored),
        )
        errors = [
            line
            for line in self.app.log_text().splitlines()
            if "Traceback" in line
            or "WORKER TIMEOUT" in line
            or (" ERROR " in line and "Service Unavailable" not in line)
        ]
        self.check(
            "Server log after all scenarios",
            "no traceback, no ERROR but the 503s, no worker timeout",
            f"{len(errors)} lines" + (f": {errors[0][:80]}" if errors else ""),
            not errors,
        )
