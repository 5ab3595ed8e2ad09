"""Finding the clients a new or imported one may duplicate: the same email (any case), the
same phone (its E.164 form, crm.clients.phones), or the same name and birth date: those of the
client's lead traveller (``Traveller.is_lead``, the client themself; a client has no birth date
of its own), first and last name compared in any case, the middle name left out because one
record often omits it.

``client_matches`` answers the create flows (the API's 409 and ``/clients/duplicates/check``,
the dashboard's "possible duplicate" step and merge page); ``duplicate_pairs`` the duplicates
page and ``GET /clients/duplicates``. The import preview matches emails and phones in bulk
itself (crm.clients.imports): an imported row has no traveller, so no birth date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import reduce
from operator import or_
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Lower

from accounts.models import Agency
from crm.clients.models import Client, Traveller
from crm.clients.phones import phone_e164, region_for_timezone

MAX_MATCHES = 10
MAX_PAIRS = 200
# What two clients share, as ``matched_on`` says it (the API documents these values).
MATCH_REASONS = ("email", "phone", "name_and_birth_date")
REASON_LABELS = {"name_and_birth_date": "name and date of birth"}


def reasons_label(matched_on: list[str]) -> str:
    """``["email", "name_and_birth_date"]`` -> "email and name and date of birth", for pages."""
    return " and ".join(REASON_LABELS.get(reason, reason) for reason in matched_on)


@dataclass
class ClientMatch:
    """An existing client, and what it shares with the one being created."""

    client: Client
    matched_on: list[str] = field(default_factory=list)

    @property
    def matched_label(self) -> str:
        return reasons_label(self.matched_on)


class DuplicateClientError(Exception):
    """Creating a client that looks like one the agency has (raised only when the caller asked
    for the check: ``client_create(..., allow_duplicate=False)``)."""

    def __init__(self, matches: list[ClientMatch]) -> None:
        super().__init__("A client with this email or phone already exists.")
        self.matches = matches


def agency_phone_key(agency: Agency, phone: str) -> str:
    return phone_e164(phone, region_for_timezone(agency.timezone))


def _lead_travellers(agency: Agency) -> QuerySet[Any]:
    """Lead travellers with a birth date, with ``first_key`` and ``last_key`` (lower case).
    Typed ``Any``: the type checker cannot see annotated names in lookups."""
    return (
        Traveller.objects.for_agency(agency)
        .filter(is_lead=True, date_of_birth__isnull=False)
        .exclude(first_name="")
        .annotate(first_key=Lower("first_name"), last_key=Lower("last_name"))
    )


def _name_key(first_name: str, last_name: str) -> tuple[str, str]:
    return (first_name or "").strip().lower(), (last_name or "").strip().lower()


def client_matches(
    *,
    agency: Agency,
    email: str = "",
    phone: str = "",
    first_name: str = "",
    last_name: str = "",
    date_of_birth: dt.date | None = None,
    exclude_id: int | None = None,
) -> list[ClientMatch]:
    """The agency's clients (archived ones too) with this email or phone, or whose lead
    traveller has this first and last name (any case) and date of birth; oldest first."""
    email = (email or "").strip()
    key = agency_phone_key(agency, phone)
    first, last = _name_key(first_name, last_name)
    condition = Q()
    if email:
        condition |= Q(email__iexact=email)
    if key:
        condition |= Q(phone_e164=key)
    if first and last and date_of_birth:
        namesakes_query = _lead_travellers(agency).filter(
            first_key=first, last_key=last, date_of_birth=date_of_birth
        )
        condition |= Q(pk__in=namesakes_query.values("client_id"))
    if not condition:
        return []
    rows = Client.objects.for_agency(agency).filter(condition)
    if first and last and date_of_birth:
        # Which of them matched on the name: one more column, not one query per client.
        rows = rows.annotate(
            namesake=Exists(
                _lead_travellers(agency).filter(
                    client_id=OuterRef("pk"),
                    first_key=first,
                    last_key=last,
                    date_of_birth=date_of_birth,
                )
            )
        )
    if exclude_id is not None:
        rows = rows.exclude(pk=exclude_id)
    matches = []
    for client in rows.order_by("created_at", "id")[:MAX_MATCHES]:
        matched_on = []
        if email and client.email.lower() == email.lower():
            matched_on.append("email")
        if key and client.phone_e164 == key:
            matched_on.append("phone")
        if getattr(client, "namesake", False):
            matched_on.append("name_and_birth_date")
        matches.append(ClientMatch(client=client, matched_on=matched_on))
    return matches


@dataclass
class DuplicatePair:
    """Two live clients that look like one person: ``first`` is the older (the suggested
    survivor of a merge)."""

    first: Client
    second: Client
    matched_on: list[str] = field(default_factory=list)

    @property
    def matched_label(self) -> str:
        return reasons_label(self.matched_on)


def duplicate_pairs(*, agency: Agency, limit: int = MAX_PAIRS) -> list[DuplicatePair]:
    """Likely duplicates among the agency's live clients: the same email (any case), the
    same phone (E.164), or lead travellers with the same first and last name (any case) and
    date of birth. Each group pairs its oldest client with each of the others; five queries
    whatever the number of clients."""
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
    leads = _lead_travellers(agency).filter(client__archived_at__isnull=True)
    people = list(
        leads.values("first_key", "last_key", "date_of_birth")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
        .values_list("first_key", "last_key", "date_of_birth")
        .order_by("date_of_birth", "last_key", "first_key")[:limit]
    )
    groups: dict[tuple[str, object], list[Client]] = {}
    if emails or phones:
        rows = list(
            live.annotate(email_key=Lower("email"))
            .filter(Q(email_key__in=emails) | Q(phone_e164__in=phones))
            .order_by("created_at", "id")
        )
        for client in rows:
            key = getattr(client, "email_key", "")
            if key in emails:
                groups.setdefault(("email", key), []).append(client)
            if client.phone_e164 in phones:
                groups.setdefault(("phone", client.phone_e164), []).append(client)
    if people:
        same_person = reduce(
            or_,
            (Q(first_key=f, last_key=last, date_of_birth=born) for f, last, born in people),
        )
        for traveller in (
            leads.filter(same_person)
            .select_related("client")
            .order_by("client__created_at", "client_id")
        ):
            person = (traveller.first_key, traveller.last_key, traveller.date_of_birth)
            groups.setdefault(("name_and_birth_date", person), []).append(traveller.client)
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
