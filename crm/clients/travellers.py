"""Writes of travellers: the people who travel on a client's account, their passport data (the
document numbers encrypted at rest, ``core.crypto``), who goes on an itinerary, proposal or
booking, and the audited reveal of the document numbers.

Document numbers are masked (``••••1234``) everywhere but in the answer of
:func:`traveller_documents_reveal`, which only owners, admins and the client's assigned agent
may call and which records ``traveller.documents_revealed`` (who and which fields, never the
values).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction

from accounts.events import record_event
from accounts.models import User
from core import iso
from core.crypto import MASK, mask
from core.errors import Conflict
from core.validation import save_validated
from crm.clients.models import DOCUMENT_FIELDS, Client, Traveller
from crm.clients.services import NOT_GIVEN

TRAVELLER_FIELDS = (
    "first_name",
    "middle_name",
    "last_name",
    "date_of_birth",
    "gender",
    "nationality",
    "passport_number",
    "passport_country",
    "passport_issued_on",
    "passport_expires_on",
    "known_traveller_number",
    "redress_number",
    "frequent_flyer",
    "hotel_loyalty",
    "dietary_needs",
    "mobility_needs",
    "seat_preference",
    "room_preference",
    "emergency_contact_name",
    "emergency_contact_phone",
    "emergency_contact_relation",
    "is_lead",
)
COUNTRY_FIELDS = ("nationality", "passport_country")
LOYALTY_FIELDS = ("frequent_flyer", "hotel_loyalty")
MAX_LOYALTY = 20
LOYALTY_TEXT_MAX = 100
MAX_TRAVELLERS_PER_CLIENT = 200
# The event each kind of record names a change of who goes with.
TRAVELLERS_SET = {
    "itinerary": "itinerary.travellers_set",
    "proposal": "proposal.travellers_set",
    "booking": "booking.travellers_set",
}
REVEAL_DENIED = (
    "Only owners, admins and the agent assigned to this client can see full document numbers."
)


def normalise_loyalty(value: Any, field: str) -> list[dict[str, str]]:
    """``[{"programme": ..., "number": ...}]``, stripped, both required, at most 20."""
    if value is None:
        return []
    if not isinstance(value, list | tuple):
        raise ValidationError({field: ["Expected a list of {programme, number} objects."]})
    if len(value) > MAX_LOYALTY:
        raise ValidationError({field: [f"At most {MAX_LOYALTY} programmes."]})
    cleaned: list[dict[str, str]] = []
    for entry in value:
        if not isinstance(entry, Mapping) or set(entry) - {"programme", "number"}:
            raise ValidationError({field: ["Each entry is an object with programme and number."]})
        programme, number = (entry.get(key) for key in ("programme", "number"))
        if not isinstance(programme, str) or not isinstance(number, str):
            raise ValidationError({field: ["programme and number are strings."]})
        programme, number = programme.strip(), number.strip()
        if not programme or not number:
            raise ValidationError({field: ["Each entry needs both a programme and a number."]})
        if len(programme) > LOYALTY_TEXT_MAX or len(number) > LOYALTY_TEXT_MAX:
            raise ValidationError(
                {field: [f"programme and number have at most {LOYALTY_TEXT_MAX} characters."]}
            )
        cleaned.append({"programme": programme, "number": number})
    return cleaned


def _country(value: Any, field: str) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        return ""
    code = iso.country_code(str(value))
    if code is None:
        raise ValidationError(
            {field: [f"{str(value).strip()!r} is not a country: give its ISO 3166-1 code or name."]}
        )
    return code


def _traveller_apply(traveller: Traveller, fields: Mapping[str, Any]) -> None:
    for name, value in fields.items():
        if value is NOT_GIVEN:
            continue
        if name in LOYALTY_FIELDS:
            value = normalise_loyalty(value, name)
        elif name in COUNTRY_FIELDS:
            value = _country(value, name)
        elif name == "is_lead":
            value = bool(value)
        elif isinstance(traveller._meta.get_field(name), models.DateField):
            value = value or None
        elif value is None:
            value = ""
        elif isinstance(value, str):
            value = value.strip()
            if name in DOCUMENT_FIELDS:
                value = value.replace(" ", "").upper()
                if MASK[0] in value:
                    # A masked value sent back (a GET, edited, PUT whole) keeps the number;
                    # any other dotted value is a mistake, not a document number: the stored
                    # number decides which mask is its own (a 409, the record's state).
                    if value == mask(getattr(traveller, name)):
                        continue
                    raise Conflict(
                        {name: ["Send the full number, or leave the field out to keep it."]}
                    )
        setattr(traveller, name, value)


def _save(traveller: Traveller) -> None:
    if traveller.is_lead:
        # One lead per client: naming another one moves the flag (a plain update, audited
        # on the other traveller's own save).
        others = Traveller.objects.for_agency(traveller.agency_id).filter(
            client_id=traveller.client_id, is_lead=True
        )
        if traveller.pk:
            others = others.exclude(pk=traveller.pk)
        for other in others:
            other.is_lead = False
            other.save(update_fields=["is_lead", "updated_at"])
    save_validated(traveller)


@transaction.atomic
def traveller_create(
    *,
    client: Client,
    created_by: User | None = None,
    first_name: str,
    last_name: str,
    middle_name: str | None = "",
    date_of_birth: dt.date | None = None,
    gender: str | None = "",
    nationality: str | None = "",
    passport_number: str | None = "",
    passport_country: str | None = "",
    passport_issued_on: dt.date | None = None,
    passport_expires_on: dt.date | None = None,
    known_traveller_number: str | None = "",
    redress_number: str | None = "",
    frequent_flyer: list[dict[str, str]] | None = None,
    hotel_loyalty: list[dict[str, str]] | None = None,
    dietary_needs: str | None = "",
    mobility_needs: str | None = "",
    seat_preference: str | None = "",
    room_preference: str | None = "",
    emergency_contact_name: str | None = "",
    emergency_contact_phone: str | None = "",
    emergency_contact_relation: str | None = "",
    is_lead: bool = False,
) -> Traveller:
    fields = {key: given for key, given in locals().items() if key in TRAVELLER_FIELDS}
    if client.travellers.count() >= MAX_TRAVELLERS_PER_CLIENT:
        raise ValidationError(
            {"__all__": [f"A client has at most {MAX_TRAVELLERS_PER_CLIENT} travellers."]}
        )
    traveller = Traveller(agency_id=client.agency_id, client=client, created_by=created_by)
    _traveller_apply(traveller, fields)
    _save(traveller)
    return traveller


@transaction.atomic
def traveller_update(
    *,
    traveller: Traveller,
    first_name: str = NOT_GIVEN,
    last_name: str = NOT_GIVEN,
    middle_name: str | None = NOT_GIVEN,
    date_of_birth: dt.date | None = NOT_GIVEN,
    gender: str | None = NOT_GIVEN,
    nationality: str | None = NOT_GIVEN,
    passport_number: str | None = NOT_GIVEN,
    passport_country: str | None = NOT_GIVEN,
    passport_issued_on: dt.date | None = NOT_GIVEN,
    passport_expires_on: dt.date | None = NOT_GIVEN,
    known_traveller_number: str | None = NOT_GIVEN,
    redress_number: str | None = NOT_GIVEN,
    frequent_flyer: list[dict[str, str]] | None = NOT_GIVEN,
    hotel_loyalty: list[dict[str, str]] | None = NOT_GIVEN,
    dietary_needs: str | None = NOT_GIVEN,
    mobility_needs: str | None = NOT_GIVEN,
    seat_preference: str | None = NOT_GIVEN,
    room_preference: str | None = NOT_GIVEN,
    emergency_contact_name: str | None = NOT_GIVEN,
    emergency_contact_phone: str | None = NOT_GIVEN,
    emergency_contact_relation: str | None = NOT_GIVEN,
    is_lead: bool = NOT_GIVEN,
) -> Traveller:
    """Change the given fields only; a parameter left out keeps its value."""
    fields = {key: given for key, given in locals().items() if key in TRAVELLER_FIELDS}
    _traveller_apply(traveller, fields)
    _save(traveller)
    return traveller


def traveller_delete(*, traveller: Traveller) -> None:
    """Remove a traveller; the itineraries, proposals and bookings that named them no longer do."""
    traveller.delete()


def can_reveal_documents(*, user: User, client: Client) -> bool:
    return user.is_agency_admin or (
        client.assigned_to_id is not None and client.assigned_to_id == user.pk
    )


@transaction.atomic
def traveller_documents_reveal(
    *, traveller: Traveller, actor: User, fields: Sequence[str] = DOCUMENT_FIELDS
) -> dict[str, str]:
    """The full document numbers, for owners, admins and the client's assigned agent (anyone
    else: ``PermissionDenied``), recorded as ``traveller.documents_revealed`` with who and which
    fields, never the values."""
    unknown = [name for name in fields if name not in DOCUMENT_FIELDS]
    if unknown:
        raise ValidationError({"fields": [f"Not a document field: {', '.join(unknown)}."]})
    if not can_reveal_documents(user=actor, client=traveller.client):
        raise PermissionDenied(REVEAL_DENIED)
    values = {name: getattr(traveller, name) for name in fields}
    record_event(
        "traveller.documents_revealed",
        agency_id=traveller.agency_id,
        subject=traveller,
        client_id=traveller.client_id,
        data={"fields": list(fields), "traveller": traveller.full_name},
        actor=actor,
    )
    return values


# Who goes ------------------------------------------------------------------------------------


def resolve_travellers(
    *, agency_id: int, client_id: int, traveller_ids: Sequence[Any]
) -> list[Traveller]:
    """The client's travellers with these ids, in order; any other id (another client's,
    another agency's, a missing one) is a ``traveller_ids`` error that names it."""
    ids: list[int] = []
    for value in traveller_ids:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError({"traveller_ids": ["Expected a list of traveller ids."]})
        if value not in ids:
            ids.append(value)
    rows = Traveller.objects.for_agency(agency_id).filter(client_id=client_id, pk__in=ids)
    found = {t.pk: t for t in rows}
    missing = [str(pk) for pk in ids if pk not in found]
    if missing:
        raise ValidationError(
            {"traveller_ids": [f"Not a traveller of this client: {', '.join(missing)}."]}
        )
    return [found[pk] for pk in ids]


@transaction.atomic
def travellers_assign(*, record: Any, traveller_ids: Sequence[Any] | None) -> None:
    """Set who goes on ``record`` (an itinerary, proposal or booking: anything with
    ``client_id`` and ``named_travellers``). ``None`` keeps the list, dropping only travellers
    of another client after the record's client changed. A change is recorded as
    ``<type>.travellers_set`` with the names."""
    current = list(record.named_travellers.all())
    if traveller_ids is None:
        wanted = [t for t in current if t.client_id == record.client_id]
    else:
        wanted = resolve_travellers(
            agency_id=record.agency_id, client_id=record.client_id, traveller_ids=traveller_ids
        )
    if {t.pk for t in wanted} == {t.pk for t in current}:
        return
    record.named_travellers.set(wanted)
    record_event(
        TRAVELLERS_SET[record._meta.model_name],
        agency_id=record.agency_id,
        subject=record,
        client_id=record.client_id,
        data={"travellers": [t.full_name for t in wanted], "traveller_ids": [t.pk for t in wanted]},
    )
