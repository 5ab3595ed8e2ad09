from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.paginated_delivery_list import PaginatedDeliveryList
from ...models.validation_error import ValidationError
from ...models.webhooks_deliveries_list_event_type import WebhooksDeliveriesListEventType
from ...models.webhooks_deliveries_list_status import WebhooksDeliveriesListStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: int,
    *,
    event_type: WebhooksDeliveriesListEventType | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    status: WebhooksDeliveriesListStatus | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_event_type: str | Unset = UNSET
    if not isinstance(event_type, Unset):
        json_event_type = event_type.value

    params["event_type"] = json_event_type

    params["page"] = page

    params["per_page"] = per_page

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/webhooks/{id}/deliveries".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | PaginatedDeliveryList | ValidationError | None:
    if response.status_code == 200:
        response_200 = PaginatedDeliveryList.from_dict(response.json())

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
) -> Response[Error | PaginatedDeliveryList | ValidationError]:
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
    event_type: WebhooksDeliveriesListEventType | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    status: WebhooksDeliveriesListStatus | Unset = UNSET,
) -> Response[Error | PaginatedDeliveryList | ValidationError]:
    """List a webhook endpoint's deliveries

     The delivery log, newest first: every event sent (or waiting) to this endpoint, replays and test
    events included.

    Args:
        id (int):
        event_type (WebhooksDeliveriesListEventType | Unset):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 25.
        status (WebhooksDeliveriesListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedDeliveryList | ValidationError]
    """

    kwargs = _get_kwargs(
        id=id,
        event_type=event_type,
        page=page,
        per_page=per_page,
        status=status,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: int,
    *,
    client: AuthenticatedClient,
    event_type: WebhooksDeliveriesListEventType | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    status: WebhooksDeliveriesListStatus | Unset = UNSET,
) -> Error | PaginatedDeliveryList | ValidationError | None:
    """List a webhook endpoint's deliveries

     The delivery log, newest first: every event sent (or waiting) to this endpoint, replays and test
    events included.

    Args:
        id (int):
        event_type (WebhooksDeliveriesListEventType | Unset):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 25.
        status (WebhooksDeliveriesListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedDeliveryList | ValidationError
    """

    return sync_detailed(
        id=id,
        client=client,
        event_type=event_type,
        page=page,
        per_page=per_page,
        status=status,
    ).parsed


async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient,
    event_type: WebhooksDeliveriesListEventType | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    status: WebhooksDeliveriesListStatus | Unset = UNSET,
) -> Response[Error | PaginatedDeliveryList | ValidationError]:
    """List a webhook endpoint's deliveries

     The delivery log, newest first: every event sent (or waiting) to this endpoint, replays and test
    events included.

    Args:
        id (int):
        event_type (WebhooksDeliveriesListEventType | Unset):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 25.
        status (WebhooksDeliveriesListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedDeliveryList | ValidationError]
    """

    kwargs = _get_kwargs(
        id=id,
        event_type=event_type,
        page=page,
        per_page=per_page,
        status=status,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient,
    event_type: WebhooksDeliveriesListEventType | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    status: WebhooksDeliveriesListStatus | Unset = UNSET,
) -> Error | PaginatedDeliveryList | ValidationError | None:
    """List a webhook endpoint's deliveries

     The delivery log, newest first: every event sent (or waiting) to this endpoint, replays and test
    events included.

    Args:
        id (int):
        event_type (WebhooksDeliveriesListEventType | Unset):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 25.
        status (WebhooksDeliveriesListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedDeliveryList | ValidationError
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            event_type=event_type,
            page=page,
            per_page=per_page,
            status=status,
        )
    ).parsed
