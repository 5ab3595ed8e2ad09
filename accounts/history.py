"""The history in words: each event as a sentence from ``accounts.events.EVENTS`` and its diff
as lines a person can read ("Assigned to: — → Amir Haddad", "Status: Lead → Active").

Names behind ids in a diff (``assigned_to_id``, ``itinerary_id``) are looked up for a whole page
at once by :func:`prepare`: one query per kind of record named on the page, never one per row.
Models are found by label through the app registry, so this floor imports no app above it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from django.apps import apps
from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from accounts.audit import AUDITED
from accounts.events import EVENTS
from accounts.models import Activity, ActivityChannel, User

SYSTEM_ACTOR = "Itinera"
MAX_VALUE_LENGTH = 80
# The channels on which the client (not a member of the agency) acts.
CLIENT_CHANNELS = (ActivityChannel.CLIENT_LINK, ActivityChannel.WEB_FORM)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
_TIME = re.compile(r"^(\d{2}:\d{2})(:\d{2}(\.\d+)?)?$")
Names = Mapping[tuple[str, int], str]


# Whose act and which record ------------------------------------------------------------------


def _audited_labels() -> dict[str, str]:
    """Object type (``booking``) → model label, for the models the apps asked to audit."""
    return {label.split(".")[1].lower(): label for label in AUDITED}


def actor_of(activity: Activity) -> str:
    """Who did it: the member (their name at the time), the client on their link or the
    website form (``client_name``, annotated by the selector), or Itinera itself."""
    if activity.actor_name:
        return activity.actor_name
    if activity.channel in CLIENT_CHANNELS:
        return getattr(activity, "client_name", None) or "The client"
    return SYSTEM_ACTOR


def _model_of(activity: Activity) -> type[models.Model] | None:
    label = _audited_labels().get(activity.object_type)
    return apps.get_model(label) if label else None


def _field(model: type[models.Model] | None, name: str) -> models.Field | None:
    if model is None:
        return None
    for field in model._meta.concrete_fields:
        if name in (field.attname, field.name):
            return field
    return None


# The sentence --------------------------------------------------------------------------------


def _target(field: models.ForeignKey) -> type[models.Model]:
    target = field.related_model
    # "self" only until the app registry resolves the relation, long before any request.
    assert not isinstance(target, str)
    return target


def describe(activity: Activity) -> str:
    """The event as a sentence: "Amir Agent recorded a payment of 500.00 EUR"."""
    template = EVENTS.get(activity.event)
    subject = activity.object_repr or activity.object_type.replace("_", " ")
    actor = actor_of(activity)
    words = {key: _say(value) for key, value in (activity.data or {}).items()}
    words.update(actor=actor, subject=subject)
    try:
        sentence = template.format_map(words) if template else ""
    except (KeyError, IndexError, ValueError):
        sentence = ""
    if not sentence:  # an old row, or data it predates: still a sentence, never a crash
        past = activity.get_action_display().lower()
        sentence = f"{actor}: {activity.object_type.replace('_', ' ')} {subject} {past}"
    if activity.channel == ActivityChannel.CLIENT_LINK and not activity.actor_id:
        sentence += " on their link"
    return sentence


# The details ---------------------------------------------------------------------------------


def _event_lines(activity: Activity) -> list[str]:
    data = activity.data or {}
    event = activity.event
    if event == "itinerary.plan_replaced":
        return [
            f"Days: {data.get('days_before', 0)} → {data.get('days_after', 0)}",
            f"Items: {data.get('items_before', 0)} → {data.get('items_after', 0)}",
        ]
    if event == "client.note_added":
        return [_truncate(str(data.get("note", "")))]
    if event == "enquiry.received":
        return ["Matched an existing client" if data.get("matched") else "New lead created"]
    if event == "itinerary.day_removed" and data.get("items"):
        return [f"With its {_count(data['items'], 'item')}"]
    if data.get("key_regenerated"):
        return ["Public key regenerated: the old snippet no longer works"]
    return []


def detail_lines(activity: Activity, names: Names | None = None) -> list[str]:
    """The event's detail: what the event carries, then its diff, one line per field."""
    lines = _event_lines(activity)
    if activity.event == "client.note_added" or not activity.changes:
        return lines
    model = _model_of(activity)
    currency = (activity.data or {}).get("currency") or _after(activity.changes, "currency")
    names = names if names is not None else getattr(activity, "names", {})
    created = activity.action == "create"
    for name, change in activity.changes.items():
        if not isinstance(change, list | tuple) or len(change) != 2:
            lines.append(f"{_label(model, name)}: {_value(model, name, change, currency, names)}")
            continue
        before, after = (_value(model, name, v, currency, names) for v in change)
        lines.append(f"{_label(model, name)}: {after if created else f'{before} → {after}'}")
    return lines


def _after(changes: Mapping[str, Any], name: str) -> Any:
    change = changes.get(name)
    return change[1] if isinstance(change, list | tuple) and len(change) == 2 else None


def _label(model: type[models.Model] | None, name: str) -> str:
    field = _field(model, name)
    label = str(field.verbose_name) if field is not None else name.removesuffix("_id")
    label = label.replace("_", " ")
    return label[:1].upper() + label[1:]


def _value(
    model: type[models.Model] | None, name: str, value: Any, currency: str | None, names: Names
) -> str:
    if value in (None, "", [], {}):
        return "—"
    field = _field(model, name)
    if isinstance(field, models.ForeignKey):
        label = _target(field)._meta.label
        if isinstance(value, bool) or not isinstance(value, int | str) or not str(value).isdigit():
            return _say(value)  # a name recorded in the id's place (a supplier given by name)
        return names.get((label, int(value)), f"#{value}")
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.DecimalField) and currency:
        return f"{value} {currency}"
    return _say(value)


def _say(value: Any) -> str:
    """A stored value as words: dates in full, times to the minute, lists joined."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list | tuple):
        return ", ".join(_say(v) for v in value) if value else "—"
    if isinstance(value, str):
        if _DATE.match(value):
            return _day(dt.date.fromisoformat(value))
        if _DATETIME.match(value) and (moment := parse_datetime(value)) is not None:
            if timezone.is_aware(moment):
                moment = timezone.localtime(moment)
            return f"{_day(moment.date())}, {moment:%H:%M}"
        if time := _TIME.match(value):
            return time.group(1)
        return _truncate(value)
    return str(value)


def _day(date: dt.date) -> str:
    return f"{date.day} {date:%B %Y}"


def _truncate(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_VALUE_LENGTH else f"{text[: MAX_VALUE_LENGTH - 1]}…"


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


# A page at once ------------------------------------------------------------------------------


def resolve_names(activities: Iterable[Activity]) -> dict[tuple[str, int], str]:
    """The names behind every id in these rows' diffs: one query per kind of record named
    (members, clients, itineraries...), scoped to the rows' agencies."""
    wanted: dict[type[models.Model], set[int]] = defaultdict(set)
    agencies: set[int] = set()
    for activity in activities:
        model = _model_of(activity)
        for name, change in (activity.changes or {}).items():
            field = _field(model, name)
            if not isinstance(field, models.ForeignKey) or not isinstance(change, list | tuple):
                continue
            wanted[_target(field)].update(v for v in change if isinstance(v, int))
            if activity.agency_id:
                agencies.add(activity.agency_id)
    names: dict[tuple[str, int], str] = {}
    for model, ids in wanted.items():
        if not ids or not agencies:
            continue
        rows = model._default_manager.filter(pk__in=ids, agency_id__in=agencies)
        label = model._meta.label
        for row in rows:
            names[(label, row.pk)] = row.display_name if isinstance(row, User) else str(row)
    return names


def prepare(activities: Iterable[Activity]) -> list[Activity]:
    """The rows of a page, each given ``summary``, ``details`` and ``names`` (what its ids
    stand for), with the page's names read in a bounded number of queries."""
    rows = list(activities)
    names = resolve_names(rows)
    for row in rows:
        # Attributes for the template only, which no model declares.
        row.__dict__.update(names=names, summary=describe(row), details=detail_lines(row, names))
    return rows
