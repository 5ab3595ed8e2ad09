import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bookings_list_archived import BookingsListArchived
from ...models.bookings_list_format import BookingsListFormat
from ...models.bookings_list_overdue import BookingsListOverdue
from ...models.bookings_list_sort_item import BookingsListSortItem
from ...models.bookings_list_status import BookingsListStatus
from ...models.error import Error
from ...models.paginated_booking_list import PaginatedBookingList
from ...models.validation_error import ValidationError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    archived: BookingsListArchived | Unset = UNSET,
    balance_due: bool | Unset = UNSET,
    client_query: int | Unset = UNSET,
    client_id: int | Unset = UNSET,
    consultant_id: int | Unset = UNSET,
    created_after: datetime.date | datetime.datetime | Unset = UNSET,
    created_before: datetime.date | datetime.datetime | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    departing_within: float | Unset = UNSET,
    format_: BookingsListFormat | Unset = UNSET,
    itinerary_id: int | Unset = UNSET,
    overdue: BookingsListOverdue | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    proposal_id: int | Unset = UNSET,
    q: str | Unset = UNSET,
    reference: str | Unset = UNSET,
    sort: list[BookingsListSortItem] | Unset = UNSET,
    start_date_after: datetime.date | Unset = UNSET,
    start_date_before: datetime.date | Unset = UNSET,
    status: BookingsListStatus | Unset = UNSET,
    supplier_id: int | Unset = UNSET,
    updated_after: datetime.date | datetime.datetime | Unset = UNSET,
    updated_before: datetime.date | datetime.datetime | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_archived: str | Unset = UNSET
    if not isinstance(archived, Unset):
        json_archived = archived.value

    params["archived"] = json_archived

    params["balance_due"] = balance_due

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

    json_date_from: str | Unset = UNSET
    if not isinstance(date_from, Unset):
        json_date_from = date_from.isoformat()
    params["date_from"] = json_date_from

    json_date_to: str | Unset = UNSET
    if not isinstance(date_to, Unset):
        json_date_to = date_to.isoformat()
    params["date_to"] = json_date_to

    params["departing_within"] = departing_within

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params["itinerary_id"] = itinerary_id

    json_overdue: str | Unset = UNSET
    if not isinstance(overdue, Unset):
        json_overdue = overdue.value

    params["overdue"] = json_overdue

    params["page"] = page

    params["per_page"] = per_page

    params["proposal_id"] = proposal_id

    params["q"] = q

    params["reference"] = reference

    json_sort: list[str] | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = []
        for sort_item_data in sort:
            sort_item = sort_item_data.value
            json_sort.append(sort_item)

    params["sort"] = json_sort

    json_start_date_after: str | Unset = UNSET
    if not isinstance(start_date_after, Unset):
        json_start_date_after = start_date_after.isoformat()
    params["start_date_after"] = json_start_date_after

    json_start_date_before: str | Unset = UNSET
    if not isinstance(start_date_before, Unset):
        json_start_date_before = start_date_before.isoformat()
    params["start_date_before"] = json_start_date_before

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["supplier_id"] = supplier_id

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
        "url": "/api/v1/bookings",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | PaginatedBookingList | ValidationError | None:
    if response.status_code == 200:
        response_200 = PaginatedBookingList.from_dict(response.json())

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
) -> Response[Error | PaginatedBookingList | ValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    archived: BookingsListArchived | Unset = UNSET,
    balance_due: bool | Unset = UNSET,
    client_query: int | Unset = UNSET,
    client_id: int | Unset = UNSET,
    consultant_id: int | Unset = UNSET,
    created_after: datetime.date | datetime.datetime | Unset = UNSET,
    created_before: datetime.date | datetime.datetime | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    departing_within: float | Unset = UNSET,
    format_: BookingsListFormat | Unset = UNSET,
    itinerary_id: int | Unset = UNSET,
    overdue: BookingsListOverdue | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    proposal_id: int | Unset = UNSET,
    q: str | Unset = UNSET,
    reference: str | Unset = UNSET,
    sort: list[BookingsListSortItem] | Unset = UNSET,
    start_date_after: datetime.date | Unset = UNSET,
    start_date_before: datetime.date | Unset = UNSET,
    status: BookingsListStatus | Unset = UNSET,
    supplier_id: int | Unset = UNSET,
    updated_after: datetime.date | datetime.datetime | Unset = UNSET,
    updated_before: datetime.date | datetime.datetime | Unset = UNSET,
) -> Response[Error | PaginatedBookingList | ValidationError]:
    """List bookings

     Bookings with their services, schedule, payments and figures. `GET /bookings/{id}`
    includes `services`, `schedule`, `payments` and `financials`; `balance_due` is what is still
    owed, `credit_balance` what was paid beyond the total. Lists filter by travel dates
    (`date_from`, `date_to`), `consultant_id`, `supplier_id`, `balance_due` and `overdue=true`
    (an instalment past its date and not paid).

    Args:
        archived (BookingsListArchived | Unset):
        balance_due (bool | Unset):
        client_query (int | Unset):
        client_id (int | Unset):
        consultant_id (int | Unset):
        created_after (datetime.date | datetime.datetime | Unset):
        created_before (datetime.date | datetime.datetime | Unset):
        date_from (datetime.date | Unset):
        date_to (datetime.date | Unset):
        departing_within (float | Unset):
        format_ (BookingsListFormat | Unset):
        itinerary_id (int | Unset):
        overdue (BookingsListOverdue | Unset):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 25.
        proposal_id (int | Unset):
        q (str | Unset):
        reference (str | Unset):
        sort (list[BookingsListSortItem] | Unset):
        start_date_after (datetime.date | Unset):
        start_date_before (datetime.date | Unset):
        status (BookingsListStatus | Unset):
        supplier_id (int | Unset):
        updated_after (datetime.date | datetime.datetime | Unset):
        updated_before (datetime.date | datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedBookingList | ValidationError]
    """

    kwargs = _get_kwargs(
        archived=archived,
        balance_due=balance_due,
        client_query=client_query,
        client_id=client_id,
        consultant_id=consultant_id,
        created_after=created_after,
        created_before=created_before,
        date_from=date_from,
        date_to=date_to,
        departing_within=departing_within,
        format_=format_,
        itinerary_id=itinerary_id,
        overdue=overdue,
        page=page,
        per_page=per_page,
        proposal_id=proposal_id,
        q=q,
        reference=reference,
        sort=sort,
        start_date_after=start_date_after,
        start_date_before=start_date_before,
        status=status,
        supplier_id=supplier_id,
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
    archived: BookingsListArchived | Unset = UNSET,
    balance_due: bool | Unset = UNSET,
    client_query: int | Unset = UNSET,
    client_id: int | Unset = UNSET,
    consultant_id: int | Unset = UNSET,
    created_after: datetime.date | datetime.datetime | Unset = UNSET,
    created_before: datetime.date | datetime.datetime | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    departing_within: float | Unset = UNSET,
    format_: BookingsListFormat | Unset = UNSET,
    itinerary_id: int | Unset = UNSET,
    overdue: BookingsListOverdue | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    proposal_id: int | Unset = UNSET,
    q: str | Unset = UNSET,
    reference: str | Unset = UNSET,
    sort: list[BookingsListSortItem] | Unset = UNSET,
    start_date_after: datetime.date | Unset = UNSET,
    start_date_before: datetime.date | Unset = UNSET,
    status: BookingsListStatus | Unset = UNSET,
    supplier_id: int | Unset = UNSET,
    updated_after: datetime.date | datetime.datetime | Unset = UNSET,
    updated_before: datetime.date | datetime.datetime | Unset = UNSET,
) -> Error | PaginatedBookingList | ValidationError | None:
    """List bookings

     Bookings with their services, schedule, payments and figures. `GET /bookings/{id}`
    includes `services`, `schedule`, `payments` and `financials`; `balance_due` is what is still
    owed, `credit_balance` what was paid beyond the total. Lists filter by travel dates
    (`date_from`, `date_to`), `consultant_id`, `supplier_id`, `balance_due` and `overdue=true`
    (an instalment past its date and not paid).

    Args:
        archived (BookingsListArchived | Unset):
        balance_due (bool | Unset):
        client_query (int | Unset):
        client_id (int | Unset):
        consultant_id (int | Unset):
        created_after (datetime.date | datetime.datetime | Unset):
        created_before (datetime.date | datetime.datetime | Unset):
        date_from (datetime.date | Unset):
        date_to (datetime.date | Unset):
        departing_within (float | Unset):
        format_ (BookingsListFormat | Unset):
        itinerary_id (int | Unset):
        overdue (BookingsListOverdue | Unset):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 25.
        proposal_id (int | Unset):
        q (str | Unset):
        reference (str | Unset):
        sort (list[BookingsListSortItem] | Unset):
        start_date_after (datetime.date | Unset):
        start_date_before (datetime.date | Unset):
        status (BookingsListStatus | Unset):
        supplier_id (int | Unset):
        updated_after (datetime.date | datetime.datetime | Unset):
        updated_before (datetime.date | datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedBookingList | ValidationError
    """

    return sync_detailed(
        client=client,
        archived=archived,
        balance_due=balance_due,
        client_query=client_query,
        client_id=client_id,
        consultant_id=consultant_id,
        created_after=created_after,
        created_before=created_before,
        date_from=date_from,
        date_to=date_to,
        departing_within=departing_within,
        format_=format_,
        itinerary_id=itinerary_id,
        overdue=overdue,
        page=page,
        per_page=per_page,
        proposal_id=proposal_id,
        q=q,
        reference=reference,
        sort=sort,
        start_date_after=start_date_after,
        start_date_before=start_date_before,
        status=status,
        supplier_id=supplier_id,
        updated_after=updated_after,
        updated_before=updated_before,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    archived: BookingsListArchived | Unset = UNSET,
    balance_due: bool | Unset = UNSET,
    client_query: int | Unset = UNSET,
    client_id: int | Unset = UNSET,
    consultant_id: int | Unset = UNSET,
    created_after: datetime.date | datetime.datetime | Unset = UNSET,
    created_before: datetime.date | datetime.datetime | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    departing_within: float | Unset = UNSET,
    format_: BookingsListFormat | Unset = UNSET,
    itinerary_id: int | Unset = UNSET,
    overdue: BookingsListOverdue | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    proposal_id: int | Unset = UNSET,
    q: str | Unset = UNSET,
    reference: str | Unset = UNSET,
    sort: list[BookingsListSortItem] | Unset = UNSET,
    start_date_after: datetime.date | Unset = UNSET,
    start_date_before: datetime.date | Unset = UNSET,
    status: BookingsListStatus | Unset = UNSET,
    supplier_id: int | Unset = UNSET,
    updated_after: datetime.date | datetime.datetime | Unset = UNSET,
    updated_before: datetime.date | datetime.datetime | Unset = UNSET,
) -> Response[Error | PaginatedBookingList | ValidationError]:
    """List bookings

     Bookings with their services, schedule, payments and figures. `GET /bookings/{id}`
    includes `services`, `schedule`, `payments` and `financials`; `balance_due` is what is still
    owed, `credit_balance` what was paid beyond the total. Lists filter by travel dates
    (`date_from`, `date_to`), `consultant_id`, `supplier_id`, `balance_due` and `overdue=true`
    (an instalment past its date and not paid).

    Args:
        archived (BookingsListArchived | Unset):
        balance_due (bool | Unset):
        client_query (int | Unset):
        client_id (int | Unset):
        consultant_id (int | Unset):
        created_after (datetime.date | datetime.datetime | Unset):
        created_before (datetime.date | datetime.datetime | Unset):
        date_from (datetime.date | Unset):
        date_to (datetime.date | Unset):
        departing_within (float | Unset):
        format_ (BookingsListFormat | Unset):
        itinerary_id (int | Unset):
        overdue (BookingsListOverdue | Unset):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 25.
        proposal_id (int | Unset):
        q (str | Unset):
        reference (str | Unset):
        sort (list[BookingsListSortItem] | Unset):
        start_date_after (datetime.date | Unset):
        start_date_before (datetime.date | Unset):
        status (BookingsListStatus | Unset):
        supplier_id (int | Unset):
        updated_after (datetime.date | datetime.datetime | Unset):
        updated_before (datetime.date | datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedBookingList | ValidationError]
    """

    kwargs = _get_kwargs(
        archived=archived,
        balance_due=balance_due,
        client_query=client_query,
        client_id=client_id,
        consultant_id=consultant_id,
        created_after=created_after,
        created_before=created_before,
        date_from=date_from,
        date_to=date_to,
        departing_within=departing_within,
        format_=format_,
        itinerary_id=itinerary_id,
        overdue=overdue,
        page=page,
        per_page=per_page,
        proposal_id=proposal_id,
        q=q,
        reference=reference,
        sort=sort,
        start_date_after=start_date_after,
        start_date_before=start_date_before,
        status=status,
        supplier_id=supplier_id,
        updated_after=updated_after,
        updated_before=updated_before,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    archived: BookingsListArchived | Unset = UNSET,
    balance_due: bool | Unset = UNSET,
    client_query: int | Unset = UNSET,
    client_id: int | Unset = UNSET,
    consultant_id: int | Unset = UNSET,
    created_after: datetime.date | datetime.datetime | Unset = UNSET,
    created_before: datetime.date | datetime.datetime | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    departing_within: float | Unset = UNSET,
    format_: BookingsListFormat | Unset = UNSET,
    itinerary_id: int | Unset = UNSET,
    overdue: BookingsListOverdue | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    proposal_id: int | Unset = UNSET,
    q: str | Unset = UNSET,
    reference: str | Unset = UNSET,
    sort: list[BookingsListSortItem] | Unset = UNSET,
    start_date_after: datetime.date | Unset = UNSET,
    start_date_before: datetime.date | Unset = UNSET,
    status: BookingsListStatus | Unset = UNSET,
    supplier_id: int | Unset = UNSET,
    updated_after: datetime.date | datetime.datetime | Unset = UNSET,
    updated_before: datetime.date | datetime.datetime | Unset = UNSET,
) -> Error | PaginatedBookingList | ValidationError | None:
    """List bookings

     Bookings with their services, schedule, payments and figures. `GET /bookings/{id}`
    includes `services`, `schedule`, `payments` and `financials`; `balance_due` is what is still
    owed, `credit_balance` what was paid beyond the total. Lists filter by travel dates
    (`date_from`, `date_to`), `consultant_id`, `supplier_id`, `balance_due` and `overdue=true`
    (an instalment past its date and not paid).

    Args:
        archived (BookingsListArchived | Unset):
        balance_due (bool | Unset):
        client_query (int | Unset):
        client_id (int | Unset):
        consultant_id (int | Unset):
        created_after (datetime.date | datetime.datetime | Unset):
        created_before (datetime.date | datetime.datetime | Unset):
        date_from (datetime.date | Unset):
        date_to (datetime.date | Unset):
        departing_within (float | Unset):
        format_ (BookingsListFormat | Unset):
        itinerary_id (int | Unset):
        overdue (BookingsListOverdue | Unset):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 25.
        proposal_id (int | Unset):
        q (str | Unset):
        reference (str | Unset):
        sort (list[BookingsListSortItem] | Unset):
        start_date_after (datetime.date | Unset):
        start_date_before (datetime.date | Unset):
        status (BookingsListStatus | Unset):
        supplier_id (int | Unset):
        updated_after (datetime.date | datetime.datetime | Unset):
        updated_before (datetime.date | datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedBookingList | ValidationError
    """

    return (
        await asyncio_detailed(
            client=client,
            archived=archived,
            balance_due=balance_due,
            client_query=client_query,
            client_id=client_id,
            consultant_id=consultant_id,
            created_after=created_after,
            created_before=created_before,
            date_from=date_from,
            date_to=date_to,
            departing_within=departing_within,
            format_=format_,
            itinerary_id=itinerary_id,
            overdue=overdue,
            page=page,
            per_page=per_page,
            proposal_id=proposal_id,
            q=q,
            reference=reference,
            sort=sort,
            start_date_after=start_date_after,
            start_date_before=start_date_before,
            status=status,
            supplier_id=supplier_id,
            updated_after=updated_after,
            updated_before=updated_before,
        )
    ).parsed
