"""Writes of clients: create, update, notes, tags."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.events import named_event
from accounts.models import Agency, User
from accounts.tenancy import resolve_member
from core.validation import save_validated, unknown_fields
from crm.clients.models import Client, ClientSource, ClientStatus

CLIENT_FIELDS = (
    "name",
    "email",
    "phone",
    "company",
    "city",
    "country",
    "nationality",
    "notes",
    "tags",
    "status",
    "assigned_to",
)
MAX_TAGS = 30
MAX_TAG_LENGTH = 50


def normalise_tags(tags: Any) -> list[str]:
    if tags is None:
        return []
    if not isinstance(tags, list | tuple):
        raise ValidationError({"tags": ["Expected a list of strings."]})
    cleaned: list[str] = []
    for tag in tags:
        if not isinstance(tag, str):
            raise ValidationError({"tags": ["Every tag must be a string."]})
        tag = tag.strip()
        if len(tag) > MAX_TAG_LENGTH:
            raise ValidationError({"tags": [f"A tag has at most {MAX_TAG_LENGTH} characters."]})
        if tag and tag not in cleaned:
            cleaned.append(tag)
    if len(cleaned) > MAX_TAGS:
        raise ValidationError({"tags": [f"At most {MAX_TAGS} tags."]})
    return cleaned


def _client_apply(client: Client, fields: Mapping[str, Any]) -> None:
    unknown_fields(fields, CLIENT_FIELDS)
    for name, value in fields.items():
        if name == "tags":
            value = normalise_tags(value)
        elif name == "assigned_to":
            value = resolve_member(agency=client.agency, value=value, field="assigned_to")
        elif value is None and name != "assigned_to":
            value = ""  # text fields: null means empty
        elif isinstance(value, str):
            value = value.strip()
        setattr(client, name, value)


def client_create(
    *,
    agency: Agency,
    created_by: User | None = None,
    source: str = ClientSource.DASHBOARD,
    source_details: Mapping[str, Any] | None = None,
    **fields: Any,
) -> Client:
    client = Client(agency=agency, created_by=created_by, source=source)
    client.status = ClientStatus.LEAD
    client.source_details = dict(source_details or {})
    _client_apply(client, fields)
    save_validated(client)
    return client


def client_update(*, client: Client, **fields: Any) -> Client:
    _client_apply(client, fields)
    save_validated(client)
    return client


def client_delete(*, client: Client) -> None:
    client.delete()


MAX_NOTE_LENGTH = 5000


@transaction.atomic
def client_note_add(*, client: Client, text: str, author: User | None = None) -> Client:
    """Append a dated, signed note to the client's notes (the dashboard's "Add a note")."""
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": ["Write something first."]})
    if len(text) > MAX_NOTE_LENGTH:
        raise ValidationError({"text": [f"A note has at most {MAX_NOTE_LENGTH} characters."]})
    stamp = timezone.localtime().strftime("%Y-%m-%d %H:%M")
    signature = f"{stamp} · {author.display_name}" if author else stamp
    entry = f"— {signature}\n{text}"
    client.notes = f"{client.notes.rstrip()}\n\n{entry}" if client.notes.strip() else entry
    with named_event("client.note_added", subject=client, data={"note": text}):
        client.save(update_fields=["notes", "updated_at"])
    return client
