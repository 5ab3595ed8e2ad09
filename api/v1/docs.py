"""The schema, the docs page and the JSON 404 for every unknown path under ``/api/``."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework import exceptions
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from api.authentication import OptionalBearerTokenAuthentication
from api.base import ApiViewMixin
from api.exceptions import Unprocessable

SCHEMA_VERSION = str(settings.SPECTACULAR_SETTINGS["VERSION"])


class PublicApiView(ApiViewMixin):
    """Pages anyone may fetch; a valid token still counts against its own limit."""

    authentication_classes = [OptionalBearerTokenAuthentication]
    permission_classes = [AllowAny]
    # A token that turns out to be revoked is ignored here, not a 401: verify it in full.
    confirms_token_epoch = False
    strict_input = False  # not operations of the API: the schema's own ?format, the docs' ?script


class NotFoundView(PublicApiView, APIView):
    """Every path under /api/ that is not an endpoint: a JSON 404, never a redirect or HTML."""

    schema = None

    def handle(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        raise exceptions.NotFound()

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        response = super().finalize_response(request, response, *args, **kwargs)
        response.headers.pop("Allow", None)  # nothing is allowed on a path that is not there
        return response

    get = post = put = patch = delete = head = options = trace = handle


class SchemaView(PublicApiView, SpectacularAPIView):
    """The one version of the schema. ``?version=`` other than that one is a 422: drf-spectacular
    would otherwise write whatever it is into the schema's ``info.version`` and, unescaped, into
    the ``Content-Disposition`` header (a newline answered 500; a quote rewrote the header)."""

    @extend_schema(exclude=True)  # as drf-spectacular's own get (SERVE_INCLUDE_SCHEMA off)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        version = request.query_params.get("version")
        if version is not None and version != SCHEMA_VERSION:
            raise Unprocessable(
                {"version": [f"This API has one schema version: {SCHEMA_VERSION}."]}
            )
        # Generated as the unversioned schema whatever was asked: nothing typed is reflected.
        query = request._request.GET.copy()
        query.pop("version", None)
        request._request.GET = query  # type: ignore[assignment]  # a QueryDict all the same
        return super().get(request, *args, **kwargs)


# The docs page (Swagger UI from drf-spectacular-sidecar, on our origin). Its start-up script is
# a file (the split view serves it at ``?script``), so no inline script and no eval run; inline
# *styles* stay (Swagger UI sets style attributes; styles cannot run code).
DOCS_CSP = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    ]
)


class DocsView(PublicApiView, SpectacularSwaggerSplitView):
    """Swagger UI under a strict Content-Security-Policy. It keeps a token typed into
    "Authorize" in memory only (``persistAuthorization`` is off in settings): nothing in
    localStorage for a script of the dashboard's origin to read."""

    # Our page around it: ``lang`` on <html> and a stylesheet that fixes Swagger UI's contrast.
    template_name = "api/swagger_ui.html"

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        response = super().finalize_response(request, response, *args, **kwargs)
        response.headers["Content-Security-Policy"] = DOCS_CSP
        response.headers["X-Frame-Options"] = "DENY"
        return response
