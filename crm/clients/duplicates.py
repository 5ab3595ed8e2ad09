"""Finding the clients a new or imported one may duplicate: the same email (any case), the
same phone (its E.164 form, crm.clients.phones), or the same name and birth date.

``client_matches`` answers the create flows (the API's 409, the dashboard's "possible
duplicate" step, the import preview); ``duplicate_pairs`` the duplicates page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.db.models.functions import Lower

from accounts.models import Agency
from crm.clients.models import Client
from crm.clients.phones import phone_e164, region_for_timezone

MAX_MATCHES = 10
MAX_PAIRS = 200


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


@dataclass
class DuplicatePair:
    """Two live clients that look like one person: ``first`` is the older (the suggested
    survivor of a merge)."""

    first: Client
    second: Client
    matched_on: list[str] = field(default_factory=list)


def duplicate_pairs(*, agency: Agency, limit: int = MAX_PAIRS) -> list[DuplicatePair]:
    """Likely duplicates among the agency's live clients: the same email (any case) or the
    same phone (E.164). Each group pairs its oldest client with each of the others; three
    queries whatever the number of clients."""
    live = Client.objects.for_agency(agency).filter(archived_at__isnull=True)
    emails = list(
        live.exclude(email="")
        .annotate(key=Lower("email"))
        .values("key")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
        .values_list("key", flat=True)[:limit]
    )
    phones = list(
        live.exclude(phone_e164="")
        .values("phone_e164")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
        .values_list("phone_e164", flat=True)[:limit]
    )
    if not emails and not phones:
        return []
    rows = list(
        live.annotate(email_key=Lower("email"))
        .filter(Q(email_key__in=emails) | Q(phone_e164__in=phones))
        .order_by("created_at", "id")
    )
    groups: dict[tuple[str, str], list[Client]] = {}
    for client in rows:
        key = getattr(client, "email_key", "")
        if key in emails:
            groups.setdefault(("email", key), []).append(client)
        if client.phone_e164 in phones:
            groups.setdefault(("phone", client.phone_e164), []).append(client)
    pairs: dict[tuple[int, int], DuplicatePair] = {}
    for (reason, _), members in groups.items():
        oldest, *others = members
        for other in others:
            pair = pairs.setdefault((oldest.pk, other.pk), DuplicatePair(oldest, other))
            if reason not in pair.matched_on:
                pair.matched_on.append(reason)
    return sorted(pairs.values(), key=lambda p: (p.first.created_at, p.first.pk, p.second.pk))[
        :limit
    ]
