"""Issue #12, items 11, 15 and 17: the schema's version is pinned (nothing typed reaches a
header), the docs page has a strict Content-Security-Policy and keeps no token, and one
trusted-proxy setting decides whether ``X-Forwarded-Proto`` is believed, in Django and gunicorn.
"""

from __future__ import annotations

import importlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client as DjangoClient

ROOT = Path(__file__).resolve().parent.parent.parent
SCHEMA_JSON = {"Accept": "application/vnd.oai.openapi+json"}


@pytest.fixture
def anonymous(db):
    from tests.api.conftest import Api

    return Api(None)


# Item 11 -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "version",
    ["\n", '1"; filename="evil.html', "2.0", "x" * 5000, "\r\nSet-Cookie: a=b", "\u00e9"],
)
def test_an_unknown_schema_version_is_a_422_that_reflects_nothing(anonymous, version):
    response = anonymous.client.get("/api/v1/schema", {"version": version}, headers=SCHEMA_JSON)
    assert response.status_code == 422
    body = response.json()
    assert body["message"]
    assert "version" in body["errors"]
    assert "Content-Disposition" not in response.headers


def test_the_schema_version_in_the_query_string_is_percent_decoded_first(anonymous):
    response = anonymous.client.get("/api/v1/schema?version=%0a", headers=SCHEMA_JSON)
    assert response.status_code == 422
    assert "Content-Disposition" not in response.headers


@pytest.mark.parametrize("query", ["", "?version=1.0.0"])
def test_the_schema_is_served_with_a_fixed_file_name(anonymous, query):
    response = anonymous.client.get(f"/api/v1/schema{query}", headers=SCHEMA_JSON)
    assert response.status_code == 200
    disposition = response.headers["Content-Disposition"]
    assert re.fullmatch(r'inline; filename="Itinera API( \(1\.0\.0\))?\.json"', disposition)
    assert response.json()["info"]["version"] == "1.0.0"


# Item 15 -----------------------------------------------------------------------------------


def _directives(policy: str) -> dict[str, list[str]]:
    parsed = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            parsed[words[0]] = words[1:]
    return parsed


def test_the_docs_page_has_a_strict_content_security_policy(anonymous):
    response = anonymous.client.get("/api/v1/docs", headers={"Accept": "text/html"})
    assert response.status_code == 200
    policy = _directives(response.headers["Content-Security-Policy"])
    assert policy["default-src"] == ["'none'"]
    assert policy["script-src"] == ["'self'"]  # no inline script, no eval, no CDN
    assert policy["connect-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert response.headers["X-Frame-Options"] == "DENY"


def test_the_docs_page_runs_no_inline_script(anonymous):
    """script-src 'self' only works if the page's own start-up script is a file: every
    <script> on the page has a src on our origin."""
    response = anonymous.client.get("/api/v1/docs", headers={"Accept": "text/html"})
    html = response.content.decode()
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    assert scripts
    for attributes, body in scripts:
        assert body.strip() == ""
        src = re.search(r'src="([^"]+)"', attributes)
        assert src and src.group(1).startswith("/"), attributes


def test_the_docs_start_up_script_keeps_no_token(anonymous):
    response = anonymous.client.get("/api/v1/docs?script=", headers={"Accept": "*/*"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    script = response.content.decode()
    assert '"persistAuthorization": false' in script
    assert "Content-Security-Policy" in response.headers


def test_swagger_ui_is_told_not_to_persist_the_bearer_token():
    ui = settings.SPECTACULAR_SETTINGS["SWAGGER_UI_SETTINGS"]
    assert ui["persistAuthorization"] is False
    assert ui.get("validatorUrl", "unset") is None  # no call to validator.swagger.io


def test_every_api_answer_carries_a_content_security_policy(anonymous):
    response = anonymous.get("/api/v1/clients")
    assert response.status_code == 401
    assert _directives(response.headers["Content-Security-Policy"])["default-src"] == ["'none'"]


# Item 17 -----------------------------------------------------------------------------------


def _settings_with(**env: str) -> dict[str, str]:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"TRUSTED_PROXIES", "API_NUM_PROXIES", "ENQUIRY_NUM_PROXIES", "DEBUG"}
    }
    clean.update(env, DJANGO_SETTINGS_MODULE="config.settings", SECRET_KEY="x" * 50)
    code = (
        "import django; django.setup(); from django.conf import settings as s;"
        "print(repr(s.SECURE_PROXY_SSL_HEADER))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return {"header": result.stdout.strip()}


def test_without_a_trusted_proxy_x_forwarded_proto_is_not_believed():
    assert _settings_with()["header"] == "None"
    assert _settings_with(TRUSTED_PROXIES="0")["header"] == "None"


def test_behind_a_trusted_proxy_x_forwarded_proto_is_believed():
    assert _settings_with(TRUSTED_PROXIES="1")["header"] == "('HTTP_X_FORWARDED_PROTO', 'https')"


@pytest.mark.django_db
def test_a_forged_x_forwarded_proto_does_not_make_a_plain_request_secure(settings):
    """Nothing in front (the default): a client cannot claim HTTPS, so the redirect to HTTPS
    still happens and secure-only cookies are not sent over plain HTTP."""
    settings.SECURE_PROXY_SSL_HEADER = None
    settings.SECURE_SSL_REDIRECT = True
    response = DjangoClient().get("/accounts/login/", headers={"X-Forwarded-Proto": "https"})
    assert response.status_code == 301
    assert response["Location"].startswith("https://")


def _gunicorn_config(monkeypatch, **env: str):
    for name in (
        "TRUSTED_PROXIES",
        "API_NUM_PROXIES",
        "ENQUIRY_NUM_PROXIES",
        "FORWARDED_ALLOW_IPS",
    ):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    import config.gunicorn

    return importlib.reload(config.gunicorn)


def test_gunicorn_trusts_no_forwarding_header_without_a_trusted_proxy(monkeypatch):
    conf = _gunicorn_config(monkeypatch)
    assert conf.forwarded_allow_ips == ""
    assert conf.secure_scheme_headers == {}
    assert _gunicorn_config(monkeypatch, TRUSTED_PROXIES="0").forwarded_allow_ips == ""
    # An address list alone does not turn trust on: TRUSTED_PROXIES is the one switch.
    conf = _gunicorn_config(monkeypatch, TRUSTED_PROXIES="0", FORWARDED_ALLOW_IPS="*")
    assert conf.forwarded_allow_ips == ""


def test_gunicorn_trusts_the_proxy_when_one_is_declared(monkeypatch):
    conf = _gunicorn_config(monkeypatch, TRUSTED_PROXIES="1")
    assert conf.forwarded_allow_ips == "*"
    assert conf.secure_scheme_headers == {"X-FORWARDED-PROTO": "https"}
    conf = _gunicorn_config(monkeypatch, TRUSTED_PROXIES="2", FORWARDED_ALLOW_IPS="10.0.0.0/8")
    assert conf.forwarded_allow_ips == "10.0.0.0/8"


def test_the_gunicorn_config_is_one_gunicorn_accepts(monkeypatch):
    from gunicorn.config import Config  # type: ignore[import-untyped]

    conf = _gunicorn_config(monkeypatch)
    config = Config()
    config.set("forwarded_allow_ips", conf.forwarded_allow_ips)
    config.set("secure_scheme_headers", conf.secure_scheme_headers)
    assert config.forwarded_allow_ips == []


def test_the_image_starts_gunicorn_with_the_trusted_proxy_config():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "--forwarded-allow-ips" not in dockerfile
    assert "--config python:config.gunicorn" in dockerfile
    compose = (ROOT / "docker-compose.yml").read_text()
    assert "forwarded-allow-ips" not in compose
