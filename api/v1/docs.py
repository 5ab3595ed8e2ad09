"""The schema, the docs page and the JSON 404 for every unknown path under ``/api/``."""

from __future__ import annotations

from typing import Any

from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework import exceptions
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from api.authentication import OptionalBearerTokenAuthentication
from api.base import ApiViewMixin


class PublicApiView(ApiViewMixin):
    """Pages anyone may fetch; a valid token still counts against its own limit."""

    authentication_classes = [OptionalBearerTokenAuthentication]
    permission_classes = [AllowAny]
    # A token that turns out to be revoked is ignored here, not a 401: verify it in full.
    confirms_token_epoch = False


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
    pass


class DocsView(PublicApiView, SpectacularSwaggerView):
    pass
