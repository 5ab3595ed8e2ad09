import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.enquiries_list_matched import EnquiriesListMatched
from ...models.enquiries_list_mine import EnquiriesListMine
from ...models.enquiries_list_sort_item import EnquiriesListSortItem
from ...models.enquiries_list_status import EnquiriesListStatus
from ...models.enquiries_list_unassigned import EnquiriesListUnassigned
from ...models.error import Error
from ...models.paginated_enquiry_list import PaginatedEnquiryList
from ...models.validation_error import ValidationError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    assigned_to_id: int | Unset = UNSET,
    client_query: int | Unset = UNSET,
    client_id: int | Unset = UNSET,
    created_after: datetime.date | datetime.datetime | Unset = UNSET,
    created_before: datetime.date | datetime.datetime | Unset = UNSET,
    form_id: int | Unset = UNSET,
    matched: EnquiriesListMatched | Unset = UNSET,
    mine: EnquiriesListMine | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    q: str | Unset = UNSET,
    sort: list[EnquiriesListSortItem] | Unset = UNSET,
    status: EnquiriesListStatus | Unset = UNSET,
    unassigned: EnquiriesListUnassigned | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["assigned_to_id"] = assigned_to_id

    params["client"] = client_query

    params["client_id"] = client_id

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

    params["form_id"] = form_id

    json_matched: str | Unset = UNSET
    if not isinstance(matched, Unset):
        json_matched = matched.value

    params["matched"] = json_matched

    json_mine: str | Unset = UNSET
    if not isinstance(mine, Unset):
        json_mine = mine.value

    params["mine"] = json_mine

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

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_unassigned: str | Unset = UNSET
    if not isinstance(unassigned, Unset):
        json_unassigned = unassigned.value

    params["unassigned"] = json_unassigned

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/enquiries",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | PaginatedEnquiryList | ValidationError | None:
    if response.status_code == 200:
        response_200 = PaginatedEnquiryList.from_dict(response.json())

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
) -> Response[Error | PaginatedEnquiryList | ValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    assigned_to_id: int | Unset = UNSET,
    client_query: int | Unset = UNSET,
    client_id: int | Unset = UNSET,
    created_after: datetime.date | datetime.datetime | Unset = UNSET,
    created_before: datetime.date | datetime.datetime | Unset = UNSET,
    form_id: int | Unset = UNSET,
    matched: EnquiriesListMatched | Unset = UNSET,
    mine: EnquiriesListMine | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    q: str | Unset = UNSET,
    sort: list[EnquiriesListSortItem] | Unset = UNSET,
    status: EnquiriesListStatus | Unset = UNSET,
    unassigned: EnquiriesListUnassigned | Unset = UNSET,
) -> Response[Error | PaginatedEnquiryList | ValidationError]:
    """List enquiries

     Website enquiries, newest first. `mine=true` lists those assigned to the token's user;
    `status=open` those new or in progress; `unassigned=true` nobody's yet.

    Args:
        assigned_to_id (int | Unset):
        client_query (int | Unset):
        client_id (int | Unset):
        created_after (datetime.date | datetime.datetime | Unset):
        created_before (datetime.date | datetime.datetime | Unset):
        form_id (int | Unset):
        matched (EnquiriesListMatched | Unset):
        mine (EnquiriesListMine | Unset):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 25.
        q (str | Unset):
        sort (list[EnquiriesListSortItem] | Unset):
        status (EnquiriesListStatus | Unset):
        unassigned (EnquiriesListUnassigned | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedEnquiryList | ValidationError]
    """

    kwargs = _get_kwargs(
        assigned_to_id=assigned_to_id,
        client_query=client_query,
        client_id=client_id,
        created_after=created_after,
        created_before=created_before,
        form_id=form_id,
        matched=matched,
        mine=mine,
        page=page,
        per_page=per_page,
        q=q,
        sort=sort,
        status=status,
        unassigned=unassigned,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    assigned_to_id: int | Unset = UNSET,
    client_query: int | Unset = UNSET,
    client_id: int | Unset = UNSET,
    created_after: datetime.date | datetime.datetime | Unset = UNSET,
    created_before: datetime.date | datetime.datetime | Unset = UNSET,
    form_id: int | Unset = UNSET,
    matched: EnquiriesListMatched | Unset = UNSET,
    mine: EnquiriesListMine | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    q: str | Unset = UNSET,
    sort: list[EnquiriesListSortItem] | Unset = UNSET,
    status: EnquiriesListStatus | Unset = UNSET,
    unassigned: EnquiriesListUnassigned | Unset = UNSET,
) -> Error | PaginatedEnquiryList | ValidationError | None:
    """List enquiries

     Website enquiries, newest first. `mine=true` lists those assigned to the token's user;
    `status=open` those new or in progress; `unassigned=true` nobody's yet.

    Args:
        assigned_to_id (int | Unset):
        client_query (int | Unset):
        client_id (int | Unset):
        created_after (datetime.date | datetime.datetime | Unset):
        created_before (datetime.date | datetime.datetime | Unset):
        form_id (int | Unset):
        matched (EnquiriesListMatched | Unset):
        mine (EnquiriesListMine | Unset):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 25.
        q (str | Unset):
        sort (list[EnquiriesListSortItem] | Unset):
        status (EnquiriesListStatus | Unset):
        unassigned (EnquiriesListUnassigned | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedEnquiryList | ValidationError
    """

    return sync_detailed(
        client=client,
        assigned_to_id=assigned_to_id,
        client_query=client_query,
        client_id=client_id,
        created_after=created_after,
        created_before=created_before,
        form_id=form_id,
        matched=matched,
        mine=mine,
        page=page,
        per_page=per_page,
        q=q,
        sort=sort,
        status=status,
        unassigned=unassigned,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    assigned_to_id: int | Unset = UNSET,
    client_query: int | Unset = UNSET,
    client_id: int | Unset = UNSET,
    created_after: datetime.date | datetime.datetime | Unset = UNSET,
    created_before: datetime.date | datetime.datetime | Unset = UNSET,
    form_id: int | Unset = UNSET,
    matched: EnquiriesListMatched | Unset = UNSET,
    mine: EnquiriesListMine | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    q: str | Unset = UNSET,
    sort: list[EnquiriesListSortItem] | Unset = UNSET,
    status: EnquiriesListStatus | Unset = UNSET,
    unassigned: EnquiriesListUnassigned | Unset = UNSET,
) -> Response[Error | PaginatedEnquiryList | ValidationError]:
    """List enquiries

     Website enquiries, newest first. `mine=true` lists those assigned to the token's user;
    `status=open` those new or in progress; `unassigned=true` nobody's yet.

    Args:
        assigned_to_id (int | Unset):
        client_query (int | Unset):
        client_id (int | Unset):
        created_after (datetime.date | datetime.datetime | Unset):
        created_before (datetime.date | datetime.datetime | Unset):
        form_id (int | Unset):
        matched (EnquiriesListMatched | Unset):
        mine (EnquiriesListMine | Unset):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 25.
        q (str | Unset):
        sort (list[EnquiriesListSortItem] | Unset):
        status (EnquiriesListStatus | Unset):
        unassigned (EnquiriesListUnassigned | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedEnquiryList | ValidationError]
    """

    kwargs = _get_kwargs(
        assigned_to_id=assigned_to_id,
        client_query=client_query,
        client_id=client_id,
        created_after=created_after,
        created_before=created_before,
        form_id=form_id,
        matched=matched,
        mine=mine,
        page=page,
        per_page=per_page,
        q=q,
        sort=sort,
        status=status,
        unassigned=unassigned,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    assigned_to_id: int | Unset = UNSET,
    client_query: int | Unset = UNSET,
    client_id: int | Unset = UNSET,
    created_after: datetime.date | datetime.datetime | Unset = UNSET,
    created_before: datetime.date | datetime.datetime | Unset = UNSET,
    form_id: int | Unset = UNSET,
    matched: EnquiriesListMatched | Unset = UNSET,
    mine: EnquiriesListMine | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    q: str | Unset = UNSET,
    sort: list[EnquiriesListSortItem] | Unset = UNSET,
    status: EnquiriesListStatus | Unset = UNSET,
    unassigned: EnquiriesListUnassigned | Unset = UNSET,
) -> Error | PaginatedEnquiryList | ValidationError | None:
    """List enquiries

     Website enquiries, newest first. `mine=true` lists those assigned to the token's user;
    `status=open` those new or in progress; `unassigned=true` nobody's yet.

    Args:
        assigned_to_id (int | Unset):
        client_query (int | Unset):
        client_id (int | Unset):
        created_after (datetime.date | datetime.datetime | Unset):
        created_before (datetime.date | datetime.datetime | Unset):
        form_id (int | Unset):
        matched (EnquiriesListMatched | Unset):
        mine (EnquiriesListMine | Unset):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 25.
        q (str | Unset):
        sort (list[EnquiriesListSortItem] | Unset):
        status (EnquiriesListStatus | Unset):
        unassigned (EnquiriesListUnassigned | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedEnquiryList | ValidationError
    """

    return (
        await asyncio_detailed(
            client=client,
            assigned_to_id=assigned_to_id,
            client_query=client_query,
            client_id=client_id,
            created_after=created_after,
            created_before=created_before,
            form_id=form_id,
            matched=matched,
            mine=mine,
            page=page,
            per_page=per_page,
            q=q,
            sort=sort,
            status=status,
            unassigned=unassigned,
        )
    ).parsed
