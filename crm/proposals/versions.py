"""Proposal versions: what the client was sent, frozen.

Sending (the lifecycle's move to ``sent``, or "Send to client" of a proposal already out whose
content changed) freezes a :class:`ProposalVersion`: a JSON snapshot of the proposal as the
client sees it and the SHA-256 of its canonical JSON. The live proposal and its itinerary are
the draft of the next version; the client's link always shows the latest version.

The snapshot's shape (``format`` 1)::

    {"format": 1, "title", "client_name", "currency", "total_price" ("8950.00"),
     "valid_until" (ISO date or null), "message",
     "itinerary": null | {"id", "title", "start_date", "end_date", "travellers",
                          "days": [{"id", "day_number", "date", "title", "description",
                                    "location", "items": [{"id", "position", "kind", "title",
                                    "start_time", "end_time", "location", "supplier",
                                    "reference", "notes"}]}]},
     "terms": null | {"version", "text"}}

Days and items are as the API shows them. A proposal with options adds an ``options`` key:
``[{"id", "title", "description", "total" (its required lines' sum), "lines": [{"id",
"description", "quantity", "unit_price", "amount", "optional"}]}]``; a reader treats a missing
key as none (and a version without it hashes as before options existed).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone

from accounts.events import current_context, record_event
from accounts.models import User
from crm.proposals.models import (
    Proposal,
    ProposalLineItem,
    ProposalOption,
    ProposalVersion,
    TermsVersion,
)
from crm.trips.models import ItemKind, Itinerary, ItineraryDay, ItineraryItem

FORMAT = 1


def canonical_json(content: dict[str, Any]) -> bytes:
    """The one byte form a hash is taken of: sorted keys, no spaces, UTF-8."""
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def content_sha256(content: dict[str, Any]) -> str:
    return hashlib.sha256(canonical_json(content)).hexdigest()


def _iso(value: dt.date | dt.time | None) -> str | None:
    return value.isoformat() if value is not None else None


def _item(item: ItineraryItem) -> dict[str, Any]:
    return {
        "id": item.pk,
        "position": item.position,
        "kind": item.kind,
        "title": item.title,
        "start_time": _iso(item.start_time),
        "end_time": _iso(item.end_time),
        "location": item.location,
        # The supplier's name, as the itinerary API shows it.
        "supplier": item.supplier_name,
        "reference": item.reference,
        "notes": item.notes,
    }


def _day(day: ItineraryDay) -> dict[str, Any]:
    return {
        "id": day.pk,
        "day_number": day.day_number,
        "date": _iso(day.date),
        "title": day.title,
        "description": day.description,
        "location": day.location,
        "items": [_item(item) for item in day.items.all()],
    }


def _itinerary(itinerary: Itinerary) -> dict[str, Any]:
    days = (
        ItineraryDay.objects.filter(itinerary_id=itinerary.pk)
        .order_by("day_number", "id")
        .prefetch_related(
            Prefetch("items", queryset=ItineraryItem.objects.select_related("supplier"))
        )
    )
    for day in days:  # items in their order, without a second query per day
        day._prefetched_objects_cache["items"] = sorted(  # type: ignore[attr-defined]
            day.items.all(), key=lambda item: (item.position, item.pk)
        )
    return {
        "id": itinerary.pk,
        "title": itinerary.title,
        "start_date": _iso(itinerary.start_date),
        "end_date": _iso(itinerary.end_date),
        "travellers": itinerary.travellers,
        "days": [_day(day) for day in days],
    }


def _options(proposal: Proposal) -> list[dict[str, Any]]:
    options = (
        ProposalOption.objects.filter(proposal_id=proposal.pk)
        .order_by("position", "id")
        .prefetch_related(
            Prefetch("lines", queryset=ProposalLineItem.objects.order_by("position", "id"))
        )
    )
    shown = []
    for option in options:
        lines = list(option.lines.all())
        total = sum((line.amount for line in lines if not line.optional), Decimal("0.00"))
        shown.append(
            {
                "id": option.pk,
                "title": option.title,
                "description": option.description,
                "total": f"{total:.2f}",
                "lines": [
                    {
                        "id": line.pk,
                        "description": line.description,
                        "quantity": line.quantity,
                        "unit_price": f"{line.unit_price:.2f}",
                        "amount": f"{line.amount:.2f}",
                        "optional": line.optional,
                    }
                    for line in lines
                ],
            }
        )
    return shown


def terms_current(*, agency_id: int) -> TermsVersion | None:
    """The agency's latest published terms, or None when it has published none."""
    return TermsVersion.objects.for_agency(agency_id).order_by("-number").first()


def proposal_content(proposal: Proposal, *, terms: TermsVersion | None) -> dict[str, Any]:
    """The live proposal as a snapshot (see the module's docstring)."""
    itinerary = (
        Itinerary.objects.for_agency(proposal.agency_id).filter(pk=proposal.itinerary_id).first()
        if proposal.itinerary_id
        else None
    )
    content: dict[str, Any] = {
        "format": FORMAT,
        "title": proposal.title,
        "client_name": proposal.client.name,
        "currency": proposal.currency,
        "total_price": f"{proposal.total_price:.2f}",
        "valid_until": _iso(proposal.valid_until),
        "message": proposal.message,
        "itinerary": _itinerary(itinerary) if itinerary else None,
        "terms": {"version": terms.number, "text": terms.text} if terms else None,
    }
    # Only a proposal with options carries the key, so a version frozen before options
    # existed hashes as it did (and re-sending it freezes nothing new).
    options = _options(proposal)
    if options:
        content["options"] = options
    return content


def latest_version(proposal: Proposal) -> ProposalVersion | None:
    return (
        ProposalVersion.objects.for_agency(proposal.agency_id)
        .filter(proposal_id=proposal.pk)
        .order_by("-number")
        .first()
    )


def has_unsent_changes(proposal: Proposal) -> bool:
    """True when the live proposal (the draft) differs from what the client was last sent."""
    latest = latest_version(proposal)
    if latest is None:
        return True
    live = proposal_content(proposal, terms=terms_current(agency_id=proposal.agency_id))
    return content_sha256(live) != latest.content_sha256


@transaction.atomic
def version_freeze(*, proposal: Proposal, sent_by: User | None = None) -> ProposalVersion | None:
    """Freeze the live proposal as its next version, unless it equals the latest one (sending
    again what was already sent freezes nothing): the new version, or None."""
    terms = terms_current(agency_id=proposal.agency_id)
    content = proposal_content(proposal, terms=terms)
    digest = content_sha256(content)
    latest = latest_version(proposal)
    if latest is not None and latest.content_sha256 == digest:
        return None
    actor = sent_by or current_context().resolve_actor()
    version = ProposalVersion.objects.create(
        agency_id=proposal.agency_id,
        proposal=proposal,
        number=(latest.number if latest else 0) + 1,
        content=content,
        content_sha256=digest,
        terms=terms,
        sent_at=timezone.now(),
        sent_by=actor,
    )
    record_event(
        "proposal.version_frozen",
        agency_id=proposal.agency_id,
        subject=proposal,
        client_id=proposal.client_id,
        data={
            "version": version.number,
            "sha256": digest,
            "terms_version": content["terms"] and content["terms"]["version"],
        },
        actor=actor,
    )
    return version


# Reading a snapshot back --------------------------------------------------------------------

KIND_LABELS = dict(ItemKind.choices)


@dataclass
class SnapshotItem:
    """An item of a frozen plan, shaped for the read-only plan templates."""

    pk: int
    kind: str
    title: str
    start_time: dt.time | None
    end_time: dt.time | None
    location: str
    supplier: str
    reference: str
    notes: str

    def get_kind_display(self) -> str:
        return str(KIND_LABELS.get(self.kind, self.kind))


@dataclass
class SnapshotDay:
    pk: int
    day_number: int
    title: str
    description: str
    location: str
    items: list[SnapshotItem] = field(default_factory=list)


def _time(value: str | None) -> dt.time | None:
    return dt.time.fromisoformat(value) if value else None


def parse_date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def snapshot_plan(content: dict[str, Any]) -> list[dict[str, Any]]:
    """The frozen plan in ``plan_outline``'s shape (day, date, items), for the templates."""
    itinerary = content.get("itinerary")
    if not itinerary:
        return []
    start = parse_date(itinerary.get("start_date"))
    plan = []
    for raw in itinerary["days"]:
        day = SnapshotDay(
            pk=raw["id"],
            day_number=raw["day_number"],
            title=raw["title"],
            description=raw["description"],
            location=raw["location"],
        )
        items = [
            SnapshotItem(
                pk=item["id"],
                kind=item["kind"],
                title=item["title"],
                start_time=_time(item["start_time"]),
                end_time=_time(item["end_time"]),
                location=item["location"],
                supplier=item["supplier"],
                reference=item["reference"],
                notes=item["notes"],
            )
            for item in raw["items"]
        ]
        date = parse_date(raw["date"]) or (
            start + dt.timedelta(days=day.day_number - 1) if start else None
        )
        plan.append({"day": day, "date": date, "items": [{"item": item} for item in items]})
    return plan


def snapshot_dates(content: dict[str, Any]) -> tuple[dt.date | None, dt.date | None]:
    itinerary = content.get("itinerary") or {}
    return parse_date(itinerary.get("start_date")), parse_date(itinerary.get("end_date"))


# The diff in words lives in diffs.py; re-exported here for the callers that knew it here.
from crm.proposals.diffs import version_diff  # noqa: E402

__all__ = ["version_diff"]
