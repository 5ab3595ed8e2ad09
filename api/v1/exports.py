"""CSV of an API list: ``Accept: text/csv`` or ``?format=csv`` on ``/clients``,
``/itineraries``, ``/proposals``, ``/bookings`` and ``/bookings/{booking_id}/payments``.

The list's own filters, every row (no pages), streamed by ``crm.exports`` with formula-safe
cells. A refused filter is the usual 422 in JSON, before any line is sent.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from django.http import StreamingHttpResponse
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from api.exceptions import Unprocessable
from core.overrides import JSONRenderer
from crm.exports import export_lines

FORMAT_PARAMETER = "format"
# Declared on the list (so api.strict takes it, and the schema says it).
FORMAT = OpenApiParameter(
    FORMAT_PARAMETER,
    str,
    enum=["csv"],
    description="`csv`: every row the filters select (no pages) as a CSV download, as with "
    "`Accept: text/csv`.",
)


class CSVRenderer(BaseRenderer):
    """Offers ``text/csv`` to content negotiation; the list answers the stream itself (an
    error body, never CSV, is rendered as JSON by ``ApiViewMixin.finalize_response``)."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(
        self,
        data: Any,
        accepted_media_type: str | None = None,
        renderer_context: Mapping[str, Any] | None = None,
    ) -> bytes:
        return b""


class StreamingFinalizeMixin:
    """Lets a view answer a ``StreamingHttpResponse`` (a CSV) with the rate-limit headers."""

    def finalize_response(
        self, request: Request, response: Any, *args: Any, **kwargs: Any
    ) -> Response:
        if isinstance(response, StreamingHttpResponse):
            # DRF's finalize_response only dresses a Response; the rate-limit headers still.
            limit = getattr(self, "rate_limit", None)
            if limit is not None:
                for name, value in limit.headers.items():
                    response[name] = value
            return response  # type: ignore[return-value]
        return super().finalize_response(request, response, *args, **kwargs)  # type: ignore[misc]


class CsvListMixin(StreamingFinalizeMixin):
    """A TenantViewSet whose ``list`` also answers CSV (``export`` names the crm.exports
    list; a nested resource's parent narrows it)."""

    export: ClassVar[str]
    renderer_classes: Sequence[type[BaseRenderer]] = [JSONRenderer, CSVRenderer]

    def get_renderers(self) -> list[BaseRenderer]:
        renderers: list[BaseRenderer] = super().get_renderers()  # type: ignore[misc]
        if self.action == "list":  # type: ignore[attr-defined]
            return renderers
        # Only the list exports: a record, a create or an error asked for as text/csv is JSON
        # (the CSV renderer would answer an empty body).
        return [r for r in renderers if not isinstance(r, CSVRenderer)]

    def perform_content_negotiation(self, request: Request, force: bool = False) -> Any:
        # ``?format=csv`` wins over the Accept header (clients send application/json by
        # habit); JSONFirstNegotiation would otherwise fall back to JSON.
        asked = request.query_params.get(FORMAT_PARAMETER)
        if asked == "csv" and self.action == "list":  # type: ignore[attr-defined]
            renderer = CSVRenderer()
            return renderer, renderer.media_type
        if asked is not None:
            # Any other value is refused (the list's 422 below, api.strict elsewhere), in JSON:
            # DRF's own format override would raise a 404 mid-negotiation (a 500).
            json_renderer = JSONRenderer()
            return json_renderer, json_renderer.media_type
        return super().perform_content_negotiation(request, force)  # type: ignore[misc]

    @extend_schema(parameters=[FORMAT])
    def list(self, request: Request, **parent: Any) -> Any:
        if request.query_params.get(FORMAT_PARAMETER, "csv") != "csv":
            raise Unprocessable({FORMAT_PARAMETER: ["`csv`, or leave it out (JSON)."]})
        if getattr(request, "accepted_renderer", None) is None or not isinstance(
            request.accepted_renderer, CSVRenderer
        ):
            return super().list(request, **parent)  # type: ignore[misc]
        params = self.filters()  # type: ignore[attr-defined]
        filters = {k: v for k, v in params.items() if k != FORMAT_PARAMETER}
        for name, record in self.parents().items():  # type: ignore[attr-defined]
            filters[f"{name}_id"] = str(record.pk)
        lines = export_lines(self.export, agency=self.agency, filters=filters)  # type: ignore[attr-defined]
        response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
        stamp = timezone.localdate().isoformat()
        response["Content-Disposition"] = f'attachment; filename="{self.export}-{stamp}.csv"'
        return response
