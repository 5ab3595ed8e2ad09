"""The serializers of a booking's services (``/bookings/{id}/services``) and of its derived
figures; the actions serving them are on ``api/v1/bookings.py``'s viewset."""

from __future__ import annotations

from decimal import Decimal

from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers

from api.serializers import (
    SUPPLIER_BY_NAME,
    Id,
    LocalTimeField,
    Money,
    OutputSerializer,
    Text,
    max_length_of,
)
from crm.bookings.booked_services import SERVICE_TRANSITIONS
from crm.models import BookingService, CommissionSource, ServiceKind, ServiceStatus, Supplier


class BookingServiceSerializer(OutputSerializer):
    """A booked service (a "sector" of the trip). Money is in the booking's currency."""

    id = Id()
    position = Id(help_text="Order on the booking, from 0.")
    kind = serializers.ChoiceField(choices=ServiceKind.choices)
    supplier_id = Id(allow_null=True)
    supplier = Text(source="supplier_name", help_text="The supplier's name; empty for none.")
    description = serializers.CharField()
    start_date = serializers.DateField(allow_null=True)
    end_date = serializers.DateField(allow_null=True)
    start_time = LocalTimeField(allow_null=True)
    end_time = LocalTimeField(allow_null=True)
    confirmation_number = Text()
    status = serializers.ChoiceField(choices=ServiceStatus.choices)
    currency = serializers.CharField()
    cost = Money(help_text="What the service costs the agency.")
    price = Money(help_text="What the client pays for it.")
    commission_expected = Money(help_text="What the supplier owes the agency for it.")
    commission_source = serializers.ChoiceField(
        choices=CommissionSource.choices,
        help_text="`typed`: as given; `supplier_rate`: the supplier's default rate on the price "
        "(follows the price and the supplier).",
    )
    commission_received = Money(
        help_text="The sum of its commission receipts (`/commission-receipts`), voided ones left "
        "out; read-only."
    )
    commission_outstanding = Money(
        help_text="commission_expected - commission_received, never below 0; 0 when cancelled."
    )
    notes = Text()
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class FinancialsSerializer(OutputSerializer):
    """The booking's figures, derived and never typed, in its one currency."""

    currency = serializers.CharField()
    priced_by = serializers.ChoiceField(
        choices=[("services", "services"), ("booking", "booking")],
        help_text="`services`: the total is the sum of the services' prices (cancelled ones "
        "left out); `booking`: no services yet, the booking's own total.",
    )
    services = Id(help_text="Services counted (not cancelled).")
    total_price = Money()
    total_cost = Money()
    margin = Money(help_text="total_price - total_cost")
    commission_expected = Money()
    commission_received = Money(help_text="The commission receipts of its services.")
    commission_outstanding = Money(help_text="commission_expected - commission_received")
    amount_paid = Money(help_text="The sum of the booking's payments.")
    balance_due = Money(help_text="total_price - amount_paid, never below 0.")
    credit_balance = Money(
        help_text="amount_paid - total_price when more was paid than the total (a credit), else 0."
    )


class BookingServiceInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=ServiceKind.choices, required=False)
    supplier_id = Id(
        required=False,
        allow_null=True,
        help_text="A supplier of your agency; wins over `supplier`.",
    )
    supplier = Text(
        max_length=max_length_of(Supplier, "name"),
        required=False,
        allow_null=True,
        help_text=SUPPLIER_BY_NAME,
    )
    description = serializers.CharField(max_length=max_length_of(BookingService, "description"))
    start_date = serializers.DateField(required=False, allow_null=True)
    end_date = serializers.DateField(
        required=False,
        allow_null=True,
        help_text="On or after `start_date` (the one sent, else the stored one); a 422 otherwise.",
    )
    start_time = LocalTimeField(required=False, allow_null=True)
    end_time = LocalTimeField(required=False, allow_null=True)
    confirmation_number = Text(
        max_length=max_length_of(BookingService, "confirmation_number"),
        required=False,
        allow_null=True,
    )
    status = serializers.ChoiceField(
        choices=ServiceStatus.choices,
        required=False,
        help_text=f"A new service is `requested` (default) or `confirmed`. "
        f"{SERVICE_TRANSITIONS.describe()} Cancel instead of deleting a service that was "
        "booked: it stays on the booking, out of its totals.",
    )
    currency = serializers.CharField(
        min_length=3,
        max_length=3,
        required=False,
        help_text="Must be the booking's currency (the default): one booking, one currency. A "
        "service in another currency is a 422; convert its amounts first.",
    )
    cost = Money(min_value=Decimal("0"), required=False, allow_null=True)
    price = Money(min_value=Decimal("0"), required=False, allow_null=True)
    commission_expected = Money(
        min_value=Decimal("0"),
        required=False,
        allow_null=True,
        help_text="Typed, it is kept as given. Omitted on create (or null) it is the supplier's "
        "default commission rate on the price, and follows the price and the supplier.",
    )
    notes = Text(required=False, allow_null=True)


class BookingServiceCreateSerializer(BookingServiceInputSerializer):
    """A new service: ``requested`` or ``confirmed`` (a service is cancelled once it exists)."""

    status = serializers.ChoiceField(
        choices=[(value, label) for value, label in ServiceStatus.choices if value != "cancelled"],
        required=False,
        help_text="`requested` (default) or `confirmed`.",
    )


SERVICE_ID = OpenApiParameter(
    "service_id", int, OpenApiParameter.PATH, description="The service's id."
)
