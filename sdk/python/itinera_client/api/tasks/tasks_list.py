import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.paginated_task_list import PaginatedTaskList
from ...models.tasks_list_due import TasksListDue
from ...models.tasks_list_mine import TasksListMine
from ...models.tasks_list_priority import TasksListPriority
from ...models.tasks_list_sort_item import TasksListSortItem
from ...models.tasks_list_source import TasksListSource
from ...models.tasks_list_status import TasksListStatus
from ...models.validation_error import ValidationError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    assignee_id: int | Unset = UNSET,
    booking_id: int | Unset = UNSET,
    client_query: int | Unset = UNSET,
    client_id: int | Unset = UNSET,
    created_after: datetime.date | datetime.datetime | Unset = UNSET,
    created_before: datetime.date | datetime.datetime | Unset = UNSET,
    due: TasksListDue | Unset = UNSET,
    due_after: datetime.date | Unset = UNSET,
    due_before: datetime.date | Unset = UNSET,
    itinerary_id: int | Unset = UNSET,
    mine: TasksListMine | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    priority: TasksListPriority | Unset = UNSET,
    proposal_id: int | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: list[TasksListSortItem] | Unset = UNSET,
    source: TasksListSource | Unset = UNSET,
    status: TasksListStatus | Unset = UNSET,
    updated_after: datetime.date | datetime.datetime | Unset = UNSET,
    updated_before: datetime.date | datetime.datetime | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["assignee_id"] = assignee_id

    params["booking_id"] = booking_id

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

    json_due: str | Unset = UNSET
    if not isinstance(due, Unset):
        json_due = due.value

    params["due"] = json_due

    json_due_after: str | Unset = UNSET
    if not isinstance(due_after, Unset):
        json_due_after = due_after.isoformat()
    params["due_after"] = json_due_after

    json_due_before: str | Unset = UNSET
    if not isinstance(due_before, Unset):
        json_due_before = due_before.isoformat()
    params["due_before"] = json_due_before

    params["itinerary_id"] = itinerary_id

    json_mine: str | Unset = UNSET
    if not isinstance(mine, Unset):
        json_mine = mine.value

    params["mine"] = json_mine

    params["page"] = page

    params["per_page"] = per_page

    json_priority: str | Unset = UNSET
    if not isinstance(priority, Unset):
        json_priority = priority.value

    params["priority"] = json_priority

    params["proposal_id"] = proposal_id

    params["q"] = q

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
        "url": "/api/v1/tasks",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | PaginatedTaskList | ValidationError | None:
    if response.status_code == 200:
        response_200 = PaginatedTaskList.from_dict(response.json())

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
) -> Response[Error | PaginatedTaskList | ValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    assignee_id: int | Unset = UNSET,
    booking_id: int | Unset = UNSET,
    client_query: int | Unset = UNSET,
    client_id: int | Unset = UNSET,
    created_after: datetime.date | datetime.datetime | Unset = UNSET,
    created_before: datetime.date | datetime.datetime | Unset = UNSET,
    due: TasksListDue | Unset = UNSET,
    due_after: datetime.date | Unset = UNSET,
    due_before: datetime.date | Unset = UNSET,
    itinerary_id: int | Unset = UNSET,
    mine: TasksListMine | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    priority: TasksListPriority | Unset = UNSET,
    proposal_id: int | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: list[TasksListSortItem] | Unset = UNSET,
    source: TasksListSource | Unset = UNSET,
    status: TasksListStatus | Unset = UNSET,
    updated_after: datetime.date | datetime.datetime | Unset = UNSET,
    updated_before: datetime.date | datetime.datetime | Unset = UNSET,
) -> Response[Error | PaginatedTaskList | ValidationError]:
    """List tasks

     Tasks, soonest due first. `mine=true` lists the token user's; `status=open` hides the
    done ones; `due=overdue|today|week|later` reads the agency's calendar.

    Args:
        assignee_id (int | Unset):
        booking_id (int | Unset):
        client_query (int | Unset):
        client_id (int | Unset):
        created_after (datetime.date | datetime.datetime | Unset):
        created_before (datetime.date | datetime.datetime | Unset):
        due (TasksListDue | Unset):
        due_after (datetime.date | Unset):
        due_before (datetime.date | Unset):
        itinerary_id (int | Unset):
        mine (TasksListMine | Unset):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 25.
        priority (TasksListPriority | Unset):
        proposal_id (int | Unset):
        q (str | Unset):
        sort (list[TasksListSortItem] | Unset):
        source (TasksListSource | Unset):
        status (TasksListStatus | Unset):
        updated_after (datetime.date | datetime.datetime | Unset):
        updated_before (datetime.date | datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedTaskList | ValidationError]
    """

    kwargs = _get_kwargs(
        assignee_id=assignee_id,
        booking_id=booking_id,
        client_query=client_query,
        client_id=client_id,
        created_after=created_after,
        created_before=created_before,
        due=due,
        due_after=due_after,
        due_before=due_before,
        itinerary_id=itinerary_id,
        mine=mine,
        page=page,
        per_page=per_page,
        priority=priority,
        proposal_id=proposal_id,
        q=q,
        sort=sort,
        source=source,
        status=status,
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
    assignee_id: int | Unset = UNSET,
    booking_id: int | Unset = UNSET,
    client_query: int | Unset = UNSET,
    client_id: int | Unset = UNSET,
    created_after: datetime.date | datetime.datetime | Unset = UNSET,
    created_before: datetime.date | datetime.datetime | Unset = UNSET,
    due: TasksListDue | Unset = UNSET,
    due_after: datetime.date | Unset = UNSET,
    due_before: datetime.date | Unset = UNSET,
    itinerary_id: int | Unset = UNSET,
    mine: TasksListMine | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    priority: TasksListPriority | Unset = UNSET,
    proposal_id: int | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: list[TasksListSortItem] | Unset = UNSET,
    source: TasksListSource | Unset = UNSET,
    status: TasksListStatus | Unset = UNSET,
    updated_after: datetime.date | datetime.datetime | Unset = UNSET,
    updated_before: datetime.date | datetime.datetime | Unset = UNSET,
) -> Error | PaginatedTaskList | ValidationError | None:
    """List tasks

     Tasks, soonest due first. `mine=true` lists the token user's; `status=open` hides the
    done ones; `due=overdue|today|week|later` reads the agency's calendar.

    Args:
        assignee_id (int | Unset):
        booking_id (int | Unset):
        client_query (int | Unset):
        client_id (int | Unset):
        created_after (datetime.date | datetime.datetime | Unset):
        created_before (datetime.date | datetime.datetime | Unset):
        due (TasksListDue | Unset):
        due_after (datetime.date | Unset):
        due_before (datetime.date | Unset):
        itinerary_id (int | Unset):
        mine (TasksListMine | Unset):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 25.
        priority (TasksListPriority | Unset):
        proposal_id (int | Unset):
        q (str | Unset):
        sort (list[TasksListSortItem] | Unset):
        source (TasksListSource | Unset):
        status (TasksListStatus | Unset):
        updated_after (datetime.date | datetime.datetime | Unset):
        updated_before (datetime.date | datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedTaskList | ValidationError
    """

    return sync_detailed(
        client=client,
        assignee_id=assignee_id,
        booking_id=booking_id,
        client_query=client_query,
        client_id=client_id,
        created_after=created_after,
        created_before=created_before,
        due=due,
        due_after=due_after,
        due_before=due_before,
        itinerary_id=itinerary_id,
        mine=mine,
        page=page,
        per_page=per_page,
        priority=priority,
        proposal_id=proposal_id,
        q=q,
        sort=sort,
        source=source,
        status=status,
        updated_after=updated_after,
        updated_before=updated_before,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    assignee_id: int | Unset = UNSET,
    booking_id: int | Unset = UNSET,
    client_query: int | Unset = UNSET,
    client_id: int | Unset = UNSET,
    created_after: datetime.date | datetime.datetime | Unset = UNSET,
    created_before: datetime.date | datetime.datetime | Unset = UNSET,
    due: TasksListDue | Unset = UNSET,
    due_after: datetime.date | Unset = UNSET,
    due_before: datetime.date | Unset = UNSET,
    itinerary_id: int | Unset = UNSET,
    mine: TasksListMine | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    priority: TasksListPriority | Unset = UNSET,
    proposal_id: int | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: list[TasksListSortItem] | Unset = UNSET,
    source: TasksListSource | Unset = UNSET,
    status: TasksListStatus | Unset = UNSET,
    updated_after: datetime.date | datetime.datetime | Unset = UNSET,
    updated_before: datetime.date | datetime.datetime | Unset = UNSET,
) -> Response[Error | PaginatedTaskList | ValidationError]:
    """List tasks

     Tasks, soonest due first. `mine=true` lists the token user's; `status=open` hides the
    done ones; `due=overdue|today|week|later` reads the agency's calendar.

    Args:
        assignee_id (int | Unset):
        booking_id (int | Unset):
        client_query (int | Unset):
        client_id (int | Unset):
        created_after (datetime.date | datetime.datetime | Unset):
        created_before (datetime.date | datetime.datetime | Unset):
        due (TasksListDue | Unset):
        due_after (datetime.date | Unset):
        due_before (datetime.date | Unset):
        itinerary_id (int | Unset):
        mine (TasksListMine | Unset):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 25.
        priority (TasksListPriority | Unset):
        proposal_id (int | Unset):
        q (str | Unset):
        sort (list[TasksListSortItem] | Unset):
        source (TasksListSource | Unset):
        status (TasksListStatus | Unset):
        updated_after (datetime.date | datetime.datetime | Unset):
        updated_before (datetime.date | datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedTaskList | ValidationError]
    """

    kwargs = _get_kwargs(
        assignee_id=assignee_id,
        booking_id=booking_id,
        client_query=client_query,
        client_id=client_id,
        created_after=created_after,
        created_before=created_before,
        due=due,
        due_after=due_after,
        due_before=due_before,
        itinerary_id=itinerary_id,
        mine=mine,
        page=page,
        per_page=per_page,
        priority=priority,
        proposal_id=proposal_id,
        q=q,
        sort=sort,
        source=source,
        status=status,
        updated_after=updated_after,
        updated_before=updated_before,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    assignee_id: int | Unset = UNSET,
    booking_id: int | Unset = UNSET,
    client_query: int | Unset = UNSET,
    client_id: int | Unset = UNSET,
    created_after: datetime.date | datetime.datetime | Unset = UNSET,
    created_before: datetime.date | datetime.datetime | Unset = UNSET,
    due: TasksListDue | Unset = UNSET,
    due_after: datetime.date | Unset = UNSET,
    due_before: datetime.date | Unset = UNSET,
    itinerary_id: int | Unset = UNSET,
    mine: TasksListMine | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 25,
    priority: TasksListPriority | Unset = UNSET,
    proposal_id: int | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: list[TasksListSortItem] | Unset = UNSET,
    source: TasksListSource | Unset = UNSET,
    status: TasksListStatus | Unset = UNSET,
    updated_after: datetime.date | datetime.datetime | Unset = UNSET,
    updated_before: datetime.date | datetime.datetime | Unset = UNSET,
) -> Error | PaginatedTaskList | ValidationError | None:
    """List tasks

     Tasks, soonest due first. `mine=true` lists the token user's; `status=open` hides the
    done ones; `due=overdue|today|week|later` reads the agency's calendar.

    Args:
        assignee_id (int | Unset):
        booking_id (int | Unset):
        client_query (int | Unset):
        client_id (int | Unset):
        created_after (datetime.date | datetime.datetime | Unset):
        created_before (datetime.date | datetime.datetime | Unset):
        due (TasksListDue | Unset):
        due_after (datetime.date | Unset):
        due_before (datetime.date | Unset):
        itinerary_id (int | Unset):
        mine (TasksListMine | Unset):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 25.
        priority (TasksListPriority | Unset):
        proposal_id (int | Unset):
        q (str | Unset):
        sort (list[TasksListSortItem] | Unset):
        source (TasksListSource | Unset):
        status (TasksListStatus | Unset):
        updated_after (datetime.date | datetime.datetime | Unset):
        updated_before (datetime.date | datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedTaskList | ValidationError
    """

    return (
        await asyncio_detailed(
            client=client,
            assignee_id=assignee_id,
            booking_id=booking_id,
            client_query=client_query,
            client_id=client_id,
            created_after=created_after,
            created_before=created_before,
            due=due,
            due_after=due_after,
            due_before=due_before,
            itinerary_id=itinerary_id,
            mine=mine,
            page=page,
            per_page=per_page,
            priority=priority,
            proposal_id=proposal_id,
            q=q,
            sort=sort,
            source=source,
            status=status,
            updated_after=updated_after,
            updated_before=updated_before,
        )
    ).parsed
