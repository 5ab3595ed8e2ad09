"""``IdempotentCreateMixin`` (api/idempotency.py): any viewset that mixes it in honours
``Idempotency-Key`` on create, and the schema documents the header and its 409 for it (read from
the mixin, not from the resource's name)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.generators import SchemaGenerator
from rest_framework.routers import SimpleRouter

from api.idempotency import IdempotentCreateMixin
from api.v1.clients import ClientViewSet
from api.v1.itineraries import ItineraryViewSet
from crm.models import Itinerary
from tests.api.conftest import Api
from tests.factories import ClientFactory


class IdempotentItineraryViewSet(IdempotentCreateMixin, ItineraryViewSet):
    pass


def create_operation(viewset: type) -> dict[str, Any]:
    router = SimpleRouter(trailing_slash=False)
    router.register("things", viewset, basename="things")
    schema = SchemaGenerator(patterns=router.urls).get_schema(request=None, public=True)
    return schema["paths"]["/things"]["post"]


def header_names(operation: dict[str, Any]) -> set[str]:
    return {p["name"] for p in operation.get("parameters", []) if p["in"] == "header"}


def test_the_client_create_honours_the_key_through_the_mixin():
    assert issubclass(ClientViewSet, IdempotentCreateMixin)
    assert "create" not in ClientViewSet.__dict__


def test_the_schema_documents_the_key_and_its_409_for_any_view_with_the_mixin(db):
    with_mixin = create_operation(IdempotentItineraryViewSet)
    assert "Idempotency-Key" in header_names(with_mixin)
    assert "Retry-After" in with_mixin["responses"]["409"].get("headers", {})  # in progress

    without = create_operation(ItineraryViewSet)
    assert "Idempotency-Key" not in header_names(without)
    assert "Retry-After" not in without["responses"].get("409", {}).get("headers", {})


def test_the_mixin_replays_a_retried_create_of_another_resource(api: Api, agency, settings):
    from django.urls import clear_url_caches, path

    client = ClientFactory(agency=agency)
    view = IdempotentItineraryViewSet.as_view({"post": "create"})
    urls = type("urls", (), {"urlpatterns": [path("api/v1/retry-itineraries", view)]})
    settings.ROOT_URLCONF = urls
    clear_url_caches()
    body = {"title": "Lisbon", "client_id": client.pk}
    headers = {"Idempotency-Key": "itinerary-1"}

    first = api.post("/retry-itineraries", body, headers=headers)
    again = api.post("/retry-itineraries", body, headers=headers)

    assert (first.status_code, again.status_code) == (201, 201)
    assert again["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    assert Itinerary.objects.filter(agency=agency).count() == 1
