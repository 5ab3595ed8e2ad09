"""Sending webhooks: signed HTTP requests to one endpoint at a time (the engine).

:func:`drain` (the ``webhooks.drain`` job) sends an endpoint's due deliveries, oldest event
first, one request at a time, so a slow receiver gets them in order. A delivery whose attempt
failed waits for its retry without holding back the ones after it: a failing receiver gets
later events meanwhile, and the failed one again when its retry is due.

Each attempt is signed with every live secret (``signing.signature_headers``), posted through
``core.outbound.post`` (the SSRF guard judges the URL again, redirects are never followed) with
a timeout of ``WEBHOOK_TIMEOUT_SECONDS``, and recorded as a ``WebhookAttempt`` (status, time,
the first 1,000 characters of the answer, or why nothing was sent) in a transaction of its own.

Outcomes of an attempt:

- 2xx: succeeded; the endpoint's failing streak ends.
- 410 Gone: failed, and the endpoint is switched off (``webhook_disable(reason="gone")``).
- 5xx, 429, a timeout, no connection, a target the guard refuses now (DNS changed): retried
  after ``RETRY_DELAYS`` (about a day in all), then failed.
- any other status (3xx: redirects are not followed; 4xx): failed at once, not retried.

An endpoint whose every attempt has failed for ``WEBHOOK_DISABLE_AFTER_DAYS`` days is switched
off (``webhook_disable(reason="failing")``), which tells its owners.

One drain per endpoint at a time: in queue mode a PostgreSQL session advisory lock (not a long
transaction: every attempt's bookkeeping commits on its own); a drain that finds it taken wakes
the endpoint again a few seconds later. A run is bounded (``MAX_PER_RUN`` deliveries,
``MAX_SECONDS``), then wakes the endpoint again; when what is left is due later, it schedules a
drain for then. ``sweep`` (every minute) wakes endpoints with overdue deliveries, the safety net
after a crash.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Min
from django.utils import timezone

from core import jobs, outbound
from crm.webhooks import schedule, services
from crm.webhooks.models import (
    RESPONSE_BODY_KEPT,
    WAITING_STATUSES,
    DeliveryStatus,
    DisabledReason,
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
)
from crm.webhooks.signing import signature_headers

logger = logging.getLogger(__name__)

# The wait after each failed attempt: the 1st retry 1 minute after the first attempt, ... the
# 9th 8 hours after the 8th; a 10th failure ends the delivery (about 24 hours after the first).
RETRY_DELAYS: tuple[dt.timedelta, ...] = tuple(
    dt.timedelta(minutes=minutes) for minutes in (1, 5, 15, 30, 60, 120, 240, 480, 480)
)
MAX_PER_RUN = 50  # attempts per drain, then it wakes the endpoint again
MAX_SECONDS = 60.0  # nor longer than this per drain (each attempt may take the timeout)
LOCK_BUSY_RETRY = dt.timedelta(seconds=5)  # a drain that found another running tries again
ERROR_LENGTH = 300
# The advisory lock's namespace (the first of its two 32-bit keys): "wh" in ASCII.
LOCK_NAMESPACE = 0x7768


def retryable(status: int) -> bool:
    return status >= 500 or status == 429


# The drain ------------------------------------------------------------------------------------


def drain(*, webhook_id: int) -> int:
    """Send what is due to one endpoint; the number of attempts made."""
    with _endpoint_lock(webhook_id) as held:
        if not held:
            endpoint = WebhookEndpoint.objects.filter(pk=webhook_id).first()
            if endpoint is not None:
                schedule.wake_at(endpoint, when=timezone.now() + LOCK_BUSY_RETRY)
            return 0
        return _drain(webhook_id)


@contextmanager
def _endpoint_lock(webhook_id: int) -> Iterator[bool]:
    """One drain per endpoint at a time (queue mode, PostgreSQL): a session advisory lock, so
    no transaction stays open while requests are sent. In-process mode needs none."""
    if jobs.mode() != "queue" or connection.vendor != "postgresql":
        yield True
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", [LOCK_NAMESPACE, webhook_id])
        held = bool(cursor.fetchone()[0])
    try:
        yield held
    finally:
        if held:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [LOCK_NAMESPACE, webhook_id])


def _next_due(endpoint: WebhookEndpoint, now: dt.datetime) -> WebhookDelivery | None:
    return (
        WebhookDelivery.objects.filter(
            endpoint=endpoint, status__in=WAITING_STATUSES, next_attempt_at__lte=now
        )
        .select_related("message")
        .order_by("message__created_at", "message_id", "id")
        .first()
    )


def _drain(webhook_id: int) -> int:
    started = time.monotonic()
    sent = 0
    endpoint: WebhookEndpoint | None = None
    while True:
        # Read afresh each time: switched off, a new URL or secret take effect at once.
        endpoint = WebhookEndpoint.objects.filter(pk=webhook_id).first()
        if endpoint is None or not endpoint.is_active:
            return sent
        if sent >= MAX_PER_RUN or time.monotonic() - started >= MAX_SECONDS:
            if _next_due(endpoint, timezone.now()) is not None:
                schedule.wake(endpoint)  # more is due: a fresh run, behind other work
            return sent
        delivery = _next_due(endpoint, timezone.now())
        if delivery is None:
            break
        attempt(endpoint=endpoint, delivery=delivery)
        sent += 1
    later = (
        WebhookDelivery.objects.filter(endpoint=endpoint, status__in=WAITING_STATUSES)
        .aggregate(at=Min("next_attempt_at"))
        .get("at")
    )
    if later is not None:
        schedule.wake_at(endpoint, when=later)
    return sent


# One attempt ----------------------------------------------------------------------------------


def attempt(*, endpoint: WebhookEndpoint, delivery: WebhookDelivery) -> WebhookAttempt:
    """Send ``delivery`` once to ``endpoint`` and record what happened."""
    message = delivery.message
    now = timezone.now()
    headers = signature_headers(
        message_id=message.public_id,
        body=message.body,
        secrets=endpoint.signing_secrets(now=now),
        timestamp=now,
    )
    status: int | None = None
    body = error = ""
    clock = time.monotonic()
    try:
        answer = outbound.post(
            endpoint.url,
            body=message.body.encode("utf-8"),
            headers=headers,
            timeout=settings.WEBHOOK_TIMEOUT_SECONDS,
            allow_private=settings.WEBHOOK_ALLOW_PRIVATE_TARGETS,
            allow_local_http=settings.DEBUG,
            keep=RESPONSE_BODY_KEPT,
        )
    except outbound.UnsafeTarget as exc:
        error = f"Not sent: {exc}"
        duration_ms = 0
    except outbound.SendFailed as exc:
        error = str(exc) or "No answer."
        duration_ms = int((time.monotonic() - clock) * 1000)
    else:
        status, body, duration_ms = answer.status, answer.body, answer.duration_ms
        if not 200 <= status < 300:
            error = _status_error(status)
    return _record(
        endpoint=endpoint,
        delivery=delivery,
        started_at=now,
        duration_ms=duration_ms,
        status=status,
        body=body,
        error=error,
    )


def _status_error(status: int) -> str:
    if status == 410:
        return "The endpoint answered 410 Gone: it was switched off."
    if retryable(status):
        return f"The endpoint answered {status}."
    if 300 <= status < 400:
        return f"The endpoint answered {status}: redirects are not followed, not retried."
    return f"The endpoint answered {status}: not retried."


def _record(
    *,
    endpoint: WebhookEndpoint,
    delivery: WebhookDelivery,
    started_at: dt.datetime,
    duration_ms: int,
    status: int | None,
    body: str,
    error: str,
) -> WebhookAttempt:
    succeeded = status is not None and 200 <= status < 300
    retry = not succeeded and (status is None or retryable(status))
    with transaction.atomic():
        current = WebhookDelivery.objects.select_for_update().get(pk=delivery.pk)
        number = current.attempts + 1
        logged = WebhookAttempt.objects.create(
            agency_id=delivery.agency_id,
            delivery=current,
            number=number,
            started_at=started_at,
            duration_ms=max(duration_ms, 0),
            status_code=status,
            error=error[:ERROR_LENGTH],
            response_body=body[:RESPONSE_BODY_KEPT],
        )
        current.attempts = number
        current.last_status_code = status
        current.last_error = error[:ERROR_LENGTH]
        if current.status in WAITING_STATUSES:  # not cancelled meanwhile (switched off)
            finished = timezone.now()
            if succeeded:
                current.status, current.next_attempt_at = DeliveryStatus.SUCCEEDED, None
                current.completed_at = finished
            elif retry and number <= len(RETRY_DELAYS):
                current.status = DeliveryStatus.RETRYING
                current.next_attempt_at = finished + RETRY_DELAYS[number - 1]
            else:
                current.status, current.next_attempt_at = DeliveryStatus.FAILED, None
                current.completed_at = finished
        current.save(
            update_fields=[
                "attempts",
                "last_status_code",
                "last_error",
                "status",
                "next_attempt_at",
                "completed_at",
            ]
        )
        _streak(endpoint, succeeded=succeeded, at=started_at)
    delivery.__dict__.update({k: v for k, v in current.__dict__.items() if not k.startswith("_")})
    if status == 410:
        services.webhook_disable(
            webhook=endpoint,
            reason=DisabledReason.GONE,
            detail="it answered 410 Gone",
        )
    elif not succeeded:
        disable_if_failing(endpoint)
    return logged


def _streak(endpoint: WebhookEndpoint, *, succeeded: bool, at: dt.datetime) -> None:
    """A success ends the endpoint's failing streak; a failure starts one (if none)."""
    if succeeded:
        if endpoint.failing_since is not None:
            WebhookEndpoint.objects.filter(pk=endpoint.pk).update(failing_since=None)
            endpoint.failing_since = None
    elif endpoint.failing_since is None:
        WebhookEndpoint.objects.filter(pk=endpoint.pk, failing_since__isnull=True).update(
            failing_since=at
        )
        endpoint.failing_since = at


def disable_if_failing(endpoint: WebhookEndpoint, *, now: dt.datetime | None = None) -> bool:
    """Switch off an endpoint that has failed every attempt for WEBHOOK_DISABLE_AFTER_DAYS."""
    days = settings.WEBHOOK_DISABLE_AFTER_DAYS
    since = endpoint.failing_since
    if since is None or not endpoint.is_active:
        return False
    if (now or timezone.now()) - since < dt.timedelta(days=days):
        return False
    return services.webhook_disable(
        webhook=endpoint,
        reason=DisabledReason.FAILING,
        detail=f"every delivery has failed for {days} days",
    )


# The safety net -------------------------------------------------------------------------------


def sweep(*, now: dt.datetime | None = None) -> int:
    """Wake every active endpoint with an overdue delivery (a drain lost to a crash, a
    scheduled wake refused by a queueing lock) and switch off those failing for days; the
    number of endpoints woken."""
    now = now or timezone.now()
    cutoff = now - dt.timedelta(days=settings.WEBHOOK_DISABLE_AFTER_DAYS)
    for endpoint in WebhookEndpoint.objects.filter(is_active=True, failing_since__lte=cutoff):
        disable_if_failing(endpoint, now=now)
    due_ids = (
        WebhookDelivery.objects.filter(
            status__in=WAITING_STATUSES, next_attempt_at__lte=now, endpoint__is_active=True
        )
        .values_list("endpoint_id", flat=True)
        .distinct()
        .order_by()
    )
    endpoints = list(WebhookEndpoint.objects.filter(pk__in=list(due_ids)).order_by("pk"))
    for endpoint in endpoints:
        schedule.wake(endpoint)
    return len(endpoints)
