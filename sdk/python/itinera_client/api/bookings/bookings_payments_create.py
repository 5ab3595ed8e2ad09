from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.conflict import Conflict
from ...models.error import Error
from ...models.payment_envelope import PaymentEnvelope
from ...models.payment_input_request import PaymentInputRequest
from ...models.validation_error import ValidationError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    booking_id: int,
    *,
    body: PaymentInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/bookings/{booking_id}/payments".format(
            booking_id=quote(str(booking_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Conflict | Error | PaymentEnvelope | ValidationError | None:
    if response.status_code == 201:
        response_201 = PaymentEnvelope.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Conflict.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Error.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ValidationError.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = Error.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Conflict | Error | PaymentEnvelope | ValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    booking_id: int,
    *,
    client: AuthenticatedClient,
    body: PaymentInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Conflict | Error | PaymentEnvelope | ValidationError]:
    """Create a payment

     An ``Idempotency-Key`` makes a retried create replay the first answer for 24 hours
    (one record, however many retries; see core.idempotency). Keys belong to the token.

    Args:
        booking_id (int):
        idempotency_key (str | Unset):
        body (PaymentInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Conflict | Error | PaymentEnvelope | ValidationError]
    """

    kwargs = _get_kwargs(
        booking_id=booking_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    booking_id: int,
    *,
    client: AuthenticatedClient,
    body: PaymentInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> Conflict | Error | PaymentEnvelope | ValidationError | None:
    """Create a payment

     An ``Idempotency-Key`` makes a retried create replay the first answer for 24 hours
    (one record, however many retries; see core.idempotency). Keys belong to the token.

    Args:
        booking_id (int):
        idempotency_key (str | Unset):
        body (PaymentInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Conflict | Error | PaymentEnvelope | ValidationError
    """

    return sync_detailed(
        booking_id=booking_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    booking_id: int,
    *,
    client: AuthenticatedClient,
    body: PaymentInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Conflict | Error | PaymentEnvelope | ValidationError]:
    """Create a payment

     An ``Idempotency-Key`` makes a retried create replay the first answer for 24 hours
    (one record, however many retries; see core.idempotency). Keys belong to the token.

    Args:
        booking_id (int):
        idempotency_key (str | Unset):
        body (PaymentInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Conflict | Error | PaymentEnvelope | ValidationError]
    """

    kwargs = _get_kwargs(
        booking_id=booking_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    booking_id: int,
    *,
    client: AuthenticatedClient,
    body: PaymentInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> Conflict | Error | PaymentEnvelope | ValidationError | None:
    """Create a payment

     An ``Idempotency-Key`` makes a retried create replay the first answer for 24 hours
    (one record, however many retries; see core.idempotency). Keys belong to the token.

    Args:
        booking_id (int):
        idempotency_key (str | Unset):
        body (PaymentInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Conflict | Error | PaymentEnvelope | ValidationError
    """

    return (
        await asyncio_detailed(
            booking_id=booking_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
