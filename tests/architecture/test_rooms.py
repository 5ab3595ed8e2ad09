"""The house rules that a reviewer would otherwise have to count by hand."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCE_ROOTS = ("accounts", "api", "bench", "config", "core", "crm")
MAX_LINES = 400


def _source_files() -> list[Path]:
    files = []
    for root in SOURCE_ROOTS:
        for path in (ROOT / root).rglob("*.py"):
            if "migrations" not in path.parts:
                files.append(path)
    return files


def test_no_source_file_is_over_400_lines():
    too_long = {
        str(path.relative_to(ROOT)): count
        for path in _source_files()
        if (count := len(path.read_text().splitlines())) > MAX_LINES
    }
    assert too_long == {}, f"Split these into cohesive modules: {too_long}"


def test_every_domain_has_its_rooms():
    for domain in ("clients", "trips", "proposals", "bookings", "enquiries"):
        package = ROOT / "crm" / domain
        for module in ("models.py", "services.py", "selectors.py"):
            assert (package / module).exists(), f"crm/{domain}/{module} is missing"


def test_the_ground_floor_imports_no_app_of_ours():
    ours = ("accounts", "api", "crm", "config", "bench")
    for path in (ROOT / "core").rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for line in path.read_text().splitlines():
            stripped = line.strip()
            assert not stripped.startswith(tuple(f"from {app}" for app in ours)), (path, line)
            assert not stripped.startswith(tuple(f"import {app}" for app in ours)), (path, line)


@pytest.mark.skipif(
    not (Path(sys.executable).parent / "lint-imports").exists(), reason="no import-linter"
)
def test_import_linter_keeps_the_floors():
    result = subprocess.run(
        [str(Path(sys.executable).parent / "lint-imports")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:]
