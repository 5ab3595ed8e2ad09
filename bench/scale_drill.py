"""Scale drill: 2 web nodes behind nginx and 2 job workers on PostgreSQL, mixed load for
minutes, one web node and one worker killed with SIGKILL mid-run and restarted; then prove
that nothing was lost and no email went twice.

Usage (from the repository root, as root or a user allowed to run ``pg_createcluster``; nginx
from Debian: ``apt-get install -y nginx-light``)::

    .venv/bin/python bench/scale_drill.py                  # 150 s of load, 6 clients
    .venv/bin/python bench/scale_drill.py --duration 300 --clients 8

It creates its own PostgreSQL cluster (``itinera_scale``, port 5442) and Redis (port 6392),
migrates, collects static files, seeds the demo agency (its website form then notifies the
agent Maria), issues an API token, and starts:

- two gunicorn nodes (production settings, ``--web-workers`` sync workers each) on ports
  ``--port`` + 1 and + 2, behind nginx on ``--port`` (round-robin; a refused connection is
  tried on the other node, a request already sent is never sent twice);
- two ``manage.py procrastinate worker`` processes, heartbeats every 2 s, a worker silent for
  10 s counted dead (``JOBS_STALLED_SECONDS``), its jobs retried by the every-minute recovery;
- emails through Django's filebased backend into a temporary directory, so each delivered
  message can be counted by its ``X-Itinera-Email-Id`` header; ``SITE_URL`` is the proxy.

``--clients`` threads then, for ``--duration`` seconds, through the proxy: post website
enquiries (``POST /forms/<key>``, JSON), create leads (``POST /api/v1/clients``), create a
client and a proposal over the API and send it from the dashboard's "Send to client" page (a
signed-in session; one in five re-sent), and, as the client, open a sent proposal's link
(``GET /p/<token>``, the ``/seen`` beacon) and accept it. At 35 % of the run web node 1 is
killed (SIGKILL to gunicorn and its workers) and restarted ``--down`` seconds later; at 55 %
worker 1 is killed while it runs a job (waiting up to 15 s for one), and restarted.

Afterwards it waits (up to ``--drain-max`` seconds) for the queue to drain, then checks: every
id a 2xx returned is in the database; every enquiry notified the form's recipient, every
accepted send emailed the client, every first opening and acceptance emailed the agent (a
request with no answer or a 502 may or may not have been done: it widens the range allowed);
every outbox row is "sent" and the files hold each sent id exactly once and nothing else; no
job is left "todo"/"doing" and none failed. Prints a summary and exits non-zero on any loss,
duplicate, stuck or failed job.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: import the project from the repository root
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from bench.drills.base import Deadline, Drill, bounded, service_arguments
from bench.drills.scale_load import ScaleLoad
from bench.drills.scale_nodes import Nginx, WebNode, Worker
from bench.drills.scale_report import summary
from bench.drills.scale_verify import drain, verify
from bench.lib.common import log
from crm.demo.data import DEMO_PASSWORD


class ScaleDrill(Drill):
    def __init__(self, args: argparse.Namespace) -> None:
        super().__init__(args)
        self.mail_dir = Path(tempfile.mkdtemp(prefix="itinera-scale-mail-"))
        self.app.env.update(
            {
                "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
                "EMAIL_FILE_PATH": str(self.mail_dir),
                "SITE_URL": f"http://127.0.0.1:{args.port}",
                "JOBS_HEARTBEAT_SECONDS": "2",
                "JOBS_STALLED_SECONDS": "10",
                # The drill's one agency and one visitor address send far more than a real
                # hour would: the limits are not what is being tested here.
                "MAIL_LIMIT_PER_RECIPIENT": "1000000",
                "MAIL_LIMIT_PER_SENDER": "1000000",
                "MAIL_LIMIT_PER_AGENCY": "1000000",
                "ENQUIRY_RATE_LIMIT_PER_IP": "1000000",
                "ENQUIRY_RATE_LIMIT_PER_FORM": "1000000",
            }
        )
        env = self.app.env
        self.nodes = [
            WebNode(name=f"web{i}", env=env, port=args.port + i, workers=args.web_workers)
            for i in (1, 2)
        ]
        self.workers = [Worker(name=f"worker{i}", env=env) for i in (1, 2)]
        self.proxy = Nginx(port=args.port, upstreams=[n.port for n in self.nodes])
        self.events: dict[str, float] = {}
        self.notes: list[str] = []

    # Setup -------------------------------------------------------------------------------

    def setup(self) -> ScaleLoad:
        self.pg.create()
        self.redis.start()
        self.app.prepare()
        token = self.app.token(rate=100_000, name="scale-drill")
        # The demo form tells the agent Maria of each enquiry (an email per enquiry).
        self.pg.query(
            "INSERT INTO crm_enquiryform_notify_users (enquiryform_id, user_id) "
            "SELECT f.id, u.id FROM crm_enquiryform f JOIN accounts_user u "
            "ON u.agency_id = f.agency_id AND u.username = 'maria'"
        )
        form_key, maria = self.pg.query(
            "SELECT f.public_key, u.id FROM crm_enquiryform f JOIN accounts_user u "
            "ON u.agency_id = f.agency_id AND u.username = 'maria' LIMIT 1"
        )[0]
        self.notify_key = f"enquiry:{{enquiry}}:notify:{maria}"
        for node in self.nodes:
            node.start()
        for worker in self.workers:
            known = {r[0] for r in self.pg.query("SELECT id FROM procrastinate_workers")}
            worker.start()
            deadline = time.monotonic() + 60
            while worker.worker_id is None and time.monotonic() < deadline:
                new = {r[0] for r in self.pg.query("SELECT id FROM procrastinate_workers")} - known
                worker.worker_id = min(new) if new else None
                time.sleep(0.2)
            if worker.worker_id is None:
                raise RuntimeError(f"{worker.name} did not register: {worker.log_text()[-400:]}")
        self.proxy.start()
        log(f"2 web nodes behind nginx on {self.proxy.base}, 2 workers, mail in {self.mail_dir}")
        return ScaleLoad(
            base=self.proxy.base,
            token=token,
            form_key=form_key,
            password=DEMO_PASSWORD,
            run_id=self.run_id,
            share_token=self.share_token,
        )

    def share_token(self, proposal_id: int) -> str:
        rows = self.pg.query("SELECT share_token FROM crm_proposal WHERE id = %s", (proposal_id,))
        return rows[0][0] if rows and rows[0][0] else ""

    # The kills ---------------------------------------------------------------------------

    def at(self, name: str, load: ScaleLoad) -> None:
        self.events[name] = time.monotonic() - load.started

    def kill_web(self, load: ScaleLoad) -> None:
        node = self.nodes[0]
        log(f"SIGKILL {node.name} (gunicorn master and workers)")
        self.at("web_killed", load)
        node.kill()
        time.sleep(self.args.down)
        self.at("web_restarting", load)
        self.events["web_start_seconds"] = node.start()
        self.at("web_back", load)
        log(f"{node.name} back after {self.events['web_start_seconds']:.1f}s of start-up")

    def kill_worker(self, load: ScaleLoad) -> None:
        worker = self.workers[0]
        busy: list[int] = []
        deadline = time.monotonic() + 15
        while not busy and time.monotonic() < deadline:
            busy = [
                r[0]
                for r in self.pg.query(
                    "SELECT id FROM procrastinate_jobs WHERE status = 'doing' AND worker_id = %s",
                    (worker.worker_id,),
                )
            ]
            if not busy:
                time.sleep(0.02)
        worker.kill()
        self.at("worker_killed", load)
        orphans = [
            r[0]
            for r in self.pg.query(
                "SELECT id FROM procrastinate_jobs WHERE status = 'doing' AND worker_id = %s",
                (worker.worker_id,),
            )
        ]
        self.events["worker_orphans"] = len(orphans)
        log(f"SIGKILL {worker.name}: {len(orphans)} job(s) left 'doing' ({orphans})")
        time.sleep(self.args.down)
        worker.start()
        self.at("worker_restarted", load)
        started = time.monotonic()
        while orphans and time.monotonic() - started < 150:
            left = self.pg.query(
                "SELECT count(*) FROM procrastinate_jobs WHERE status = 'doing' AND id = ANY(%s)",
                (orphans,),
            )[0][0]
            if not left:
                self.at("worker_orphans_recovered", load)
                break
            time.sleep(0.5)

    def controller(self, load: ScaleLoad) -> None:
        try:
            time.sleep(self.args.duration * 0.35)
            self.kill_web(load)
            time.sleep(max(0.0, self.args.duration * 0.55 - (time.monotonic() - load.started)))
            self.kill_worker(load)
        except Exception as exc:  # reported, and the run fails
            self.notes.append(f"the kills stopped: {type(exc).__name__}: {exc}")

    # The queue's own pace ---------------------------------------------------------------

    def burst(self) -> dict[str, float]:
        """Stop the workers, queue ``--burst`` emails in one transaction (through
        ``core.mail.send``, as the application does), start the two workers and time them
        until the outbox is empty: the jobs per second two workers sustain on this machine."""
        count = self.args.burst
        for worker in self.workers:
            worker.stop()
        script = (
            "from django.db import transaction\n"
            "from core import mail\n"
            "with transaction.atomic():\n"
            f"    for i in range({count}):\n"
            f"        mail.send(to=f'burst-{{i}}@drill-{self.run_id}.invalid',"
            " subject='Scale drill burst', body='One of many.', kind='drill_burst')\n"
        )
        self.app.manage("shell", "-c", script)
        for worker in self.workers:
            worker.start()
        _, pending = drain(self.pg, max_seconds=self.args.drain_max)
        # From the first delivery to the last (the workers' start-up left out).
        sent, seconds = self.pg.query(
            "SELECT count(*), extract(epoch FROM max(sent_at) - min(sent_at))::float "
            "FROM core_outboundemail WHERE kind = 'drill_burst' AND status = 'sent'"
        )[0]
        log(f"burst: {sent} of {count} emails delivered by 2 workers in {seconds or 0:.1f}s")
        return {"burst": sent, "burst_seconds": seconds or 0.0, "burst_pending": pending}

    # The run -----------------------------------------------------------------------------

    def run(self) -> int:
        failures: list[str] = []
        figures: dict = {}
        load: ScaleLoad | None = None
        seconds = 0.0
        try:
            with bounded(self.args.duration + self.args.max_extra):
                load = self.setup()
                log(f"load: {self.args.clients} clients for {self.args.duration}s")
                clients = load.run(self.args.clients, self.args.duration)
                control = threading.Thread(target=self.controller, args=(load,), daemon=True)
                control.start()
                for thread in clients:
                    thread.join()
                seconds = time.monotonic() - load.started
                control.join(timeout=200)
                log("load done; waiting for the queue to drain")
                drained, pending = drain(self.pg, max_seconds=self.args.drain_max)
                figures["drain_seconds"], figures["pending"] = drained, pending
                if pending:
                    failures.append(f"{pending} jobs/emails still pending after {drained:.0f}s")
                if self.args.burst and not pending:  # a stuck queue would never drain
                    figures.update(self.burst())
                    if figures["burst_pending"]:
                        failures.append(f"{figures['burst_pending']} burst emails not delivered")
                found, failed = verify(
                    self.pg, load.ledger, mail_dir=self.mail_dir, notify_key=self.notify_key
                )
                figures.update(found)
                failures += failed
        except (Deadline, KeyboardInterrupt, Exception) as exc:
            failures.append(f"the run stopped: {type(exc).__name__}: {exc}")
        finally:
            log("cleaning up: nginx, web nodes, workers, Redis, the PostgreSQL cluster")
            self.proxy.stop()
            for worker in self.workers:
                worker.stop()
            for node in self.nodes:
                node.stop()
            self.redis.close()
            self.pg.drop()
        failures += self.notes
        if load is not None and load.samples:
            print()
            print(summary(self, load, max(seconds, 1.0), figures, failures))
        shutil.rmtree(self.mail_dir, ignore_errors=True)
        print()
        if failures:
            print(f"FAILED ({len(failures)}):")
            for failure in failures[:30]:
                print(f"  - {failure}")
            return 1
        print("PASSED: every accepted request stored, every email sent exactly once, no job stuck.")
        return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=150, help="seconds of load (150)")
    parser.add_argument("--clients", type=int, default=6, help="concurrent clients (6)")
    parser.add_argument("--web-workers", type=int, default=2, help="gunicorn workers per node")
    parser.add_argument("--down", type=float, default=5, help="seconds a killed process stays down")
    parser.add_argument(
        "--burst", type=int, default=2000, help="emails queued at once after the load (0: none)"
    )
    parser.add_argument("--drain-max", type=int, default=240, help="max wait for the queue")
    parser.add_argument("--max-extra", type=int, default=900, help="time beyond --duration")
    service_arguments(parser, "scale", workers=2, port=8160, pg_port=5442, redis_port=6392)
    sys.exit(ScaleDrill(parser.parse_args()).run())


if __name__ == "__main__":
    main()
