"""Build the official Python SDK: ``make sdk`` (and ``tests/sdk/test_sdk_is_fresh.py``).

1. Dump the OpenAPI schema with ``manage.py spectacular`` in a clean environment (no variable of
   the caller's: limits read from the environment appear in the schema, so a developer's .env
   must not change the SDK), validated and failing on any warning.
2. Generate the client with openapi-python-client (the exact version pinned in pyproject.toml),
   the settings in ``sdk/openapi-python-client.yaml`` and our README template.
3. Format it with the project's ruff, under the generated package's own ruff settings.

The same inputs give the same bytes: nothing of the time, the machine or the path is written.
The inputs are the schema, openapi-python-client (pinned exactly) and ruff (the dev extra's
range): a ruff release that formats differently shows up as a stale SDK; run this again.

    python sdk/build.py [--output DIR]     # default: sdk/python (replaced)
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SDK = ROOT / "sdk"
DEFAULT_OUTPUT = SDK / "python"
BIN = Path(sys.executable).parent


def dump_schema(target: Path) -> None:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "SECRET_KEY": "sdk-build-only",
        "SITE_URL": "https://crm.example.com",  # quiets the system check that wants one
    }
    subprocess.run(
        [
            *(sys.executable, "manage.py", "spectacular", "--validate", "--fail-on-warn"),
            *("--format", "openapi", "--file", str(target)),
        ],
        cwd=ROOT,
        env=env,
        check=True,
    )


def generate(schema: Path, output: Path) -> None:
    if output.exists():
        shutil.rmtree(output)
    subprocess.run(
        [
            *(str(BIN / "openapi-python-client"), "generate", "--path", str(schema)),
            *("--config", str(SDK / "openapi-python-client.yaml"), "--meta", "pdm"),
            *("--custom-template-path", str(SDK / "templates")),
            *("--output-path", str(output), "--fail-on-warning"),
        ],
        cwd=ROOT,
        check=True,
    )
    # The generated pyproject.toml holds the package's ruff settings; ruff finds it from cwd.
    ruff = str(BIN / "ruff")
    subprocess.run(
        [ruff, "check", "--no-cache", "--fix-only", "--quiet", "."], cwd=output, check=True
    )
    subprocess.run([ruff, "format", "--no-cache", "--quiet", "."], cwd=output, check=True)


def build(output: Path) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        schema = Path(scratch) / "openapi.yaml"
        dump_schema(schema)
        generate(schema, output)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    build(parser.parse_args().output.resolve())


if __name__ == "__main__":
    main()
