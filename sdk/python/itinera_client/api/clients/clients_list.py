import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.clients_list_active import ClientsListActive
from ...models.clients_list_archived import ClientsListArchived
from ...models.clients_list_corporate import ClientsListCorporate
from ...models.clients_list_format import ClientsListFormat
from ...models.clients_list_kind import ClientsListKind
from ...models.clients_list_sort_item import ClientsListSortItem
from ...models.clients_list_source import ClientsListSource
from ...models.clients_list_status import ClientsListStatus
from ...models.error import Error
from ...models.paginated_client_list import PaginatedClientList
from ...models.validation_error import ValidationError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    active: ClientsListActive | Unset = UNSET,
    archived: ClientsListArchived | Unset = UNSET,
    assigned_to: int | Unset = UNSET,
    company_client: int | Unset = UNSET,
    corporate: ClientsListCorporate | Unset = UNSET,
    country: str | Unset = UNSET,
    created_after: datetime.date | datetime.datetime | Unset = UNSET,
    created_before: datetime.date | datetime.datetime | Unset = UNSET,
    format_: ClientsListFormat | Unset = UNSET,
    kind: ClientsListKind | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    q: str | Unset = UNSET,
    search: str | Unset = UNSET,
    sort: list[ClientsListSortItem] | Unset = UNSET,
    source: ClientsListSource | Unset = UNSET,
    status: ClientsListStatus | Unset = UNSET,
    tag: str | Unset = UNSET,
    updated_after: datetime.date | datetime.datetime | Unset = UNSET,
    updated_before: datetime.date | datetime.datetime | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_active: str | Unset = UNSET
    if not isinstance(active, Unset):
        json_active = active.value

    params["active"] = json_active

    json_archived: str | Unset = UNSET
    if not isinstance(archived, Unset):
        json_archived = archived.value

    params["archived"] = json_archived

    params["assigned_to"] = assigned_to

    params["company_client"] = company_client

    json_corporate: str | Unset = UNSET
    if not isinstance(corporate, Unset):
        json_corporate = corporate.value

    params["corporate"] = json_corporate

    params["country"] = country

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

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    params["page"] = page

    params["per_page"] = per_page

    params["q"] = q

    params["search"] = search

    json_sort: list[str] | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = []
        for sort_item_data in sort:
            sort_item = sort_item_data.value
            json_sort.append(sort_item)

    params["sort"] = json_sort

    json_source: str | Unset = UNSET
    if not isinstance(source, Unset):
        json_source = source.value

    params["source"] = json_source

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["tag"] = tag

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
        "url": "/api/v1/clients",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | PaginatedClientList | ValidationError | None:
    if response.status_code == 200:
        response_200 = PaginatedClientList.from_dict(response.json())

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
) -> Response[Error | PaginatedClientList | ValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    active: ClientsListActive | Unset = UNSET,
    archived: ClientsListArchived | Unset = UNSET,
    assigned_to: int | Unset = UNSET,
    company_client: int | Unset = UNSET,
    corporate: ClientsListCorporate | Unset = UNSET,
    country: str | Unset = UNSET,
    created_after: datetime.date | datetime.datetime | Unset = UNSET,
    created_before: datetime.date | datetime.datetime | Unset = UNSET,
    format_: ClientsListFormat | Unset = UNSET,
    kind: ClientsListKind | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    q: str | Unset = UNSET,
    search: str | Unset = UNSET,
    sort: list[ClientsListSortItem] | Unset = UNSET,
    source: ClientsListSource | Unset = UNSET,
    status: ClientsListStatus | Unset = UNSET,
    tag: str | Unset = UNSET,
    updated_after: datetime.date | datetime.datetime | Unset = UNSET,
    updated_before: datetime.date | datetime.datetime | Unset = UNSET,
) -> Response[Error | PaginatedClientList | ValidationError]:
    """List clients

     Clients and leads. A client created here starts as a `lead` unless a status is given.
    A create whose email or phone matches an existing client answers 409 unless it sends
    `allow_duplicate: true`.

    Args:
        active (ClientsListActive | Unset):
        archived (ClientsListArchived | Unset):
        assigned_to (int | Unset):
        company_client (int | Unset):
        corporate (ClientsListCorporate | Unset):
        country (str | Unset):
        created_after (datetime.date | datetime.datetime | Unset):
        created_before (datetime.date | datetime.datetime | Unset):
        format_ (ClientsListFormat | Unset):
        kind (ClientsListKind | Unset):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 25.
        q (str | Unset):
        search (str | Unset):
        sort (list[ClientsListSortItem] | Unset):
        source (ClientsListSource | Unset):
        status (ClientsListStatus | Unset):
        tag (str | Unset):
        updated_after (datetime.date | datetime.datetime | Unset):
        updated_before (datetime.date | datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedClientList | ValidationError]
    """

    kwargs = _get_kwargs(
        active=active,
        archived=archived,
        assigned_to=assigned_to,
        company_client=company_client,
        corporate=corporate,
        country=country,
        created_after=created_after,
        created_before=created_before,
        format_=format_,
        kind=kind,
        page=page,
        per_page=per_page,
        q=q,
        search=search,
        sort=sort,
        source=source,
        status=status,
        tag=tag,
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
    active: ClientsListActive | Unset = UNSET,
    archived: ClientsListArchived | Unset = UNSET,
    assigned_to: int | Unset = UNSET,
    company_client: int | Unset = UNSET,
    corporate: ClientsListCorporate | Unset = UNSET,
    country: str | Unset = UNSET,
    created_after: datetime.date | datetime.datetime | Unset = UNSET,
    created_before: datetime.date | datetime.datetime | Unset = UNSET,
    format_: ClientsListFormat | Unset = UNSET,
    kind: ClientsListKind | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    q: str | Unset = UNSET,
    search: str | Unset = UNSET,
    sort: list[ClientsListSortItem] | Unset = UNSET,
    source: ClientsListSource | Unset = UNSET,
    status: ClientsListStatus | Unset = UNSET,
    tag: str | Unset = UNSET,
    updated_after: datetime.date | datetime.datetime | Unset = UNSET,
    updated_before: datetime.date | datetime.datetime | Unset = UNSET,
) -> Error | PaginatedClientList | ValidationError | None:
    """List clients

     Clients and leads. A client created here starts as a `lead` unless a status is given.
    A create whose email or phone matches an existing client answers 409 unless it sends
    `allow_duplicate: true`.

    Args:
        active (ClientsListActive | Unset):
        archived (ClientsListArchived | Unset):
        assigned_to (int | Unset):
        company_client (int | Unset):
        corporate (ClientsListCorporate | Unset):
        country (str | Unset):
        created_after (datetime.date | datetime.datetime | Unset):
        created_before (datetime.date | datetime.datetime | Unset):
        format_ (ClientsListFormat | Unset):
        kind (ClientsListKind | Unset):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 25.
        q (str | Unset):
        search (str | Unset):
        sort (list[ClientsListSortItem] | Unset):
        source (ClientsListSource | Unset):
        status (ClientsListStatus | Unset):
        tag (str | Unset):
        updated_after (datetime.date | datetime.datetime | Unset):
        updated_before (datetime.date | datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedClientList | ValidationError
    """

    return sync_detailed(
        client=client,
        active=active,
        archived=archived,
        assigned_to=assigned_to,
        company_client=company_client,
        corporate=corporate,
        country=country,
        created_after=created_after,
        created_before=created_before,
        format_=format_,
        kind=kind,
        page=page,
        per_page=per_page,
        q=q,
        search=search,
        sort=sort,
        source=source,
        status=status,
        tag=tag,
        updated_after=updated_after,
        updated_before=updated_before,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    active: ClientsListActive | Unset = UNSET,
    archived: ClientsListArchived | Unset = UNSET,
    assigned_to: int | Unset = UNSET,
    company_client: int | Unset = UNSET,
    corporate: ClientsListCorporate | Unset = UNSET,
    country: str | Unset = UNSET,
    created_after: datetime.date | datetime.datetime | Unset = UNSET,
    created_before: datetime.date | datetime.datetime | Unset = UNSET,
    format_: ClientsListFormat | Unset = UNSET,
    kind: ClientsListKind | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    q: str | Unset = UNSET,
    search: str | Unset = UNSET,
    sort: list[ClientsListSortItem] | Unset = UNSET,
    source: ClientsListSource | Unset = UNSET,
    status: ClientsListStatus | Unset = UNSET,
    tag: str | Unset = UNSET,
    updated_after: datetime.date | datetime.datetime | Unset = UNSET,
    updated_before: datetime.date | datetime.datetime | Unset = UNSET,
) -> Response[Error | PaginatedClientList | ValidationError]:
    """List clients

     Clients and leads. A client created here starts as a `lead` unless a status is given.
    A create whose email or phone matches an existing client answers 409 unless it sends
    `allow_duplicate: true`.

    Args:
        active (ClientsListActive | Unset):
        archived (ClientsListArchived | Unset):
        assigned_to (int | Unset):
        company_client (int | Unset):
        corporate (ClientsListCorporate | Unset):
        country (str | Unset):
        created_after (datetime.date | datetime.datetime | Unset):
        created_before (datetime.date | datetime.datetime | Unset):
        format_ (ClientsListFormat | Unset):
        kind (ClientsListKind | Unset):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 25.
        q (str | Unset):
        search (str | Unset):
        sort (list[ClientsListSortItem] | Unset):
        source (ClientsListSource | Unset):
        status (ClientsListStatus | Unset):
        tag (str | Unset):
        updated_after (datetime.date | datetime.datetime | Unset):
        updated_before (datetime.date | datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedClientList | ValidationError]
    """

    kwargs = _get_kwargs(
        active=active,
        archived=archived,
        assigned_to=assigned_to,
        company_client=company_client,
        corporate=corporate,
        country=country,
        created_after=created_after,
        created_before=created_before,
        format_=format_,
        kind=kind,
        page=page,
        per_page=per_page,
        q=q,
        search=search,
        sort=sort,
        source=source,
        status=status,
        tag=tag,
        updated_after=updated_after,
        updated_before=updated_before,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    active: ClientsListActive | Unset = UNSET,
    archived: ClientsListArchived | Unset = UNSET,
    assigned_to: int | Unset = UNSET,
    company_client: int | Unset = UNSET,
    corporate: ClientsListCorporate | Unset = UNSET,
    country: str | Unset = UNSET,
    created_after: datetime.date | datetime.datetime | Unset = UNSET,
    created_before: datetime.date | datetime.datetime | Unset = UNSET,
    format_: ClientsListFormat | Unset = UNSET,
    kind: ClientsListKind | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    q: str | Unset = UNSET,
    search: str | Unset = UNSET,
    sort: list[ClientsListSortItem] | Unset = UNSET,
    source: ClientsListSource | Unset = UNSET,
    status: ClientsListStatus | Unset = UNSET,
    tag: str | Unset = UNSET,
    updated_after: datetime.date | datetime.datetime | Unset = UNSET,
    updated_before: datetime.date | datetime.datetime | Unset = UNSET,
) -> Error | PaginatedClientList | ValidationError | None:
    """List clients

     Clients and leads. A client created here starts as a `lead` unless a status is given.
    A create whose email or phone matches an existing client answers 409 unless it sends
    `allow_duplicate: true`.

    Args:
        active (ClientsListActive | Unset):
        archived (ClientsListArchived | Unset):
        assigned_to (int | Unset):
        company_client (int | Unset):
        corporate (ClientsListCorporate | Unset):
        country (str | Unset):
        created_after (datetime.date | datetime.datetime | Unset):
        created_before (datetime.date | datetime.datetime | Unset):
        format_ (ClientsListFormat | Unset):
        kind (ClientsListKind | Unset):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 25.
        q (str | Unset):
        search (str | Unset):
        sort (list[ClientsListSortItem] | Unset):
        source (ClientsListSource | Unset):
        status (ClientsListStatus | Unset):
        tag (str | Unset):
        updated_after (datetime.date | datetime.datetime | Unset):
        updated_before (datetime.date | datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedClientList | ValidationError
    """

    return (
        await asyncio_detailed(
            client=client,
            active=active,
            archived=archived,
            assigned_to=assigned_to,
            company_client=company_client,
            corporate=corporate,
            country=country,
            created_after=created_after,
            created_before=created_before,
            format_=format_,
            kind=kind,
            page=page,
            per_page=per_page,
            q=q,
            search=search,
            sort=sort,
            source=source,
            status=status,
            tag=tag,
            updated_after=updated_after,
            updated_before=updated_before,
        )
    ).parsed
