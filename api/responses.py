"""The documented responses every API view shares: the error bodies by status code and the
``{"data": ...}`` envelope. In a module of their own so that ``api.schema`` and the resources in
``api/v1`` (whose own actions document their answers) both import them without a cycle."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers

from api.serializers import ConflictSerializer, ErrorSerializer, ValidationErrorSerializer


def _error(description: str, serializer: type = ErrorSerializer) -> OpenApiResponse:
    return OpenApiResponse(response=serializer, description=description)


CONFLICT_DESCRIPTION = (
    "The record's current state refuses the request (`message`, and `errors` by field): a "
    "voided payment or receipt, a status step off its lifecycle, an answered proposal, a name "
    "already taken, a currency other than the booking's, an `Idempotency-Key` already used with "
    "another body. Or a request with this `Idempotency-Key` is still being processed: retry "
    "after `Retry-After`. (A 422 is input that is wrong whatever the state.)"
)

ERRORS = {
    400: _error("The body is not valid JSON."),
    401: _error("Missing, malformed, unknown, expired or revoked token."),
    403: _error("The token is read-only."),
    404: _error("No such record in your agency (or not yours: the two are indistinguishable)."),
    409: _error(CONFLICT_DESCRIPTION, ConflictSerializer),
    413: _error("The body is larger than the server accepts."),
    415: _error("The body is not `application/json`."),
    422: _error("Validation failed: see `errors`.", ValidationErrorSerializer),
    429: _error("Rate limit exceeded: see `Retry-After`."),
}

# A delete refused because the record carries issued invoices or receipts (kept for the accounts:
# crm.bookings.archive): the caller archives it instead.
DOCUMENTS_KEPT_422 = _error(
    "Invoices or receipts were issued for it: they are kept for the accounts, so it cannot be "
    "deleted (see `errors`). Archive it instead (`POST .../archive`).",
    ValidationErrorSerializer,
)

ADMINS_ONLY_403 = _error(
    "The token's user is an agent (owners and admins only), or a write with a read-only token."
)

_envelopes: dict[type, type] = {}


def enveloped(serializer_class: type[serializers.Serializer]) -> type[serializers.Serializer]:
    """A ``{"data": <serializer_class>}`` serializer, made once per class (one component)."""
    cls = _envelopes.get(serializer_class)
    if cls is None:
        name = serializer_class.__name__.removesuffix("Serializer")
        cls = _envelopes[serializer_class] = type(
            f"{name}EnvelopeSerializer",
            (serializers.Serializer,),
            {"data": serializer_class(), "__module__": __name__},
        )
    return cls
