"""The one exception handler: every API error body is ``{"message": ...}`` (plus ``errors`` on
422), whatever raised it, with DEBUG on or off. Never HTML, never a traceback."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ObjectDoesNotExist, RequestDataTooBig
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import InterfaceError, OperationalError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response

from core.errors import (
    SERVICE_UNAVAILABLE,
    SERVICE_UNAVAILABLE_RETRY_AFTER,
    Conflict,
    error_body,
)

logger = logging.getLogger(__name__)

NOT_FOUND = "Not found."
VALIDATION_FAILED = "Validation failed."
SERVER_ERROR = "Internal server error."

# Services name relations as model fields; the API names them ``<name>_id``.
API_FIELD_NAMES = {
    "client": "client_id",
    "itinerary": "itinerary_id",
    "proposal": "proposal_id",
    "assigned_to": "assigned_to_id",
    "day": "day_id",
}


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is too large."
    default_code = "payload_too_large"


class Unprocessable(exceptions.ValidationError):
    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY


def _text(value: Any) -> str:
    if isinstance(value, list | tuple) and value:
        return _text(value[0])
    return str(value)


def flatten_errors(detail: Any, prefix: str = "") -> dict[str, list[str]]:
    """DRF's nested error detail as ``{"field": [...], "days[0].items[1].title": [...]}``."""
    if isinstance(detail, Mapping):
        flat: dict[str, list[str]] = {}
        for key, value in detail.items():
            if isinstance(key, int):  # a ListField child: tags[2]
                path = f"{prefix}[{key}]"
            elif prefix:
                path = f"{prefix}.{key}"
            else:
                path = str(key)
            flat.update(flatten_errors(value, path))
        return flat
    if isinstance(detail, list | tuple):
        if any(isinstance(item, Mapping | list | tuple) for item in detail):
            flat = {}
            for index, item in enumerate(detail):
                if item:
                    flat.update(flatten_errors(item, f"{prefix}[{index}]"))
            return flat
        return {prefix or "non_field_errors": [str(item) for item in detail]}
    return {prefix or "non_field_errors": [str(detail)]}


def django_validation_errors(exc: DjangoValidationError) -> dict[str, list[str]]:
    if hasattr(exc, "error_dict"):
        return {
            "non_field_errors" if field == NON_FIELD_ERRORS else field: [str(m) for m in messages]
            for field, messages in exc.message_dict.items()
        }
    return {"non_field_errors": [str(m) for m in exc.messages]}


@contextmanager
def api_field_names() -> Iterator[None]:
    """Report a service's errors under the API's field names (``client`` → ``client_id``)."""
    try:
        yield
    except DjangoValidationError as exc:
        if not hasattr(exc, "error_dict"):
            raise
        # type(exc): a Conflict stays a Conflict (a 409) under its new names.
        raise type(exc)(
            {API_FIELD_NAMES.get(field, field): errors for field, errors in exc.error_dict.items()}
        ) from exc


def error_response(
    status_code: int,
    message: str,
    errors: dict[str, list[str]] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    # A DRF Response (rendered by the API's renderer, with its headers) around the one body.
    return Response(error_body(message, errors), status=status_code, headers=headers)


def exception_handler(exc: Exception, context: Mapping[str, Any]) -> Response:
    if isinstance(exc, OperationalError | InterfaceError):
        # The database is down or unreachable: a 503 the client may retry, not a 500.
        logger.warning("Database unavailable: %s", exc)
        return error_response(503, SERVICE_UNAVAILABLE, headers=SERVICE_UNAVAILABLE_RETRY_AFTER)
    if isinstance(exc, Http404 | ObjectDoesNotExist | exceptions.NotFound):
        return error_response(404, NOT_FOUND)
    if isinstance(exc, Conflict):
        errors = django_validation_errors(exc)
        # The first refusal as the message: it says what state stands in the way.
        return error_response(409, next(iter(errors.values()))[0], errors)
    if isinstance(exc, DjangoValidationError):
        return error_response(422, VALIDATION_FAILED, django_validation_errors(exc))
    if isinstance(exc, exceptions.ValidationError):
        return error_response(422, VALIDATION_FAILED, flatten_errors(exc.detail))
    if isinstance(exc, RequestDataTooBig):
        exc = PayloadTooLarge()
    if isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    if isinstance(exc, exceptions.APIException):
        headers: dict[str, str] = {}
        # APIView.handle_exception sets auth_header; Throttled.wait is missing from the stubs.
        if auth_header := getattr(exc, "auth_header", None):
            headers["WWW-Authenticate"] = auth_header
        wait = getattr(exc, "wait", None) if isinstance(exc, exceptions.Throttled) else None
        if wait is not None:
            headers["Retry-After"] = str(max(1, int(wait)))
        return error_response(exc.status_code, _text(exc.detail), headers=headers)
    request = context.get("request")
    logger.error(
        "Unhandled error in %s %s",
        getattr(request, "method", "?"),
        getattr(request, "path", "?"),
        exc_info=exc,
    )
    return error_response(500, SERVER_ERROR)
