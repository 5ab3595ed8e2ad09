"""Tokens at rest: issue many tokens, dump the whole database and the logs, find no secret."""

import logging
import shutil
import subprocess

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.services import api_token_create, api_token_verify
from tests.factories import UserFactory

TOKENS = 1000


def dump_database() -> str:
    if connection.vendor == "sqlite":
        return "\n".join(connection.connection.iterdump())
    settings = connection.settings_dict
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        pytest.skip("pg_dump is not installed")
    result = subprocess.run(
        [
            pg_dump,
            "--data-only",
            "-h",
            settings["HOST"] or "127.0.0.1",
            "-p",
            str(settings["PORT"] or 5432),
            "-U",
            settings["USER"],
            settings["NAME"],
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        env={"PGPASSWORD": settings.get("PASSWORD") or "", "PATH": "/usr/bin:/bin"},
    )
    return result.stdout


@pytest.mark.django_db(transaction=True)
def test_a_thousand_issued_tokens_leave_no_secret_in_the_database_or_the_logs(
    caplog, agency, settings
):
    settings.QUOTA_API_TOKENS_PER_USER = TOKENS  # one user holds them all (25 by default)
    user = UserFactory(agency=agency)
    caplog.set_level(logging.DEBUG)
    with CaptureQueriesContext(connection) as queries:
        plaintexts = [api_token_create(user=user, name=f"t{i}").plaintext for i in range(TOKENS)]
        # Using them must not leak them either.
        for plaintext in plaintexts[:50]:
            assert api_token_verify(plaintext) is not None
    secrets = [p.split(".", 1)[1] for p in plaintexts]
    assert len(set(secrets)) == TOKENS

    haystacks = {
        "database dump": dump_database(),
        "logs": caplog.text,
        "SQL sent": "\n".join(q["sql"] for q in queries.captured_queries),
    }
    for where, text in haystacks.items():
        found = [s for s in secrets if s in text]
        assert found == [], f"{len(found)} token secrets found in the {where}"
    # The dump really does contain the tokens' rows (public keys), so the search was real.
    keys_found = sum(
        p.split(".", 1)[0].removeprefix("itn_") in haystacks["database dump"] for p in plaintexts
    )
    assert keys_found == TOKENS


@pytest.mark.django_db
def test_an_unknown_key_and_a_wrong_secret_are_refused_alike(alice):
    issued = api_token_create(user=alice, name="x")
    key, secret = issued.plaintext.split(".", 1)
    assert api_token_verify(f"{key}.{'A' * len(secret)}") is None
    assert api_token_verify(f"itn_000000000000.{secret}") is None
    assert api_token_verify(issued.plaintext) == issued.token


@pytest.mark.django_db
def test_token_secrets_are_compared_in_constant_time(alice, monkeypatch):
    import hmac

    compared = []
    real_compare = hmac.compare_digest

    def spy(a, b):
        compared.append((a, b))
        return real_compare(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    issued = api_token_create(user=alice, name="x")
    assert api_token_verify(issued.plaintext + "x") is None
    assert api_token_verify(issued.plaintext) == issued.token
    assert len(compared) == 2
    assert all(a == issued.token.digest for a, _ in compared)
