"""``GET /lookups/<list>``: the codes a dropdown offers, stable and cacheable.

Every list has one shape, ``{"data": [{"code": ..., "name": ...}]}``, in a stable order:
currencies (ISO 4217) and countries (ISO 3166-1 alpha-2) from ``core.iso``, and the kinds and
statuses from the models' own choices, so a kind a later change adds appears here by itself.
Each answer carries an ``ETag`` (a digest of the list) and ``Cache-Control: private,
max-age=86400``; ``If-None-Match`` with the current tag answers 304 with no body.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import cache
from typing import Any, ClassVar

import orjson
from django.db import models
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from api.base import ApiViewMixin
from api.responses import ERRORS
from core import iso
from crm.bookings.models import BookingStatus
from crm.clients.models import ClientSource, ClientStatus
from crm.proposals.models import ProposalStatus
from crm.trips.models import ItemKind, ItineraryStatus

CACHE_CONTROL = "private, max-age=86400"


def _choices(choices: type[models.TextChoices]) -> Callable[[], list[dict[str, str]]]:
    return lambda: [{"code": str(value), "name": str(label)} for value, label in choices.choices]


# name -> (description, items). A new list is one line here (its route follows: api/urls.py).
LOOKUPS: dict[str, tuple[str, Callable[[], list[dict[str, str]]]]] = {
    "currencies": (
        "ISO 4217 currency codes and their English names: what `currency` fields accept.",
        lambda: [{"code": code, "name": name} for code, name in iso.CURRENCIES.items()],
    ),
    "countries": (
        "ISO 3166-1 alpha-2 codes and English short names: a client's `country` is one of the "
        "names or codes (or a common alias such as `UK`).",
        lambda: [{"code": code, "name": entry[0]} for code, entry in iso.COUNTRIES.items()],
    ),
    "client-sources": ("Where a client came from (`source`).", _choices(ClientSource)),
    "client-statuses": ("A client's `status`.", _choices(ClientStatus)),
    "itinerary-statuses": ("An itinerary's `status`.", _choices(ItineraryStatus)),
    "item-kinds": ("The `kind` of an itinerary item.", _choices(ItemKind)),
    "proposal-statuses": ("A proposal's `status`.", _choices(ProposalStatus)),
    "booking-statuses": ("A booking's `status`.", _choices(BookingStatus)),
}


class LookupItemSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="The value to send and store.")
    name = serializers.CharField(help_text="What to show (English).")


# {"data": [item, ...]}: built with type(), as a class body's ``data`` would shadow
# Serializer.data.
LookupListSerializer = type(
    "LookupListSerializer",
    (serializers.Serializer,),
    {"data": LookupItemSerializer(many=True), "__module__": __name__},
)


@cache
def _rendered(name: str) -> tuple[list[dict[str, str]], str]:
    items = LOOKUPS[name][1]()
    digest = hashlib.sha256(orjson.dumps(items)).hexdigest()[:20]
    return items, f'"{digest}"'


def _matches(header: str, etag: str) -> bool:
    tags = [tag.strip().removeprefix("W/") for tag in header.split(",")]
    return "*" in tags or etag in tags


ETAG_HEADERS = [
    OpenApiParameter(
        "ETag",
        str,
        OpenApiParameter.HEADER,
        response=[200, 304],
        required=True,
        description="The list's version: send it back in `If-None-Match`.",
    ),
    OpenApiParameter(
        "Cache-Control",
        str,
        OpenApiParameter.HEADER,
        response=[200, 304],
        required=True,
        description=f"`{CACHE_CONTROL}`.",
    ),
    OpenApiParameter(
        "If-None-Match",
        str,
        OpenApiParameter.HEADER,
        required=False,
        description="An `ETag` from an earlier answer: 304 with no body while it is current.",
    ),
]


class LookupView(ApiViewMixin, APIView):
    """One lookup list (``lookup``, a key of ``LOOKUPS``)."""

    lookup: ClassVar[str] = ""
    response_serializer = LookupListSerializer

    def get(self, request: Request) -> Response:
        items, etag = _rendered(self.lookup)
        headers = {"ETag": etag, "Cache-Control": CACHE_CONTROL}
        if _matches(request.headers.get("If-None-Match", ""), etag):
            return Response(status=status.HTTP_304_NOT_MODIFIED, headers=headers)
        return Response({"data": items}, headers=headers)


def lookup_view(name: str) -> Any:
    description, _items = LOOKUPS[name]
    view: type[LookupView] = type(
        f"Lookup{name.title().replace('-', '')}View",
        (LookupView,),
        {"lookup": name, "__doc__": description, "__module__": __name__},
    )
    schema = extend_schema(
        summary=f"List the {name.replace('-', ' ')}",
        description=f"{description} Cacheable: see `ETag`.",
        parameters=ETAG_HEADERS,
        responses={
            200: LookupListSerializer,
            304: OpenApiResponse(description="Not modified: the `If-None-Match` tag is current."),
            401: ERRORS[401],
            429: ERRORS[429],
        },
    )
    view.get = schema(view.get)  # type: ignore[method-assign]
    return view.as_view()
