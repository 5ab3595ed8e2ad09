"""``/clients/duplicates``, ``/clients/duplicates/check`` and ``/clients/{id}/merge``: finding
and merging duplicate clients (crm.clients.duplicates and .merge). Mixed into the client
viewset, which scopes every client to the token's agency."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from django.core.exceptions import ObjectDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, serializers
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from api.base import envelope
from api.serializers import Id, OutputSerializer, Text
from crm.clients import selectors as client_selectors
from crm.clients.duplicates import MATCH_REASONS, client_matches, duplicate_pairs
from crm.clients.merge import client_merge
from crm.models import Client

# The check's text parameters, cut to their columns' lengths.
CHECK_TEXTS = {"email": 254, "phone": 100, "first_name": 100, "last_name": 100}


class DuplicateMatchSerializer(OutputSerializer):
    """An existing client a create would duplicate, and what they share."""

    id = Id(source="client.pk")
    name = serializers.CharField(source="client.name")
    email = Text(source="client.email")
    phone = Text(source="client.phone")
    archived = serializers.BooleanField(source="client.is_archived")
    matched_on = serializers.ListField(
        child=serializers.ChoiceField(choices=MATCH_REASONS),
        help_text="What the new client shares with this one (`name_and_birth_date`: the "
        "first and last name, in any case, and the date of birth of its lead traveller).",
    )


class DuplicateCheckSerializer(serializers.Serializer):
    duplicates = DuplicateMatchSerializer(many=True)


class DuplicatePairSerializer(OutputSerializer):
    """Two live clients that look like one person; ``client_id`` is the older one."""

    client_id = Id(source="first.pk")
    client_name = serializers.CharField(source="first.name")
    duplicate_id = Id(source="second.pk")
    duplicate_name = serializers.CharField(source="second.name")
    matched_on = serializers.ListField(
        child=serializers.ChoiceField(choices=MATCH_REASONS),
        help_text="What the two share (`name_and_birth_date`: their lead travellers' first and "
        "last name, in any case, and date of birth).",
    )


class DuplicatePairsSerializer(serializers.Serializer):
    pairs = DuplicatePairSerializer(many=True)


class MergeInputSerializer(serializers.Serializer):
    duplicate_id = Id(help_text="The client merged into this one (deleted once emptied).")


class MergeResultSerializer(serializers.Serializer):
    merged_id = Id(help_text="The id the merged client had; it answers 404 from now on.")
    moved = serializers.DictField(
        child=serializers.IntegerField(),
        help_text='Rows moved to this client, by kind: {"bookings": 2, "history entries": 9}.',
    )
    client = serializers.DictField(help_text="The surviving client, as `GET /clients/{id}`.")


class ClientDedupeActions:
    """The client viewset's duplicate and merge actions."""

    action_responses: ClassVar[dict[str, tuple[int, Any, tuple[int, ...]]]] = {
        "duplicates": (200, DuplicatePairsSerializer, (401, 429)),
        "duplicates_check": (200, DuplicateCheckSerializer, (401, 422, 429)),
        "merge": (200, MergeResultSerializer, (400, 401, 403, 404, 413, 415, 422, 429)),
    }

    @extend_schema(summary="Likely duplicate clients")
    @action(detail=False, methods=["get"], url_path="duplicates", filter_backends=[])
    def duplicates(self, request: Request) -> Response:
        """Pairs of live clients with the same email (any case), the same phone (E.164), or
        lead travellers with the same first and last name (any case) and date of birth, the
        older first (at most 200 pairs). Merge one with `POST /clients/{client_id}/merge`."""
        pairs = duplicate_pairs(agency=self.agency)  # type: ignore[attr-defined]
        return envelope({"pairs": DuplicatePairSerializer.represent_many(pairs)})

    @extend_schema(
        summary="Check for duplicates before a create",
        parameters=[
            OpenApiParameter("email", str, description="Compared case-insensitively."),
            OpenApiParameter("phone", str, description="Compared in E.164."),
            OpenApiParameter(
                "first_name",
                str,
                description="With last_name and date_of_birth: compared "
                "in any case with each client's lead traveller.",
            ),
            OpenApiParameter("last_name", str, description="See first_name."),
            OpenApiParameter("date_of_birth", dt.date, description="YYYY-MM-DD; see first_name."),
        ],
    )
    @action(detail=False, methods=["get"], url_path="duplicates/check", filter_backends=[])
    def duplicates_check(self, request: Request) -> Response:
        """The clients (archived ones too) a create with this email or phone would duplicate
        (the same list a `POST /clients` answers its 409 with), and those whose lead traveller
        has this first name, last name and date of birth. A date that is not YYYY-MM-DD is a
        422."""
        params = request.query_params
        born_raw = str(params.get("date_of_birth", "")).strip()
        try:
            born = dt.date.fromisoformat(born_raw) if born_raw else None
        except ValueError:
            raise DjangoValidationError(
                {"date_of_birth": [f"{born_raw[:20]!r} is not a date: use YYYY-MM-DD."]}
            ) from None
        texts = {name: str(params.get(name, ""))[:limit] for name, limit in CHECK_TEXTS.items()}
        if nul := [name for name, value in texts.items() if "\x00" in value]:
            # PostgreSQL refuses a NUL in any text it is sent (a 500 before this).
            raise DjangoValidationError(
                {name: ["Null characters are not allowed."] for name in nul}
            )
        matches = client_matches(
            agency=self.agency,  # type: ignore[attr-defined]
            email=texts["email"],
            phone=texts["phone"],
            first_name=texts["first_name"],
            last_name=texts["last_name"],
            date_of_birth=born,
        )
        return envelope({"duplicates": DuplicateMatchSerializer.represent_many(matches)})

    @extend_schema(summary="Merge a duplicate into this client", request=MergeInputSerializer)
    @action(detail=True, methods=["post"], url_path="merge", filter_backends=[])
    def merge(self, request: Request, pk: str) -> Response:
        """Moves every itinerary, proposal, booking (with its payments), enquiry, task and
        history entry of `duplicate_id` to this client, fills this client's empty details from
        it, joins tags and notes, records `client.merged` in this client's history, then
        deletes the duplicate. Another agency's client is a 404; the client itself a 422."""
        survivor = self.get_object()  # type: ignore[attr-defined]
        body = MergeInputSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            duplicate = client_selectors.client_get(
                agency=self.agency,  # type: ignore[attr-defined]
                client_id=body.validated_data["duplicate_id"],
            )
        except ObjectDoesNotExist:
            raise exceptions.NotFound() from None
        assert isinstance(survivor, Client)
        try:
            result = client_merge(survivor=survivor, duplicate=duplicate, actor=request.auth.user)
        except DjangoValidationError as exc:
            raise DjangoValidationError({"duplicate_id": exc.messages}) from exc
        return envelope(
            {
                "merged_id": result.merged_id,
                "moved": result.moved,
                "client": self.represent(  # type: ignore[attr-defined]
                    client_selectors.client_get(agency=self.agency, client_id=survivor.pk)  # type: ignore[attr-defined]
                ),
            }
        )
