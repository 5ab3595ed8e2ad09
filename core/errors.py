"""The one JSON error body: ``{"message": ..., "errors": {field: [messages]}}``.

``errors`` appears only when there are field errors to give (a 422). The API's exception handler
(``api.exceptions``), the project-wide handlers for whatever fails before a view runs
(``config.errors``) and the public website forms (``crm.public``) all answer with it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.http import JsonResponse

# The database is unreachable: a retryable 503, said the same way by the API and the rest.
SERVICE_UNAVAILABLE = "The service is temporarily unavailable. Please retry shortly."
SERVICE_UNAVAILABLE_RETRY_AFTER = {"Retry-After": "5"}


def error_body(message: str, errors: Mapping[str, list[str]] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"message": message}
    if errors is not None:
        body["errors"] = dict(errors)
    return body


def json_error(
    status: int,
    message: str,
    errors: Mapping[str, list[str]] | None = None,
    headers: Mapping[str, str] | None = None,
) -> JsonResponse:
    return JsonResponse(
        error_body(message, errors), status=status, headers=dict(headers) if headers else None
    )


class Conflict(ValidationError):
    """A well-formed request that the record's current state refuses: a voided payment that
    would change, a status step off its lifecycle, a name already taken, a second use of an
    Idempotency-Key with another body. The API answers 409 (``api.exceptions``) with the same
    ``errors`` a 422 has; anywhere else (a dashboard form) it is the ``ValidationError`` it
    extends. A 422 stays for input that is wrong whatever the state (the schema's domain)."""
