"""Real deliveries to a local test server, run in-process (the SQLite default's inline jobs):
signed per Standard Webhooks, retried on 5xx/429/timeouts and stopped on 2xx, 410 switches the
endpoint off, other answers fail at once, the SSRF guard judges the target again, a replay
re-sends the same event."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.utils import timezone
from standardwebhooks import Webhook

from crm.clients import services as client_services
from crm.webhooks import dispatch
from crm.webhooks import services as webhook_services
from crm.webhooks.models import (
    DeliveryStatus,
    DisabledReason,
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookMessage,
)
from tests.webhooks.conftest import make_endpoint

pytestmark = pytest.mark.django_db


def add_client(agency, user, name="Ada Lovelace"):
    return client_services.client_create(agency=agency, created_by=user, name=name)


def headers_of(request):
    return {
        key: request.headers[key]
        for key in ("webhook-id", "webhook-timestamp", "webhook-signature")
    }


def test_a_delivery_is_signed_so_the_standardwebhooks_library_verifies_it(
    agency, alice, receiver, run_jobs
):
    endpoint = make_endpoint(agency, alice, receiver.url)
    with run_jobs():
        client = add_client(agency, alice)
    [request] = receiver.requests
    payload = Webhook(endpoint.secret).verify(request.body, headers_of(request))
    assert payload["type"] == "client.created"
    assert payload["data"]["id"] == client.pk
    assert request.headers["content-type"] == "application/json"
    assert request.path == "/hooks/itinera"
    message = WebhookMessage.objects.get()
    assert request.headers["webhook-id"] == message.public_id == payload["id"]
    assert request.body == message.body.encode()
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == DeliveryStatus.SUCCEEDED
    assert delivery.attempts == 1 and delivery.completed_at is not None
    [attempt] = WebhookAttempt.objects.all()
    assert attempt.status_code == 200
    assert attempt.response_body == "status 200"
    assert attempt.error == ""


def test_a_wrong_secret_does_not_verify(agency, alice, receiver, run_jobs):
    make_endpoint(agency, alice, receiver.url)
    with run_jobs():
        add_client(agency, alice)
    [request] = receiver.requests
    other = webhook_services.webhook_create(
        agency=agency, created_by=alice, url=receiver.url + "/other"
    )
    with pytest.raises(Exception, match="No matching signature"):
        Webhook(other.secret).verify(request.body, headers_of(request))


def test_during_a_rotation_both_the_old_and_the_new_secret_verify(
    agency, alice, receiver, run_jobs
):
    endpoint = make_endpoint(agency, alice, receiver.url)
    old = endpoint.secret
    webhook_services.webhook_rotate_secret(webhook=endpoint)
    assert endpoint.secret != old
    with run_jobs():
        add_client(agency, alice)
    [request] = receiver.requests
    assert len(request.headers["webhook-signature"].split(" ")) == 2
    for secret in (old, endpoint.secret):
        Webhook(secret).verify(request.body, headers_of(request))


def test_after_the_overlap_only_the_new_secret_signs(agency, alice, receiver, run_jobs):
    endpoint = make_endpoint(agency, alice, receiver.url)
    old = endpoint.secret
    webhook_services.webhook_rotate_secret(webhook=endpoint)
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(
        previous_secret_expires_at=timezone.now() - dt.timedelta(seconds=1)
    )
    with run_jobs():
        add_client(agency, alice)
    [request] = receiver.requests
    Webhook(endpoint.secret).verify(request.body, headers_of(request))
    with pytest.raises(Exception, match="No matching signature"):
        Webhook(old).verify(request.body, headers_of(request))


def test_a_500_is_retried_until_a_200_and_then_stops(agency, alice, receiver, run_jobs, no_waiting):
    endpoint = make_endpoint(agency, alice, receiver.url)
    receiver.answer(500, 503)
    with run_jobs():
        add_client(agency, alice)
    assert len(receiver.requests) == 3
    ids = {request.headers["webhook-id"] for request in receiver.requests}
    assert len(ids) == 1  # the same event each time
    assert len({request.body for request in receiver.requests}) == 1
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == (
        DeliveryStatus.SUCCEEDED,
        3,
        200,
    )
    codes = list(delivery.log.values_list("number", "status_code"))
    assert codes == [(1, 500), (2, 503), (3, 200)]
    endpoint.refresh_from_db()
    assert endpoint.failing_since is None  # the success ended the streak
    assert dispatch.drain(webhook_id=endpoint.pk) == 0  # nothing more is sent
    assert len(receiver.requests) == 3


def test_a_failed_attempt_waits_for_its_retry_on_the_schedule(agency, alice, receiver, run_jobs):
    endpoint = make_endpoint(agency, alice, receiver.url)
    receiver.answer(500)
    before = timezone.now()
    with run_jobs():
        add_client(agency, alice)
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == DeliveryStatus.RETRYING
    assert delivery.last_error == "The endpoint answered 500."
    assert delivery.next_attempt_at - before >= dt.timedelta(minutes=1)
    assert delivery.next_attempt_at - before < dt.timedelta(minutes=1, seconds=30)
    endpoint.refresh_from_db()
    assert endpoint.failing_since is not None
    assert dispatch.drain(webhook_id=endpoint.pk) == 0  # not due yet
    WebhookDelivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())
    assert dispatch.drain(webhook_id=endpoint.pk) == 1
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.SUCCEEDED
    assert len(receiver.requests) == 2


def test_the_retry_schedule_grows_and_lasts_about_a_day():
    delays = dispatch.RETRY_DELAYS
    assert list(delays) == sorted(delays) and delays[0] == dt.timedelta(minutes=1)
    assert dt.timedelta(hours=20) <= sum(delays, dt.timedelta()) <= dt.timedelta(hours=28)


def test_after_the_last_retry_the_delivery_fails(agency, alice, receiver, run_jobs, no_waiting):
    make_endpoint(agency, alice, receiver.url)
    receiver.answer(*[500] * 50)
    with run_jobs():
        add_client(agency, alice)
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.attempts == len(dispatch.RETRY_DELAYS) + 1 == 10
    assert delivery.next_attempt_at is None
    assert len(receiver.requests) == 10


@pytest.mark.parametrize("status", [429, 502])
def test_429_and_5xx_are_retried(agency, alice, receiver, run_jobs, status):
    make_endpoint(agency, alice, receiver.url)
    receiver.answer(status)
    with run_jobs():
        add_client(agency, alice)
    assert WebhookDelivery.objects.get().status == DeliveryStatus.RETRYING


@pytest.mark.parametrize("status", [400, 401, 404, 422])
def test_other_4xx_answers_fail_at_once(agency, alice, receiver, run_jobs, no_waiting, status):
    endpoint = make_endpoint(agency, alice, receiver.url)
    receiver.answer(status)
    with run_jobs():
        add_client(agency, alice)
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.FAILED, 1)
    assert delivery.last_error == f"The endpoint answered {status}: not retried."
    assert len(receiver.requests) == 1
    endpoint.refresh_from_db()
    assert endpoint.is_active  # only 410 switches it off


def test_a_redirect_is_not_followed_nor_retried(agency, alice, receiver, run_jobs, no_waiting):
    make_endpoint(agency, alice, receiver.url)
    receiver.location = receiver.url + "/elsewhere"
    receiver.answer(302)
    with run_jobs():
        add_client(agency, alice)
    assert [request.path for request in receiver.requests] == ["/hooks/itinera"]
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == DeliveryStatus.FAILED
    assert "redirects are not followed" in delivery.last_error


def test_410_switches_the_endpoint_off_and_it_receives_nothing_more(
    agency, alice, receiver, run_jobs
):
    endpoint = make_endpoint(agency, alice, receiver.url)
    receiver.answer(410)
    with run_jobs():
        add_client(agency, alice, "First")
    endpoint.refresh_from_db()
    assert not endpoint.is_active
    assert endpoint.disabled_reason == DisabledReason.GONE
    assert WebhookDelivery.objects.get().status == DeliveryStatus.FAILED
    with run_jobs():
        add_client(agency, alice, "Second")
    assert len(receiver.requests) == 1
    assert WebhookDelivery.objects.count() == 1


def test_a_switched_off_endpoint_receives_nothing(agency, alice, receiver, run_jobs):
    endpoint = make_endpoint(agency, alice, receiver.url)
    webhook_services.webhook_update(webhook=endpoint, is_active=False)
    with run_jobs():
        add_client(agency, alice)
    assert receiver.requests == []
    assert not WebhookMessage.objects.exists()


def test_switching_off_stops_a_delivery_waiting_for_its_retry(agency, alice, receiver, run_jobs):
    endpoint = make_endpoint(agency, alice, receiver.url)
    receiver.answer(500)
    with run_jobs():
        add_client(agency, alice)
    webhook_services.webhook_update(webhook=endpoint, is_active=False)
    WebhookDelivery.objects.update(next_attempt_at=timezone.now())
    assert dispatch.drain(webhook_id=endpoint.pk) == 0
    assert WebhookDelivery.objects.get().status == DeliveryStatus.CANCELLED
    assert len(receiver.requests) == 1


def test_a_timeout_is_recorded_and_retried(agency, alice, receiver, run_jobs, settings):
    settings.WEBHOOK_TIMEOUT_SECONDS = 1
    make_endpoint(agency, alice, receiver.url)
    receiver.delay = 1.5
    with run_jobs():
        add_client(agency, alice)
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == DeliveryStatus.RETRYING
    [attempt] = delivery.log.all()
    assert attempt.status_code is None
    assert attempt.error == "No answer within 1 second."
    assert attempt.duration_ms >= 900


def test_a_refused_connection_is_recorded_and_retried(agency, alice, settings, run_jobs):
    settings.WEBHOOK_ALLOW_PRIVATE_TARGETS = True
    settings.DEBUG = True
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    make_endpoint(agency, alice, f"http://127.0.0.1:{port}/hook")
    with run_jobs():
        add_client(agency, alice)
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == DeliveryStatus.RETRYING
    # core.outbound words it (urllib3 2 makes a refused connection a kind of connect timeout)
    assert delivery.last_error.startswith("127.0.0.1 refused the connection on port")
    assert delivery.log.get().status_code is None


def test_a_target_that_now_resolves_to_a_private_address_is_not_sent_to(
    agency, alice, settings, run_jobs, monkeypatch, receiver
):
    import ipaddress

    from core import outbound

    settings.WEBHOOK_ALLOW_PRIVATE_TARGETS = False
    settings.DEBUG = False
    answers = {"hooks.example.com": ipaddress.ip_address("93.184.216.34")}
    monkeypatch.setattr(outbound, "resolve", lambda host, port: (answers[host],))
    endpoint = make_endpoint(agency, alice, "https://hooks.example.com/itinera")
    answers["hooks.example.com"] = ipaddress.ip_address("127.0.0.1")  # DNS changed
    with run_jobs():
        add_client(agency, alice)
    delivery = WebhookDelivery.objects.get(endpoint=endpoint)
    assert delivery.status == DeliveryStatus.RETRYING
    [attempt] = delivery.log.all()
    assert attempt.status_code is None
    assert attempt.error.startswith("Not sent: hooks.example.com resolves to a loopback address")
    assert receiver.requests == []


def test_a_replay_resends_the_same_event_id_and_body(agency, alice, receiver, run_jobs):
    make_endpoint(agency, alice, receiver.url)
    with run_jobs():
        add_client(agency, alice)
    original = WebhookDelivery.objects.get()
    with run_jobs():
        replay = webhook_services.delivery_replay(delivery=original, requested_by=alice)
    first, second = receiver.requests
    assert first.headers["webhook-id"] == second.headers["webhook-id"]
    assert first.body == second.body
    replay.refresh_from_db()
    assert replay.status == DeliveryStatus.SUCCEEDED
    assert replay.replay_of_id == original.pk


def test_a_test_event_reaches_only_its_endpoint(agency, alice, receiver, run_jobs):
    endpoint = make_endpoint(agency, alice, receiver.url)
    other = make_endpoint(agency, alice, receiver.url + "/other")
    with run_jobs():
        webhook_services.webhook_send_test(webhook=endpoint, requested_by=alice)
    [request] = receiver.requests
    assert request.path == "/hooks/itinera"
    payload = Webhook(endpoint.secret).verify(request.body, headers_of(request))
    assert payload["type"] == "webhook.test"
    assert not WebhookDelivery.objects.filter(endpoint=other).exists()


def test_deliveries_arrive_in_the_order_of_their_events(agency, alice, receiver, run_jobs):
    make_endpoint(agency, alice, receiver.url)
    with run_jobs():
        for name in ("One", "Two", "Three", "Four"):
            add_client(agency, alice, name)
    names = [json.loads(request.body)["data"]["name"] for request in receiver.requests]
    assert names == ["One", "Two", "Three", "Four"]


def test_a_failing_delivery_does_not_hold_back_the_next_events(agency, alice, receiver, run_jobs):
    make_endpoint(agency, alice, receiver.url)
    receiver.answer(500)
    with run_jobs():
        add_client(agency, alice, "One")
        add_client(agency, alice, "Two")
    names = [json.loads(request.body)["data"]["name"] for request in receiver.requests]
    assert names == ["One", "Two"]
    statuses = dict(WebhookDelivery.objects.values_list("message__body", "status"))
    assert sorted(statuses.values()) == [DeliveryStatus.RETRYING, DeliveryStatus.SUCCEEDED]


def test_a_drain_is_bounded_and_wakes_itself_for_the_rest(
    agency, alice, receiver, run_jobs, monkeypatch, django_capture_on_commit_callbacks
):
    endpoint = make_endpoint(agency, alice, receiver.url)
    webhook_services.webhook_update(webhook=endpoint, is_active=False)
    for name in ("One", "Two", "Three"):
        add_client(agency, alice, name)
    webhook_services.webhook_update(webhook=endpoint, is_active=True)
    for _ in range(3):
        webhook_services.webhook_send_test(webhook=endpoint, requested_by=alice)
    monkeypatch.setattr(dispatch, "MAX_PER_RUN", 2)
    with django_capture_on_commit_callbacks(execute=False) as woken:
        assert dispatch.drain(webhook_id=endpoint.pk) == 2
    assert len(woken) >= 1  # a drain of the rest, queued
    with run_jobs():
        woken[-1]()
    assert len(receiver.requests) == 3
    assert not WebhookDelivery.objects.exclude(status=DeliveryStatus.SUCCEEDED).exists()


def test_the_sweep_wakes_endpoints_with_overdue_deliveries(agency, alice, receiver, run_jobs):
    endpoint = make_endpoint(agency, alice, receiver.url)
    receiver.answer(500)
    with run_jobs():
        add_client(agency, alice)
    assert dispatch.sweep() == 0  # the retry is not due yet
    WebhookDelivery.objects.update(next_attempt_at=timezone.now() - dt.timedelta(seconds=1))
    with run_jobs():
        assert dispatch.sweep() == 1
    assert WebhookDelivery.objects.get(endpoint=endpoint).status == DeliveryStatus.SUCCEEDED


def test_the_sweep_runs_every_minute():
    from procrastinate.contrib.django import app as procrastinate_app

    registry = procrastinate_app.periodic_registry.periodic_tasks
    schedule = {task.task.name: task.cron for task in registry.values()}
    assert schedule["webhooks.sweep"] == "* * * * *"
