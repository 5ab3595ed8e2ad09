import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.paginated_proposal_list import PaginatedProposalList
from ...models.proposals_list_format import ProposalsListFormat
from ...models.proposals_list_sort_item import ProposalsListSortItem
from ...models.proposals_list_status import ProposalsListStatus
from ...models.validation_error import ValidationError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    awaiting: bool | Unset = UNSET,
    client_query: int | Unset = UNSET,
    client_id: int | Unset = UNSET,
    consultant_id: int | Unset = UNSET,
    created_after: datetime.date | datetime.datetime | Unset = UNSET,
    created_before: datetime.date | datetime.datetime | Unset = UNSET,
    format_: ProposalsListFormat | Unset = UNSET,
    itinerary_id: int | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    q: str | Unset = UNSET,
    sort: list[ProposalsListSortItem] | Unset = UNSET,
    status: ProposalsListStatus | Unset = UNSET,
    updated_after: datetime.date | datetime.datetime | Unset = UNSET,
    updated_before: datetime.date | datetime.datetime | Unset = UNSET,
    valid_until_after: datetime.date | Unset = UNSET,
    valid_until_before: datetime.date | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["awaiting"] = awaiting

    params["client"] = client_query

    params["client_id"] = client_id

    params["consultant_id"] = consultant_id

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

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params["itinerary_id"] = itinerary_id

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

    json_valid_until_after: str | Unset = UNSET
    if not isinstance(valid_until_after, Unset):
        json_valid_until_after = valid_until_after.isoformat()
    params["valid_until_after"] = json_valid_until_after

    json_valid_until_before: str | Unset = UNSET
    if not isinstance(valid_until_before, Unset):
        json_valid_until_before = valid_until_before.isoformat()
    params["valid_until_before"] = json_valid_until_before

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/proposals",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | PaginatedProposalList | ValidationError | None:
    if response.status_code == 200:
        response_200 = PaginatedProposalList.from_dict(response.json())

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
) -> Response[Error | PaginatedProposalList | ValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    awaiting: bool | Unset = UNSET,
    client_query: int | Unset = UNSET,
    client_id: int | Unset = UNSET,
    consultant_id: int | Unset = UNSET,
    created_after: datetime.date | datetime.datetime | Unset = UNSET,
    created_before: datetime.date | datetime.datetime | Unset = UNSET,
    format_: ProposalsListFormat | Unset = UNSET,
    itinerary_id: int | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    q: str | Unset = UNSET,
    sort: list[ProposalsListSortItem] | Unset = UNSET,
    status: ProposalsListStatus | Unset = UNSET,
    updated_after: datetime.date | datetime.datetime | Unset = UNSET,
    updated_before: datetime.date | datetime.datetime | Unset = UNSET,
    valid_until_after: datetime.date | Unset = UNSET,
    valid_until_before: datetime.date | Unset = UNSET,
) -> Response[Error | PaginatedProposalList | ValidationError]:
    """List proposals

     A TenantViewSet whose ``list`` also answers CSV (``export`` names the crm.exports
    list; a nested resource's parent narrows it).

    Args:
        awaiting (bool | Unset):
        client_query (int | Unset):
        client_id (int | Unset):
        consultant_id (int | Unset):
        created_after (datetime.date | datetime.datetime | Unset):
        created_before (datetime.date | datetime.datetime | Unset):
        format_ (ProposalsListFormat | Unset):
        itinerary_id (int | Unset):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 25.
        q (str | Unset):
        sort (list[ProposalsListSortItem] | Unset):
        status (ProposalsListStatus | Unset):
        updated_after (datetime.date | datetime.datetime | Unset):
        updated_before (datetime.date | datetime.datetime | Unset):
        valid_until_after (datetime.date | Unset):
        valid_until_before (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedProposalList | ValidationError]
    """

    kwargs = _get_kwargs(
        awaiting=awaiting,
        client_query=client_query,
        client_id=client_id,
        consultant_id=consultant_id,
        created_after=created_after,
        created_before=created_before,
        format_=format_,
        itinerary_id=itinerary_id,
        page=page,
        per_page=per_page,
        q=q,
        sort=sort,
        status=status,
        updated_after=updated_after,
        updated_before=updated_before,
        valid_until_after=valid_until_after,
        valid_until_before=valid_until_before,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    awaiting: bool | Unset = UNSET,
    client_query: int | Unset = UNSET,
    client_id: int | Unset = UNSET,
    consultant_id: int | Unset = UNSET,
    created_after: datetime.date | datetime.datetime | Unset = UNSET,
    created_before: datetime.date | datetime.datetime | Unset = UNSET,
    format_: ProposalsListFormat | Unset = UNSET,
    itinerary_id: int | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    q: str | Unset = UNSET,
    sort: list[ProposalsListSortItem] | Unset = UNSET,
    status: ProposalsListStatus | Unset = UNSET,
    updated_after: datetime.date | datetime.datetime | Unset = UNSET,
    updated_before: datetime.date | datetime.datetime | Unset = UNSET,
    valid_until_after: datetime.date | Unset = UNSET,
    valid_until_before: datetime.date | Unset = UNSET,
) -> Error | PaginatedProposalList | ValidationError | None:
    """List proposals

     A TenantViewSet whose ``list`` also answers CSV (``export`` names the crm.exports
    list; a nested resource's parent narrows it).

    Args:
        awaiting (bool | Unset):
        client_query (int | Unset):
        client_id (int | Unset):
        consultant_id (int | Unset):
        created_after (datetime.date | datetime.datetime | Unset):
        created_before (datetime.date | datetime.datetime | Unset):
        format_ (ProposalsListFormat | Unset):
        itinerary_id (int | Unset):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 25.
        q (str | Unset):
        sort (list[ProposalsListSortItem] | Unset):
        status (ProposalsListStatus | Unset):
        updated_after (datetime.date | datetime.datetime | Unset):
        updated_before (datetime.date | datetime.datetime | Unset):
        valid_until_after (datetime.date | Unset):
        valid_until_before (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedProposalList | ValidationError
    """

    return sync_detailed(
        client=client,
        awaiting=awaiting,
        client_query=client_query,
        client_id=client_id,
        consultant_id=consultant_id,
        created_after=created_after,
        created_before=created_before,
        format_=format_,
        itinerary_id=itinerary_id,
        page=page,
        per_page=per_page,
        q=q,
        sort=sort,
        status=status,
        updated_after=updated_after,
        updated_before=updated_before,
        valid_until_after=valid_until_after,
        valid_until_before=valid_until_before,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    awaiting: bool | Unset = UNSET,
    client_query: int | Unset = UNSET,
    client_id: int | Unset = UNSET,
    consultant_id: int | Unset = UNSET,
    created_after: datetime.date | datetime.datetime | Unset = UNSET,
    created_before: datetime.date | datetime.datetime | Unset = UNSET,
    format_: ProposalsListFormat | Unset = UNSET,
    itinerary_id: int | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    q: str | Unset = UNSET,
    sort: list[ProposalsListSortItem] | Unset = UNSET,
    status: ProposalsListStatus | Unset = UNSET,
    updated_after: datetime.date | datetime.datetime | Unset = UNSET,
    updated_before: datetime.date | datetime.datetime | Unset = UNSET,
    valid_until_after: datetime.date | Unset = UNSET,
    valid_until_before: datetime.date | Unset = UNSET,
) -> Response[Error | PaginatedProposalList | ValidationError]:
    """List proposals

     A TenantViewSet whose ``list`` also answers CSV (``export`` names the crm.exports
    list; a nested resource's parent narrows it).

    Args:
        awaiting (bool | Unset):
        client_query (int | Unset):
        client_id (int | Unset):
        consultant_id (int | Unset):
        created_after (datetime.date | datetime.datetime | Unset):
        created_before (datetime.date | datetime.datetime | Unset):
        format_ (ProposalsListFormat | Unset):
        itinerary_id (int | Unset):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 25.
        q (str | Unset):
        sort (list[ProposalsListSortItem] | Unset):
        status (ProposalsListStatus | Unset):
        updated_after (datetime.date | datetime.datetime | Unset):
        updated_before (datetime.date | datetime.datetime | Unset):
        valid_until_after (datetime.date | Unset):
        valid_until_before (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedProposalList | ValidationError]
    """

    kwargs = _get_kwargs(
        awaiting=awaiting,
        client_query=client_query,
        client_id=client_id,
        consultant_id=consultant_id,
        created_after=created_after,
        created_before=created_before,
        format_=format_,
        itinerary_id=itinerary_id,
        page=page,
        per_page=per_page,
        q=q,
        sort=sort,
        status=status,
        updated_after=updated_after,
        updated_before=updated_before,
        valid_until_after=valid_until_after,
        valid_until_before=valid_until_before,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    awaiting: bool | Unset = UNSET,
    client_query: int | Unset = UNSET,
    client_id: int | Unset = UNSET,
    consultant_id: int | Unset = UNSET,
    created_after: datetime.date | datetime.datetime | Unset = UNSET,
    created_before: datetime.date | datetime.datetime | Unset = UNSET,
    format_: ProposalsListFormat | Unset = UNSET,
    itinerary_id: int | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    q: str | Unset = UNSET,
    sort: list[ProposalsListSortItem] | Unset = UNSET,
    status: ProposalsListStatus | Unset = UNSET,
    updated_after: datetime.date | datetime.datetime | Unset = UNSET,
    updated_before: datetime.date | datetime.datetime | Unset = UNSET,
    valid_until_after: datetime.date | Unset = UNSET,
    valid_until_before: datetime.date | Unset = UNSET,
) -> Error | PaginatedProposalList | ValidationError | None:
    """List proposals

     A TenantViewSet whose ``list`` also answers CSV (``export`` names the crm.exports
    list; a nested resource's parent narrows it).

    Args:
        awaiting (bool | Unset):
        client_query (int | Unset):
        client_id (int | Unset):
        consultant_id (int | Unset):
        created_after (datetime.date | datetime.datetime | Unset):
        created_before (datetime.date | datetime.datetime | Unset):
        format_ (ProposalsListFormat | Unset):
        itinerary_id (int | Unset):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 25.
        q (str | Unset):
        sort (list[ProposalsListSortItem] | Unset):
        status (ProposalsListStatus | Unset):
        updated_after (datetime.date | datetime.datetime | Unset):
        updated_before (datetime.date | datetime.datetime | Unset):
        valid_until_after (datetime.date | Unset):
        valid_until_before (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedProposalList | ValidationError
    """

    return (
        await asyncio_detailed(
            client=client,
            awaiting=awaiting,
            client_query=client_query,
            client_id=client_id,
            consultant_id=consultant_id,
            created_after=created_after,
            created_before=created_before,
            format_=format_,
            itinerary_id=itinerary_id,
            page=page,
            per_page=per_page,
            q=q,
            sort=sort,
            status=status,
            updated_after=updated_after,
            updated_before=updated_before,
            valid_until_after=valid_until_after,
            valid_until_before=valid_until_before,
        )
    ).parsed
