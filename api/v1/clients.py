"""``/clients``: clients and leads, and each one's history."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from api.archive import ArchivableMixin
from api.base import TenantViewSet
from api.fast_list import CHOICE, SEARCH, FastListMixin
from api.idempotency import IdempotentCreateMixin
from api.responses import DOCUMENTS_KEPT_422
from api.serializers import (
    ConflictSerializer,
    Country,
    Id,
    OutputSerializer,
    Text,
    max_length_of,
)
from api.v1.activity import ActivitySerializer
from api.v1.client_contacts import ClientContactActions
from api.v1.client_dedupe import ClientDedupeActions, DuplicateMatchSerializer
from api.v1.client_gdpr import ClientGdprActions
from api.v1.exports import CsvListMixin
from core import iso
from crm.clients import archive as client_archive
from crm.clients import selectors as client_selectors
from crm.clients import services as client_services
from crm.clients.duplicates import DuplicateClientError
from crm.clients.filters import ClientFilter
from crm.clients.services import MAX_TAG_LENGTH, MAX_TAGS
from crm.models import (
    Client,
    ClientKind,
    ClientSource,
    ClientStatus,
)


class ClientSerializer(OutputSerializer):
    """A client or lead."""

    id = Id()
    kind = serializers.ChoiceField(choices=ClientKind.choices)
    name = serializers.CharField()
    company_client_id = Id(
        allow_null=True,
        help_text="A person's company among your clients (a client of kind `company`): set "
        "with `POST /clients/{company_id}/contacts`.",
    )
    email = Text()
    phone = Text()
    phone_e164 = Text(
        help_text="The phone in E.164 (`+447700900123`), read in the agency's country; empty "
        "when the phone is no possible number. Duplicates are found on it."
    )
    company = Text()
    city = Text()
    country = Text()
    nationality = Text()
    notes = Text()
    tags = serializers.ListField(child=serializers.CharField())
    status = serializers.ChoiceField(choices=ClientStatus.choices)
    # Not Field.source: the serializer's metaclass moves declared fields off the class.
    source = serializers.ChoiceField(choices=ClientSource.choices)  # type: ignore[assignment]
    assigned_to_id = Id(allow_null=True)
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()
    archived_at = serializers.DateTimeField(
        allow_null=True, help_text="When the client was archived; null while it is in the lists."
    )
    archived_by_id = Id(allow_null=True)


class ClientInputSerializer(serializers.Serializer):
    """Limits are the model's (``max_length_of``): the API, the forms and the column agree."""

    def validate_country(self, value: str | None) -> str | None:
        return country_value(value)

    kind = serializers.ChoiceField(
        choices=ClientKind.choices, required=False, help_text="Defaults to `person` on create."
    )
    name = serializers.CharField(max_length=max_length_of(Client, "name"))
    email = serializers.EmailField(
        max_length=max_length_of(Client, "email"),
        required=False,
        allow_blank=True,
        allow_null=True,
    )
    phone = Text(
        max_length=max_length_of(Client, "phone"),
        required=False,
        allow_null=True,
        help_text="Stored as given.",
    )
    company = Text(max_length=max_length_of(Client, "company"), required=False, allow_null=True)
    city = Text(max_length=max_length_of(Client, "city"), required=False, allow_null=True)
    country = Country(
        max_length=max_length_of(Client, "country"),
        required=False,
        allow_null=True,
        help_text="A country's English name (stored as written, e.g. `United Kingdom`) or its "
        "ISO 3166-1 code (`GB`, stored as the name): see `/lookups/countries`. Anything that "
        "names no country is a 422.",
    )
    nationality = Text(
        max_length=max_length_of(Client, "nationality"), required=False, allow_null=True
    )
    notes = Text(required=False, allow_null=True)
    tags = serializers.ListField(
        child=serializers.CharField(max_length=MAX_TAG_LENGTH, allow_blank=True),
        required=False,
        allow_null=True,
        max_length=MAX_TAGS,
    )
    status = serializers.ChoiceField(
        choices=ClientStatus.choices, required=False, help_text="Defaults to `lead` on create."
    )
    assigned_to_id = Id(required=False, allow_null=True, help_text="A user of your agency.")
    allow_duplicate = serializers.BooleanField(
        required=False,
        default=False,
        write_only=True,
        help_text="Create only: `true` creates the client even when another one has the same "
        "email (any case) or phone (E.164); without it such a create answers 409 with the "
        "matches in `duplicates`. Ignored on update.",
    )


class DuplicateConflictSerializer(ConflictSerializer):
    """A create refused because the client may exist already (``duplicates``), or any other
    409 of a create (an Idempotency-Key: ``errors``, or none while it is in progress)."""

    duplicates = DuplicateMatchSerializer(many=True, required=False)


DUPLICATE_409 = OpenApiResponse(
    response=DuplicateConflictSerializer,
    description="A client with the same email or phone exists (`duplicates` lists them, oldest "
    "first): send `allow_duplicate: true` to create anyway, or use the existing one. Also the "
    "answer while a request with the same `Idempotency-Key` is still being processed, and to "
    "that key used again with another body (`errors`).",
)


CONTACT_ERRORS = (400, 401, 403, 404, 413, 415, 422, 429)


class DuplicateConflictMixin:
    """A create that would duplicate a client answers 409 naming the matches (inside the
    idempotent create, so a retry with the same key replays it)."""

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        try:
            return super().create(request, *args, **kwargs)  # type: ignore[misc]
        except DuplicateClientError as exc:
            body = {
                "message": "A client with this email or phone already exists: send "
                "allow_duplicate=true to create anyway.",
                "duplicates": DuplicateMatchSerializer.represent_many(exc.matches),
            }
            return Response(body, status=409)


class ClientViewSet(  # type: ignore[misc]  # FastListMixin wraps DRF's as_view
    FastListMixin,
    CsvListMixin,
    ClientContactActions,
    ClientDedupeActions,
    ClientGdprActions,
    ArchivableMixin,
    IdempotentCreateMixin,
    DuplicateConflictMixin,
    TenantViewSet,
):
    """Clients and leads. A client created here starts as a `lead` unless a status is given.
    A create whose email or phone matches an existing client answers 409 unless it sends
    `allow_duplicate: true`."""

    export = "clients"  # ?format=csv (api.v1.exports)
    resource = "client"
    model = Client
    output_serializer = ClientSerializer
    input_serializer = ClientInputSerializer
    filterset_class = ClientFilter
    # Plain reads of the list skip DRF (api.fast_list): the bench's hottest request.
    fast_filters = {"status": CHOICE, "q": SEARCH}
    list_selector = client_selectors.client_list
    get_selector = client_selectors.client_get
    create_service = client_services.client_create
    update_service = client_services.client_update
    delete_service = client_archive.client_delete

    archive_service = client_archive.client_archive
    restore_service = client_archive.client_restore
    extra_responses = {"create": {409: DUPLICATE_409}, "destroy": {422: DOCUMENTS_KEPT_422}}
    nested_resources = {"contacts": (ClientSerializer, "list")}
    action_responses = {
        **ClientDedupeActions.action_responses,
        **ClientGdprActions.gdpr_responses,
        "erase": (200, ClientSerializer, (401, 403, 404, 429)),
        "contacts_add": (200, ClientSerializer, CONTACT_ERRORS),
        "contacts_remove": (200, ClientSerializer, CONTACT_ERRORS),
    }

    @extend_schema(
        description=(
            "Deletes the client with its itineraries, proposals, bookings and payments. A client "
            "with bookings or payments can be deleted by the agency's owner or an admin only: "
            "an agent's token gets a 403 and should `POST /clients/{id}/archive` instead."
        )
    )
    def destroy(self, request: Request, pk: str) -> Response:
        return super().destroy(request, pk)

    @action(detail=True, methods=["get"], url_path="activity", filter_backends=[])
    def activity(self, request: Request, pk: str) -> Response:
        """The client's history: every change to it and to its itineraries, proposals,
        bookings and payments (who, when, through which channel, what changed), newest first."""
        client = self.get_object()
        paginator = self.page_paginator
        paginator.parse(request)
        rows = paginator.paginate_queryset(
            client_selectors.client_activity(agency=self.agency, client_id=client.pk),
            request,
            self,
        )
        return paginator.get_paginated_response(ActivitySerializer.represent_many(rows))

    def validated_fields(self, request: Request, *, partial: bool) -> dict[str, Any]:
        fields = super().validated_fields(request, partial=partial)
        allow = fields.pop("allow_duplicate", False)
        if self.action == "create":
            fields["allow_duplicate"] = allow
        return fields

    def perform_create(self, fields: dict[str, Any]) -> Client:
        return client_services.client_create(
            agency=self.agency, created_by=self.request.auth.user, source=ClientSource.API, **fields
        )


def country_value(value: str | None) -> str | None:
    """A name as written, a code as its English name; neither is a 422 naming the value. (Only
    the API is strict: website forms and imports keep whatever a lead typed.)"""
    if not value or not value.strip():
        return value
    code = iso.country_code(value)
    if code is None:
        raise serializers.ValidationError(
            f"{value.strip()!r} is not a country: send its English name or its ISO 3166-1 code "
            "(see /lookups/countries)."
        )
    if value.strip().upper() == code or value.strip().upper() == iso.COUNTRIES[code][1]:
        return iso.COUNTRIES[code][0]
    return value
