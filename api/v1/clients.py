"""``/clients``: clients and leads, and each one's history."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from accounts import selectors as account_selectors
from api.base import TenantViewSet
from api.idempotency import IdempotentCreateMixin
from api.pagination import PagePagination
from api.serializers import Id, OutputSerializer, Text
from api.v1.activity import ActivitySerializer
from crm.clients import selectors as client_selectors
from crm.clients import services as client_services
from crm.clients.filters import ClientFilter
from crm.models import (
    PHONE_MAX_LENGTH,
    Client,
    ClientSource,
    ClientStatus,
)


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


class ClientViewSet(IdempotentCreateMixin, TenantViewSet):
    """Clients and leads. A client created here starts as a `lead` unless a status is given."""

    resource = "client"
    model = Client
    output_serializer = ClientSerializer
    input_serializer = ClientInputSerializer
    filterset_class = ClientFilter
    list_selector = client_selectors.client_list
    get_selector = client_selectors.client_get
    create_service = client_services.client_create
    update_service = client_services.client_update
    delete_service = client_services.client_delete

    @action(detail=True, methods=["get"], url_path="activity", filter_backends=[])
    def activity(self, request: Request, pk: str) -> Response:
        """The client's history: every change to it and to its itineraries, proposals,
        bookings and payments (who, when, through which channel, what changed), newest first."""
        client = self.get_object()
        paginator: PagePagination = self.paginator
        paginator.parse(request)
        rows = paginator.paginate_queryset(
            account_selectors.client_activity(agency=self.agency, client_id=client.pk),
            request,
            self,
        )
        return paginator.get_paginated_response(ActivitySerializer.represent_many(rows))

    def perform_create(self, fields: dict[str, Any]) -> Client:
        return client_services.client_create(
            agency=self.agency, created_by=self.request.auth.user, source=ClientSource.API, **fields
        )
