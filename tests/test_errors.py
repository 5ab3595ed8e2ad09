"""Failures answer clearly: JSON under /api/ whatever fails, 503 while the database is down."""

import pytest
from django.db import OperationalError, connection

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def refuse_every_query(execute, sql, params, many, context):
    raise OperationalError("connection to server at 127.0.0.1, port 5432 failed: refused")


def test_an_api_path_with_a_newline_is_a_json_404(client):
    response = client.get("/api/v1/bookings/x%0Ay")
    assert response.status_code == 404
    assert response.json() == {"message": "Not found."}


def test_a_disallowed_host_on_the_api_is_a_json_400(client):
    response = client.get("/api/v1/me", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert response.json() == {"message": "Bad request."}


def test_the_api_answers_503_json_while_the_database_is_down(client, alice_token):
    _, plaintext = alice_token
    with connection.execute_wrapper(refuse_every_query):
        response = client.get("/api/v1/clients", HTTP_AUTHORIZATION=f"Bearer {plaintext}")
    assert response.status_code == 503
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["message"].startswith("The service is temporarily unavailable")
    assert response["Retry-After"] == "5"
    # And it recovers by itself as soon as the database answers again.
    response = client.get("/api/v1/clients", HTTP_AUTHORIZATION=f"Bearer {plaintext}")
    assert response.status_code == 200


def test_the_dashboard_answers_503_while_the_database_is_down(client, alice):
    client.login(username="alice", password=PASSWORD)
    with connection.execute_wrapper(refuse_every_query):
        response = client.get("/clients/")
    assert response.status_code == 503
    assert b"briefly unavailable" in response.content
    assert b"Traceback" not in response.content
    assert client.get("/clients/").status_code == 200


def test_a_timestamp_filter_far_from_utc_is_not_a_server_error(client, alice_token):
    _, plaintext = alice_token
    response = client.get(
        "/api/v1/clients?updated_before=0278-03-23T15:47:31%2B17:41",
        HTTP_AUTHORIZATION=f"Bearer {plaintext}",
    )
    assert response.status_code == 200
