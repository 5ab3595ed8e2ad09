"""``Idempotency-Key`` on an API create: a retried POST replays the first answer.

A viewset that mixes in :class:`IdempotentCreateMixin` (before ``TenantViewSet``) honours the
header on ``create``; the schema (``api.schema``) documents the header and its 409 for every
such view. The mechanism itself is ``core.idempotency``; keys belong to the token that sent them.
"""

from __future__ import annotations

from typing import Any

from rest_framework.request import Request
from rest_framework.response import Response

from api.exceptions import error_response
from core import idempotency

HEADER_DESCRIPTION = (
    "Any unique string (a UUID). Retrying with the same key and body within 24 hours replays the "
    "first answer (`Idempotent-Replayed: true`) instead of creating a second record; the same "
    "key with another body is a 409."
)


class IdempotentCreateMixin:
    """``create`` replays the first answer for a repeated ``Idempotency-Key`` (24 hours): one
    record, however many retries."""

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """An ``Idempotency-Key`` makes a retried create replay the first answer for 24 hours
        (one record, however many retries; see core.idempotency). Keys belong to the token."""
        key = request.headers.get(idempotency.HEADER)
        create = super().create  # type: ignore[misc]
        if key is None:
            return create(request, *args, **kwargs)

        def run() -> idempotency.StoredResponse:
            response = create(request, *args, **kwargs)
            return idempotency.StoredResponse(
                response.status_code, idempotency.json_body(response.data)
            )

        try:
            outcome = idempotency.idempotent_call(
                scope=f"token:{request.auth.pk}",
                key=key,
                request_hash=idempotency.request_hash("POST", request.path, request.data),
                handler=run,
            )
        except idempotency.IdempotencyError as exc:
            reused = isinstance(exc, idempotency.KeyReused)
            errors = {idempotency.HEADER: [exc.message]} if reused else None
            return error_response(exc.status, exc.message, errors, headers=exc.headers)
        response = Response(outcome.response.body, status=outcome.response.status)
        if outcome.replayed:
            response[idempotency.REPLAYED_HEADER] = "true"
        return response
