from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.conflict import Conflict
from ...models.error import Error
from ...models.issued_token_envelope import IssuedTokenEnvelope
from ...models.token_request_request import TokenRequestRequest
from ...models.validation_error import ValidationError
from ...types import Response


def _get_kwargs(
    *,
    body: TokenRequestRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/auth/token",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Conflict | Error | IssuedTokenEnvelope | ValidationError | None:
    if response.status_code == 201:
        response_201 = IssuedTokenEnvelope.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = Conflict.from_dict(response.json())

        return response_409

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
) -> Response[Conflict | Error | IssuedTokenEnvelope | ValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequestRequest,
) -> Response[Conflict | Error | IssuedTokenEnvelope | ValidationError]:
    """Sign in for a token

     Sign in with `email` (or `username`) and `password` for a new token (expiring after
    `expires_in_days`, 90 by default). The sign-in page's lockout applies: too many failures for an
    account or from an address answer 429 with `Retry-After`. An unknown account and a wrong password
    are the same 401. An account with two-factor sign-in must send `otp`. Deactivated members, members
    whose agency requires two-factor sign-in they have not set up, and agencies whose API access is
    switched off get a 403.

    Args:
        body (TokenRequestRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Conflict | Error | IssuedTokenEnvelope | ValidationError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequestRequest,
) -> Conflict | Error | IssuedTokenEnvelope | ValidationError | None:
    """Sign in for a token

     Sign in with `email` (or `username`) and `password` for a new token (expiring after
    `expires_in_days`, 90 by default). The sign-in page's lockout applies: too many failures for an
    account or from an address answer 429 with `Retry-After`. An unknown account and a wrong password
    are the same 401. An account with two-factor sign-in must send `otp`. Deactivated members, members
    whose agency requires two-factor sign-in they have not set up, and agencies whose API access is
    switched off get a 403.

    Args:
        body (TokenRequestRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Conflict | Error | IssuedTokenEnvelope | ValidationError
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequestRequest,
) -> Response[Conflict | Error | IssuedTokenEnvelope | ValidationError]:
    """Sign in for a token

     Sign in with `email` (or `username`) and `password` for a new token (expiring after
    `expires_in_days`, 90 by default). The sign-in page's lockout applies: too many failures for an
    account or from an address answer 429 with `Retry-After`. An unknown account and a wrong password
    are the same 401. An account with two-factor sign-in must send `otp`. Deactivated members, members
    whose agency requires two-factor sign-in they have not set up, and agencies whose API access is
    switched off get a 403.

    Args:
        body (TokenRequestRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Conflict | Error | IssuedTokenEnvelope | ValidationError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequestRequest,
) -> Conflict | Error | IssuedTokenEnvelope | ValidationError | None:
    """Sign in for a token

     Sign in with `email` (or `username`) and `password` for a new token (expiring after
    `expires_in_days`, 90 by default). The sign-in page's lockout applies: too many failures for an
    account or from an address answer 429 with `Retry-After`. An unknown account and a wrong password
    are the same 401. An account with two-factor sign-in must send `otp`. Deactivated members, members
    whose agency requires two-factor sign-in they have not set up, and agencies whose API access is
    switched off get a 403.

    Args:
        body (TokenRequestRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Conflict | Error | IssuedTokenEnvelope | ValidationError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
