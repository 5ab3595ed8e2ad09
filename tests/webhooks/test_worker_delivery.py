"""A real worker (a subprocess on the PostgreSQL test database) delivers webhooks to a local
test server: an event in the API -> the fan-out -> the drain; the signature verifies, a 500 is
retried (a scheduled drain) until a 200, a replay re-sends the same event id, and a switched
off endpoint receives nothing."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection
from standardwebhooks import Webhook

from crm.webhooks import dispatch
from crm.webhooks import services as webhook_services
from crm.webhooks.models import DeliveryStatus, WebhookDelivery
from tests.webhooks.conftest import make_endpoint

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]


def sql(query, params=None):
    with connection.cursor() as cursor:
        cursor.execute(query, params or [])
        return cursor.fetchall() if cursor.description else []


def forget_the_queue():
    sql("DELETE FROM procrastinate_jobs")
    sql("DELETE FROM procrastinate_periodic_defers")
    sql("DELETE FROM procrastinate_workers")


def wait_for(what, check, deadline=30.0):
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        if result := check():
            return result
        time.sleep(0.1)
    pytest.fail(f"gave up waiting for {what} after {deadline:.0f} s")


@pytest.fixture
def worker(settings, tmp_path, receiver):
    settings.JOBS_MODE = "queue"
    forget_the_queue()
    db = settings.DATABASES["default"]
    url = "postgres://{user}:{password}@{host}:{port}/{name}".format(
        user=quote(db["USER"] or "", safe=""),
        password=quote(db["PASSWORD"] or "", safe=""),
        host=db["HOST"] or "127.0.0.1",
        port=db["PORT"] or 5432,
        name=quote(db["NAME"], safe=""),
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.webhooks.worker_settings",
        "DATABASE_URL": url,
        "SECRET_KEY": "itinera-test-secret-key",
    }
    log_path = tmp_path / "worker.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.webhooks.run_worker"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=log,
        )
    try:
        wait_for(
            "the worker to listen",
            lambda: sql("SELECT count(*) FROM procrastinate_workers") == [(1,)],
        )
        yield process
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        forget_the_queue()


def test_a_real_worker_delivers_retries_replays_and_respects_the_switch(
    agency, alice, alice_token, receiver, worker, client
):
    _, token = alice_token
    endpoint = make_endpoint(agency, alice, receiver.url)
    receiver.answer(500)
    response = client.post(
        "/api/v1/clients",
        data=json.dumps({"name": "Ada Lovelace"}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 201
    client_id = response.json()["data"]["id"]

    first, second = receiver.wait_for(2)  # a 500, then the retry a second later: a 200
    assert first.headers["webhook-id"] == second.headers["webhook-id"]
    assert first.body == second.body
    headers = {
        k: second.headers[k] for k in ("webhook-id", "webhook-timestamp", "webhook-signature")
    }
    payload = Webhook(endpoint.secret).verify(second.body, headers)
    assert payload["type"] == "client.created" and payload["data"]["id"] == client_id
    delivery = wait_for(
        "the delivery to succeed",
        lambda: WebhookDelivery.objects.filter(status=DeliveryStatus.SUCCEEDED).first(),
    )
    assert list(delivery.log.values_list("status_code", flat=True)) == [500, 200]
    assert len(dispatch.RETRY_DELAYS) == 9  # this process's schedule is the real one

    webhook_services.delivery_replay(delivery=delivery, requested_by=alice)
    third = receiver.wait_for(3)[2]
    assert third.headers["webhook-id"] == first.headers["webhook-id"]
    assert third.body == first.body

    webhook_services.webhook_update(webhook=endpoint, is_active=False)
    client.post(
        "/api/v1/clients",
        data=json.dumps({"name": "Bea"}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    time.sleep(2)
    assert len(receiver.requests) == 3  # nothing for a switched-off endpoint
    assert not sql("SELECT id FROM procrastinate_jobs WHERE status = 'failed'")


def test_a_drain_that_finds_the_endpoint_locked_comes_back_later(agency, alice, receiver, settings):
    import psycopg

    settings.JOBS_MODE = "queue"
    forget_the_queue()
    endpoint = make_endpoint(agency, alice, receiver.url)
    db = settings.DATABASES["default"]
    other = psycopg.connect(
        host=db["HOST"],
        port=db["PORT"] or 5432,
        user=db["USER"],
        password=db["PASSWORD"],
        dbname=db["NAME"],
        autocommit=True,
    )
    try:
        other.execute("SELECT pg_advisory_lock(%s, %s)", [dispatch.LOCK_NAMESPACE, endpoint.pk])
        webhook_services.webhook_send_test(webhook=endpoint, requested_by=alice)
        assert dispatch.drain(webhook_id=endpoint.pk) == 0
        assert receiver.requests == []
        scheduled = sql(
            "SELECT scheduled_at FROM procrastinate_jobs WHERE task_name = 'webhooks.drain'"
            " AND scheduled_at IS NOT NULL"
        )
        assert len(scheduled) == 1
        other.execute("SELECT pg_advisory_unlock(%s, %s)", [dispatch.LOCK_NAMESPACE, endpoint.pk])
    finally:
        other.close()
    assert dispatch.drain(webhook_id=endpoint.pk) == 1  # the lock is free again
    forget_the_queue()


def test_a_retry_is_scheduled_for_its_time(agency, alice, receiver, settings):
    settings.JOBS_MODE = "queue"
    forget_the_queue()
    endpoint = make_endpoint(agency, alice, receiver.url)
    receiver.answer(500)
    webhook_services.webhook_send_test(webhook=endpoint, requested_by=alice)
    assert dispatch.drain(webhook_id=endpoint.pk) == 1
    delivery = WebhookDelivery.objects.get()
    [(at,)] = sql(
        "SELECT scheduled_at FROM procrastinate_jobs WHERE task_name = 'webhooks.drain'"
        " AND scheduled_at IS NOT NULL"
    )
    assert abs((at - delivery.next_attempt_at).total_seconds()) < 1
    forget_the_queue()
