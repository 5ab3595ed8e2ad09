import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.paginated_supplier_list import PaginatedSupplierList
from ...models.suppliers_list_archived import SuppliersListArchived
from ...models.suppliers_list_sort_item import SuppliersListSortItem
from ...models.suppliers_list_type import SuppliersListType
from ...models.validation_error import ValidationError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    archived: SuppliersListArchived | Unset = UNSET,
    created_after: datetime.date | datetime.datetime | Unset = UNSET,
    created_before: datetime.date | datetime.datetime | Unset = UNSET,
    currency: str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    q: str | Unset = UNSET,
    sort: list[SuppliersListSortItem] | Unset = UNSET,
    type_: SuppliersListType | Unset = UNSET,
    updated_after: datetime.date | datetime.datetime | Unset = UNSET,
    updated_before: datetime.date | datetime.datetime | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_archived: str | Unset = UNSET
    if not isinstance(archived, Unset):
        json_archived = archived.value

    params["archived"] = json_archived

    json_created_after: str | Unset
    if isinstance(created_after, Unset):
        json_created_after = UNSET
    elif isinstance(created_after, datetime.date):
        json_created_after = created_after.isoformat()
    else:
        json_created_after = created_after.isoformat()

    params["created_after"] = json_created_after

    json_created_before: str | Unset
    if isinstance(created_before, Unset):
        json_created_before = UNSET
    elif isinstance(created_before, datetime.date):
        json_created_before = created_before.isoformat()
    else:
        json_created_before = created_before.isoformat()

    params["created_before"] = json_created_before

    params["currency"] = currency

    params["page"] = page

    params["per_page"] = per_page

    params["q"] = q

    json_sort: list[str] | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = []
        for sort_item_data in sort:
            sort_item = sort_item_data.value
            json_sort.append(sort_item)

    params["sort"] = json_sort

    json_type_: str | Unset = UNSET
    if not isinstance(type_, Unset):
        json_type_ = type_.value

    params["type"] = json_type_

    json_updated_after: str | Unset
    if isinstance(updated_after, Unset):
        json_updated_after = UNSET
    elif isinstance(updated_after, datetime.date):
        json_updated_after = updated_after.isoformat()
    else:
        json_updated_after = updated_after.isoformat()

    params["updated_after"] = json_updated_after

    json_updated_before: str | Unset
    if isinstance(updated_before, Unset):
        json_updated_before = UNSET
    elif isinstance(updated_before, datetime.date):
        json_updated_before = updated_before.isoformat()
    else:
        json_updated_before = updated_before.isoformat()

    params["updated_before"] = json_updated_before

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/suppliers",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | PaginatedSupplierList | ValidationError | None:
    if response.status_code == 200:
        response_200 = PaginatedSupplierList.from_dict(response.json())

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
) -> Response[Error | PaginatedSupplierList | ValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    archived: SuppliersListArchived | Unset = UNSET,
    created_after: datetime.date | datetime.datetime | Unset = UNSET,
    created_before: datetime.date | datetime.datetime | Unset = UNSET,
    currency: str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    q: str | Unset = UNSET,
    sort: list[SuppliersListSortItem] | Unset = UNSET,
    type_: SuppliersListType | Unset = UNSET,
    updated_after: datetime.date | datetime.datetime | Unset = UNSET,
    updated_before: datetime.date | datetime.datetime | Unset = UNSET,
) -> Response[Error | PaginatedSupplierList | ValidationError]:
    """List suppliers

     The supplier directory: airlines, hotels, ground handlers and the others your agency
    books services with. Search with `q` (names, emails and phones of the supplier and its
    contacts); filter by `type`, `currency`, `archived`.

    Args:
        archived (SuppliersListArchived | Unset):
        created_after (datetime.date | datetime.datetime | Unset):
        created_before (datetime.date | datetime.datetime | Unset):
        currency (str | Unset):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 25.
        q (str | Unset):
        sort (list[SuppliersListSortItem] | Unset):
        type_ (SuppliersListType | Unset):
        updated_after (datetime.date | datetime.datetime | Unset):
        updated_before (datetime.date | datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedSupplierList | ValidationError]
    """

    kwargs = _get_kwargs(
        archived=archived,
        created_after=created_after,
        created_before=created_before,
        currency=currency,
        page=page,
        per_page=per_page,
        q=q,
        sort=sort,
        type_=type_,
        updated_after=updated_after,
        updated_before=updated_before,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    archived: SuppliersListArchived | Unset = UNSET,
    created_after: datetime.date | datetime.datetime | Unset = UNSET,
    created_before: datetime.date | datetime.datetime | Unset = UNSET,
    currency: str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    q: str | Unset = UNSET,
    sort: list[SuppliersListSortItem] | Unset = UNSET,
    type_: SuppliersListType | Unset = UNSET,
    updated_after: datetime.date | datetime.datetime | Unset = UNSET,
    updated_before: datetime.date | datetime.datetime | Unset = UNSET,
) -> Error | PaginatedSupplierList | ValidationError | None:
    """List suppliers

     The supplier directory: airlines, hotels, ground handlers and the others your agency
    books services with. Search with `q` (names, emails and phones of the supplier and its
    contacts); filter by `type`, `currency`, `archived`.

    Args:
        archived (SuppliersListArchived | Unset):
        created_after (datetime.date | datetime.datetime | Unset):
        created_before (datetime.date | datetime.datetime | Unset):
        currency (str | Unset):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 25.
        q (str | Unset):
        sort (list[SuppliersListSortItem] | Unset):
        type_ (SuppliersListType | Unset):
        updated_after (datetime.date | datetime.datetime | Unset):
        updated_before (datetime.date | datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedSupplierList | ValidationError
    """

    return sync_detailed(
        client=client,
        archived=archived,
        created_after=created_after,
        created_before=created_before,
        currency=currency,
        page=page,
        per_page=per_page,
        q=q,
        sort=sort,
        type_=type_,
        updated_after=updated_after,
        updated_before=updated_before,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    archived: SuppliersListArchived | Unset = UNSET,
    created_after: datetime.date | datetime.datetime | Unset = UNSET,
    created_before: datetime.date | datetime.datetime | Unset = UNSET,
    currency: str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    q: str | Unset = UNSET,
    sort: list[SuppliersListSortItem] | Unset = UNSET,
    type_: SuppliersListType | Unset = UNSET,
    updated_after: datetime.date | datetime.datetime | Unset = UNSET,
    updated_before: datetime.date | datetime.datetime | Unset = UNSET,
) -> Response[Error | PaginatedSupplierList | ValidationError]:
    """List suppliers

     The supplier directory: airlines, hotels, ground handlers and the others your agency
    books services with. Search with `q` (names, emails and phones of the supplier and its
    contacts); filter by `type`, `currency`, `archived`.

    Args:
        archived (SuppliersListArchived | Unset):
        created_after (datetime.date | datetime.datetime | Unset):
        created_before (datetime.date | datetime.datetime | Unset):
        currency (str | Unset):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 25.
        q (str | Unset):
        sort (list[SuppliersListSortItem] | Unset):
        type_ (SuppliersListType | Unset):
        updated_after (datetime.date | datetime.datetime | Unset):
        updated_before (datetime.date | datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedSupplierList | ValidationError]
    """

    kwargs = _get_kwargs(
        archived=archived,
        created_after=created_after,
        created_before=created_before,
        currency=currency,
        page=page,
        per_page=per_page,
        q=q,
        sort=sort,
        type_=type_,
        updated_after=updated_after,
        updated_before=updated_before,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    archived: SuppliersListArchived | Unset = UNSET,
    created_after: datetime.date | datetime.datetime | Unset = UNSET,
    created_before: datetime.date | datetime.datetime | Unset = UNSET,
    currency: str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    q: str | Unset = UNSET,
    sort: list[SuppliersListSortItem] | Unset = UNSET,
    type_: SuppliersListType | Unset = UNSET,
    updated_after: datetime.date | datetime.datetime | Unset = UNSET,
    updated_before: datetime.date | datetime.datetime | Unset = UNSET,
) -> Error | PaginatedSupplierList | ValidationError | None:
    """List suppliers

     The supplier directory: airlines, hotels, ground handlers and the others your agency
    books services with. Search with `q` (names, emails and phones of the supplier and its
    contacts); filter by `type`, `currency`, `archived`.

    Args:
        archived (SuppliersListArchived | Unset):
        created_after (datetime.date | datetime.datetime | Unset):
        created_before (datetime.date | datetime.datetime | Unset):
        currency (str | Unset):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 25.
        q (str | Unset):
        sort (list[SuppliersListSortItem] | Unset):
        type_ (SuppliersListType | Unset):
        updated_after (datetime.date | datetime.datetime | Unset):
        updated_before (datetime.date | datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedSupplierList | ValidationError
    """

    return (
        await asyncio_detailed(
            client=client,
            archived=archived,
            created_after=created_after,
            created_before=created_before,
            currency=currency,
            page=page,
            per_page=per_page,
            q=q,
            sort=sort,
            type_=type_,
            updated_after=updated_after,
            updated_before=updated_before,
        )
    ).parsed
