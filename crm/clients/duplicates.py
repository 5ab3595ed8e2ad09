"""Finding the clients a new or imported one may duplicate: the same email (any case), the
same phone (its E.164 form, crm.clients.phones), or the same name and birth date.

``client_matches`` answers the create flows (the API's 409, the dashboard's "possible
duplicate" step, the import preview); ``duplicate_pairs`` the duplicates page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q

from accounts.models import Agency
from crm.clients.models import Client
from crm.clients.phones import phone_e164, region_for_timezone

MAX_MATCHES = 10


@dataclass
class ClientMatch:
    """An existing client, and what it shares with the one being created."""

    client: Client
    matched_on: list[str] = field(default_factory=list)


class DuplicateClientError(Exception):
    """Creating a client that looks like one the agency has (raised only when the caller asked
    for the check: ``client_create(..., allow_duplicate=False)``)."""

    def __init__(self, matches: list[ClientMatch]) -> None:
        super().__init__("A client with this email or phone already exists.")
        self.matches = matches


def agency_phone_key(agency: Agency, phone: str) -> str:
    return phone_e164(phone, region_for_timezone(agency.timezone))


def client_matches(
    *, agency: Agency, email: str = "", phone: str = "", exclude_id: int | None = None
) -> list[ClientMatch]:
    """The agency's clients (archived ones too) with this email or phone, oldest first."""
    email = (email or "").strip()
    key = agency_phone_key(agency, phone)
    condition = Q()
    if email:
        condition |= Q(email__iexact=email)
    if key:
        condition |= Q(phone_e164=key)
    if not condition:
        return []
    rows = Client.objects.for_agency(agency).filter(condition)
    if exclude_id is not None:
        rows = rows.exclude(pk=exclude_id)
    matches = []
    for client in rows.order_by("created_at", "id")[:MAX_MATCHES]:
        matched_on = []
        if email and client.email.lower() == email.lower():
            matched_on.append("email")
        if key and client.phone_e164 == key:
            matched_on.append("phone")
        matches.append(ClientMatch(client=client, matched_on=matched_on))
    return matches
