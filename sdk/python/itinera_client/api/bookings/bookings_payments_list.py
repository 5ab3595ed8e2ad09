import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bookings_payments_list_format import BookingsPaymentsListFormat
from ...models.bookings_payments_list_kind import BookingsPaymentsListKind
from ...models.error import Error
from ...models.paginated_payment_list import PaginatedPaymentList
from ...models.validation_error import ValidationError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    booking_id: int,
    *,
    format_: BookingsPaymentsListFormat | Unset = UNSET,
    kind: BookingsPaymentsListKind | Unset = UNSET,
    page: int | Unset = 1,
    paid_on_after: datetime.date | Unset = UNSET,
    paid_on_before: datetime.date | Unset = UNSET,
    per_page: int | Unset = 25,
    voided: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    params["page"] = page

    json_paid_on_after: str | Unset = UNSET
    if not isinstance(paid_on_after, Unset):
        json_paid_on_after = paid_on_after.isoformat()
    params["paid_on_after"] = json_paid_on_after

    json_paid_on_before: str | Unset = UNSET
    if not isinstance(paid_on_before, Unset):
        json_paid_on_before = paid_on_before.isoformat()
    params["paid_on_before"] = json_paid_on_before

    params["per_page"] = per_page

    params["voided"] = voided

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/bookings/{booking_id}/payments".format(
            booking_id=quote(str(booking_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | PaginatedPaymentList | ValidationError | None:
    if response.status_code == 200:
        response_200 = PaginatedPaymentList.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

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
) -> Response[Error | PaginatedPaymentList | ValidationError]:
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
    format_: BookingsPaymentsListFormat | Unset = UNSET,
    kind: BookingsPaymentsListKind | Unset = UNSET,
    page: int | Unset = 1,
    paid_on_after: datetime.date | Unset = UNSET,
    paid_on_before: datetime.date | Unset = UNSET,
    per_page: int | Unset = 25,
    voided: bool | Unset = UNSET,
) -> Response[Error | PaginatedPaymentList | ValidationError]:
    """List payments

     A booking's payments and refunds, oldest first, voided ones included (struck through in
    the dashboard). Filters: `kind`, `voided`, `paid_on_after`/`paid_on_before`.

    Args:
        booking_id (int):
        format_ (BookingsPaymentsListFormat | Unset):
        kind (BookingsPaymentsListKind | Unset):
        page (int | Unset):  Default: 1.
        paid_on_after (datetime.date | Unset):
        paid_on_before (datetime.date | Unset):
        per_page (int | Unset):  Default: 25.
        voided (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedPaymentList | ValidationError]
    """

    kwargs = _get_kwargs(
        booking_id=booking_id,
        format_=format_,
        kind=kind,
        page=page,
        paid_on_after=paid_on_after,
        paid_on_before=paid_on_before,
        per_page=per_page,
        voided=voided,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    booking_id: int,
    *,
    client: AuthenticatedClient,
    format_: BookingsPaymentsListFormat | Unset = UNSET,
    kind: BookingsPaymentsListKind | Unset = UNSET,
    page: int | Unset = 1,
    paid_on_after: datetime.date | Unset = UNSET,
    paid_on_before: datetime.date | Unset = UNSET,
    per_page: int | Unset = 25,
    voided: bool | Unset = UNSET,
) -> Error | PaginatedPaymentList | ValidationError | None:
    """List payments

     A booking's payments and refunds, oldest first, voided ones included (struck through in
    the dashboard). Filters: `kind`, `voided`, `paid_on_after`/`paid_on_before`.

    Args:
        booking_id (int):
        format_ (BookingsPaymentsListFormat | Unset):
        kind (BookingsPaymentsListKind | Unset):
        page (int | Unset):  Default: 1.
        paid_on_after (datetime.date | Unset):
        paid_on_before (datetime.date | Unset):
        per_page (int | Unset):  Default: 25.
        voided (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedPaymentList | ValidationError
    """

    return sync_detailed(
        booking_id=booking_id,
        client=client,
        format_=format_,
        kind=kind,
        page=page,
        paid_on_after=paid_on_after,
        paid_on_before=paid_on_before,
        per_page=per_page,
        voided=voided,
    ).parsed


async def asyncio_detailed(
    booking_id: int,
    *,
    client: AuthenticatedClient,
    format_: BookingsPaymentsListFormat | Unset = UNSET,
    kind: BookingsPaymentsListKind | Unset = UNSET,
    page: int | Unset = 1,
    paid_on_after: datetime.date | Unset = UNSET,
    paid_on_before: datetime.date | Unset = UNSET,
    per_page: int | Unset = 25,
    voided: bool | Unset = UNSET,
) -> Response[Error | PaginatedPaymentList | ValidationError]:
    """List payments

     A booking's payments and refunds, oldest first, voided ones included (struck through in
    the dashboard). Filters: `kind`, `voided`, `paid_on_after`/`paid_on_before`.

    Args:
        booking_id (int):
        format_ (BookingsPaymentsListFormat | Unset):
        kind (BookingsPaymentsListKind | Unset):
        page (int | Unset):  Default: 1.
        paid_on_after (datetime.date | Unset):
        paid_on_before (datetime.date | Unset):
        per_page (int | Unset):  Default: 25.
        voided (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedPaymentList | ValidationError]
    """

    kwargs = _get_kwargs(
        booking_id=booking_id,
        format_=format_,
        kind=kind,
        page=page,
        paid_on_after=paid_on_after,
        paid_on_before=paid_on_before,
        per_page=per_page,
        voided=voided,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    booking_id: int,
    *,
    client: AuthenticatedClient,
    format_: BookingsPaymentsListFormat | Unset = UNSET,
    kind: BookingsPaymentsListKind | Unset = UNSET,
    page: int | Unset = 1,
    paid_on_after: datetime.date | Unset = UNSET,
    paid_on_before: datetime.date | Unset = UNSET,
    per_page: int | Unset = 25,
    voided: bool | Unset = UNSET,
) -> Error | PaginatedPaymentList | ValidationError | None:
    """List payments

     A booking's payments and refunds, oldest first, voided ones included (struck through in
    the dashboard). Filters: `kind`, `voided`, `paid_on_after`/`paid_on_before`.

    Args:
        booking_id (int):
        format_ (BookingsPaymentsListFormat | Unset):
        kind (BookingsPaymentsListKind | Unset):
        page (int | Unset):  Default: 1.
        paid_on_after (datetime.date | Unset):
        paid_on_before (datetime.date | Unset):
        per_page (int | Unset):  Default: 25.
        voided (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedPaymentList | ValidationError
    """

    return (
        await asyncio_detailed(
            booking_id=booking_id,
            client=client,
            format_=format_,
            kind=kind,
            page=page,
            paid_on_after=paid_on_after,
            paid_on_before=paid_on_before,
            per_page=per_page,
            voided=voided,
        )
    ).parsed
