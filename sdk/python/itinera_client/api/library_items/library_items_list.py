from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.library_items_list_kind import LibraryItemsListKind
from ...models.library_items_list_sort_item import LibraryItemsListSortItem
from ...models.paginated_library_item_list import PaginatedLibraryItemList
from ...models.validation_error import ValidationError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    kind: LibraryItemsListKind | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    q: str | Unset = UNSET,
    sort: list[LibraryItemsListSortItem] | Unset = UNSET,
    supplier_id: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

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

    params["supplier_id"] = supplier_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/library-items",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | PaginatedLibraryItemList | ValidationError | None:
    if response.status_code == 200:
        response_200 = PaginatedLibraryItemList.from_dict(response.json())

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
) -> Response[Error | PaginatedLibraryItemList | ValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    kind: LibraryItemsListKind | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    q: str | Unset = UNSET,
    sort: list[LibraryItemsListSortItem] | Unset = UNSET,
    supplier_id: int | Unset = UNSET,
) -> Response[Error | PaginatedLibraryItemList | ValidationError]:
    """List library items

     The agency's library, newest first: `q` searches titles, locations, descriptions and
    supplier names; filter by `kind` and `supplier_id`.

    Args:
        kind (LibraryItemsListKind | Unset):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 25.
        q (str | Unset):
        sort (list[LibraryItemsListSortItem] | Unset):
        supplier_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedLibraryItemList | ValidationError]
    """

    kwargs = _get_kwargs(
        kind=kind,
        page=page,
        per_page=per_page,
        q=q,
        sort=sort,
        supplier_id=supplier_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    kind: LibraryItemsListKind | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    q: str | Unset = UNSET,
    sort: list[LibraryItemsListSortItem] | Unset = UNSET,
    supplier_id: int | Unset = UNSET,
) -> Error | PaginatedLibraryItemList | ValidationError | None:
    """List library items

     The agency's library, newest first: `q` searches titles, locations, descriptions and
    supplier names; filter by `kind` and `supplier_id`.

    Args:
        kind (LibraryItemsListKind | Unset):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 25.
        q (str | Unset):
        sort (list[LibraryItemsListSortItem] | Unset):
        supplier_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedLibraryItemList | ValidationError
    """

    return sync_detailed(
        client=client,
        kind=kind,
        page=page,
        per_page=per_page,
        q=q,
        sort=sort,
        supplier_id=supplier_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    kind: LibraryItemsListKind | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    q: str | Unset = UNSET,
    sort: list[LibraryItemsListSortItem] | Unset = UNSET,
    supplier_id: int | Unset = UNSET,
) -> Response[Error | PaginatedLibraryItemList | ValidationError]:
    """List library items

     The agency's library, newest first: `q` searches titles, locations, descriptions and
    supplier names; filter by `kind` and `supplier_id`.

    Args:
        kind (LibraryItemsListKind | Unset):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 25.
        q (str | Unset):
        sort (list[LibraryItemsListSortItem] | Unset):
        supplier_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedLibraryItemList | ValidationError]
    """

    kwargs = _get_kwargs(
        kind=kind,
        page=page,
        per_page=per_page,
        q=q,
        sort=sort,
        supplier_id=supplier_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    kind: LibraryItemsListKind | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    q: str | Unset = UNSET,
    sort: list[LibraryItemsListSortItem] | Unset = UNSET,
    supplier_id: int | Unset = UNSET,
) -> Error | PaginatedLibraryItemList | ValidationError | None:
    """List library items

     The agency's library, newest first: `q` searches titles, locations, descriptions and
    supplier names; filter by `kind` and `supplier_id`.

    Args:
        kind (LibraryItemsListKind | Unset):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 25.
        q (str | Unset):
        sort (list[LibraryItemsListSortItem] | Unset):
        supplier_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedLibraryItemList | ValidationError
    """

    return (
        await asyncio_detailed(
            client=client,
            kind=kind,
            page=page,
            per_page=per_page,
            q=q,
            sort=sort,
            supplier_id=supplier_id,
        )
    ).parsed
