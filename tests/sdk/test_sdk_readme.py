"""The SDK examples of README.md and sdk/python/README.md run as written against a live server:
only the address and the token are replaced."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from itinera_client import AuthenticatedClient

from crm.models import Client

pytestmark = pytest.mark.postgres

ROOT = Path(__file__).resolve().parents[2]


def python_example(readme: Path, after: str) -> str:
    """The first ```python block after the heading ``after``."""
    text = readme.read_text()
    start = text.index(after)
    found = re.search(r"```python\n(.*?)```", text[start:], re.DOTALL)
    assert found, f"no python example under {after!r} in {readme}"
    return found.group(1)


def run(code: str, sdk: AuthenticatedClient, base_url: str, token: str) -> None:
    assert base_url in code and token in code
    code = code.replace(base_url, sdk._base_url).replace(token, sdk.token)
    exec(compile(code, "README example", "exec"), {})


def test_the_readme_example_makes_a_lead_and_lists_the_leads(sdk: AuthenticatedClient, capsys):
    code = python_example(ROOT / "README.md", "## Official Python SDK")
    run(code, sdk, "http://127.0.0.1:8000", "itn_xxxxxxxxxxxx.yyyyyyyy")
    assert capsys.readouterr().out == "1 ['New Lead']\n"
    assert Client.objects.get().email == "lead@site.com"


def test_the_sdk_readme_example_runs_as_written(sdk: AuthenticatedClient, capsys):
    code = python_example(ROOT / "sdk" / "python" / "README.md", "## Use")
    run(code, sdk, "https://crm.example.com", "itn_...")
    assert capsys.readouterr().out == "1 ['Aisha Khan']\n"
