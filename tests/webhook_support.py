"""What the webhook surface tests share: DNS answers for made-up hosts (the machine has no
outside DNS), deliveries written straight into the log, and a recorder in place of the engine.
"""

from __future__ import annotations

import json
import socket
from typing import Any

import pytest
from django.utils import timezone

from crm.models import WebhookAttempt, WebhookDelivery, WebhookEndpoint, WebhookMessage

PUBLIC_ADDRESS = "93.184.215.14"
# Host -> the address it "resolves" to; anything else resolves as usual (Redis, PostgreSQL).
FAKE_DNS = {
    "hooks.example.com": PUBLIC_ADDRESS,
    "crm.partner.example.com": PUBLIC_ADDRESS,
    "internal.example.com": "10.0.0.7",
    "metadata.example.com": "169.254.169.254",
    "mapped.example.com": "::ffff:127.0.0.1",
}


@pytest.fixture
def fake_dns(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    real = socket.getaddrinfo

    def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        address = FAKE_DNS.get(str(host).lower().rstrip("."))
        if address is None:
            return real(host, port, *args, **kwargs)
        family = socket.AF_INET6 if ":" in address else socket.AF_INET
        sockaddr = (address, int(port or 443), 0, 0) if ":" in address else (address, port)
        return [(family, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", sockaddr)]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return FAKE_DNS


@pytest.fixture
def drains(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The endpoints the engine was asked to drain (it is not called for real here)."""
    called: list[int] = []

    def drain(*, webhook_id: int) -> int:
        called.append(webhook_id)
        return 0

    monkeypatch.setattr("crm.webhooks.dispatch.drain", drain)
    return called


def make_endpoint(agency: Any, **fields: Any) -> WebhookEndpoint:
    """An endpoint row (the URL is not checked: for tests of what comes after)."""
    fields.setdefault("url", "https://hooks.example.com/itinera")
    return WebhookEndpoint.objects.create(agency=agency, **fields)


def make_delivery(
    endpoint: WebhookEndpoint,
    *,
    event_type: str = "client.created",
    status: str = "succeeded",
    attempts: int = 0,
    data: dict[str, Any] | None = None,
) -> WebhookDelivery:
    message = WebhookMessage(agency_id=endpoint.agency_id, event_type=event_type)
    message.body = json.dumps(
        {
            "id": message.public_id,
            "type": event_type,
            "created_at": message.created_at.isoformat(),
            "agency_id": endpoint.agency_id,
            "data": data or {"id": 1},
        }
    )
    message.save()
    delivery = WebhookDelivery.objects.create(
        agency_id=endpoint.agency_id,
        endpoint=endpoint,
        message=message,
        event_type=event_type,
        status=status,
        attempts=attempts,
        last_status_code=200 if status == "succeeded" and attempts else None,
    )
    for number in range(1, attempts + 1):
        last = number == attempts
        WebhookAttempt.objects.create(
            agency_id=endpoint.agency_id,
            delivery=delivery,
            number=number,
            started_at=timezone.now(),
            duration_ms=40 * number,
            status_code=200 if last and status == "succeeded" else 500,
            response_body="ok" if last and status == "succeeded" else "upstream exploded",
        )
    return delivery
