"""The database health check at the start of a request (config/postgres): a healthy idle
connection is taken as usable with no query, and one the server has ended is replaced."""

from __future__ import annotations

import select
import time

import psycopg
import pytest
from django.db import connection, connections
from django.db.backends.postgresql import base as django_backend

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _fresh_connection():
    """Each test starts and ends without a connection the server may have ended."""
    connection.close()
    yield
    connection.close()


def _end_this_connection_from_another() -> None:
    """What a PostgreSQL restart or an administrator does to an idle connection."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    params = connection.get_connection_params()
    with psycopg.connect(**params, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [pid])
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:  # the server's goodbye reaches the socket
        if select.select([connection.connection.fileno()], [], [], 0.05)[0]:
            return
    raise AssertionError("the ended connection never became readable")


def test_the_backend_is_the_projects():
    assert type(connections["default"]).__module__ == "config.postgres.base"


def test_a_healthy_idle_connection_is_usable_without_a_round_trip(monkeypatch):
    connection.ensure_connection()

    def no_query(self):
        raise AssertionError("SELECT 1 ran on a healthy connection")

    monkeypatch.setattr(django_backend.DatabaseWrapper, "is_usable", no_query)
    assert connection.is_usable()


def test_a_connection_the_server_ended_is_not_usable():
    connection.ensure_connection()
    _end_this_connection_from_another()
    assert not connection.is_usable()


def test_after_the_server_ended_it_the_next_request_gets_a_new_connection():
    connection.ensure_connection()
    _end_this_connection_from_another()
    # What Django does at the start of a request with CONN_HEALTH_CHECKS on.
    connection.health_check_enabled, connection.health_check_done = True, False
    connection.close_if_health_check_failed()
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)
