"""Production settings pass Django's deployment checklist; pages carry security headers."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.factories import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "SECRET_KEY": "k" * 20 + "production-like-secret-key-with-enough-entropy-0123456789",
    "ALLOWED_HOSTS": "crm.example.com",
    "CSRF_TRUSTED_ORIGINS": "https://crm.example.com",
    "DATABASE_URL": "postgres://itinera:secret@db.internal:5432/itinera",
    "REDIS_URL": "redis://cache.internal:6379/0",
    "SITE_URL": "https://crm.example.com",
    "FIELD_ENCRYPTION_KEYS": "cHJvZHVjdGlvbi1saWtlLWZpZWxkLWtleS0zMmJ5dGU=",
}


def test_the_production_configuration_passes_check_deploy_with_no_warning(tmp_path):
    # A clean environment, as a production host would have: nothing leaks in from the test
    # process (its test-only overrides, or DJANGO_ALLOW_ASYNC_UNSAFE set by the browser tests).
    env = {name: os.environ[name] for name in ("PATH", "HOME", "LANG") if name in os.environ}
    env.update(PRODUCTION_ENV, DJANGO_SETTINGS_MODULE="config.settings", STATIC_ROOT=str(tmp_path))
    # As the image does at build time; without it the check refuses to start (itinera.E001).
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=300,
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.django_db
def test_dashboard_pages_carry_a_content_security_policy_and_other_headers(client, alice):
    client.login(username="alice", password=PASSWORD)
    for path in ("/", "/clients/", "/accounts/login/"):
        response = client.get(path, follow=False)
        csp = response["Content-Security-Policy"]
        assert "script-src 'self'" in csp
        assert "frame-ancestors 'none'" in csp
        assert "object-src 'none'" in csp
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
        assert "camera=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_no_template_relies_on_inline_script_the_policy_would_block(client, alice):
    """script-src 'self' blocks inline <script> and on* handlers: the pages must not use them."""
    import re

    client.login(username="alice", password=PASSWORD)
    for path in ("/", "/clients/", "/clients/new/", "/settings/api-tokens/", "/settings/team/"):
        html = client.get(path).content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), path
        assert not re.search(r"\son[a-z]+=\"", html), path
