from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.proposal_version_detail_envelope import ProposalVersionDetailEnvelope
from ...models.validation_error import ValidationError
from ...types import Response


def _get_kwargs(
    id: int,
    n: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/proposals/{id}/versions/{n}".format(
            id=quote(str(id), safe=""),
            n=quote(str(n), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | ProposalVersionDetailEnvelope | ValidationError | None:
    if response.status_code == 200:
        response_200 = ProposalVersionDetailEnvelope.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

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
) -> Response[Error | ProposalVersionDetailEnvelope | ValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: int,
    n: int,
    *,
    client: AuthenticatedClient,
) -> Response[Error | ProposalVersionDetailEnvelope | ValidationError]:
    """Fetch one version of a proposal

     The frozen snapshot the client was sent as version `n`, with its SHA-256.

    Args:
        id (int):
        n (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ProposalVersionDetailEnvelope | ValidationError]
    """

    kwargs = _get_kwargs(
        id=id,
        n=n,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: int,
    n: int,
    *,
    client: AuthenticatedClient,
) -> Error | ProposalVersionDetailEnvelope | ValidationError | None:
    """Fetch one version of a proposal

     The frozen snapshot the client was sent as version `n`, with its SHA-256.

    Args:
        id (int):
        n (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ProposalVersionDetailEnvelope | ValidationError
    """

    return sync_detailed(
        id=id,
        n=n,
        client=client,
    ).parsed


async def asyncio_detailed(
    id: int,
    n: int,
    *,
    client: AuthenticatedClient,
) -> Response[Error | ProposalVersionDetailEnvelope | ValidationError]:
    """Fetch one version of a proposal

     The frozen snapshot the client was sent as version `n`, with its SHA-256.

    Args:
        id (int):
        n (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ProposalVersionDetailEnvelope | ValidationError]
    """

    kwargs = _get_kwargs(
        id=id,
        n=n,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    n: int,
    *,
    client: AuthenticatedClient,
) -> Error | ProposalVersionDetailEnvelope | ValidationError | None:
    """Fetch one version of a proposal

     The frozen snapshot the client was sent as version `n`, with its SHA-256.

    Args:
        id (int):
        n (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ProposalVersionDetailEnvelope | ValidationError
    """

    return (
        await asyncio_detailed(
            id=id,
            n=n,
            client=client,
        )
    ).parsed
