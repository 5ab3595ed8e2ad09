"""Writes of CRM data: every business rule about creating and changing records lives here.

Services take keyword-only arguments, validate with the model's own rules (``full_clean``),
and raise ``django.core.exceptions.ValidationError`` with a field → messages dict on bad
input, so the API answers 422 and the dashboard shows the messages beside the fields.
A related id (``client_id``...) is always resolved inside the caller's agency.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Sum
from django.utils import timezone

from accounts.models import Agency, User
from crm.models import (
    Booking,
    BookingStatus,
    Client,
    ClientSource,
    ClientStatus,
    Itinerary,
    ItineraryDay,
    ItineraryItem,
    Payment,
    Proposal,
    ProposalStatus,
    new_share_token,
)

M = TypeVar("M", bound=models.Model)

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
ITINERARY_FIELDS = ("client", "title", "status", "start_date", "end_date", "travellers", "notes")
DAY_FIELDS = ("day_number", "date", "title", "description", "location")
ITEM_FIELDS = (
    "kind",
    "title",
    "start_time",
    "end_time",
    "location",
    "supplier",
    "reference",
    "notes",
)
DAY_TEXT_FIELDS = ("title", "description", "location")
ITEM_TEXT_FIELDS = ("location", "supplier", "reference", "notes")
PROPOSAL_FIELDS = (
    "client",
    "itinerary",
    "title",
    "status",
    "currency",
    "total_price",
    "valid_until",
    "message",
)
BOOKING_FIELDS = (
    "client",
    "proposal",
    "itinerary",
    "reference",
    "status",
    "start_date",
    "end_date",
    "currency",
    "total_price",
    "amount_paid",
    "supplier",
    "notes",
)
MAX_TAGS = 30
MAX_TAG_LENGTH = 50
MAX_DAYS = 366
MAX_ITEMS_PER_DAY = 50


# Shared helpers ----------------------------------------------------------------------------


def _unknown_fields(fields: Mapping[str, Any], allowed: Iterable[str]) -> None:
    unknown = sorted(set(fields) - set(allowed))
    if unknown:
        raise ValidationError({name: ["Unknown field."] for name in unknown})


def _blank_text(fields: Mapping[str, Any], names: Iterable[str]) -> dict[str, Any]:
    """A copy of ``fields`` where the given text fields are stripped and null means empty."""
    cleaned = dict(fields)
    for name in names:
        if name in cleaned and cleaned[name] is None:
            cleaned[name] = ""
        elif isinstance(cleaned.get(name), str):
            cleaned[name] = cleaned[name].strip()
    return cleaned


def resolve_related(
    model: type[M], *, agency: Agency, value: M | int | None, field: str
) -> M | None:
    """Return the ``model`` row with this id *in this agency*, or raise a field error.

    A record of another agency answers exactly like a missing one.
    """
    if value is None:
        return None
    pk = value.pk if isinstance(value, models.Model) else value
    try:
        return model.objects.for_agency(agency).get(pk=pk)
    except (model.DoesNotExist, ValueError, TypeError):
        label = model._meta.verbose_name
        raise ValidationError({field: [f"No {label} with id {pk}."]}) from None


def resolve_member(*, agency: Agency, value: User | int | None, field: str) -> User | None:
    if value is None:
        return None
    pk = value.pk if isinstance(value, User) else value
    try:
        return User.objects.get(pk=pk, agency=agency, is_active=True)
    except (User.DoesNotExist, ValueError, TypeError):
        raise ValidationError({field: [f"No agent with id {pk} in this agency."]}) from None


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


def _save(instance: models.Model, *, conflict_field: str = "__all__") -> None:
    """Validate with the model's own rules (lengths, choices), then save.

    Relations are skipped in ``full_clean``: they were already resolved inside the agency by
    ``resolve_related``, and re-checking them would cost a query each. A unique constraint
    the database enforces (a booking reference) is reported on ``conflict_field``.
    """
    relations = [f.name for f in instance._meta.concrete_fields if f.is_relation]
    instance.full_clean(exclude=relations, validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            instance.save()
    except IntegrityError as exc:
        raise ValidationError(
            {conflict_field: ["This conflicts with an existing record."]}
        ) from exc


def _upper_currency(fields: dict[str, Any]) -> None:
    if isinstance(fields.get("currency"), str):
        fields["currency"] = fields["currency"].strip().upper()
        if len(fields["currency"]) != 3 or not fields["currency"].isalpha():
            raise ValidationError({"currency": ["Use a three-letter ISO 4217 code, e.g. EUR."]})


# Clients -----------------------------------------------------------------------------------


def _client_apply(client: Client, fields: Mapping[str, Any]) -> None:
    _unknown_fields(fields, CLIENT_FIELDS)
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
    _save(client)
    return client


def client_update(*, client: Client, **fields: Any) -> Client:
    _client_apply(client, fields)
    _save(client)
    return client


def client_delete(*, client: Client) -> None:
    client.delete()


MAX_NOTE_LENGTH = 5000


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
    client.save(update_fields=["notes", "updated_at"])
    return client


# Itineraries -------------------------------------------------------------------------------


def _itinerary_apply(itinerary: Itinerary, fields: Mapping[str, Any]) -> None:
    _unknown_fields(fields, ITINERARY_FIELDS)
    for name, value in fields.items():
        if name == "client":
            value = resolve_related(Client, agency=itinerary.agency, value=value, field="client_id")
        elif name in ("title", "notes") and value is None:
            value = ""
        setattr(itinerary, name, value)


def _validate_days(days: Any) -> list[Mapping[str, Any]]:
    if not isinstance(days, list | tuple):
        raise ValidationError({"days": ["Expected a list of days."]})
    if len(days) > MAX_DAYS:
        raise ValidationError({"days": [f"At most {MAX_DAYS} days."]})
    return list(days)


def itinerary_replace_days(*, itinerary: Itinerary, days: list[Mapping[str, Any]]) -> None:
    """Replace the whole day-by-day plan. Days are numbered by their order in the list unless
    they carry a ``day_number``; items keep the order they are given in."""
    days = _validate_days(days)
    itinerary.days.all().delete()
    errors: dict[str, list[str]] = {}
    seen: set[int] = set()
    new_days: list[tuple[ItineraryDay, list[Mapping[str, Any]]]] = []
    for index, day_data in enumerate(days):
        if not isinstance(day_data, Mapping):
            raise ValidationError({f"days[{index}]": ["Expected an object."]})
        day_fields = dict(day_data)
        items = day_fields.pop("items", []) or []
        _unknown_fields(
            {f"days[{index}].{k}": v for k, v in day_fields.items()},
            (f"days[{index}].{k}" for k in DAY_FIELDS),
        )
        day_fields.setdefault("day_number", index + 1)
        day_fields = _blank_text(day_fields, DAY_TEXT_FIELDS)
        day = ItineraryDay(itinerary=itinerary, **day_fields)
        try:
            day.full_clean(exclude=["itinerary"], validate_unique=False)
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                errors[f"days[{index}].{field}"] = messages
            continue
        if day.day_number in seen:
            errors[f"days[{index}].day_number"] = [f"Day {day.day_number} appears twice."]
        seen.add(day.day_number)
        if not isinstance(items, list | tuple):
            errors[f"days[{index}].items"] = ["Expected a list of items."]
            continue
        if len(items) > MAX_ITEMS_PER_DAY:
            errors[f"days[{index}].items"] = [f"At most {MAX_ITEMS_PER_DAY} items a day."]
            continue
        new_days.append((day, items))
    if errors:
        raise ValidationError(errors)

    ItineraryDay.objects.bulk_create([day for day, _ in new_days])
    new_items: list[ItineraryItem] = []
    for day_index, (day, items) in enumerate(new_days):
        for position, item_data in enumerate(items):
            prefix = f"days[{day_index}].items[{position}]"
            if not isinstance(item_data, Mapping):
                errors[prefix] = ["Expected an object."]
                continue
            item_fields = dict(item_data)
            item_fields.pop("position", None)
            unknown = sorted(set(item_fields) - set(ITEM_FIELDS))
            if unknown:
                for name in unknown:
                    errors[f"{prefix}.{name}"] = ["Unknown field."]
                continue
            item_fields = _blank_text(item_fields, ITEM_TEXT_FIELDS)
            item = ItineraryItem(day=day, position=position, **item_fields)
            try:
                item.full_clean(exclude=["day"])
            except ValidationError as exc:
                for field, messages in exc.message_dict.items():
                    errors[f"{prefix}.{field}"] = messages
                continue
            new_items.append(item)
    if errors:
        raise ValidationError(errors)
    ItineraryItem.objects.bulk_create(new_items)


@transaction.atomic
def itinerary_create(
    *,
    agency: Agency,
    created_by: User | None = None,
    days: list[Mapping[str, Any]] | None = None,
    **fields: Any,
) -> Itinerary:
    if "client" not in fields:
        raise ValidationError({"client_id": ["This field is required."]})
    itinerary = Itinerary(agency=agency, created_by=created_by)
    _itinerary_apply(itinerary, fields)
    _save(itinerary)
    if days:
        itinerary_replace_days(itinerary=itinerary, days=days)
    return itinerary


@transaction.atomic
def itinerary_update(
    *, itinerary: Itinerary, days: list[Mapping[str, Any]] | None = None, **fields: Any
) -> Itinerary:
    """Update fields; ``days`` (when given, even empty) replaces the whole plan."""
    _itinerary_apply(itinerary, fields)
    _save(itinerary)
    if days is not None:
        itinerary_replace_days(itinerary=itinerary, days=days)
    return itinerary


def itinerary_delete(*, itinerary: Itinerary) -> None:
    itinerary.delete()


# Itinerary days and items, one at a time (the dashboard's builder) ---------------------------
# Day numbers and item positions stay contiguous (1..n and 0..n-1) after every change.


def _lock_itinerary(itinerary_id: int) -> None:
    """Serialise plan edits of one itinerary, so two agents reordering at once cannot collide
    on the (itinerary, day_number) unique constraint."""
    Itinerary.objects.select_for_update().filter(pk=itinerary_id).first()


def _day_text_fields(fields: Mapping[str, Any]) -> dict[str, Any]:
    _unknown_fields(fields, ("date", *DAY_TEXT_FIELDS))
    return _blank_text(fields, DAY_TEXT_FIELDS)


@transaction.atomic
def itinerary_day_add(*, itinerary: Itinerary, **fields: Any) -> ItineraryDay:
    """Append a day at the end of the plan."""
    _lock_itinerary(itinerary.pk)
    fields = _day_text_fields(fields)
    count = ItineraryDay.objects.filter(itinerary=itinerary).count()
    if count >= MAX_DAYS:
        raise ValidationError({"__all__": [f"An itinerary has at most {MAX_DAYS} days."]})
    day = ItineraryDay(itinerary=itinerary, day_number=count + 1, **fields)
    day.full_clean(exclude=["itinerary"], validate_unique=False, validate_constraints=False)
    day.save()
    return day


def itinerary_day_update(*, day: ItineraryDay, **fields: Any) -> ItineraryDay:
    for name, value in _day_text_fields(fields).items():
        setattr(day, name, value)
    day.full_clean(exclude=["itinerary"], validate_unique=False, validate_constraints=False)
    day.save()
    return day


def _renumber_days(itinerary_id: int, ordered_ids: list[int]) -> None:
    # Two passes: first out of the way (past MAX_DAYS), then 1..n, so the unique constraint on
    # (itinerary, day_number) holds after every statement on every database.
    days = ItineraryDay.objects.filter(itinerary_id=itinerary_id)
    days.update(day_number=models.F("day_number") + MAX_DAYS + 1)
    for number, day_id in enumerate(ordered_ids, start=1):
        ItineraryDay.objects.filter(pk=day_id).update(day_number=number)


@transaction.atomic
def itinerary_day_move(*, day: ItineraryDay, to: int) -> ItineraryDay:
    """Move a day to 1-based position ``to`` (clamped to the plan), renumbering the others."""
    _lock_itinerary(day.itinerary_id)
    ids = list(
        ItineraryDay.objects.filter(itinerary_id=day.itinerary_id)
        .order_by("day_number", "id")
        .values_list("id", flat=True)
    )
    target = max(1, min(int(to), len(ids)))
    ids.remove(day.pk)
    ids.insert(target - 1, day.pk)
    _renumber_days(day.itinerary_id, ids)
    day.day_number = target
    return day


@transaction.atomic
def itinerary_day_remove(*, day: ItineraryDay) -> None:
    """Delete a day (and its items); the days after it move up by one."""
    _lock_itinerary(day.itinerary_id)
    itinerary_id = day.itinerary_id
    day.delete()
    ids = list(
        ItineraryDay.objects.filter(itinerary_id=itinerary_id)
        .order_by("day_number", "id")
        .values_list("id", flat=True)
    )
    _renumber_days(itinerary_id, ids)


def _item_fields(fields: Mapping[str, Any]) -> dict[str, Any]:
    _unknown_fields(fields, ITEM_FIELDS)
    return _blank_text(fields, ("title", *ITEM_TEXT_FIELDS))


@transaction.atomic
def itinerary_item_add(*, day: ItineraryDay, **fields: Any) -> ItineraryItem:
    """Append an item at the end of a day."""
    _lock_itinerary(day.itinerary_id)
    fields = _item_fields(fields)
    count = ItineraryItem.objects.filter(day=day).count()
    if count >= MAX_ITEMS_PER_DAY:
        raise ValidationError({"__all__": [f"A day has at most {MAX_ITEMS_PER_DAY} items."]})
    item = ItineraryItem(day=day, position=count, **fields)
    item.full_clean(exclude=["day"])
    item.save()
    return item


def itinerary_item_update(*, item: ItineraryItem, **fields: Any) -> ItineraryItem:
    for name, value in _item_fields(fields).items():
        setattr(item, name, value)
    item.full_clean(exclude=["day"])
    item.save()
    return item


def _reposition_items(ordered_ids: list[int]) -> None:
    for position, item_id in enumerate(ordered_ids):
        ItineraryItem.objects.filter(pk=item_id).update(position=position)


@transaction.atomic
def itinerary_item_move(*, item: ItineraryItem, to: int) -> ItineraryItem:
    """Move an item to 1-based position ``to`` within its day (clamped)."""
    _lock_itinerary(item.day.itinerary_id)
    ids = list(
        ItineraryItem.objects.filter(day_id=item.day_id)
        .order_by("position", "id")
        .values_list("id", flat=True)
    )
    target = max(1, min(int(to), len(ids)))
    ids.remove(item.pk)
    ids.insert(target - 1, item.pk)
    _reposition_items(ids)
    item.position = target - 1
    return item


@transaction.atomic
def itinerary_item_remove(*, item: ItineraryItem) -> None:
    _lock_itinerary(item.day.itinerary_id)
    day_id = item.day_id
    item.delete()
    ids = list(
        ItineraryItem.objects.filter(day_id=day_id)
        .order_by("position", "id")
        .values_list("id", flat=True)
    )
    _reposition_items(ids)


# Proposals ---------------------------------------------------------------------------------


def _proposal_apply(proposal: Proposal, fields: Mapping[str, Any]) -> None:
    _unknown_fields(fields, PROPOSAL_FIELDS)
    fields = dict(fields)
    _upper_currency(fields)
    for name, value in fields.items():
        if name == "client":
            value = resolve_related(Client, agency=proposal.agency, value=value, field="client_id")
        elif name == "itinerary":
            value = resolve_related(
                Itinerary, agency=proposal.agency, value=value, field="itinerary_id"
            )
        elif name == "message" and value is None:
            value = ""
        setattr(proposal, name, value)
    linked = proposal.itinerary
    if linked is not None and proposal.client_id and linked.client_id != proposal.client_id:
        raise ValidationError({"itinerary_id": ["This itinerary belongs to another client."]})


def proposal_create(*, agency: Agency, created_by: User | None = None, **fields: Any) -> Proposal:
    fields = dict(fields)
    if "client" not in fields and fields.get("itinerary") is not None:
        itinerary = resolve_related(
            Itinerary, agency=agency, value=fields["itinerary"], field="itinerary_id"
        )
        fields["client"] = itinerary.client_id
    if "client" not in fields:
        raise ValidationError({"client_id": ["This field is required."]})
    proposal = Proposal(agency=agency, created_by=created_by, currency=agency.default_currency)
    _proposal_apply(proposal, fields)
    _stamp_proposal_status(proposal, previous=None)
    _save(proposal)
    return proposal


def proposal_update(*, proposal: Proposal, **fields: Any) -> Proposal:
    previous = proposal.status
    _proposal_apply(proposal, fields)
    _stamp_proposal_status(proposal, previous=previous)
    _save(proposal)
    return proposal


def _stamp_proposal_status(proposal: Proposal, *, previous: str | None) -> None:
    """Keep the sent/viewed/responded timestamps true to the status."""
    if proposal.status == previous:
        return
    now = timezone.now()
    if proposal.status == ProposalStatus.SENT and proposal.sent_at is None:
        proposal.sent_at = now
    elif proposal.status == ProposalStatus.VIEWED and proposal.viewed_at is None:
        proposal.viewed_at = now
        proposal.sent_at = proposal.sent_at or now
    elif proposal.status in (ProposalStatus.ACCEPTED, ProposalStatus.DECLINED):
        proposal.responded_at = now
        proposal.sent_at = proposal.sent_at or now


def proposal_delete(*, proposal: Proposal) -> None:
    proposal.delete()


def proposal_send(*, proposal: Proposal) -> Proposal:
    """Mark as sent and make sure it has a shareable link for the client."""
    if proposal.status in (ProposalStatus.ACCEPTED, ProposalStatus.DECLINED):
        raise ValidationError({"status": ["This proposal has already been answered."]})
    if proposal.share_token is None:
        proposal.share_token = new_share_token()
    if proposal.status in (ProposalStatus.DRAFT, ProposalStatus.EXPIRED):
        proposal.status = ProposalStatus.SENT
        proposal.sent_at = timezone.now()
    proposal.save()
    return proposal


def proposal_share_revoke(*, proposal: Proposal) -> Proposal:
    proposal.share_token = None
    proposal.save(update_fields=["share_token", "updated_at"])
    return proposal


def proposal_mark_viewed(*, proposal: Proposal) -> Proposal:
    if proposal.status == ProposalStatus.SENT:
        proposal.status = ProposalStatus.VIEWED
        proposal.viewed_at = timezone.now()
        proposal.save(update_fields=["status", "viewed_at", "updated_at"])
    return proposal


def proposal_respond(*, proposal: Proposal, accept: bool) -> Proposal:
    """The client's answer through the shared link (or recorded by an agent)."""
    if proposal.status in (ProposalStatus.ACCEPTED, ProposalStatus.DECLINED):
        raise ValidationError({"status": ["This proposal has already been answered."]})
    if proposal.status == ProposalStatus.EXPIRED or (
        proposal.valid_until and proposal.valid_until < timezone.localdate()
    ):
        raise ValidationError({"status": ["This proposal has expired."]})
    proposal.status = ProposalStatus.ACCEPTED if accept else ProposalStatus.DECLINED
    proposal.responded_at = timezone.now()
    proposal.save(update_fields=["status", "responded_at", "updated_at"])
    return proposal


# Bookings ----------------------------------------------------------------------------------

_REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def booking_generate_reference() -> str:
    return "BK-" + "".join(secrets.choice(_REFERENCE_ALPHABET) for _ in range(6))


def _booking_apply(booking: Booking, fields: Mapping[str, Any]) -> None:
    _unknown_fields(fields, BOOKING_FIELDS)
    fields = dict(fields)
    _upper_currency(fields)
    agency = booking.agency
    for name, value in fields.items():
        if name == "client":
            value = resolve_related(Client, agency=agency, value=value, field="client_id")
        elif name == "proposal":
            value = resolve_related(Proposal, agency=agency, value=value, field="proposal_id")
        elif name == "itinerary":
            value = resolve_related(Itinerary, agency=agency, value=value, field="itinerary_id")
        elif name == "reference" and isinstance(value, str):
            value = value.strip()
        elif name in ("supplier", "notes") and value is None:
            value = ""
        setattr(booking, name, value)
    for related in ("proposal", "itinerary"):
        linked = getattr(booking, related)
        if linked is not None and booking.client_id and linked.client_id != booking.client_id:
            raise ValidationError({f"{related}_id": [f"This {related} belongs to another client."]})


def booking_create(*, agency: Agency, created_by: User | None = None, **fields: Any) -> Booking:
    """Create a booking; without a ``reference`` one is generated (``BK-XXXXXX``)."""
    fields = dict(fields)
    if "client" not in fields:
        raise ValidationError({"client_id": ["This field is required."]})
    generated = not fields.get("reference")
    if generated:
        fields.pop("reference", None)
    booking = Booking(agency=agency, created_by=created_by, currency=agency.default_currency)
    _booking_apply(booking, fields)
    for _attempt in range(5):
        if generated:
            booking.reference = booking_generate_reference()
        try:
            _save_booking(booking)
            return booking
        except ValidationError as exc:
            if not (generated and "reference" in exc.message_dict):
                raise
    raise ValidationError({"reference": ["Could not generate a unique reference; try again."]})


def _save_booking(booking: Booking) -> None:
    taken = (
        Booking.objects.for_agency(booking.agency_id)
        .filter(reference__iexact=booking.reference)
        .exclude(pk=booking.pk)
        .exists()
    )
    if taken:
        raise ValidationError({"reference": ["A booking with this reference already exists."]})
    _save(booking, conflict_field="reference")


@transaction.atomic
def booking_create_from_proposal(*, proposal: Proposal, created_by: User | None = None) -> Booking:
    if proposal.status != ProposalStatus.ACCEPTED:
        raise ValidationError({"proposal_id": ["Only an accepted proposal can be booked."]})
    itinerary = proposal.itinerary
    return booking_create(
        agency=proposal.agency,
        created_by=created_by,
        client=proposal.client_id,
        proposal=proposal.pk,
        itinerary=itinerary.pk if itinerary else None,
        start_date=itinerary.start_date if itinerary else None,
        end_date=itinerary.end_date if itinerary else None,
        currency=proposal.currency,
        total_price=proposal.total_price,
        status=BookingStatus.CONFIRMED,
    )


def booking_update(*, booking: Booking, **fields: Any) -> Booking:
    _booking_apply(booking, fields)
    _save_booking(booking)
    return booking


def booking_delete(*, booking: Booking) -> None:
    booking.delete()


@transaction.atomic
def payment_record(
    *,
    booking: Booking,
    amount: Decimal,
    paid_on: date | None = None,
    method: str = "",
    reference: str = "",
    notes: str = "",
    recorded_by: User | None = None,
) -> Payment:
    """Record money received; the booking's ``amount_paid`` becomes the sum of its payments."""
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    payment = Payment(
        agency_id=booking.agency_id,
        booking=booking,
        amount=amount,
        currency=booking.currency,
        paid_on=paid_on or timezone.localdate(),
        method=method or "",
        reference=reference or "",
        notes=notes or "",
        recorded_by=recorded_by,
    )
    _save(payment)
    total = booking.payments.aggregate(total=Sum("amount"))["total"] or Decimal("0")
    booking.amount_paid = total
    booking.save(update_fields=["amount_paid", "updated_at"])
    return payment
