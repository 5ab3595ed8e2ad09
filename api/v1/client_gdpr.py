"""``/clients/{id}/gdpr-export`` and ``/clients/{id}/erase`` (crm.gdpr). Mixed into the client
viewset (its agency scoping)."""

from __future__ import annotations

from typing import Any, ClassVar

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from api.base import envelope
from crm import gdpr
from crm.models import Client


class GdprExportSerializer(serializers.Serializer):
    exported_at = serializers.DateTimeField()
    client = serializers.DictField(help_text="Every stored field of the client.")
    itineraries = serializers.ListField(
        child=serializers.DictField(), help_text="With days, items."
    )
    proposals = serializers.ListField(child=serializers.DictField())
    bookings = serializers.ListField(
        child=serializers.DictField(), help_text="With services, payments."
    )
    enquiries = serializers.ListField(child=serializers.DictField())
    tasks = serializers.ListField(child=serializers.DictField())
    history = serializers.ListField(child=serializers.DictField())


class ClientGdprActions:
    gdpr_responses: ClassVar[dict[str, tuple[int, Any, tuple[int, ...]]]] = {
        "gdpr_export": (200, GdprExportSerializer, (401, 404, 429)),
    }

    def _client(self) -> Client:
        client = self.get_object()  # type: ignore[attr-defined]
        assert isinstance(client, Client)
        return client

    @extend_schema(summary="Everything about one client (GDPR access request)")
    @action(detail=True, methods=["get"], url_path="gdpr-export", filter_backends=[])
    def gdpr_export(self, request: Request, pk: str) -> Response:
        """The client's row, itineraries with days and items, proposals, bookings with
        services and payments, enquiries, tasks and history, as stored."""
        return envelope(gdpr.client_gdpr_export(client=self._client()))

    @extend_schema(summary="Erase a client's personal data (GDPR)", request=None)
    @action(detail=True, methods=["post"], url_path="erase", filter_backends=[])
    def erase(self, request: Request, pk: str) -> Response:
        """Removes the client's name, contact details, notes, enquiries' submissions and the
        details of its history; bookings and payments stay with their totals. Owners and
        admins only (an agent's token gets a 403). Cannot be undone."""
        client = gdpr.client_erase(client=self._client(), actor=request.auth.user)
        return envelope(self.represent(client))  # type: ignore[attr-defined]
