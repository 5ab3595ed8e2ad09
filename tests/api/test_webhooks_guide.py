"""docs/webhooks.md cannot drift: its event-type table is the catalogue's, its payload example
has the API's fields, and its verification example really runs against what Itinera signs."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

from api.v1.clients import ClientSerializer
from crm.models import WebhookEndpoint
from crm.webhooks.catalogue import TYPES
from crm.webhooks.models import new_signing_secret
from crm.webhooks.services import webhook_rotate_secret
from crm.webhooks.signing import signature_headers

GUIDE = Path(settings.BASE_DIR) / "docs" / "webhooks.md"
MARKER = "<!-- verification-example"


@pytest.fixture(scope="module")
def guide() -> str:
    return GUIDE.read_text(encoding="utf-8")


def code_block_after(text: str, marker: str) -> tuple[str, str]:
    """The (language, code) of the first fenced block after ``marker``."""
    start = text.index(marker)
    found = re.search(r"```(\w+)\n(.*?)\n```", text[start:], re.S)
    assert found, f"no code block after {marker!r}"
    return found.group(1), found.group(2)


def test_the_event_type_table_is_the_catalogue(guide):
    rows = re.findall(r"^\| `([a-z]+\.[a-z_]+)` \| (.+?) \| (.+?) \|$", guide, re.M)
    table = {name: (holds, when) for name, holds, when in rows}
    assert list(table) == list(TYPES)
    for name, kind in TYPES.items():
        holds, when = table[name]
        assert when == kind.description, name
        assert holds == ('`{"id": …}`' if kind.deleted else kind.resource), name


def test_the_payload_example_is_the_envelope_around_the_api_resource(guide):
    language, code = code_block_after(guide, "## The payload")
    assert language == "json"
    example = json.loads(code)
    assert list(example) == ["id", "type", "created_at", "agency_id", "data"]
    assert example["type"] in TYPES and TYPES[example["type"]].resource == "client"
    assert example["id"].startswith("msg_")
    assert list(example["data"]) == list(ClientSerializer().fields)


def run_example(guide: str) -> dict[str, Any]:
    language, code = code_block_after(guide, MARKER)
    assert language == "python"
    namespace: dict[str, Any] = {}
    exec(compile(code, str(GUIDE), "exec"), namespace)  # the guide's own code, as written
    return namespace


def signed(secrets: list[str], body: str, *, at: dt.datetime | None = None) -> dict[str, str]:
    return signature_headers(
        message_id="msg_guideExample1",
        body=body,
        secrets=secrets,
        timestamp=at or dt.datetime.now(dt.UTC),
    )


def test_the_verification_example_accepts_what_itinera_signs_and_nothing_else(guide, capsys):
    example = run_example(guide)
    receive = example["receive"]
    secret = new_signing_secret()
    body = json.dumps(
        {
            "id": "msg_guideExample1",
            "type": "client.created",
            "created_at": "2026-06-01T10:22:00+00:00",
            "agency_id": 1,
            "data": {"id": 5, "name": "Lena Fischer"},
        }
    )
    headers = signed([secret], body)

    assert receive(body.encode(), headers, secret) == 200
    assert "New lead: Lena Fischer" in capsys.readouterr().out
    assert example["seen_event_ids"] == {"msg_guideExample1"}
    # A replay (same id, a fresh signature) is acknowledged without being handled again.
    assert receive(body.encode(), signed([secret], body), secret) == 200
    assert capsys.readouterr().out == ""

    tampered = body.replace("Lena", "Mallory").encode()
    assert receive(tampered, headers, secret) == 400
    assert receive(body.encode(), headers, new_signing_secret()) == 400
    stale = signed([secret], body, at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=10))
    assert receive(body.encode(), stale, secret) == 400
    no_signature = {k: v for k, v in headers.items() if k != "webhook-signature"}
    assert receive(body.encode(), no_signature, secret) == 400


def test_during_a_rotation_a_receiver_holding_either_secret_accepts(guide, db, agency):
    receive = run_example(guide)["receive"]
    endpoint = WebhookEndpoint.objects.create(agency=agency, url="https://hooks.example.com/")
    old = endpoint.secret
    webhook_rotate_secret(webhook=endpoint)
    assert endpoint.signing_secrets() == [endpoint.secret, old]
    body = '{"id":"msg_guideExample1","type":"webhook.test","data":{}}'
    headers = signed(endpoint.signing_secrets(), body)
    assert len(headers["webhook-signature"].split(" ")) == 2
    # Two receivers, one updated and one not yet: both accept.
    assert receive(body.encode(), headers, endpoint.secret) == 200
    example = run_example(guide)  # a fresh receiver (its own seen ids)
    assert example["receive"](body.encode(), headers, old) == 200
    assert example["receive"](body.encode(), headers, new_signing_secret()) == 400


def test_the_guide_states_the_settings_it_names(guide):
    assert f"every attempt has failed for\n{settings.WEBHOOK_DISABLE_AFTER_DAYS} days" in guide
    assert f"within **{settings.WEBHOOK_TIMEOUT_SECONDS} seconds**" in guide
    assert "WEBHOOK_ALLOW_PRIVATE_TARGETS=true" in guide
