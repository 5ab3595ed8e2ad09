"""The committed SDK (sdk/python) is exactly what the current schema generates: the check CI runs
(through ``make test``) so that an API change cannot land without its SDK. It regenerates into a
temporary directory with the same script as ``make sdk`` and compares every file, byte for byte,
new and removed files included."""

from __future__ import annotations

import difflib
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "sdk" / "python"
# What running and linting the package leaves beside it (all ignored by git).
LEFTOVERS = {"__pycache__", ".ruff_cache", ".mypy_cache", ".pytest_cache"}


def files(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and not LEFTOVERS.intersection(path.relative_to(root).parts)
    }


def test_the_committed_sdk_is_what_the_current_schema_generates(tmp_path):
    fresh_dir = tmp_path / "python"
    subprocess.run(
        [sys.executable, str(ROOT / "sdk" / "build.py"), "--output", str(fresh_dir)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=300,
    )
    committed, fresh = files(COMMITTED), files(fresh_dir)
    assert len(fresh) > 100  # the build made a whole package, so an empty compare is not a pass

    stale = sorted(
        name for name in committed.keys() | fresh.keys() if committed.get(name) != fresh.get(name)
    )
    first_diff = ""
    if stale:
        name = stale[0]
        first_diff = "".join(
            difflib.unified_diff(
                committed.get(name, b"").decode().splitlines(keepends=True),
                fresh.get(name, b"").decode().splitlines(keepends=True),
                f"committed/{name}",
                f"generated/{name}",
            )
        )[:3000]
    assert not stale, (
        f"the SDK is stale: run make sdk and commit ({len(stale)} files differ: "
        f"{', '.join(stale[:10])})\n{first_diff}"
    )
