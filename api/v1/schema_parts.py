"""Schema pieces for the views of api/v1 that are not TenantViewSets (auth, lookups, tokens)."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers

from api.serializers import ErrorSerializer, ValidationErrorSerializer


def _error(description: str, serializer: type = ErrorSerializer) -> OpenApiResponse:
    return OpenApiResponse(response=serializer, description=description)


# The error answers of these operations (api.schema's wording; api.v1 may not import api.schema,
# which imports api.v1).
ERRORS = {
    400: _error("The body is not valid JSON."),
    401: _error("Missing, malformed, unknown, expired or revoked token."),
    403: _error("The token is read-only."),
    415: _error("The body is not `application/json`."),
    422: _error("Validation failed: see `errors`.", ValidationErrorSerializer),
    429: _error("Rate limit exceeded: see `Retry-After`."),
}


def enveloped(serializer_class: type[serializers.Serializer]) -> type[serializers.Serializer]:
    """``{"data": <serializer_class>}`` (built with type(): a class body's ``data`` would
    shadow Serializer.data)."""
    name = serializer_class.__name__.removesuffix("Serializer")
    return type(
        f"{name}EnvelopeSerializer",
        (serializers.Serializer,),
        {"data": serializer_class(), "__module__": serializer_class.__module__},
    )
