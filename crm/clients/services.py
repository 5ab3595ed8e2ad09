"""Writes of clients: create, update, notes, tags (archive and delete: crm.clients.archive)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.events import named_event
from accounts.models import Agency, User
from accounts.quotas import agency_quota_check
from accounts.tenancy import resolve_member
from core.validation import save_validated
from crm.clients.duplicates import DuplicateClientError, client_matches
from crm.clients.models import Client, ClientKind, ClientSource, ClientStatus

# What a caller may set; ``client_create`` and ``client_update`` name each as a parameter.
CLIENT_FIELDS = (
    "kind",
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
    "company_client",
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


class _NotGiven:
    """The default of an update's parameter that the caller did not give (``None`` is a value)."""

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Any = _NotGiven()


def _client_apply(client: Client, fields: Mapping[str, Any]) -> None:
    for name, value in fields.items():
        if value is NOT_GIVEN:
            continue
        if name == "tags":
            value = normalise_tags(value)
        elif name == "assigned_to":
            value = resolve_member(agency=client.agency, value=value, field="assigned_to")
        elif name == "company_client":
            value = _company_of(client, value)
        elif value is None:
            value = ""  # text fields: null means empty
        elif isinstance(value, str):
            value = value.strip()
        setattr(client, name, value)


def _company_of(client: Client, value: Client | int | None) -> Client | None:
    """The company a person is a contact of: a client of kind "company" of the same agency
    (another agency's id reads as a missing one)."""
    if value is None:
        return None
    company_id = value.pk if isinstance(value, Client) else value
    company = Client.objects.for_agency(client.agency).filter(pk=company_id).first()
    if company is None:
        raise ValidationError({"company_client": [f"No client with id {company_id}."]})
    if company.kind != ClientKind.COMPANY:
        raise ValidationError({"company_client": ["This client is not a company."]})
    if company.pk == client.pk:
        raise ValidationError({"company_client": ["A company is not its own contact."]})
    return company


def _check_kind(client: Client) -> None:
    if client.kind == ClientKind.COMPANY and client.company_client_id is not None:
        raise ValidationError({"company_client": ["A company is nobody's contact."]})


def client_create(
    *,
    agency: Agency,
    name: str,
    kind: str = ClientKind.PERSON,
    created_by: User | None = None,
    source: str = ClientSource.DASHBOARD,
    source_details: Mapping[str, Any] | None = None,
    email: str | None = "",
    phone: str | None = "",
    company: str | None = "",
    city: str | None = "",
    country: str | None = "",
    nationality: str | None = "",
    notes: str | None = "",
    tags: list[str] | None = None,
    status: str = ClientStatus.LEAD,
    assigned_to: User | int | None = None,
    company_client: Client | int | None = None,
    allow_duplicate: bool = True,
) -> Client:
    """A new client. With ``allow_duplicate=False`` (the API and the dashboard, until the
    agent confirms) a client with the same email or phone raises ``DuplicateClientError``
    naming them; website forms and imports match their clients themselves."""
    # The parameters named in CLIENT_FIELDS, by name (the signature stays the contract).
    fields = {key: given for key, given in locals().items() if key in CLIENT_FIELDS}
    agency_quota_check("clients", agency_id=agency.pk, rows=Client.objects.for_agency(agency.pk))
    if not allow_duplicate:
        matches = client_matches(agency=agency, email=email or "", phone=phone or "")
        if matches:
            raise DuplicateClientError(matches)
    client = Client(agency=agency, created_by=created_by, source=source)
    client.source_details = dict(source_details or {})
    _client_apply(client, fields)
    _check_kind(client)
    save_validated(client)
    return client


def client_update(
    *,
    client: Client,
    kind: str = NOT_GIVEN,
    name: str = NOT_GIVEN,
    email: str | None = NOT_GIVEN,
    phone: str | None = NOT_GIVEN,
    company: str | None = NOT_GIVEN,
    city: str | None = NOT_GIVEN,
    country: str | None = NOT_GIVEN,
    nationality: str | None = NOT_GIVEN,
    notes: str | None = NOT_GIVEN,
    tags: list[str] | None = NOT_GIVEN,
    status: str = NOT_GIVEN,
    assigned_to: User | int | None = NOT_GIVEN,
    company_client: Client | int | None = NOT_GIVEN,
) -> Client:
    """Change the given fields only; a parameter left out keeps its value."""
    fields = {key: given for key, given in locals().items() if key in CLIENT_FIELDS}
    _client_apply(client, fields)
    _check_kind(client)
    contacts = Client.objects.for_agency(client.agency).filter(company_client=client)
    if kind is not NOT_GIVEN and client.kind == ClientKind.PERSON and contacts.exists():
        raise ValidationError({"kind": ["A company with contacts stays a company."]})
    save_validated(client)
    return client


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


@transaction.atomic
def client_contact_add(*, company: Client, contact: Client) -> Client:
    """Make the person ``contact`` a contact of ``company`` (both of one agency)."""
    if contact.kind != ClientKind.PERSON:
        raise ValidationError({"contact": ["A contact is a person, not a company."]})
    return client_update(client=contact, company_client=company)


@transaction.atomic
def client_contact_remove(*, company: Client, contact: Client) -> Client:
    """``contact`` is no longer a contact of ``company`` (nothing changes if it was not)."""
    if contact.company_client_id != company.pk:
        return contact
    return client_update(client=contact, company_client=None)
