from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.conflict import Conflict
from ...models.error import Error
from ...models.schedule_envelope import ScheduleEnvelope
from ...models.schedule_input_request import ScheduleInputRequest
from ...models.validation_error import ValidationError
from ...types import Response


def _get_kwargs(
    id: int,
    *,
    body: ScheduleInputRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/bookings/{id}/schedule".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Conflict | Error | ScheduleEnvelope | ValidationError | None:
    if response.status_code == 200:
        response_200 = ScheduleEnvelope.from_dict(response.json())

        return response_200

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
) -> Response[Conflict | Error | ScheduleEnvelope | ValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: int,
    *,
    client: AuthenticatedClient,
    body: ScheduleInputRequest,
) -> Response[Conflict | Error | ScheduleEnvelope | ValidationError]:
    """Set a booking's payment schedule

     Replaces the schedule. The instalments' total must equal the booking's total: otherwise a 409 naming
    both figures, and nothing changes.

    Args:
        id (int):
        body (ScheduleInputRequest): Either `instalments` (their total must equal the booking's
            total, else a 409 naming both)
            or a `template` with its parameters.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Conflict | Error | ScheduleEnvelope | ValidationError]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: int,
    *,
    client: AuthenticatedClient,
    body: ScheduleInputRequest,
) -> Conflict | Error | ScheduleEnvelope | ValidationError | None:
    """Set a booking's payment schedule

     Replaces the schedule. The instalments' total must equal the booking's total: otherwise a 409 naming
    both figures, and nothing changes.

    Args:
        id (int):
        body (ScheduleInputRequest): Either `instalments` (their total must equal the booking's
            total, else a 409 naming both)
            or a `template` with its parameters.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Conflict | Error | ScheduleEnvelope | ValidationError
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient,
    body: ScheduleInputRequest,
) -> Response[Conflict | Error | ScheduleEnvelope | ValidationError]:
    """Set a booking's payment schedule

     Replaces the schedule. The instalments' total must equal the booking's total: otherwise a 409 naming
    both figures, and nothing changes.

    Args:
        id (int):
        body (ScheduleInputRequest): Either `instalments` (their total must equal the booking's
            total, else a 409 naming both)
            or a `template` with its parameters.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Conflict | Error | ScheduleEnvelope | ValidationError]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient,
    body: ScheduleInputRequest,
) -> Conflict | Error | ScheduleEnvelope | ValidationError | None:
    """Set a booking's payment schedule

     Replaces the schedule. The instalments' total must equal the booking's total: otherwise a 409 naming
    both figures, and nothing changes.

    Args:
        id (int):
        body (ScheduleInputRequest): Either `instalments` (their total must equal the booking's
            total, else a 409 naming both)
            or a `template` with its parameters.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Conflict | Error | ScheduleEnvelope | ValidationError
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed
