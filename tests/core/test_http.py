"""One client IP rule (core/http.py) behind one TRUSTED_PROXIES setting, for the API, the website
forms and sign-in; the old API_NUM_PROXIES / ENQUIRY_NUM_PROXIES still work, with a warning."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import authenticate
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest
from django.test import RequestFactory

from config.env import env_int_aliased
from core.http import client_ip
from tests.api.conftest import Api
from tests.factories import PASSWORD, EnquiryFormFactory

ROOT = Path(__file__).resolve().parents[2]
ALIASES = ("API_NUM_PROXIES", "ENQUIRY_NUM_PROXIES")


def request(forwarded: str | None = None, remote: str = "10.0.0.2") -> HttpRequest:
    made = RequestFactory().get("/", REMOTE_ADDR=remote)
    if forwarded is not None:
        made.META["HTTP_X_FORWARDED_FOR"] = forwarded
    return made


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = 0
    assert client_ip(request("198.51.100.1")) == "10.0.0.2"


def test_the_client_is_the_address_the_outermost_trusted_proxy_saw(settings):
    settings.TRUSTED_PROXIES = 1
    assert client_ip(request("6.6.6.6, 203.0.113.9")) == "203.0.113.9"  # 6.6.6.6: invented
    settings.TRUSTED_PROXIES = 2
    assert client_ip(request("6.6.6.6, 203.0.113.9, 10.0.0.1")) == "203.0.113.9"


def test_fewer_hops_than_trusted_proxies_fall_back_to_the_remote_address(settings):
    settings.TRUSTED_PROXIES = 2
    assert client_ip(request("203.0.113.9")) == "10.0.0.2"
    assert client_ip(request()) == "10.0.0.2"


@pytest.mark.django_db
def test_the_api_limits_each_client_behind_the_proxy_on_its_own(settings):
    settings.TRUSTED_PROXIES = 1
    settings.API_RATE_LIMIT_ANONYMOUS = 1
    bad = Api("itn_000000000000.guess")
    assert bad.get("/clients", headers={"X-Forwarded-For": "203.0.113.9"}).status_code == 401
    assert bad.get("/clients", headers={"X-Forwarded-For": "203.0.113.9"}).status_code == 429
    assert bad.get("/clients", headers={"X-Forwarded-For": "198.51.100.1"}).status_code == 401


def test_a_website_form_limits_each_visitor_behind_the_proxy_on_its_own(client, agency, settings):
    settings.TRUSTED_PROXIES = 1
    settings.ENQUIRY_RATE_LIMIT_PER_IP = 1
    form = EnquiryFormFactory(agency=agency, allowed_origins=[])

    def post(ip: str, message: str) -> int:
        body = {"name": "Nadia Rahman", "email": "nadia@example.com", "message": message}
        return client.post(
            f"/forms/{form.public_key}",
            json.dumps(body),
            content_type="application/json",
            headers={"X-Forwarded-For": ip},
        ).status_code

    assert [post("203.0.113.1", "a"), post("203.0.113.1", "b")] == [201, 429]
    assert post("203.0.113.2", "c") == 201


@pytest.mark.django_db
def test_sign_in_locks_out_the_client_behind_the_proxy_not_the_proxy(alice, settings):
    settings.TRUSTED_PROXIES = 1
    settings.LOGIN_FAILURES_PER_IDENTIFIER = 100
    settings.LOGIN_FAILURES_PER_IP = 2

    def attempt(username: str, password: str, ip: str):
        forwarded = RequestFactory().post(
            "/accounts/login/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=ip
        )
        return authenticate(forwarded, username=username, password=password)

    for n in range(2):
        attempt(f"guess{n}", "wrong", ip="198.51.100.9")
    assert attempt("alice", PASSWORD, ip="198.51.100.9") is None
    assert attempt("alice", PASSWORD, ip="198.51.100.10") == alice


# The setting and its deprecated names ---------------------------------------------------------


@pytest.fixture
def environ(monkeypatch):
    for name in ("TRUSTED_PROXIES", *ALIASES):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_trusted_proxies_defaults_to_none(environ):
    assert env_int_aliased("TRUSTED_PROXIES", 0, deprecated=ALIASES) == (0, [])


def test_trusted_proxies_is_read_without_a_warning(environ):
    environ.setenv("TRUSTED_PROXIES", "2")
    assert env_int_aliased("TRUSTED_PROXIES", 0, deprecated=ALIASES) == (2, [])


@pytest.mark.parametrize("old", ALIASES)
def test_an_old_name_still_works_with_a_warning(environ, old):
    environ.setenv(old, "1")
    value, warnings = env_int_aliased("TRUSTED_PROXIES", 0, deprecated=ALIASES)
    assert value == 1
    assert warnings == [f"{old} is deprecated: set TRUSTED_PROXIES=1 instead."]


def test_the_new_name_wins_over_an_old_one_which_is_said_to_be_ignored(environ):
    environ.setenv("TRUSTED_PROXIES", "1")
    environ.setenv("API_NUM_PROXIES", "3")
    value, warnings = env_int_aliased("TRUSTED_PROXIES", 0, deprecated=ALIASES)
    assert value == 1
    assert warnings == ["API_NUM_PROXIES is deprecated and ignored: TRUSTED_PROXIES is set."]


def test_old_names_that_agree_are_one_value(environ):
    environ.setenv("API_NUM_PROXIES", "1")
    environ.setenv("ENQUIRY_NUM_PROXIES", "1")
    value, warnings = env_int_aliased("TRUSTED_PROXIES", 0, deprecated=ALIASES)
    assert value == 1 and len(warnings) == 2


def test_old_names_that_disagree_refuse_to_start(environ):
    environ.setenv("API_NUM_PROXIES", "1")
    environ.setenv("ENQUIRY_NUM_PROXIES", "0")
    with pytest.raises(ImproperlyConfigured, match="set TRUSTED_PROXIES alone"):
        env_int_aliased("TRUSTED_PROXIES", 0, deprecated=ALIASES)


def start(**env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"TRUSTED_PROXIES", *ALIASES}}
    clean.update(env, DJANGO_SETTINGS_MODULE="config.settings", SECRET_KEY="x" * 50)
    code = "import django; django.setup(); from django.conf import settings as s;"
    code += "print(s.TRUSTED_PROXIES)"
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True
    )


def test_a_deprecated_name_is_warned_about_once_at_startup():
    result = start(ENQUIRY_NUM_PROXIES="1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["1"]
    assert result.stderr.count("ENQUIRY_NUM_PROXIES is deprecated") == 1


def test_a_clean_start_says_nothing_about_proxies():
    result = start(TRUSTED_PROXIES="1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["1"]
    assert "deprecated" not in result.stderr
