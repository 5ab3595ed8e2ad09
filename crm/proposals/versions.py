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

Days and items are as the API shows them. Options and line items (a later part) add an
``options`` key; a reader treats a missing key as none.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone

from accounts.events import current_context, record_event
from accounts.models import User
from crm.proposals.models import Proposal, ProposalVersion, TermsVersion
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
    return {
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


# The diff between two versions, in words ----------------------------------------------------

_PROPOSAL_LABELS = {
    "title": "Title",
    "client_name": "Client",
    "valid_until": "Valid until",
    "message": "Message",
}
_DAY_LABELS = {"date": "date", "title": "title", "description": "description", "location": "place"}
_ITEM_LABELS = {
    "kind": "kind",
    "title": "title",
    "start_time": "start time",
    "end_time": "end time",
    "location": "place",
    "supplier": "supplier",
    "reference": "reference",
    "notes": "notes",
}


def _shown(value: Any) -> str:
    return "(none)" if value in (None, "") else str(value)


def _day_name(day: dict[str, Any]) -> str:
    return f"Day {day['day_number']}" + (f" ({day['title']})" if day["title"] else "")


def version_diff(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """What changed from snapshot ``old`` to ``new``, one sentence per change (days and items
    are matched by id, so a moved item reads as moved, not removed and added)."""
    lines: list[str] = []
    if (old["total_price"], old["currency"]) != (new["total_price"], new["currency"]):
        lines.append(
            f"Price changed from {old['total_price']} {old['currency']} "
            f"to {new['total_price']} {new['currency']}."
        )
    for key, label in _PROPOSAL_LABELS.items():
        if old.get(key) != new.get(key):
            if key == "message":
                lines.append("Message changed.")
            else:
                lines.append(
                    f"{label} changed from {_shown(old.get(key))} to {_shown(new.get(key))}."
                )
    old_terms, new_terms = old.get("terms"), new.get("terms")
    if (old_terms or {}).get("version") != (new_terms or {}).get("version"):
        lines.append(
            f"Terms and conditions changed from "
            f"{'version ' + str(old_terms['version']) if old_terms else 'none'} to "
            f"{'version ' + str(new_terms['version']) if new_terms else 'none'}."
        )
    lines += _plan_diff(old.get("itinerary"), new.get("itinerary"))
    return lines


def _plan_diff(old: dict[str, Any] | None, new: dict[str, Any] | None) -> list[str]:
    if old is None and new is None:
        return []
    if old is None or new is None:
        return ["Itinerary added." if old is None else "Itinerary removed."]
    lines: list[str] = []
    if old["id"] != new["id"]:
        lines.append(f"Itinerary changed from {old['title']} to {new['title']}.")
    for key, label in (("start_date", "Start date"), ("end_date", "End date")):
        if old[key] != new[key]:
            lines.append(f"{label} changed from {_shown(old[key])} to {_shown(new[key])}.")
    if old["travellers"] != new["travellers"]:
        lines.append(f"Travellers changed from {old['travellers']} to {new['travellers']}.")
    old_days = {day["id"]: day for day in old["days"]}
    new_days = {day["id"]: day for day in new["days"]}
    old_items = {item["id"]: (day, item) for day in old["days"] for item in day["items"]}
    new_items = {item["id"]: (day, item) for day in new["days"] for item in day["items"]}
    for day in new["days"]:
        if day["id"] not in old_days:
            lines.append(f"{_day_name(day)} added.")
            continue
        before = old_days[day["id"]]
        if before["day_number"] != day["day_number"]:
            lines.append(f"Day {before['day_number']} is now day {day['day_number']}.")
        for key, label in _DAY_LABELS.items():
            if before[key] != day[key]:
                lines.append(
                    f"{_day_name(day)}: {label} changed from {_shown(before[key])} "
                    f"to {_shown(day[key])}."
                )
    for day in old["days"]:
        if day["id"] not in new_days:
            lines.append(f"{_day_name(day)} removed.")
    for item_id, (day, item) in new_items.items():
        if item_id not in old_items:
            lines.append(f"{_day_name(day)}: {item['title']} added.")
            continue
        old_day, before = old_items[item_id]
        if old_day["id"] != day["id"]:
            lines.append(f"{item['title']} moved from {_day_name(old_day)} to {_day_name(day)}.")
        for key, label in _ITEM_LABELS.items():
            if before[key] != item[key]:
                lines.append(
                    f"{_day_name(day)}: {item['title']}: {label} changed from "
                    f"{_shown(before[key])} to {_shown(item[key])}."
                )
    for item_id, (day, item) in old_items.items():
        if item_id not in new_items and day["id"] in new_days:
            lines.append(f"{_day_name(day)}: {item['title']} removed.")
    return lines
