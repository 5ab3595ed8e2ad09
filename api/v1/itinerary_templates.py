"""``/itinerary-templates``: an agency's saved plans (crm.trips.templates), made from an
itinerary, renamed, deleted, and used to start a new itinerary (``/{id}/use``)."""

from __future__ import annotations

from typing import Any, ClassVar

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from api.base import TenantViewSet, envelope
from api.exceptions import api_field_names
from api.serializers import Id, LocalTimeField, OutputSerializer, Text, max_length_of
from api.v1.itineraries import ItineraryDetailSerializer
from crm.models import ItemKind, ItineraryTemplate
from crm.trips import selectors as trip_selectors
from crm.trips import templates as trip_templates
from crm.trips.filters import ItineraryTemplateFilter


class TemplateItemSerializer(OutputSerializer):
    """One item of a template's day, in order."""

    kind = serializers.ChoiceField(choices=ItemKind.choices)
    title = serializers.CharField()
    start_time = LocalTimeField(allow_null=True)
    end_time = LocalTimeField(allow_null=True)
    location = Text()
    supplier_id = Id(allow_null=True)
    reference = Text()
    notes = Text()


class TemplateDaySerializer(OutputSerializer):
    """One day of a template's plan: numbered, never dated."""

    day_number = Id()
    title = Text()
    description = Text()
    location = Text()
    items = TemplateItemSerializer(many=True)


class ItineraryTemplateSerializer(OutputSerializer):
    """An itinerary template (lists omit its plan)."""

    id = Id()
    name = serializers.CharField()
    description = Text()
    day_count = Id()
    item_count = Id()
    created_by_id = Id(allow_null=True)
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class ItineraryTemplateDetailSerializer(ItineraryTemplateSerializer):
    """An itinerary template with its days in order, each with its items in order."""

    days = TemplateDaySerializer(many=True, source="plan")


class ItineraryTemplateInputSerializer(serializers.Serializer):
    itinerary_id = Id(help_text="The itinerary whose plan is saved (create only).")
    name = serializers.CharField(max_length=max_length_of(ItineraryTemplate, "name"))
    description = Text(required=False, allow_null=True)


class ItineraryTemplateUpdateSerializer(serializers.Serializer):
    itinerary_id = Id(
        required=False, help_text="Replace the template's plan by this itinerary's (undated)."
    )
    name = serializers.CharField(
        max_length=max_length_of(ItineraryTemplate, "name"), required=False
    )
    description = Text(required=False, allow_null=True)


class ItineraryTemplateUseSerializer(serializers.Serializer):
    client_id = Id(help_text="A client of your agency.")
    start_date = serializers.DateField(
        required=False,
        allow_null=True,
        help_text="Day N of the plan is dated start_date + N - 1; undated without it.",
    )
    title = serializers.CharField(
        required=False, max_length=200, help_text="The template's name by default."
    )


def _create(*, agency: Any, created_by: Any, itinerary: int, **fields: Any) -> ItineraryTemplate:
    return trip_templates.template_from_itinerary(
        itinerary=itinerary, agency=agency, actor=created_by, **fields
    )


class ItineraryTemplateViewSet(TenantViewSet):
    """An agency's itinerary templates, newest first (`q` searches their names)."""

    resource = "template"
    model = ItineraryTemplate
    output_serializer = ItineraryTemplateSerializer
    detail_serializer = ItineraryTemplateDetailSerializer
    input_serializer = ItineraryTemplateInputSerializer
    filterset_class = ItineraryTemplateFilter
    list_selector = trip_selectors.template_list
    get_selector = trip_selectors.template_get
    create_service = _create
    update_service = trip_templates.template_update
    delete_service = trip_templates.template_delete
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]
    action_responses: ClassVar[dict[str, tuple[Any, Any, tuple[int, ...]]]] = {
        "use": (201, ItineraryDetailSerializer, (400, 401, 403, 404, 413, 415, 422, 429)),
    }

    def get_serializer_class(self) -> type[serializers.Serializer]:
        if self.action == "partial_update":
            return ItineraryTemplateUpdateSerializer
        return super().get_serializer_class()

    def validated_fields(self, request: Request, *, partial: bool) -> dict[str, Any]:
        if not partial:
            return super().validated_fields(request, partial=partial)
        serializer = ItineraryTemplateUpdateSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        fields = dict(serializer.validated_data)
        if "itinerary_id" in fields:  # resolved in the viewer's agency, visibility included
            fields["itinerary"] = fields.pop("itinerary_id")
            fields["agency"] = self.agency
        return fields

    @extend_schema(
        summary="Start an itinerary from a template",
        description="A new draft itinerary for `client_id` with the template's plan, day N "
        "dated `start_date` + N - 1. Another agency's client is a 422 on `client_id`.",
        request=ItineraryTemplateUseSerializer,
    )
    @action(detail=True, methods=["post"], url_path="use", filter_backends=[])
    def use(self, request: Request, pk: str) -> Response:
        template = self.get_object()
        assert isinstance(template, ItineraryTemplate)  # get_selector is template_get
        serializer = ItineraryTemplateUseSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        fields = dict(serializer.validated_data)
        with api_field_names():
            itinerary = trip_templates.itinerary_from_template(
                template=template,
                client=fields["client_id"],
                start_date=fields.get("start_date"),
                title=fields.get("title"),
                actor=request.auth.user,
            )
        fresh = trip_selectors.itinerary_get(agency=self.agency, itinerary_id=itinerary.pk)
        return envelope(ItineraryDetailSerializer.represent(fresh), status.HTTP_201_CREATED)
