"""Parts of the ``/proposals`` resource: its options and line items (read and written), the
acceptance, and the JSON schema of a frozen version's content."""

from __future__ import annotations

from decimal import Decimal

from django.http import HttpResponse
from drf_spectacular.utils import OpenApiResponse, extend_schema_field, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response

from api.serializers import Id, Money, OutputSerializer, Text, WholeItems
from core.pdf import pdf_response
from crm.models import ItemKind, RenderedPdf
from crm.proposals.options import MAX_LINES, MAX_OPTIONS, MAX_QUANTITY, MAX_UNIT_PRICE

PDF_RETRY_AFTER = 5
PDF_PENDING = {
    202: OpenApiResponse(
        response=inline_serializer(
            "PdfPending",
            {
                "data": inline_serializer(
                    "PdfPendingData",
                    {"status": serializers.ChoiceField(choices=["pending", "failed"])},
                )
            },
        ),
        description="A long document is being rendered in the background: ask again after "
        "`Retry-After` seconds.",
    )
}


def pdf_or_pending(result: bytes | RenderedPdf, *, filename: str) -> HttpResponse | Response:
    if isinstance(result, bytes):
        return pdf_response(result, filename=filename)
    response = Response({"data": {"status": result.status}}, status=202)
    response["Retry-After"] = str(PDF_RETRY_AFTER)
    return response


class LineItemSerializer(OutputSerializer):
    """A priced line of an option; optional lines are extras the client may tick."""

    id = Id()
    description = serializers.CharField()
    quantity = Id()
    unit_price = Money()
    amount = Money(help_text="quantity x unit_price.")
    optional = serializers.BooleanField()


class OptionSerializer(OutputSerializer):
    """One option of the proposal, with its line items; ``total`` is its required lines' sum."""

    id = Id()
    title = serializers.CharField()
    description = Text()
    total = Money(help_text="The sum of its required lines (extras not included).")
    lines = LineItemSerializer(many=True)


class LineItemInputSerializer(serializers.Serializer):
    description = serializers.CharField(max_length=300)
    quantity = serializers.IntegerField(min_value=1, max_value=MAX_QUANTITY, required=False)
    unit_price = Money(min_value=Decimal("0"), max_value=MAX_UNIT_PRICE)
    optional = serializers.BooleanField(required=False, help_text="An extra; false by default.")


class OptionInputSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    description = Text(required=False, max_length=2_000)
    lines: serializers.ListSerializer = WholeItems(
        child=LineItemInputSerializer(), max_length=MAX_LINES, required=False
    )


def options_input() -> serializers.ListSerializer:
    return WholeItems(
        child=OptionInputSerializer(),
        required=False,
        max_length=MAX_OPTIONS,
        help_text="Replaces all the proposal's options (an empty list removes them). While it "
        "has options, total_price is derived (the cheapest option's total) and cannot be "
        "typed. Writable until the proposal is answered; each version sent freezes them.",
    )


@extend_schema_field(
    {
        "type": ["object", "null"],
        "description": "The option picked and the extras ticked, priced from the frozen "
        "version; null for a version without options.",
        "required": ["option_id", "title", "extras", "lines", "total"],
        "properties": {
            "option_id": {"type": "integer", "description": "The option's id in the version."},
            "title": {"type": "string"},
            "extras": {"type": "array", "items": {"type": "integer"}},
            "lines": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["description", "quantity", "unit_price", "amount"],
                    "properties": {
                        "description": {"type": "string"},
                        "quantity": {"type": "integer"},
                        "unit_price": {"type": "string", "format": "decimal"},
                        "amount": {"type": "string", "format": "decimal"},
                    },
                },
            },
            "total": {"type": "string", "format": "decimal", "example": "7550.00"},
        },
    }
)
class ChoiceField(serializers.DictField):
    pass


_ITEM_SCHEMA = {
    "type": "object",
    "required": [
        "id",
        "position",
        "kind",
        "title",
        "start_time",
        "end_time",
        "location",
        "supplier",
        "reference",
        "notes",
    ],
    "properties": {
        "id": {"type": "integer"},
        "position": {"type": "integer"},
        "kind": {"type": "string", "enum": [kind for kind, _ in ItemKind.choices]},
        "title": {"type": "string"},
        "start_time": {"type": ["string", "null"], "example": "08:40:00"},
        "end_time": {"type": ["string", "null"], "example": "10:00:00"},
        "location": {"type": "string"},
        "supplier": {"type": "string"},
        "reference": {"type": "string"},
        "notes": {"type": "string"},
    },
}
_DAY_SCHEMA = {
    "type": "object",
    "required": ["id", "day_number", "date", "title", "description", "location", "items"],
    "properties": {
        "id": {"type": "integer"},
        "day_number": {"type": "integer"},
        "date": {"type": ["string", "null"], "format": "date"},
        "title": {"type": "string"},
        "description": {"type": "string"},
        "location": {"type": "string"},
        "items": {"type": "array", "items": _ITEM_SCHEMA},
    },
}
CONTENT_SCHEMA = {
    "type": "object",
    "description": "The frozen snapshot (format 1). Its SHA-256 is taken over its canonical "
    "JSON: keys sorted, no spaces, UTF-8. A proposal with options adds an `options` key.",
    "required": [
        "format",
        "title",
        "client_name",
        "currency",
        "total_price",
        "valid_until",
        "message",
        "itinerary",
        "terms",
    ],
    "properties": {
        "format": {"type": "integer", "enum": [1]},
        "title": {"type": "string"},
        "client_name": {"type": "string"},
        "currency": {"type": "string", "example": "GBP"},
        "total_price": {"type": "string", "format": "decimal", "example": "8950.00"},
        "valid_until": {"type": ["string", "null"], "format": "date"},
        "message": {"type": "string"},
        "itinerary": {
            "type": ["object", "null"],
            "required": ["id", "title", "start_date", "end_date", "travellers", "days"],
            "properties": {
                "id": {"type": "integer"},
                "title": {"type": "string"},
                "start_date": {"type": ["string", "null"], "format": "date"},
                "end_date": {"type": ["string", "null"], "format": "date"},
                "travellers": {"type": "integer"},
                "days": {"type": "array", "items": _DAY_SCHEMA},
            },
        },
        "terms": {
            "type": ["object", "null"],
            "required": ["version", "text"],
            "properties": {"version": {"type": "integer"}, "text": {"type": "string"}},
        },
        "options": {
            "type": "array",
            "description": "Only when the proposal has options.",
            "items": {
                "type": "object",
                "required": ["id", "title", "description", "total", "lines"],
                "properties": {
                    "id": {"type": "integer"},
                    "title": {"type": "string"},
                    "description": {"type": "string"},
                    "total": {"type": "string", "format": "decimal", "example": "2980.00"},
                    "lines": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": [
                                "id",
                                "description",
                                "quantity",
                                "unit_price",
                                "amount",
                                "optional",
                            ],
                            "properties": {
                                "id": {"type": "integer"},
                                "description": {"type": "string"},
                                "quantity": {"type": "integer"},
                                "unit_price": {"type": "string", "format": "decimal"},
                                "amount": {"type": "string", "format": "decimal"},
                                "optional": {"type": "boolean"},
                            },
                        },
                    },
                },
            },
        },
    },
}


@extend_schema_field(CONTENT_SCHEMA)
class SnapshotField(serializers.DictField):
    pass
