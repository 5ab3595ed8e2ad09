from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.conflict import Conflict
from ...models.error import Error
from ...models.validation_error import ValidationError
from ...models.webhook_input_request import WebhookInputRequest
from ...models.webhook_with_secret_envelope import WebhookWithSecretEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: WebhookInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/webhooks",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Conflict | Error | ValidationError | WebhookWithSecretEnvelope | None:
    if response.status_code == 201:
        response_201 = WebhookWithSecretEnvelope.from_dict(response.json())

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
) -> Response[Conflict | Error | ValidationError | WebhookWithSecretEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: WebhookInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Conflict | Error | ValidationError | WebhookWithSecretEnvelope]:
    """Create a webhook endpoint

     Registers an endpoint. The answer holds its signing `secret`, shown this once. A URL that is not
    https, or whose host resolves to a private, loopback, link-local, multicast or reserved address, is
    a 422 on `url`.

    Args:
        idempotency_key (str | Unset):
        body (WebhookInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Conflict | Error | ValidationError | WebhookWithSecretEnvelope]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: WebhookInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> Conflict | Error | ValidationError | WebhookWithSecretEnvelope | None:
    """Create a webhook endpoint

     Registers an endpoint. The answer holds its signing `secret`, shown this once. A URL that is not
    https, or whose host resolves to a private, loopback, link-local, multicast or reserved address, is
    a 422 on `url`.

    Args:
        idempotency_key (str | Unset):
        body (WebhookInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Conflict | Error | ValidationError | WebhookWithSecretEnvelope
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: WebhookInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Conflict | Error | ValidationError | WebhookWithSecretEnvelope]:
    """Create a webhook endpoint

     Registers an endpoint. The answer holds its signing `secret`, shown this once. A URL that is not
    https, or whose host resolves to a private, loopback, link-local, multicast or reserved address, is
    a 422 on `url`.

    Args:
        idempotency_key (str | Unset):
        body (WebhookInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Conflict | Error | ValidationError | WebhookWithSecretEnvelope]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: WebhookInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> Conflict | Error | ValidationError | WebhookWithSecretEnvelope | None:
    """Create a webhook endpoint

     Registers an endpoint. The answer holds its signing `secret`, shown this once. A URL that is not
    https, or whose host resolves to a private, loopback, link-local, multicast or reserved address, is
    a 422 on `url`.

    Args:
        idempotency_key (str | Unset):
        body (WebhookInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Conflict | Error | ValidationError | WebhookWithSecretEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
