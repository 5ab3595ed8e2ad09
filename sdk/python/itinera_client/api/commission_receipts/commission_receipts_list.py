import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.paginated_commission_receipt_list import PaginatedCommissionReceiptList
from ...models.validation_error import ValidationError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    booking_id: int | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    service_id: int | Unset = UNSET,
    supplier_id: int | Unset = UNSET,
    voided: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["booking_id"] = booking_id

    json_date_from: str | Unset = UNSET
    if not isinstance(date_from, Unset):
        json_date_from = date_from.isoformat()
    params["date_from"] = json_date_from

    json_date_to: str | Unset = UNSET
    if not isinstance(date_to, Unset):
        json_date_to = date_to.isoformat()
    params["date_to"] = json_date_to

    params["page"] = page

    params["per_page"] = per_page

    params["service_id"] = service_id

    params["supplier_id"] = supplier_id

    params["voided"] = voided

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/commission-receipts",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | PaginatedCommissionReceiptList | ValidationError | None:
    if response.status_code == 200:
        response_200 = PaginatedCommissionReceiptList.from_dict(response.json())

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
) -> Response[Error | PaginatedCommissionReceiptList | ValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    booking_id: int | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    service_id: int | Unset = UNSET,
    supplier_id: int | Unset = UNSET,
    voided: bool | Unset = UNSET,
) -> Response[Error | PaginatedCommissionReceiptList | ValidationError]:
    """List commission receipts

     The agency's commission receipts, newest first, voided ones included. Filters:
    `supplier_id`, `booking_id`, `service_id`, `date_from`/`date_to` (date received,
    inclusive), `voided`.

    Args:
        booking_id (int | Unset):
        date_from (datetime.date | Unset):
        date_to (datetime.date | Unset):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 25.
        service_id (int | Unset):
        supplier_id (int | Unset):
        voided (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedCommissionReceiptList | ValidationError]
    """

    kwargs = _get_kwargs(
        booking_id=booking_id,
        date_from=date_from,
        date_to=date_to,
        page=page,
        per_page=per_page,
        service_id=service_id,
        supplier_id=supplier_id,
        voided=voided,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    booking_id: int | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    service_id: int | Unset = UNSET,
    supplier_id: int | Unset = UNSET,
    voided: bool | Unset = UNSET,
) -> Error | PaginatedCommissionReceiptList | ValidationError | None:
    """List commission receipts

     The agency's commission receipts, newest first, voided ones included. Filters:
    `supplier_id`, `booking_id`, `service_id`, `date_from`/`date_to` (date received,
    inclusive), `voided`.

    Args:
        booking_id (int | Unset):
        date_from (datetime.date | Unset):
        date_to (datetime.date | Unset):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 25.
        service_id (int | Unset):
        supplier_id (int | Unset):
        voided (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedCommissionReceiptList | ValidationError
    """

    return sync_detailed(
        client=client,
        booking_id=booking_id,
        date_from=date_from,
        date_to=date_to,
        page=page,
        per_page=per_page,
        service_id=service_id,
        supplier_id=supplier_id,
        voided=voided,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    booking_id: int | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    service_id: int | Unset = UNSET,
    supplier_id: int | Unset = UNSET,
    voided: bool | Unset = UNSET,
) -> Response[Error | PaginatedCommissionReceiptList | ValidationError]:
    """List commission receipts

     The agency's commission receipts, newest first, voided ones included. Filters:
    `supplier_id`, `booking_id`, `service_id`, `date_from`/`date_to` (date received,
    inclusive), `voided`.

    Args:
        booking_id (int | Unset):
        date_from (datetime.date | Unset):
        date_to (datetime.date | Unset):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 25.
        service_id (int | Unset):
        supplier_id (int | Unset):
        voided (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedCommissionReceiptList | ValidationError]
    """

    kwargs = _get_kwargs(
        booking_id=booking_id,
        date_from=date_from,
        date_to=date_to,
        page=page,
        per_page=per_page,
        service_id=service_id,
        supplier_id=supplier_id,
        voided=voided,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    booking_id: int | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    service_id: int | Unset = UNSET,
    supplier_id: int | Unset = UNSET,
    voided: bool | Unset = UNSET,
) -> Error | PaginatedCommissionReceiptList | ValidationError | None:
    """List commission receipts

     The agency's commission receipts, newest first, voided ones included. Filters:
    `supplier_id`, `booking_id`, `service_id`, `date_from`/`date_to` (date received,
    inclusive), `voided`.

    Args:
        booking_id (int | Unset):
        date_from (datetime.date | Unset):
        date_to (datetime.date | Unset):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 25.
        service_id (int | Unset):
        supplier_id (int | Unset):
        voided (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedCommissionReceiptList | ValidationError
    """

    return (
        await asyncio_detailed(
            client=client,
            booking_id=booking_id,
            date_from=date_from,
            date_to=date_to,
            page=page,
            per_page=per_page,
            service_id=service_id,
            supplier_id=supplier_id,
            voided=voided,
        )
    ).parsed
