"""The database goes away under a real server (live_server): retryable 503s, never a 500 or a
traceback, and the next request after it comes back is served. The full drill (PostgreSQL and
Redis stopped and restarted under gunicorn) is bench/faults.py; this is its cheap part, in CI.

The outage is simulated by pointing new connections at a closed port (refused at once, as a
stopped PostgreSQL refuses them); the live server opens a connection per request.
"""

from __future__ import annotations

import contextlib
import json
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest
from django.db import connection

from crm.models import Client

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@contextlib.contextmanager
def database_refusing_connections() -> Iterator[None]:
    # Every thread's connection is built from this one settings dict.
    settings_dict = connection.settings_dict
    host, port = settings_dict["HOST"], settings_dict["PORT"]
    settings_dict["HOST"], settings_dict["PORT"] = "127.0.0.1", "1"
    try:
        yield
    finally:
        settings_dict["HOST"], settings_dict["PORT"] = host, port


def call(url: str, *, token: str = "", method: str = "GET", body: dict | None = None, **headers):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method)
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    for name, value in headers.items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_with_the_database_unreachable_the_api_answers_503_json_and_recovers_by_itself(
    live_server, alice_token
):
    _, token = alice_token
    clients = f"{live_server.url}/api/v1/clients"
    assert call(clients, token=token)[0] == 200

    with database_refusing_connections():
        read = call(clients, token=token)
        write = call(clients, token=token, method="POST", body={"name": "Lost Lead"})

    for status, headers, body in (read, write):
        assert status == 503
        assert headers["Content-Type"].startswith("application/json")
        assert headers["Retry-After"]
        assert json.loads(body) == {
            "message": "The service is temporarily unavailable. Please retry shortly."
        }
    assert call(clients, token=token)[0] == 200
    assert not Client.objects.filter(name="Lost Lead").exists()


def test_with_the_database_unreachable_pages_and_the_health_check_answer_503(
    live_server, client, alice
):
    client.force_login(alice)
    session = f"sessionid={client.cookies['sessionid'].value}"
    assert call(f"{live_server.url}/clients/", Cookie=session, Accept="text/html")[0] == 200

    with database_refusing_connections():
        page = call(f"{live_server.url}/clients/", Cookie=session, Accept="text/html")
        health = call(f"{live_server.url}/healthz")

    assert page[0] == 503
    assert page[1]["Content-Type"].startswith("text/html")
    assert b"Traceback" not in page[2]
    assert health[0] == 503
    assert call(f"{live_server.url}/clients/", Cookie=session, Accept="text/html")[0] == 200
    assert call(f"{live_server.url}/healthz")[0] == 200
