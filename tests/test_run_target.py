"""`make run`: installs what running needs only, and `manage.py run_dev` serves, with a job
worker beside the server when jobs go through the queue (PostgreSQL)."""

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings

from core.management.commands import run_dev

ROOT = Path(__file__).resolve().parent.parent


def makefile_rule(target: str) -> str:
    text = (ROOT / "Makefile").read_text()
    match = re.search(rf"^{re.escape(target)}:.*?(?=^\S|\Z)", text, re.M | re.S)
    assert match, target
    return match.group(0)


def test_make_run_installs_the_runtime_dependencies_only_and_make_test_the_dev_extra():
    run, test = makefile_rule("run"), makefile_rule("test")
    assert "$(RUN_STAMP)" in run.splitlines()[0] and "DEV_STAMP" not in run
    assert "$(DEV_STAMP)" in test.splitlines()[0]
    install_run = makefile_rule("$(RUN_STAMP)")
    assert "pip install --quiet ." in install_run and "[dev]" not in install_run
    assert 'pip install --quiet ".[dev]"' in makefile_rule("$(DEV_STAMP)")
    assert "manage.py run_dev $(HOST):$(PORT)" in run


def test_the_runtime_dependencies_hold_no_test_tool():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    runtime = " ".join(project["dependencies"]).lower()
    for tool in (
        "pytest",
        "ruff",
        "mypy",
        "playwright",
        "schemathesis",
        "factory",
        "import-linter",
    ):
        assert tool not in runtime
    assert "procrastinate" in runtime and "gunicorn" in runtime


def test_on_sqlite_run_dev_becomes_runserver_alone(monkeypatch):
    became: list[list[str]] = []
    monkeypatch.setattr(run_dev.os, "execv", lambda path, argv: became.append(argv))
    monkeypatch.setattr(run_dev, "supervise", lambda *a, **k: pytest.fail("no worker inline"))
    with override_settings(JOBS_MODE="inline"):
        call_command("run_dev", "127.0.0.1:8123")
    assert len(became) == 1
    assert became[0][0] == sys.executable
    assert became[0][2:] == ["runserver", "127.0.0.1:8123"]


def test_with_the_queue_run_dev_starts_a_worker_beside_the_server(monkeypatch):
    started: list[list[list[str]]] = []
    monkeypatch.setattr(run_dev.os, "execv", lambda *a: pytest.fail("must supervise"))
    monkeypatch.setattr(run_dev, "supervise", lambda cmds, **k: started.append(cmds) or 0)
    with override_settings(JOBS_MODE="queue"):
        call_command("run_dev", "0.0.0.0:9000")
    [(worker, server)] = started
    assert worker[1:] == [str(ROOT / "manage.py"), "procrastinate", "worker"]
    assert server[1:] == [str(ROOT / "manage.py"), "runserver", "0.0.0.0:9000"]


# The supervisor itself, on real processes: two children that write their pid and wait.
CHILD = "import os, sys, time; open(sys.argv[1], 'w').write(str(os.getpid())); time.sleep(600)"
SUPERVISOR = (
    "import sys; from core.management.commands.run_dev import supervise;"
    "sys.exit(supervise([[sys.executable, '-c', CHILD, p] for p in sys.argv[1:]]))"
)


def start_supervisor(tmp_path: Path, *children: str) -> tuple[subprocess.Popen, list[Path]]:
    pids = [tmp_path / name for name in children]
    code = f"CHILD = {CHILD!r}\n" + SUPERVISOR
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings_test"}
    proc = subprocess.Popen([sys.executable, "-c", code, *map(str, pids)], cwd=ROOT, env=env)
    for _ in range(600):  # wait for both children to be up (not a timed assertion)
        if all(p.exists() and p.read_text() for p in pids):
            break
        time.sleep(0.05)
    return proc, pids


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "State:\tZ" not in state


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_ctrl_c_or_sigterm_stops_the_server_and_the_worker(tmp_path, sig):
    proc, pids = start_supervisor(tmp_path, "worker", "server")
    children = [int(p.read_text()) for p in pids]
    assert all(alive(pid) for pid in children)
    proc.send_signal(sig)
    assert proc.wait(timeout=60) == 0
    assert not any(alive(pid) for pid in children)


def test_when_one_child_dies_the_other_is_stopped_and_the_exit_is_a_failure(tmp_path):
    proc, pids = start_supervisor(tmp_path, "worker", "server")
    worker, server = (int(p.read_text()) for p in pids)
    os.kill(worker, signal.SIGKILL)
    assert proc.wait(timeout=60) != 0
    assert not alive(server)


def descendants(pid: int) -> dict[int, str]:
    """Every live process below ``pid``, with its command line (from /proc)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found: dict[int, str] = {}
    frontier = [pid]
    while frontier:
        parent = frontier.pop()
        for child, ppid in parents.items():
            if ppid == parent and child not in found and alive(child):
                try:
                    found[child] = (Path(f"/proc/{child}/cmdline").read_bytes()).decode()
                except OSError:
                    continue
                frontier.append(child)
    return {child: cmd.replace("\0", " ") for child, cmd in found.items()}


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_on_postgresql_run_dev_serves_with_a_worker_and_ctrl_c_stops_both(tmp_path):
    import socket
    import urllib.request

    from django.db import connection

    db = connection.settings_dict
    url = f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", "DATABASE_URL": url}
    env.update(DEBUG="1", JOBS_MODE="", PYTHONDONTWRITEBYTECODE="1")
    log = (tmp_path / "run_dev.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "manage.py", "run_dev", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    tree: dict[int, str] = {}
    try:
        status = None
        for _ in range(300):  # wait for the server (not a timed assertion)
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as r:
                    status = r.status
                break
            except OSError:
                time.sleep(0.2)
        assert status == 200, (tmp_path / "run_dev.log").read_text()
        tree = descendants(proc.pid)
        assert any("procrastinate worker" in cmd for cmd in tree.values()), tree
        assert any(f"runserver 127.0.0.1:{port}" in cmd for cmd in tree.values()), tree
        proc.send_signal(signal.SIGINT)  # what Ctrl-C sends
        assert proc.wait(timeout=60) == 0
        assert not any(alive(pid) for pid in tree)
    finally:
        for pid in [*tree, *descendants(proc.pid)]:  # never leave a server behind
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
        if proc.poll() is None:
            proc.kill()
        log.close()
