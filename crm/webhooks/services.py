"""Managing webhook endpoints (Settings → Webhooks, ``/api/v1/webhooks``), replaying a delivery
and sending a test event. Owners and admins only: the dashboard and the API check the role
before calling these.

Every change is an event (``webhook.created``...) with what changed, never the secret.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.events import record_event
from accounts.models import ActivityAction, Agency, User
from accounts.quotas import agency_quota_check
from core import outbound
from crm.webhooks import schedule
from crm.webhooks.catalogue import TEST_EVENT, TYPES
from crm.webhooks.models import (
    WAITING_STATUSES,
    DeliveryStatus,
    DisabledReason,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookMessage,
    new_signing_secret,
)

# How long the secret a rotation replaced keeps signing beside the new one.
SECRET_OVERLAP = dt.timedelta(hours=24)
DESCRIPTION_MAX = 200


def check_target(url: str) -> outbound.Target:
    """The SSRF guard with this install's settings (raises ``outbound.UnsafeTarget``)."""
    return outbound.check_url(
        url,
        allow_private=settings.WEBHOOK_ALLOW_PRIVATE_TARGETS,
        allow_local_http=settings.DEBUG,
    )


def _clean_url(url: Any) -> str:
    if not isinstance(url, str):
        raise ValidationError({"url": ["Enter the URL of your endpoint."]})
    try:
        return check_target(url).url
    except outbound.UnsafeTarget as exc:
        raise ValidationError({"url": [str(exc)]}) from None


def _clean_event_types(event_types: Iterable[Any]) -> list[str]:
    chosen: list[str] = []
    unknown: list[str] = []
    for name in event_types:
        if not isinstance(name, str) or name not in TYPES:
            unknown.append(str(name))
        elif name not in chosen:
            chosen.append(name)
    if unknown:
        raise ValidationError(
            {
                "event_types": [
                    f"Unknown event types: {', '.join(unknown[:5])}. "
                    f"Choose from: {', '.join(TYPES)}; or none for every type."
                ]
            }
        )
    return chosen


def _clean_description(description: Any) -> str:
    text = str(description or "").strip()
    if len(text) > DESCRIPTION_MAX:
        raise ValidationError(
            {"description": [f"Ensure this field has no more than {DESCRIPTION_MAX} characters."]}
        )
    return text


def _state(endpoint: WebhookEndpoint) -> dict[str, Any]:
    """What the history records of an endpoint: never its secret."""
    return {
        "url": endpoint.url,
        "description": endpoint.description,
        "event_types": list(endpoint.event_types) or "all",
        "is_active": endpoint.is_active,
    }


def _record(
    name: str,
    *,
    endpoint: WebhookEndpoint,
    changes: dict[str, Any] | None = None,
    data: dict[str, Any] | None = None,
    action: str = ActivityAction.UPDATE,
) -> None:
    record_event(
        name,
        agency_id=endpoint.agency_id,
        object_type="webhook_endpoint",
        object_id=endpoint.pk,
        object_repr=endpoint.url[:200],
        changes=changes or {},
        data={"webhook_id": endpoint.pk, **(data or {})},
        action=action,
    )


@transaction.atomic
def webhook_create(
    *,
    agency: Agency,
    created_by: User | None = None,
    url: str,
    description: str = "",
    event_types: Iterable[str] = (),
    is_active: bool = True,
) -> WebhookEndpoint:
    """Register an endpoint. Its ``secret`` is readable on the returned object only: show it
    once, as with a token."""
    agency_quota_check(
        "webhooks", agency_id=agency.pk, rows=WebhookEndpoint.objects.for_agency(agency)
    )
    errors: dict[str, list[str]] = {}
    fields: dict[str, Any] = {}
    for name, clean, value in (
        ("url", _clean_url, url),
        ("description", _clean_description, description),
        ("event_types", _clean_event_types, event_types),
    ):
        try:
            fields[name] = clean(value)
        except ValidationError as exc:
            errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
    endpoint = WebhookEndpoint(
        agency=agency,
        created_by=created_by,
        is_active=bool(is_active),
        disabled_reason="" if is_active else DisabledReason.MANUAL,
        disabled_at=None if is_active else timezone.now(),
        **fields,
    )
    endpoint.save()
    after = _state(endpoint)
    _record(
        "webhook.created",
        endpoint=endpoint,
        changes={key: [None, value] for key, value in after.items() if value not in ("", [])},
        action=ActivityAction.CREATE,
    )
    return endpoint


@transaction.atomic
def webhook_update(
    *,
    webhook: WebhookEndpoint,
    url: str | None = None,
    description: str | None = None,
    event_types: Iterable[str] | None = None,
    is_active: bool | None = None,
) -> WebhookEndpoint:
    """Change the given fields (``None``: leave as it is). Switching an endpoint off cancels
    what waits for it; switching it on starts afresh (a failing streak is forgotten)."""
    endpoint = WebhookEndpoint.objects.select_for_update().get(pk=webhook.pk)
    before = _state(endpoint)
    errors: dict[str, list[str]] = {}
    for name, clean, value in (
        ("url", _clean_url, url),
        ("description", _clean_description, description),
        ("event_types", _clean_event_types, event_types),
    ):
        if value is None:
            continue
        try:
            setattr(endpoint, name, clean(value))
        except ValidationError as exc:
            errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
    switch = is_active is not None and bool(is_active) != endpoint.is_active
    if switch:
        _switch(endpoint, on=bool(is_active), reason=DisabledReason.MANUAL)
    endpoint.save()
    after = _state(endpoint)
    changes = {key: [before[key], value] for key, value in after.items() if before[key] != value}
    active = changes.pop("is_active", None)
    if active is not None:
        _record(
            "webhook.switched_on" if active[1] else "webhook.switched_off",
            endpoint=endpoint,
            changes={"is_active": active},
        )
    if changes:
        _record("webhook.updated", endpoint=endpoint, changes=changes)
    webhook.__dict__.update(endpoint.__dict__)
    return endpoint


def _switch(endpoint: WebhookEndpoint, *, on: bool, reason: str) -> None:
    """Flip the switch on a locked endpoint (the caller saves it)."""
    now = timezone.now()
    endpoint.is_active = on
    if on:
        endpoint.disabled_reason, endpoint.disabled_at, endpoint.failing_since = "", None, None
        return
    endpoint.disabled_reason, endpoint.disabled_at = reason, now
    WebhookDelivery.objects.filter(endpoint=endpoint, status__in=WAITING_STATUSES).update(
        status=DeliveryStatus.CANCELLED,
        next_attempt_at=None,
        completed_at=now,
        last_error="The endpoint was switched off before this was delivered.",
    )


@transaction.atomic
def webhook_disable(*, webhook: WebhookEndpoint, reason: str, detail: str = "") -> bool:
    """The system switches an endpoint off (it answered 410, or it has failed for days):
    recorded as ``webhook.disabled`` (which tells the owner). False if it already was off."""
    endpoint = WebhookEndpoint.objects.select_for_update().get(pk=webhook.pk)
    if not endpoint.is_active:
        return False
    _switch(endpoint, on=False, reason=reason)
    endpoint.save(update_fields=["is_active", "disabled_reason", "disabled_at", "updated_at"])
    _record(
        "webhook.disabled",
        endpoint=endpoint,
        changes={"is_active": [True, False]},
        # Who registered it: told beside the owners (crm.notifications cannot read endpoints).
        data={"reason": reason, "detail": detail[:300], "created_by_id": endpoint.created_by_id},
    )
    webhook.__dict__.update(endpoint.__dict__)
    return True


@transaction.atomic
def webhook_delete(*, webhook: WebhookEndpoint) -> None:
    """Delete an endpoint with its delivery log (recorded with its last settings)."""
    state = _state(webhook)
    deliveries = webhook.deliveries.count()
    _record(
        "webhook.deleted",
        endpoint=webhook,
        changes={key: [value, None] for key, value in state.items() if value not in ("", [])},
        data={"deliveries": deliveries},
        action=ActivityAction.DELETE,
    )
    webhook.delete()


@transaction.atomic
def webhook_rotate_secret(*, webhook: WebhookEndpoint) -> WebhookEndpoint:
    """A new signing secret (readable on the returned object only: show it once). The old one
    keeps signing beside it for 24 hours; a second rotation within them ends the oldest."""
    endpoint = WebhookEndpoint.objects.select_for_update().get(pk=webhook.pk)
    endpoint.previous_secret = endpoint.secret
    endpoint.previous_secret_expires_at = timezone.now() + SECRET_OVERLAP
    endpoint.secret = new_signing_secret()
    endpoint.save(
        update_fields=["secret", "previous_secret", "previous_secret_expires_at", "updated_at"]
    )
    _record(
        "webhook.secret_rotated",
        endpoint=endpoint,
        data={"previous_secret_valid_until": endpoint.previous_secret_expires_at.isoformat()},
    )
    webhook.__dict__.update(endpoint.__dict__)
    return endpoint


# Sending by hand: a replay, a test event ------------------------------------------------------


def _refuse_when_off(endpoint: WebhookEndpoint) -> None:
    if not endpoint.is_active:
        raise ValidationError(
            {"webhook": ["This endpoint is switched off: switch it on to send to it."]}
        )


@transaction.atomic
def delivery_replay(*, delivery: WebhookDelivery, requested_by: User | None) -> WebhookDelivery:
    """Send a delivery's message again (the same event id and body, a new signature), as a new
    delivery in the log; the endpoint must be on."""
    endpoint = WebhookEndpoint.objects.select_for_update().get(pk=delivery.endpoint_id)
    _refuse_when_off(endpoint)
    replay = WebhookDelivery.objects.create(
        agency_id=endpoint.agency_id,
        endpoint=endpoint,
        message_id=delivery.message_id,
        event_type=delivery.event_type,
        replay_of=delivery,
        requested_by=requested_by,
    )
    _record(
        "webhook.delivery_replayed",
        endpoint=endpoint,
        data={
            "delivery_id": delivery.pk,
            "replay_id": replay.pk,
            "event_type": delivery.event_type,
        },
    )
    schedule.wake(endpoint)
    return replay


@transaction.atomic
def webhook_send_test(*, webhook: WebhookEndpoint, requested_by: User | None) -> WebhookDelivery:
    """Queue a ``webhook.test`` event to this endpoint only."""
    endpoint = WebhookEndpoint.objects.select_for_update().get(pk=webhook.pk)
    _refuse_when_off(endpoint)
    message = WebhookMessage(agency_id=endpoint.agency_id, event_type=TEST_EVENT)
    message.body = json.dumps(
        {
            "id": message.public_id,
            "type": TEST_EVENT,
            "created_at": message.created_at.isoformat(),
            "agency_id": endpoint.agency_id,
            "data": {
                "webhook_id": endpoint.pk,
                "message": "A test event from Itinera: your endpoint is receiving webhooks.",
            },
        },
        separators=(",", ":"),
    )
    message.save()
    delivery = WebhookDelivery.objects.create(
        agency_id=endpoint.agency_id,
        endpoint=endpoint,
        message=message,
        event_type=TEST_EVENT,
        requested_by=requested_by,
    )
    _record("webhook.test_sent", endpoint=endpoint, data={"delivery_id": delivery.pk})
    schedule.wake(endpoint)
    return delivery
