from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.conflict import Conflict
from ...models.error import Error
from ...models.traveller_envelope import TravellerEnvelope
from ...models.traveller_input_request import TravellerInputRequest
from ...models.validation_error import ValidationError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    client_id: int,
    *,
    body: TravellerInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/clients/{client_id}/travellers".format(
            client_id=quote(str(client_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Conflict | Error | TravellerEnvelope | ValidationError | None:
    if response.status_code == 201:
        response_201 = TravellerEnvelope.from_dict(response.json())

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
) -> Response[Conflict | Error | TravellerEnvelope | ValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    client_id: int,
    *,
    client: AuthenticatedClient,
    body: TravellerInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Conflict | Error | TravellerEnvelope | ValidationError]:
    """Create a traveller

     An ``Idempotency-Key`` makes a retried create replay the first answer for 24 hours
    (one record, however many retries; see core.idempotency). Keys belong to the token.

    Args:
        client_id (int):
        idempotency_key (str | Unset):
        body (TravellerInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Conflict | Error | TravellerEnvelope | ValidationError]
    """

    kwargs = _get_kwargs(
        client_id=client_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    client_id: int,
    *,
    client: AuthenticatedClient,
    body: TravellerInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> Conflict | Error | TravellerEnvelope | ValidationError | None:
    """Create a traveller

     An ``Idempotency-Key`` makes a retried create replay the first answer for 24 hours
    (one record, however many retries; see core.idempotency). Keys belong to the token.

    Args:
        client_id (int):
        idempotency_key (str | Unset):
        body (TravellerInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Conflict | Error | TravellerEnvelope | ValidationError
    """

    return sync_detailed(
        client_id=client_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    client_id: int,
    *,
    client: AuthenticatedClient,
    body: TravellerInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Conflict | Error | TravellerEnvelope | ValidationError]:
    """Create a traveller

     An ``Idempotency-Key`` makes a retried create replay the first answer for 24 hours
    (one record, however many retries; see core.idempotency). Keys belong to the token.

    Args:
        client_id (int):
        idempotency_key (str | Unset):
        body (TravellerInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Conflict | Error | TravellerEnvelope | ValidationError]
    """

    kwargs = _get_kwargs(
        client_id=client_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    client_id: int,
    *,
    client: AuthenticatedClient,
    body: TravellerInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> Conflict | Error | TravellerEnvelope | ValidationError | None:
    """Create a traveller

     An ``Idempotency-Key`` makes a retried create replay the first answer for 24 hours
    (one record, however many retries; see core.idempotency). Keys belong to the token.

    Args:
        client_id (int):
        idempotency_key (str | Unset):
        body (TravellerInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Conflict | Error | TravellerEnvelope | ValidationError
    """

    return (
        await asyncio_detailed(
            client_id=client_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
