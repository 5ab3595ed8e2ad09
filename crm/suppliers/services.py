"""Writes of suppliers and their contacts; archive, restore and a delete that refuses a
supplier still in use.

Other domains (itinerary items, bookings, booked services) point at suppliers; they name one by
id, or by name through :func:`supplier_for_name`, which finds the agency's supplier of that name
(ignoring case) and creates it when there is none, so free text typed by an agent or an
integration always lands on a record.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from accounts.events import named_event
from accounts.models import Agency, User
from accounts.quotas import agency_quota_check
from core.errors import Conflict
from core.money import normalise_currency_field
from core.validation import blank_text, save_validated, unknown_fields
from crm.clients.archive import record_archive, record_restore
from crm.suppliers.models import Supplier, SupplierContact, SupplierType

SUPPLIER_FIELDS = (
    "name",
    "type",
    "email",
    "phone",
    "website",
    "currency",
    "default_commission_rate",
    "payment_terms",
    "notes",
)
TEXT_FIELDS = ("name", "email", "phone", "website", "currency", "payment_terms", "notes")
CONTACT_FIELDS = ("name", "role", "email", "phone")
MAX_CONTACTS = 20
NAME_TAKEN = "Your agency already has a supplier called “{name}”."
IN_USE = (
    "This supplier is used by {uses}; it cannot be deleted. Archive it instead: it leaves the "
    "lists and pickers, and everything that names it keeps it."
)


class _NotGiven:
    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Any = _NotGiven()


class SupplierInUse(Exception):
    """A hard delete of a supplier that bookings, services, itinerary or library items still
    name."""

    def __init__(self, message: str, usage: Mapping[str, int]) -> None:
        super().__init__(message)
        self.usage = dict(usage)


def _rate(value: Any) -> Decimal:
    try:
        rate = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise ValidationError(
            {"default_commission_rate": ["Enter a percentage, e.g. 10.00."]}
        ) from None
    if not rate.is_finite() or not Decimal("0") <= rate <= Decimal("100"):
        raise ValidationError(
            {"default_commission_rate": ["A commission rate is between 0 and 100 percent."]}
        )
    if rate != rate.quantize(Decimal("0.01")):
        raise ValidationError(
            {"default_commission_rate": ["A commission rate has at most 2 decimal places."]}
        )
    return rate


def _supplier_apply(supplier: Supplier, fields: Mapping[str, Any]) -> None:
    given = {k: v for k, v in fields.items() if v is not NOT_GIVEN}
    unknown_fields(given, SUPPLIER_FIELDS)
    given = blank_text(given, TEXT_FIELDS)
    if given.get("currency"):
        normalise_currency_field(given)
    if "default_commission_rate" in given:
        rate = given["default_commission_rate"]
        given["default_commission_rate"] = _rate("0" if rate is None else rate)
    if "type" in given and given["type"] in (None, ""):
        given["type"] = SupplierType.OTHER
    for name, value in given.items():
        setattr(supplier, name, value)


def _check_name(supplier: Supplier) -> None:
    taken = (
        Supplier.objects.for_agency(supplier.agency_id)
        .filter(name__iexact=supplier.name)
        .exclude(pk=supplier.pk)
        .exists()
    )
    if taken:
        raise Conflict({"name": [NAME_TAKEN.format(name=supplier.name)]})


def _save_supplier(supplier: Supplier) -> None:
    _check_name(supplier)
    try:
        save_validated(supplier, conflict_field="name")
    except ValidationError as exc:
        # Two requests creating the same name at once: the constraint decides; same message.
        if exc.message_dict.get("name") == ["This conflicts with an existing record."]:
            raise Conflict({"name": [NAME_TAKEN.format(name=supplier.name)]}) from None
        raise


def _replace_contacts(supplier: Supplier, contacts: Sequence[Mapping[str, Any]]) -> int:
    if not isinstance(contacts, list | tuple):
        raise ValidationError({"contacts": ["Expected a list of contacts."]})
    if len(contacts) > MAX_CONTACTS:
        raise ValidationError({"contacts": [f"A supplier has at most {MAX_CONTACTS} contacts."]})
    errors: dict[str, list[str]] = {}
    rows: list[SupplierContact] = []
    for index, data in enumerate(contacts):
        prefix = f"contacts[{index}]"
        if not isinstance(data, Mapping):
            errors[prefix] = ["Expected an object."]
            continue
        unknown = sorted(set(data) - set(CONTACT_FIELDS))
        for name in unknown:
            errors[f"{prefix}.{name}"] = ["Unknown field."]
        if unknown:
            continue
        contact = SupplierContact(
            supplier=supplier, position=index, **blank_text(data, CONTACT_FIELDS)
        )
        try:
            contact.full_clean(exclude=["supplier"])
        except ValidationError as exc:
            for name, messages in exc.message_dict.items():
                errors[f"{prefix}.{name}"] = messages
            continue
        rows.append(contact)
    if errors:
        raise ValidationError(errors)
    supplier.contacts.all().delete()
    SupplierContact.objects.bulk_create(rows)
    return len(rows)


@transaction.atomic
def supplier_create(
    *,
    agency: Agency,
    created_by: User | None = None,
    name: str,
    type: str = SupplierType.OTHER,
    email: str | None = "",
    phone: str | None = "",
    website: str | None = "",
    currency: str | None = "",
    default_commission_rate: Decimal | str | None = Decimal("0.00"),
    payment_terms: str | None = "",
    notes: str | None = "",
    contacts: Sequence[Mapping[str, Any]] | None = None,
) -> Supplier:
    """Add a supplier to the agency's directory; its name is unique in the agency, ignoring
    case. ``contacts`` (name, role, email, phone each) are its people, in order."""
    fields = {key: given for key, given in locals().items() if key in SUPPLIER_FIELDS}
    agency_quota_check("suppliers", agency_id=agency.pk, rows=Supplier.objects.for_agency(agency))
    supplier = Supplier(agency=agency, created_by=created_by)
    _supplier_apply(supplier, fields)
    data = {"contacts": len(contacts or ())}
    with named_event("supplier.created", subject=supplier, data=data):
        _save_supplier(supplier)
    if contacts:
        _replace_contacts(supplier, contacts)
    return supplier


@transaction.atomic
def supplier_update(
    *,
    supplier: Supplier,
    name: str = NOT_GIVEN,
    type: str = NOT_GIVEN,
    email: str | None = NOT_GIVEN,
    phone: str | None = NOT_GIVEN,
    website: str | None = NOT_GIVEN,
    currency: str | None = NOT_GIVEN,
    default_commission_rate: Decimal | str | None = NOT_GIVEN,
    payment_terms: str | None = NOT_GIVEN,
    notes: str | None = NOT_GIVEN,
    contacts: Sequence[Mapping[str, Any]] | None = NOT_GIVEN,
) -> Supplier:
    """Change the given fields (a parameter left out keeps its value); ``contacts``, when
    given, replaces the supplier's whole list of people."""
    fields = {key: given for key, given in locals().items() if key in SUPPLIER_FIELDS}
    _supplier_apply(supplier, fields)
    data: dict[str, Any] = {}
    if contacts is not NOT_GIVEN:
        data["contacts"] = len(contacts or ())
    with named_event("supplier.updated", subject=supplier, data=data):
        _save_supplier(supplier)
    if contacts is not NOT_GIVEN:
        _replace_contacts(supplier, contacts or ())
    return supplier


def supplier_usage(*, supplier: Supplier) -> dict[str, int]:
    """What names the supplier, by kind (read through the reverse relations, so this floor
    imports none of the domains above it)."""
    return {
        "bookings": supplier.bookings.count(),
        "booking_services": supplier.booking_services.count(),
        "itinerary_items": supplier.itinerary_items.count(),
        "library_items": supplier.library_items.count(),
    }


def _describe(usage: Mapping[str, int]) -> str:
    words = {
        "bookings": ("booking", "bookings"),
        "booking_services": ("booked service", "booked services"),
        "itinerary_items": ("itinerary item", "itinerary items"),
        "library_items": ("library item", "library items"),
    }
    parts = [
        f"{count} {words[key][0] if count == 1 else words[key][1]}"
        for key, count in usage.items()
        if count
    ]
    return ", ".join(parts)


@transaction.atomic
def supplier_delete(*, supplier: Supplier, actor: User | None = None) -> None:
    """Delete a supplier nothing names; one in use is refused (:class:`SupplierInUse`)."""
    usage = supplier_usage(supplier=supplier)
    if any(usage.values()):
        raise SupplierInUse(IN_USE.format(uses=_describe(usage)), usage)
    with named_event("supplier.deleted", subject=supplier):
        supplier.delete()


def supplier_archive(*, supplier: Supplier, actor: User | None) -> Supplier:
    """Take the supplier out of the lists and pickers; what names it keeps it."""
    return record_archive(supplier, actor=actor, event="supplier.archived")


def supplier_restore(*, supplier: Supplier) -> Supplier:
    return record_restore(supplier, event="supplier.restored")


def supplier_for_name(
    *,
    agency: Agency,
    name: str | None,
    created_by: User | None = None,
    field: str = "supplier",
) -> Supplier | None:
    """The agency's supplier called ``name`` (trimmed, ignoring case), created (type "other")
    when there is none; None for an empty name. What the free-text ``supplier`` fields of the
    API and the forms resolve through."""
    name = (name or "").strip()
    if not name:
        return None
    limit = Supplier._meta.get_field("name").max_length or 200
    if len(name) > limit:
        raise ValidationError({field: [f"A supplier name has at most {limit} characters."]})
    found = Supplier.objects.for_agency(agency).filter(name__iexact=name).first()
    if found is not None:
        return found
    try:
        with transaction.atomic():
            return supplier_create(agency=agency, created_by=created_by, name=name)
    except ValidationError as exc:
        if exc.message_dict.get("name") != [NAME_TAKEN.format(name=name)]:
            raise
    except IntegrityError:
        pass
    # Created by a concurrent request between the read and the insert.
    return Supplier.objects.for_agency(agency).filter(name__iexact=name).get()


def supplier_resolve(
    *,
    agency: Agency,
    supplier: Supplier | int | None = NOT_GIVEN,
    name: str | None = NOT_GIVEN,
    created_by: User | None = None,
    field: str = "supplier_id",
) -> Supplier | _NotGiven | None:
    """What a write's ``supplier_id`` / ``supplier`` pair names: the id wins (resolved in the
    agency; another agency's is "no supplier with id"), else the name (see
    :func:`supplier_for_name`); ``NOT_GIVEN`` when neither was given (keep the current one)."""
    if supplier is not NOT_GIVEN:
        if supplier is None:
            return None
        pk = supplier.pk if isinstance(supplier, Supplier) else supplier
        try:
            return Supplier.objects.for_agency(agency).get(pk=pk)
        except (Supplier.DoesNotExist, ValueError, TypeError):
            raise ValidationError({field: [f"No supplier with id {pk}."]}) from None
    if name is not NOT_GIVEN:
        return supplier_for_name(
            agency=agency, name=name, created_by=created_by, field=field.removesuffix("_id")
        )
    return NOT_GIVEN
