"""Itinerary templates: an agency's saved plans (``ItineraryTemplate``), saved from an
itinerary and used to start new ones.

Built on the duplicating door (``crm.trips.copies``): a template holds the plan
``itinerary_plan`` reads, without dates; a new itinerary from it is made by ``itinerary_create``
(the agency's quota, the plan's limits and the ``itinerary.created`` / ``plan_replaced`` events
apply as to any new itinerary), its days dated from ``start_date`` by their day number.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from accounts.events import named_event, record_event
from accounts.models import Agency, User
from accounts.tenancy import resolve_related
from core.validation import save_validated, unknown_fields
from crm.clients.models import Client
from crm.suppliers.models import Supplier
from crm.trips.copies import TITLE_MAX_LENGTH, itinerary_plan
from crm.trips.models import Itinerary, ItineraryStatus, ItineraryTemplate
from crm.trips.services import itinerary_create

TEMPLATE_FIELDS = ("name", "description")


def _json_plan(plan: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The plan as JSON can hold it (times as HH:MM:SS)."""
    for day in plan:
        for item in day["items"]:
            for name in ("start_time", "end_time"):
                if isinstance(item[name], dt.time):
                    item[name] = item[name].isoformat()
    return plan


def _apply(template: ItineraryTemplate, fields: dict[str, Any]) -> None:
    unknown_fields(fields, TEMPLATE_FIELDS)
    for name, value in fields.items():
        value = "" if value is None else value
        if name == "name":
            value = str(value).strip()
            if not value:
                raise ValidationError({"name": ["A template needs a name."]})
        setattr(template, name, value)


def _resolve(itinerary: Itinerary | int, agency: Agency) -> Itinerary:
    if isinstance(itinerary, Itinerary) and itinerary.agency_id == agency.pk:
        return itinerary
    found = resolve_related(Itinerary, agency=agency, value=itinerary, field="itinerary_id")
    if found is None:
        raise ValidationError({"itinerary_id": ["This field is required."]})
    return found


@transaction.atomic
def template_from_itinerary(
    *,
    itinerary: Itinerary | int,
    name: str,
    actor: User | None = None,
    agency: Agency | None = None,
    description: str = "",
) -> ItineraryTemplate:
    """Save ``itinerary``'s plan (days and items, no dates, no client, no travellers) as a new
    template of its agency named ``name``. An id is resolved in ``agency`` (another agency's,
    or a client's the viewer may not see, is a field error on ``itinerary_id``)."""
    if not isinstance(itinerary, Itinerary):
        if agency is None:
            raise ValueError("An itinerary id needs the agency it is resolved in.")
        itinerary = _resolve(itinerary, agency)
    template = ItineraryTemplate(agency_id=itinerary.agency_id, created_by=actor)
    _apply(template, {"name": name, "description": description})
    template.days = _json_plan(itinerary_plan(itinerary, by=None))
    with named_event(
        "itinerarytemplate.created", subject=None, data={"itinerary_id": itinerary.pk}
    ):
        save_validated(template)
    return template


def _dated(days: list[dict[str, Any]], start_date: dt.date | None) -> list[dict[str, Any]]:
    plan = []
    for day in days:
        entry = {**day, "items": [dict(item) for item in day.get("items") or []]}
        entry["date"] = (
            start_date + dt.timedelta(days=int(day["day_number"]) - 1)
            if start_date is not None
            else None
        )
        plan.append(entry)
    return plan


def _drop_gone_suppliers(agency_id: int, plan: list[dict[str, Any]]) -> None:
    """A supplier deleted since the template was saved leaves its items without one (the
    template names suppliers by id and holds no row that would keep them)."""
    ids = {
        item["supplier_id"]
        for day in plan
        for item in day["items"]
        if item.get("supplier_id") is not None
    }
    if not ids:
        return
    kept = set(
        Supplier.objects.filter(agency_id=agency_id, pk__in=ids).values_list("pk", flat=True)
    )
    for day in plan:
        for item in day["items"]:
            if item.get("supplier_id") not in kept:
                item["supplier_id"] = None


@transaction.atomic
def itinerary_from_template(
    *,
    template: ItineraryTemplate,
    client: Client | int | None,
    start_date: dt.date | None = None,
    title: str | None = None,
    actor: User | None = None,
) -> Itinerary:
    """A new draft itinerary for ``client`` (one of the template's agency's) with the
    template's plan, day N dated ``start_date`` + N - 1 (undated without a start date),
    titled ``title`` (the template's name by default)."""
    if client is None:
        raise ValidationError({"client_id": ["This field is required."]})
    plan = _dated(list(template.days or []), start_date)
    _drop_gone_suppliers(template.agency_id, plan)
    last = max((int(day["day_number"]) for day in plan), default=1)
    itinerary = itinerary_create(
        agency=template.agency,
        created_by=actor,
        days=plan,
        client=client,
        title=((title or "").strip() or template.name)[:TITLE_MAX_LENGTH],
        status=ItineraryStatus.DRAFT,
        start_date=start_date,
        end_date=start_date + dt.timedelta(days=last - 1) if start_date is not None else None,
    )
    record_event(
        "itinerarytemplate.used",
        agency_id=template.agency_id,
        subject=template,
        client_id=itinerary.client_id,
        data={"itinerary_id": itinerary.pk, "itinerary_title": itinerary.title},
        actor=actor,
    )
    return itinerary


@transaction.atomic
def template_update(
    *,
    template: ItineraryTemplate,
    itinerary: Itinerary | int | None = None,
    agency: Agency | None = None,
    **fields: Any,
) -> ItineraryTemplate:
    """Rename or re-describe a template; ``itinerary`` (resolved in ``agency`` when an id)
    replaces its plan by that itinerary's, undated."""
    _apply(template, fields)
    if itinerary is not None:
        template.days = _json_plan(
            itinerary_plan(_resolve(itinerary, agency or template.agency), by=None)
        )
    save_validated(template)
    return template


def template_delete(*, template: ItineraryTemplate) -> None:
    """Delete a template; itineraries started from it keep their plans."""
    template.delete()
