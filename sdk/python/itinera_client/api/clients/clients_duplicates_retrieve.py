from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.duplicate_pairs_envelope import DuplicatePairsEnvelope
from ...models.error import Error
from ...models.validation_error import ValidationError
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/clients/duplicates",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DuplicatePairsEnvelope | Error | ValidationError | None:
    if response.status_code == 200:
        response_200 = DuplicatePairsEnvelope.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

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
) -> Response[DuplicatePairsEnvelope | Error | ValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[DuplicatePairsEnvelope | Error | ValidationError]:
    """Likely duplicate clients

     Pairs of live clients with the same email (any case), the same phone (E.164), or
    lead travellers with the same first and last name (any case) and date of birth, the
    older first (at most 200 pairs). Merge one with `POST /clients/{client_id}/merge`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DuplicatePairsEnvelope | Error | ValidationError]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> DuplicatePairsEnvelope | Error | ValidationError | None:
    """Likely duplicate clients

     Pairs of live clients with the same email (any case), the same phone (E.164), or
    lead travellers with the same first and last name (any case) and date of birth, the
    older first (at most 200 pairs). Merge one with `POST /clients/{client_id}/merge`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DuplicatePairsEnvelope | Error | ValidationError
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[DuplicatePairsEnvelope | Error | ValidationError]:
    """Likely duplicate clients

     Pairs of live clients with the same email (any case), the same phone (E.164), or
    lead travellers with the same first and last name (any case) and date of birth, the
    older first (at most 200 pairs). Merge one with `POST /clients/{client_id}/merge`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DuplicatePairsEnvelope | Error | ValidationError]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> DuplicatePairsEnvelope | Error | ValidationError | None:
    """Likely duplicate clients

     Pairs of live clients with the same email (any case), the same phone (E.164), or
    lead travellers with the same first and last name (any case) and date of birth, the
    older first (at most 200 pairs). Merge one with `POST /clients/{client_id}/merge`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DuplicatePairsEnvelope | Error | ValidationError
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
