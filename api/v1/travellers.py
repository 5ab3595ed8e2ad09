"""``/clients/{client_id}/travellers``: the people who travel on a client's account.

Document numbers (`passport_number`, `known_traveller_number`, `redress_number`) are masked in
every answer (`••••1234`); `GET .../travellers/{id}/documents` shows them in full to owners,
admins and the agent assigned to the client (anyone else: 403), and records the reveal.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.core.exceptions import PermissionDenied
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from api.base import TenantViewSet, envelope
from api.exceptions import error_response
from api.idempotency import IdempotentCreateMixin
from api.serializers import Country, Id, OutputSerializer, Text, max_length_of
from crm.clients import selectors as client_selectors
from crm.clients import travellers as traveller_services
from crm.clients.filters import TravellerFilter
from crm.clients.models import DOCUMENT_FIELDS
from crm.models import Client, Gender, Traveller

MASKED = "Masked (`••••` and the last 4 characters; empty when none is recorded)."


class LoyaltySerializer(serializers.Serializer):
    programme = serializers.CharField(max_length=traveller_services.LOYALTY_TEXT_MAX)
    number = serializers.CharField(max_length=traveller_services.LOYALTY_TEXT_MAX)


class EmergencyContactSerializer(OutputSerializer):
    name = Text(source="emergency_contact_name")
    phone = Text(source="emergency_contact_phone")
    relation = Text(source="emergency_contact_relation")


class TravellerSerializer(OutputSerializer):
    """A traveller, names and gender as in the passport; document numbers masked."""

    id = Id()
    client_id = Id()
    first_name = serializers.CharField()
    middle_name = Text()
    last_name = serializers.CharField()
    full_name = serializers.CharField()
    date_of_birth = serializers.DateField(allow_null=True)
    gender = serializers.ChoiceField(choices=[("", "(not given)"), *Gender.choices])
    nationality = Text(help_text="ISO 3166-1 alpha-2 code.")
    passport_number = Text(source="masked_passport_number", help_text=MASKED)
    passport_country = Text(help_text="The issuing country, ISO 3166-1 alpha-2 code.")
    passport_issued_on = serializers.DateField(allow_null=True)
    passport_expires_on = serializers.DateField(allow_null=True)
    known_traveller_number = Text(source="masked_known_traveller_number", help_text=MASKED)
    redress_number = Text(source="masked_redress_number", help_text=MASKED)
    frequent_flyer = serializers.ListField(child=LoyaltySerializer())
    hotel_loyalty = serializers.ListField(child=LoyaltySerializer())
    dietary_needs = Text()
    mobility_needs = Text()
    seat_preference = Text()
    room_preference = Text()
    emergency_contact = EmergencyContactSerializer()
    is_lead = serializers.BooleanField(help_text="The client themself (at most one).")
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class PassportWarningSerializer(OutputSerializer):
    """A named traveller whose passport expires before six months after the trip's return."""

    traveller_id = Id()
    # ``name`` is fine as a field name; ``label`` would not be (see payments).
    name = serializers.CharField()
    passport_expires_on = serializers.DateField(allow_null=True)
    message = serializers.CharField()


# ``?fields=`` of the documents: one or more document field names, comma-separated.
_FIELD_NAME = "(" + "|".join(DOCUMENT_FIELDS) + ")"
FIELDS_PATTERN = f"^{_FIELD_NAME}(,{_FIELD_NAME})*$"


def traveller_ids_input() -> serializers.ListField:
    return serializers.ListField(
        child=Id(),
        required=False,
        max_length=traveller_services.MAX_TRAVELLERS_PER_CLIENT,
        help_text="Who goes: ids of the client's travellers (`/clients/{id}/travellers`); the "
        "whole list, replacing the current one. Another client's traveller is a 422.",
    )


def traveller_ids_output() -> serializers.ListField:
    return serializers.ListField(child=Id(), help_text="Who goes: ids of the client's travellers.")


def passport_warnings_output() -> PassportWarningSerializer:
    return PassportWarningSerializer(
        many=True,
        help_text="Travellers whose passport expires within 6 months of the return (end) date.",
    )


class TravellerDocumentsSerializer(OutputSerializer):
    """The full document numbers asked for (`fields`; all three by default), empty when none
    is recorded: only the fields asked for are in it."""

    passport_number = Text(required=False)
    known_traveller_number = Text(required=False)
    redress_number = Text(required=False)


def _limit(name: str) -> int:
    return max_length_of(Traveller, name)


class EmergencyContactInputSerializer(serializers.Serializer):
    name = Text(max_length=_limit("emergency_contact_name"), required=False, allow_null=True)
    phone = Text(max_length=_limit("emergency_contact_phone"), required=False, allow_null=True)
    relation = Text(
        max_length=_limit("emergency_contact_relation"), required=False, allow_null=True
    )


def _text(name: str, **kwargs: Any) -> serializers.CharField:
    return Text(max_length=_limit(name), required=False, allow_null=True, **kwargs)


DOCUMENT_HELP = (
    "Stored encrypted; answered masked. Sending back the masked value keeps the number; "
    "`null` or an empty string removes it."
)


class TravellerInputSerializer(serializers.Serializer):
    first_name = serializers.CharField(
        max_length=_limit("first_name"), help_text="As in the passport."
    )
    middle_name = _text("middle_name")
    last_name = serializers.CharField(max_length=_limit("last_name"))
    date_of_birth = serializers.DateField(required=False, allow_null=True, help_text="In the past.")
    gender = serializers.ChoiceField(
        choices=Gender.choices, required=False, allow_blank=True, allow_null=True
    )
    nationality = Country(
        max_length=100,
        required=False,
        allow_null=True,
        help_text="ISO 3166-1 code or English name; stored as the alpha-2 code.",
    )
    passport_number = Text(max_length=50, required=False, allow_null=True, help_text=DOCUMENT_HELP)
    passport_country = Country(
        max_length=100,
        required=False,
        allow_null=True,
        help_text="The issuing country: ISO 3166-1 code or English name.",
    )
    passport_issued_on = serializers.DateField(
        required=False, allow_null=True, help_text="Not in the future, nor before `date_of_birth`."
    )
    passport_expires_on = serializers.DateField(
        required=False, allow_null=True, help_text="After `passport_issued_on`."
    )
    known_traveller_number = Text(
        max_length=50, required=False, allow_null=True, help_text=DOCUMENT_HELP
    )
    redress_number = Text(max_length=50, required=False, allow_null=True, help_text=DOCUMENT_HELP)
    frequent_flyer = LoyaltySerializer(  # type: ignore[call-arg]  # max_length, as in itineraries
        many=True, required=False, allow_null=True, max_length=traveller_services.MAX_LOYALTY
    )
    hotel_loyalty = LoyaltySerializer(  # type: ignore[call-arg]
        many=True, required=False, allow_null=True, max_length=traveller_services.MAX_LOYALTY
    )
    dietary_needs = _text("dietary_needs")
    mobility_needs = _text("mobility_needs")
    seat_preference = _text("seat_preference")
    room_preference = _text("room_preference")
    emergency_contact = EmergencyContactInputSerializer(required=False, allow_null=True)
    is_lead = serializers.BooleanField(
        required=False, help_text="The client themself; naming one moves the flag from another."
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        contact = attrs.pop("emergency_contact", serializers.empty)
        if contact is not serializers.empty:
            for key in ("name", "phone", "relation"):
                if contact is None or key in contact:
                    attrs[f"emergency_contact_{key}"] = (contact or {}).get(key)
        for key in ("frequent_flyer", "hotel_loyalty"):
            if key in attrs and attrs[key] is not None:
                attrs[key] = [dict(entry) for entry in attrs[key]]
        return attrs


class TravellerViewSet(IdempotentCreateMixin, TenantViewSet):
    """A client's travellers, the lead traveller first, then by name. Filters: `q` (names),
    `is_lead`, `passport_expires_before`."""

    resource = "traveller"
    parent = "client"
    parent_selector = client_selectors.client_get
    model = Traveller
    output_serializer = TravellerSerializer
    input_serializer = TravellerInputSerializer
    filterset_class = TravellerFilter
    list_selector = client_selectors.traveller_list
    get_selector = client_selectors.traveller_get
    update_service = traveller_services.traveller_update
    delete_service = traveller_services.traveller_delete
    http_method_names = ["get", "post", "put", "patch", "delete", "head", "options"]
    action_responses: ClassVar[dict[str, tuple[int, Any, tuple[int, ...]]]] = {
        "documents": (200, TravellerDocumentsSerializer, (401, 403, 404, 422, 429)),
    }

    def client_record(self) -> Client:
        client = self.parents()["client"]
        assert isinstance(client, Client)  # parent_selector's
        return client

    def perform_create(self, fields: dict[str, Any]) -> Traveller:
        return traveller_services.traveller_create(
            client=self.client_record(), created_by=self.request.auth.user, **fields
        )

    def destroy(self, request: Request, pk: str, **parent: Any) -> Response:
        traveller = self.get_object()
        assert isinstance(traveller, Traveller)  # get_selector's
        traveller_services.traveller_delete(traveller=traveller)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        summary="Reveal a traveller's document numbers",
        description="The full passport, known traveller and redress numbers. Owners, admins and "
        "the agent assigned to the client only (anyone else: 403). Every call is recorded in "
        "the client's history as `traveller.documents_revealed` (who, which fields; never the "
        "values). The answer is sent with `Cache-Control: no-store`.",
        parameters=[
            OpenApiParameter(
                "fields",
                {"type": "string", "pattern": FIELDS_PATTERN},
                description="Comma-separated subset of `passport_number`, "
                "`known_traveller_number`, `redress_number`, no spaces (all three when "
                "omitted).",
            )
        ],
    )
    @action(detail=True, methods=["get"], url_path="documents", filter_backends=[])
    def documents(self, request: Request, pk: str, **parent: Any) -> Response:
        traveller = self.get_object()
        assert isinstance(traveller, Traveller)  # get_selector's
        raw = request.query_params.get("fields", "")
        # Exactly the names, as the schema's pattern says (an empty name is not one: a 422).
        fields = raw.split(",") if raw else list(DOCUMENT_FIELDS)
        try:
            values = traveller_services.traveller_documents_reveal(
                traveller=traveller, actor=request.auth.user, fields=fields
            )
        except PermissionDenied as exc:
            return error_response(403, str(exc))
        response = envelope(values)
        response["Cache-Control"] = "no-store"
        return response
