"""Serializers: explicit fields, separate input and output where they differ.

Output serializers declare their fields for the OpenAPI schema and for review; rendering a row
does not go through DRF's per-field machinery. ``OutputSerializer`` compiles the declared
fields once per class into plain ``(name, attribute, converter)`` steps (timestamps as
``2026-06-01T10:22:00+00:00``, money as ``"1250.00"``, dates as ``YYYY-MM-DD``), which keeps a
page of 100 rows cheap. Relations are ``<name>_id`` integers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from decimal import Decimal
from operator import attrgetter
from typing import Any, ClassVar

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts.models import ActivityAction, ActivityChannel, Role
from core.money import MONEY
from crm.models import (
    PHONE_MAX_LENGTH,
    BookingStatus,
    ClientSource,
    ClientStatus,
    ItemKind,
    ItineraryStatus,
    ProposalStatus,
)

CENT = Decimal("0.01")
Converter = Callable[[Any], Any]
Step = tuple[str, Callable[[Any], Any], Converter | None]


def timestamp(value: dt.datetime | None) -> str | None:
    """ISO 8601 in UTC with an explicit offset and whole seconds."""
    if value is None:
        return None
    return value.astimezone(dt.UTC).replace(microsecond=0).isoformat()


def iso_date(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def iso_time(value: dt.time | None) -> str | None:
    return None if value is None else value.replace(microsecond=0).isoformat()


def money(value: Decimal | None) -> str | None:
    if value is None:
        return None
    return str(Decimal(value).quantize(CENT))


class OutputSerializer(serializers.Serializer):
    """Read-only serializer whose ``to_representation`` runs a precompiled plan."""

    _plans: ClassVar[dict[type, list[Step]]] = {}

    @classmethod
    def plan(cls) -> list[Step]:
        steps = OutputSerializer._plans.get(cls)
        if steps is None:
            steps = OutputSerializer._plans[cls] = [
                (name, attrgetter(field.source), _converter(field))
                for name, field in cls().fields.items()
            ]
        return steps

    @classmethod
    def sources(cls) -> tuple[str, ...]:
        """The attributes (dotted paths included) that rendering reads."""
        return tuple(field.source for field in cls().fields.values())

    @classmethod
    def represent(cls, instance: Any) -> dict[str, Any]:
        return {
            name: (convert(value) if convert is not None and value is not None else value)
            for name, get, convert in cls.plan()
            for value in (get(instance),)
        }

    @classmethod
    def represent_many(cls, instances: Iterable[Any]) -> list[dict[str, Any]]:
        steps = cls.plan()
        return [
            {
                name: (convert(value) if convert is not None and value is not None else value)
                for name, get, convert in steps
                for value in (get(instance),)
            }
            for instance in instances
        ]

    def to_representation(self, instance: Any) -> dict[str, Any]:
        return self.represent(instance)


def _converter(field: serializers.Field) -> Converter | None:
    if isinstance(field, serializers.ListSerializer) and isinstance(field.child, OutputSerializer):
        child = type(field.child)
        return lambda manager: child.represent_many(manager.all())
    if isinstance(field, OutputSerializer):
        return type(field).represent
    if isinstance(field, serializers.DateTimeField):
        return timestamp
    if isinstance(field, serializers.DateField):
        return iso_date
    if isinstance(field, serializers.TimeField):
        return iso_time
    if isinstance(field, serializers.DecimalField):
        return money
    if isinstance(field, serializers.ListField | serializers.DictField):
        return list if isinstance(field, serializers.ListField) else dict
    if isinstance(
        field,
        serializers.CharField
        | serializers.IntegerField
        | serializers.BooleanField
        | serializers.ChoiceField,
    ):
        return None
    raise TypeError(f"OutputSerializer cannot render {type(field).__name__} fields.")


@extend_schema_field(
    {
        "type": "string",
        "pattern": r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$",
        "example": "08:40:00",
    }
)
class LocalTimeField(serializers.TimeField):
    """A wall-clock time at the item's location (``HH:MM[:SS]``), with no UTC offset.

    OpenAPI's ``format: time`` means an RFC 3339 time *with* an offset, which these are not.
    """


def Money(**kwargs: Any) -> serializers.DecimalField:
    return serializers.DecimalField(**MONEY, **kwargs)


def Text(**kwargs: Any) -> serializers.CharField:
    return serializers.CharField(allow_blank=True, **kwargs)


def Id(**kwargs: Any) -> serializers.IntegerField:
    return serializers.IntegerField(**kwargs)


# Errors and metadata (documentation of the bodies api.exceptions and api.pagination produce) --


class ErrorSerializer(serializers.Serializer):
    """Every error body."""

    message = serializers.CharField(help_text="What went wrong, for a human.")


class ValidationErrorSerializer(ErrorSerializer):
    """A 422 body: the message and the errors of each field."""

    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text='Field name to messages, e.g. {"name": ["This field is required."]}; nested '
        'fields read "days[0].items[1].title".',
    )


# /me ----------------------------------------------------------------------------------------


class MeUserSerializer(OutputSerializer):
    """The user the token acts as."""

    id = Id()
    username = serializers.CharField()
    name = Text()
    email = serializers.CharField()
    role = serializers.ChoiceField(choices=Role.choices)


class MeAgencySerializer(OutputSerializer):
    """The agency (tenant) every request is scoped to."""

    id = Id()
    name = serializers.CharField()
    slug = serializers.CharField()
    default_currency = serializers.CharField()
    timezone = serializers.CharField()


class MeCountsSerializer(serializers.Serializer):
    """How many records your agency holds."""

    clients = serializers.IntegerField()
    itineraries = serializers.IntegerField()
    proposals = serializers.IntegerField()
    bookings = serializers.IntegerField()


class MeSerializer(serializers.Serializer):
    """Your account summary and record counts."""

    user = MeUserSerializer()
    agency = MeAgencySerializer()
    counts = MeCountsSerializer()


# Clients ------------------------------------------------------------------------------------


class ClientSerializer(OutputSerializer):
    """A client or lead."""

    id = Id()
    name = serializers.CharField()
    email = Text()
    phone = Text()
    company = Text()
    city = Text()
    country = Text()
    nationality = Text()
    notes = Text()
    tags = serializers.ListField(child=serializers.CharField())
    status = serializers.ChoiceField(choices=ClientStatus.choices)
    source = serializers.ChoiceField(choices=ClientSource.choices)
    assigned_to_id = Id(allow_null=True)
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class ClientInputSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    email = serializers.EmailField(
        max_length=254, required=False, allow_blank=True, allow_null=True
    )
    phone = Text(
        max_length=PHONE_MAX_LENGTH, required=False, allow_null=True, help_text="Stored as given."
    )
    company = Text(max_length=200, required=False, allow_null=True)
    city = Text(max_length=100, required=False, allow_null=True)
    country = Text(max_length=100, required=False, allow_null=True)
    nationality = Text(max_length=100, required=False, allow_null=True)
    notes = Text(required=False, allow_null=True)
    tags = serializers.ListField(
        child=serializers.CharField(max_length=50, allow_blank=True),
        required=False,
        allow_null=True,
        max_length=30,
    )
    status = serializers.ChoiceField(
        choices=ClientStatus.choices, required=False, help_text="Defaults to `lead` on create."
    )
    assigned_to_id = Id(required=False, allow_null=True, help_text="A user of your agency.")


# Itineraries --------------------------------------------------------------------------------


class ItineraryItemSerializer(OutputSerializer):
    """One item of a day, in order (`position` from 0)."""

    id = Id()
    position = Id()
    kind = serializers.ChoiceField(choices=ItemKind.choices)
    title = serializers.CharField()
    start_time = LocalTimeField(allow_null=True)
    end_time = LocalTimeField(allow_null=True)
    location = Text()
    supplier = Text()
    reference = Text()
    notes = Text()


class ItineraryDaySerializer(OutputSerializer):
    """One day of the plan, with its items in order."""

    id = Id()
    day_number = Id()
    date = serializers.DateField(allow_null=True)
    title = Text()
    description = Text()
    location = Text()
    items = ItineraryItemSerializer(many=True)


class ItinerarySerializer(OutputSerializer):
    """An itinerary (lists omit the day-by-day plan)."""

    id = Id()
    client_id = Id()
    title = serializers.CharField()
    status = serializers.ChoiceField(choices=ItineraryStatus.choices)
    start_date = serializers.DateField(allow_null=True)
    end_date = serializers.DateField(allow_null=True)
    travellers = Id()
    notes = Text()
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class ItineraryDetailSerializer(ItinerarySerializer):
    """An itinerary with its days in order, each with its items in order."""

    days = ItineraryDaySerializer(many=True)


class ItineraryItemInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=ItemKind.choices, required=False)
    title = serializers.CharField(max_length=200)
    start_time = LocalTimeField(required=False, allow_null=True)
    end_time = LocalTimeField(required=False, allow_null=True)
    location = Text(max_length=200, required=False, allow_null=True)
    supplier = Text(max_length=200, required=False, allow_null=True)
    reference = Text(max_length=100, required=False, allow_null=True)
    notes = Text(required=False, allow_null=True)


class ItineraryDayInputSerializer(serializers.Serializer):
    day_number = serializers.IntegerField(
        min_value=1, max_value=366, required=False, help_text="Defaults to the day's position."
    )
    date = serializers.DateField(required=False, allow_null=True)
    title = Text(max_length=200, required=False, allow_null=True)
    description = Text(required=False, allow_null=True)
    location = Text(max_length=200, required=False, allow_null=True)
    items = ItineraryItemInputSerializer(many=True, required=False, max_length=50)


class ItineraryInputSerializer(serializers.Serializer):
    client_id = Id()
    title = serializers.CharField(max_length=200)
    status = serializers.ChoiceField(choices=ItineraryStatus.choices, required=False)
    start_date = serializers.DateField(required=False, allow_null=True)
    end_date = serializers.DateField(required=False, allow_null=True)
    travellers = serializers.IntegerField(min_value=1, max_value=32767, required=False)
    notes = Text(required=False, allow_null=True)
    days = ItineraryDayInputSerializer(
        many=True,
        required=False,
        max_length=366,
        help_text="The whole day-by-day plan, in order; when given it replaces the current one.",
    )


# Proposals ----------------------------------------------------------------------------------


class ProposalSerializer(OutputSerializer):
    """A priced proposal sent to a client, optionally for an itinerary."""

    id = Id()
    client_id = Id()
    itinerary_id = Id(allow_null=True)
    title = serializers.CharField()
    status = serializers.ChoiceField(choices=ProposalStatus.choices)
    currency = serializers.CharField()
    total_price = Money()
    valid_until = serializers.DateField(allow_null=True)
    message = Text()
    sent_at = serializers.DateTimeField(allow_null=True)
    viewed_at = serializers.DateTimeField(allow_null=True)
    responded_at = serializers.DateTimeField(allow_null=True)
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class ProposalInputSerializer(serializers.Serializer):
    client_id = Id(required=False, help_text="Required unless itinerary_id is given.")
    itinerary_id = Id(required=False, allow_null=True)
    title = serializers.CharField(max_length=200)
    status = serializers.ChoiceField(choices=ProposalStatus.choices, required=False)
    currency = serializers.CharField(
        min_length=3, max_length=3, required=False, help_text="ISO 4217; the agency's by default."
    )
    total_price = Money(min_value=Decimal("0"), required=False)
    valid_until = serializers.DateField(required=False, allow_null=True)
    message = Text(required=False, allow_null=True)


# Bookings -----------------------------------------------------------------------------------


class PaymentSerializer(OutputSerializer):
    """Money received against a booking."""

    id = Id()
    amount = Money()
    currency = serializers.CharField()
    paid_on = serializers.DateField()
    method = Text()
    reference = Text()
    notes = Text()
    created_at = serializers.DateTimeField()


class BookingSerializer(OutputSerializer):
    """A booking; `balance_due` is `total_price - amount_paid`."""

    id = Id()
    client_id = Id()
    proposal_id = Id(allow_null=True)
    itinerary_id = Id(allow_null=True)
    reference = serializers.CharField()
    status = serializers.ChoiceField(choices=BookingStatus.choices)
    start_date = serializers.DateField(allow_null=True)
    end_date = serializers.DateField(allow_null=True)
    currency = serializers.CharField()
    total_price = Money()
    amount_paid = Money()
    balance_due = Money(help_text="total_price - amount_paid")
    supplier = Text()
    notes = Text()
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class BookingDetailSerializer(BookingSerializer):
    """A booking with the payments recorded against it."""

    payments = PaymentSerializer(many=True)


class BookingInputSerializer(serializers.Serializer):
    client_id = Id()
    proposal_id = Id(required=False, allow_null=True)
    itinerary_id = Id(required=False, allow_null=True)
    reference = Text(
        max_length=40, required=False, help_text="Unique in your agency; generated when omitted."
    )
    status = serializers.ChoiceField(choices=BookingStatus.choices, required=False)
    start_date = serializers.DateField(required=False, allow_null=True)
    end_date = serializers.DateField(required=False, allow_null=True)
    currency = serializers.CharField(min_length=3, max_length=3, required=False)
    total_price = Money(min_value=Decimal("0"), required=False)
    amount_paid = Money(min_value=Decimal("0"), required=False)
    supplier = Text(max_length=200, required=False, allow_null=True)
    notes = Text(required=False, allow_null=True)


# Activity ---------------------------------------------------------------------------------


class ActivitySerializer(OutputSerializer):
    """One entry of a record's history: who, when, through which channel, what changed."""

    id = Id()
    action = serializers.ChoiceField(choices=ActivityAction.choices)
    channel = serializers.ChoiceField(choices=ActivityChannel.choices)
    object_type = serializers.CharField(help_text="client, itinerary, proposal, booking, payment")
    object_id = Id(allow_null=True)
    object_repr = Text()
    actor_id = Id(allow_null=True)
    actor_name = Text(help_text="The agent's name at the time; empty for the system.")
    changes = serializers.DictField(
        help_text="Field name → [old value, new value]; empty for deletions."
    )
    created_at = serializers.DateTimeField()
