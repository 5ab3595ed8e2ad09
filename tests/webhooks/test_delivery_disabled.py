"""An endpoint failing for days is switched off, and its owners are told once, in the bell
and by email; secrets never reach the logs or the event log."""

from __future__ import annotations

import datetime as dt
import json
import logging

import pytest
from django.utils import timezone

from accounts.models import Activity, Role
from core.models import OutboundEmail
from crm.clients import services as client_services
from crm.models import Notification
from crm.notifications.events import notify_from_event
from crm.webhooks import dispatch
from crm.webhooks import services as webhook_services
from crm.webhooks.models import DeliveryStatus, DisabledReason, WebhookDelivery, WebhookEndpoint
from tests.factories import UserFactory
from tests.webhooks.conftest import make_endpoint

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(agency):
    return UserFactory(
        username="adele", email="adele@alpha.example", agency=agency, role=Role.ADMIN
    )


def fail_for(endpoint, days):
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(
        failing_since=timezone.now() - dt.timedelta(days=days)
    )


def test_an_endpoint_failing_for_days_is_switched_off_and_its_owner_and_creator_told_once(
    agency, alice, amir, admin, receiver, run_jobs, settings
):
    settings.WEBHOOK_DISABLE_AFTER_DAYS = 3
    endpoint = make_endpoint(agency, admin, receiver.url)
    receiver.answer(*[500] * 5)
    fail_for(endpoint, 2)
    with run_jobs():
        client_services.client_create(agency=agency, created_by=alice, name="Ada")
    endpoint.refresh_from_db()
    assert endpoint.is_active  # two days is not yet "for days"
    fail_for(endpoint, 3)
    with run_jobs():
        client_services.client_create(agency=agency, created_by=alice, name="Bea")
    endpoint.refresh_from_db()
    assert not endpoint.is_active
    assert endpoint.disabled_reason == DisabledReason.FAILING
    # What was waiting is cancelled, not retried to a switched-off endpoint.
    assert not WebhookDelivery.objects.filter(
        status__in=[DeliveryStatus.PENDING, DeliveryStatus.RETRYING]
    ).exists()
    [event] = Activity.objects.filter(event="webhook.disabled")
    assert event.data["reason"] == "failing"
    told = Notification.objects.filter(kind="webhook.disabled")
    assert sorted(told.values_list("recipient__username", flat=True)) == ["adele", "alice"]
    assert all(n.link == f"/settings/webhooks/{endpoint.pk}/" for n in told)
    assert "switched off" in told.first().text and receiver.url[:60] in told.first().text
    emails = OutboundEmail.objects.filter(kind="notification.webhook.disabled")
    assert sorted(emails.values_list("recipient", flat=True)) == [
        "adele@alpha.example",
        "alice@alpha.example",
    ]
    assert "every delivery to it has been failing for days" in emails.first().text
    # Once: the job run again, or the sweep, tell nobody twice.
    assert notify_from_event(agency_id=agency.pk, activity_id=event.pk) == 0
    assert dispatch.sweep() == 0
    assert told.count() == 2 and emails.count() == 2
    assert not Notification.objects.filter(recipient=amir).exists()  # an agent is not told


def test_the_sweep_switches_off_an_endpoint_failing_for_days(agency, alice, receiver, run_jobs):
    endpoint = make_endpoint(agency, alice, receiver.url)
    fail_for(endpoint, 5)
    with run_jobs():
        dispatch.sweep()
    endpoint.refresh_from_db()
    assert endpoint.disabled_reason == DisabledReason.FAILING
    assert Notification.objects.filter(kind="webhook.disabled", recipient=alice).count() == 1


def test_a_success_ends_the_failing_streak(agency, alice, receiver, run_jobs):
    endpoint = make_endpoint(agency, alice, receiver.url)
    fail_for(endpoint, 1)
    with run_jobs():
        client_services.client_create(agency=agency, created_by=alice, name="Ada")
    endpoint.refresh_from_db()
    assert endpoint.failing_since is None and endpoint.is_active


def test_410_tells_the_owner(agency, alice, receiver, run_jobs):
    endpoint = make_endpoint(agency, alice, receiver.url)
    receiver.answer(410)
    with run_jobs():
        client_services.client_create(agency=agency, created_by=alice, name="Ada")
    [told] = Notification.objects.filter(kind="webhook.disabled")
    assert told.recipient == alice
    assert "410 Gone" in told.text
    endpoint.refresh_from_db()
    assert endpoint.disabled_reason == DisabledReason.GONE


def test_no_secret_reaches_the_logs_or_the_event_log(
    agency, alice, receiver, run_jobs, caplog, settings, no_waiting
):
    caplog.set_level(logging.DEBUG)
    endpoint = make_endpoint(agency, alice, receiver.url)
    first = endpoint.secret
    webhook_services.webhook_rotate_secret(webhook=endpoint)
    receiver.answer(500, 410)
    with run_jobs():
        client_services.client_create(agency=agency, created_by=alice, name="Ada")
        webhook_services.webhook_update(webhook=endpoint, description="Zapier")
    endpoint.refresh_from_db()
    assert endpoint.disabled_reason == DisabledReason.GONE  # the whole path ran
    secrets = [first, endpoint.secret]
    history = json.dumps(list(Activity.objects.values("data", "changes", "object_repr")))
    logged = caplog.text + "".join(str(r.args) for r in caplog.records)
    for secret in secrets:
        raw = secret.removeprefix("whsec_")
        assert raw not in history
        assert raw not in logged
    for attempt_error in WebhookDelivery.objects.values_list("last_error", flat=True):
        assert all(s.removeprefix("whsec_") not in attempt_error for s in secrets)
