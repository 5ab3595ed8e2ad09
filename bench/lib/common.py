"""Paths, logging and subprocesses for the bench scripts."""

from __future__ import annotations

import datetime as dt
import socket
import subprocess
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"


def log(message: str, *, tag: str = "") -> None:
    """``[tag HH:MM:SS] message``, flushed (the scripts run for minutes, often under tee)."""
    print(f"[{tag + ' ' if tag else ''}{dt.datetime.now():%H:%M:%S}] {message}", flush=True)


def run(cmd: list[str], **kwargs: Any) -> subprocess.CompletedProcess:
    """``subprocess.run`` checked, captured as text, and bounded (120 s unless told)."""
    kwargs.setdefault("check", True)
    kwargs.setdefault("capture_output", True)
    kwargs.setdefault("text", True)
    kwargs.setdefault("timeout", 120)
    return subprocess.run(cmd, **kwargs)


def port_open(port: int) -> bool:
    """Whether something listens on 127.0.0.1:``port``."""
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0
