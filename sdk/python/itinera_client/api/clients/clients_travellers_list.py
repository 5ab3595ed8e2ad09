import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.clients_travellers_list_is_lead import ClientsTravellersListIsLead
from ...models.error import Error
from ...models.paginated_traveller_list import PaginatedTravellerList
from ...models.validation_error import ValidationError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    client_id: int,
    *,
    created_after: datetime.date | datetime.datetime | Unset = UNSET,
    created_before: datetime.date | datetime.datetime | Unset = UNSET,
    is_lead: ClientsTravellersListIsLead | Unset = UNSET,
    page: int | Unset = 1,
    passport_expires_before: datetime.date | Unset = UNSET,
    per_page: int | Unset = 25,
    q: str | Unset = UNSET,
    updated_after: datetime.date | datetime.datetime | Unset = UNSET,
    updated_before: datetime.date | datetime.datetime | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

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

    json_is_lead: str | Unset = UNSET
    if not isinstance(is_lead, Unset):
        json_is_lead = is_lead.value

    params["is_lead"] = json_is_lead

    params["page"] = page

    json_passport_expires_before: str | Unset = UNSET
    if not isinstance(passport_expires_before, Unset):
        json_passport_expires_before = passport_expires_before.isoformat()
    params["passport_expires_before"] = json_passport_expires_before

    params["per_page"] = per_page

    params["q"] = q

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
        "url": "/api/v1/clients/{client_id}/travellers".format(
            client_id=quote(str(client_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | PaginatedTravellerList | ValidationError | None:
    if response.status_code == 200:
        response_200 = PaginatedTravellerList.from_dict(response.json())

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
) -> Response[Error | PaginatedTravellerList | ValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    client_id: int,
    *,
    client: AuthenticatedClient,
    created_after: datetime.date | datetime.datetime | Unset = UNSET,
    created_before: datetime.date | datetime.datetime | Unset = UNSET,
    is_lead: ClientsTravellersListIsLead | Unset = UNSET,
    page: int | Unset = 1,
    passport_expires_before: datetime.date | Unset = UNSET,
    per_page: int | Unset = 25,
    q: str | Unset = UNSET,
    updated_after: datetime.date | datetime.datetime | Unset = UNSET,
    updated_before: datetime.date | datetime.datetime | Unset = UNSET,
) -> Response[Error | PaginatedTravellerList | ValidationError]:
    """List travellers

     A client's travellers, the lead traveller first, then by name. Filters: `q` (names),
    `is_lead`, `passport_expires_before`.

    Args:
        client_id (int):
        created_after (datetime.date | datetime.datetime | Unset):
        created_before (datetime.date | datetime.datetime | Unset):
        is_lead (ClientsTravellersListIsLead | Unset):
        page (int | Unset):  Default: 1.
        passport_expires_before (datetime.date | Unset):
        per_page (int | Unset):  Default: 25.
        q (str | Unset):
        updated_after (datetime.date | datetime.datetime | Unset):
        updated_before (datetime.date | datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedTravellerList | ValidationError]
    """

    kwargs = _get_kwargs(
        client_id=client_id,
        created_after=created_after,
        created_before=created_before,
        is_lead=is_lead,
        page=page,
        passport_expires_before=passport_expires_before,
        per_page=per_page,
        q=q,
        updated_after=updated_after,
        updated_before=updated_before,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    client_id: int,
    *,
    client: AuthenticatedClient,
    created_after: datetime.date | datetime.datetime | Unset = UNSET,
    created_before: datetime.date | datetime.datetime | Unset = UNSET,
    is_lead: ClientsTravellersListIsLead | Unset = UNSET,
    page: int | Unset = 1,
    passport_expires_before: datetime.date | Unset = UNSET,
    per_page: int | Unset = 25,
    q: str | Unset = UNSET,
    updated_after: datetime.date | datetime.datetime | Unset = UNSET,
    updated_before: datetime.date | datetime.datetime | Unset = UNSET,
) -> Error | PaginatedTravellerList | ValidationError | None:
    """List travellers

     A client's travellers, the lead traveller first, then by name. Filters: `q` (names),
    `is_lead`, `passport_expires_before`.

    Args:
        client_id (int):
        created_after (datetime.date | datetime.datetime | Unset):
        created_before (datetime.date | datetime.datetime | Unset):
        is_lead (ClientsTravellersListIsLead | Unset):
        page (int | Unset):  Default: 1.
        passport_expires_before (datetime.date | Unset):
        per_page (int | Unset):  Default: 25.
        q (str | Unset):
        updated_after (datetime.date | datetime.datetime | Unset):
        updated_before (datetime.date | datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedTravellerList | ValidationError
    """

    return sync_detailed(
        client_id=client_id,
        client=client,
        created_after=created_after,
        created_before=created_before,
        is_lead=is_lead,
        page=page,
        passport_expires_before=passport_expires_before,
        per_page=per_page,
        q=q,
        updated_after=updated_after,
        updated_before=updated_before,
    ).parsed


async def asyncio_detailed(
    client_id: int,
    *,
    client: AuthenticatedClient,
    created_after: datetime.date | datetime.datetime | Unset = UNSET,
    created_before: datetime.date | datetime.datetime | Unset = UNSET,
    is_lead: ClientsTravellersListIsLead | Unset = UNSET,
    page: int | Unset = 1,
    passport_expires_before: datetime.date | Unset = UNSET,
    per_page: int | Unset = 25,
    q: str | Unset = UNSET,
    updated_after: datetime.date | datetime.datetime | Unset = UNSET,
    updated_before: datetime.date | datetime.datetime | Unset = UNSET,
) -> Response[Error | PaginatedTravellerList | ValidationError]:
    """List travellers

     A client's travellers, the lead traveller first, then by name. Filters: `q` (names),
    `is_lead`, `passport_expires_before`.

    Args:
        client_id (int):
        created_after (datetime.date | datetime.datetime | Unset):
        created_before (datetime.date | datetime.datetime | Unset):
        is_lead (ClientsTravellersListIsLead | Unset):
        page (int | Unset):  Default: 1.
        passport_expires_before (datetime.date | Unset):
        per_page (int | Unset):  Default: 25.
        q (str | Unset):
        updated_after (datetime.date | datetime.datetime | Unset):
        updated_before (datetime.date | datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedTravellerList | ValidationError]
    """

    kwargs = _get_kwargs(
        client_id=client_id,
        created_after=created_after,
        created_before=created_before,
        is_lead=is_lead,
        page=page,
        passport_expires_before=passport_expires_before,
        per_page=per_page,
        q=q,
        updated_after=updated_after,
        updated_before=updated_before,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    client_id: int,
    *,
    client: AuthenticatedClient,
    created_after: datetime.date | datetime.datetime | Unset = UNSET,
    created_before: datetime.date | datetime.datetime | Unset = UNSET,
    is_lead: ClientsTravellersListIsLead | Unset = UNSET,
    page: int | Unset = 1,
    passport_expires_before: datetime.date | Unset = UNSET,
    per_page: int | Unset = 25,
    q: str | Unset = UNSET,
    updated_after: datetime.date | datetime.datetime | Unset = UNSET,
    updated_before: datetime.date | datetime.datetime | Unset = UNSET,
) -> Error | PaginatedTravellerList | ValidationError | None:
    """List travellers

     A client's travellers, the lead traveller first, then by name. Filters: `q` (names),
    `is_lead`, `passport_expires_before`.

    Args:
        client_id (int):
        created_after (datetime.date | datetime.datetime | Unset):
        created_before (datetime.date | datetime.datetime | Unset):
        is_lead (ClientsTravellersListIsLead | Unset):
        page (int | Unset):  Default: 1.
        passport_expires_before (datetime.date | Unset):
        per_page (int | Unset):  Default: 25.
        q (str | Unset):
        updated_after (datetime.date | datetime.datetime | Unset):
        updated_before (datetime.date | datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedTravellerList | ValidationError
    """

    return (
        await asyncio_detailed(
            client_id=client_id,
            client=client,
            created_after=created_after,
            created_before=created_before,
            is_lead=is_lead,
            page=page,
            passport_expires_before=passport_expires_before,
            per_page=per_page,
            q=q,
            updated_after=updated_after,
            updated_before=updated_before,
        )
    ).parsed
