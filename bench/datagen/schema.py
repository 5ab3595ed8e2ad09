"""The tables the bench loads and the order of the values in each row the generator yields
(``bench.datagen.generator``) and the loader writes (``bench.datagen.loader``)."""

from __future__ import annotations

from crm.models import (
    Booking,
    BookingService,
    Client,
    Itinerary,
    ItineraryDay,
    ItineraryItem,
    Payment,
    PaymentInstalment,
    Proposal,
    Supplier,
)

# In the order they are loaded: each row's foreign keys point at rows loaded before it.
LOADED_MODELS = (
    Client, Itinerary, ItineraryDay, ItineraryItem, Supplier, Proposal, Booking, BookingService,
    PaymentInstalment, Payment,
)  # fmt: skip

CLIENT_COLUMNS = (
    "id", "agency_id", "name", "email", "phone", "company", "city", "country", "nationality",
    "notes", "tags", "status", "source", "source_details", "assigned_to_id", "created_by_id",
    "created_at", "updated_at",
)  # fmt: skip
ITINERARY_COLUMNS = (
    "id", "agency_id", "client_id", "title", "status", "start_date", "end_date", "travellers",
    "notes", "created_by_id", "created_at", "updated_at",
)  # fmt: skip
DAY_COLUMNS = ("id", "itinerary_id", "day_number", "date", "title", "description", "location")
ITEM_COLUMNS = (
    "id", "day_id", "position", "kind", "title", "start_time", "end_time", "location",
    "supplier_id", "reference", "notes",
)  # fmt: skip
PROPOSAL_COLUMNS = (
    "id", "agency_id", "client_id", "itinerary_id", "title", "status", "currency",
    "total_price", "valid_until", "message", "share_token", "sent_at", "viewed_at",
    "responded_at", "created_by_id", "created_at", "updated_at",
)  # fmt: skip
BOOKING_COLUMNS = (
    "id", "agency_id", "client_id", "proposal_id", "itinerary_id", "reference", "status",
    "start_date", "end_date", "currency", "total_price", "amount_paid", "supplier_id", "notes",
    "created_by_id", "created_at", "updated_at", "total_cost", "commission_expected",
)  # fmt: skip
SUPPLIER_COLUMNS = (
    "id", "agency_id", "created_by_id", "created_at", "updated_at", "archived_at",
    "archived_by_id", "name", "type", "email", "phone", "website", "currency",
    "default_commission_rate", "payment_terms", "notes",
)  # fmt: skip
SERVICE_COLUMNS = (
    "id", "agency_id", "booking_id", "position", "kind", "supplier_id", "description",
    "start_date", "end_date", "start_time", "end_time", "confirmation_number", "status",
    "currency", "cost", "price", "commission_expected", "commission_source",
    "commission_received", "notes", "created_at", "updated_at",
)  # fmt: skip
INSTALMENT_COLUMNS = (
    "id", "agency_id", "booking_id", "position", "label", "due_date", "amount",
    "overdue_recorded_at",
)  # fmt: skip
PAYMENT_COLUMNS = (
    "id", "agency_id", "booking_id", "kind", "amount", "currency", "paid_on", "method",
    "method_detail", "reference", "notes", "is_credit", "recorded_by_id", "voided_at",
    "voided_by_id", "void_reason", "created_at", "updated_at",
)  # fmt: skip
