"""``/clients/{id}/contacts``: a company's contacts (people among the agency's clients), and
making a person one, or no longer one. Mixed into the client viewset (its agency scoping)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, serializers
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from api.base import envelope
from api.serializers import Id
from crm.clients import selectors as client_selectors
from crm.clients import services as client_services
from crm.models import Client, ClientKind


class ContactInputSerializer(serializers.Serializer):
    contact_id = Id(help_text="A person among your clients.")


class ClientContactActions:
    """The client viewset's ``contacts`` actions (``nested_resources`` and
    ``action_responses`` for the schema are declared by the viewset)."""

    def _company(self) -> Client:
        company = self.get_object()  # type: ignore[attr-defined]
        assert isinstance(company, Client)
        return company

    def _contact(self, request: Request) -> Client:
        body = ContactInputSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            return client_selectors.client_get(
                agency=self.agency,  # type: ignore[attr-defined]
                client_id=body.validated_data["contact_id"],
            )
        except ObjectDoesNotExist:
            raise exceptions.NotFound() from None

    def _answer(self, run: Any) -> Response:
        try:
            contact = run()
        except DjangoValidationError as exc:
            raise DjangoValidationError({"contact_id": exc.messages}) from exc
        return envelope(self.represent(contact))  # type: ignore[attr-defined]

    @extend_schema(summary="List a company's contacts")
    @action(detail=True, methods=["get"], url_path="contacts", filter_backends=[])
    def contacts(self, request: Request, pk: str) -> Response:
        """The company's contacts (people among your clients, archived ones too), by name."""
        company = self._company()
        paginator = self.page_paginator  # type: ignore[attr-defined]
        paginator.parse(request)
        rows = client_selectors.client_list(
            agency=self.agency,  # type: ignore[attr-defined]
            filters={"company_client": company.pk, "archived": "true"},
        )
        page = paginator.paginate_queryset(rows.order_by("name", "id"), request, self)
        output = self.output_serializer  # type: ignore[attr-defined]
        return paginator.get_paginated_response(output.represent_many(page))

    @extend_schema(request=ContactInputSerializer, summary="Add a contact to a company")
    @action(detail=True, methods=["post"], url_path="contacts/add", filter_backends=[])
    def contacts_add(self, request: Request, pk: str) -> Response:
        """That person becomes a contact of this company (a client of kind `company`; another
        agency's id is a 404). Answers the contact."""
        company = self._company()
        contact = self._contact(request)
        if company.kind != ClientKind.COMPANY:
            raise DjangoValidationError({"contact_id": ["This client is not a company."]})
        return self._answer(
            lambda: client_services.client_contact_add(company=company, contact=contact)
        )

    @extend_schema(request=ContactInputSerializer, summary="Remove a contact from a company")
    @action(detail=True, methods=["post"], url_path="contacts/remove", filter_backends=[])
    def contacts_remove(self, request: Request, pk: str) -> Response:
        """The person is no longer a contact of this company (answered as it is if it was
        not one). Answers the contact."""
        company = self._company()
        contact = self._contact(request)
        return self._answer(
            lambda: client_services.client_contact_remove(company=company, contact=contact)
        )
