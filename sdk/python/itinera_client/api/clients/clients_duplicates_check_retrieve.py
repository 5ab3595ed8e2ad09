import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.duplicate_check_envelope import DuplicateCheckEnvelope
from ...models.error import Error
from ...models.validation_error import ValidationError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    date_of_birth: datetime.date | Unset = UNSET,
    email: str | Unset = UNSET,
    first_name: str | Unset = UNSET,
    last_name: str | Unset = UNSET,
    phone: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_date_of_birth: str | Unset = UNSET
    if not isinstance(date_of_birth, Unset):
        json_date_of_birth = date_of_birth.isoformat()
    params["date_of_birth"] = json_date_of_birth

    params["email"] = email

    params["first_name"] = first_name

    params["last_name"] = last_name

    params["phone"] = phone

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/clients/duplicates/check",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DuplicateCheckEnvelope | Error | ValidationError | None:
    if response.status_code == 200:
        response_200 = DuplicateCheckEnvelope.from_dict(response.json())

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
) -> Response[DuplicateCheckEnvelope | Error | ValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    date_of_birth: datetime.date | Unset = UNSET,
    email: str | Unset = UNSET,
    first_name: str | Unset = UNSET,
    last_name: str | Unset = UNSET,
    phone: str | Unset = UNSET,
) -> Response[DuplicateCheckEnvelope | Error | ValidationError]:
    """Check for duplicates before a create

     The clients (archived ones too) a create with this email or phone would duplicate
    (the same list a `POST /clients` answers its 409 with), and those whose lead traveller
    has this first name, last name and date of birth. A date that is not YYYY-MM-DD is a
    422.

    Args:
        date_of_birth (datetime.date | Unset):
        email (str | Unset):
        first_name (str | Unset):
        last_name (str | Unset):
        phone (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DuplicateCheckEnvelope | Error | ValidationError]
    """

    kwargs = _get_kwargs(
        date_of_birth=date_of_birth,
        email=email,
        first_name=first_name,
        last_name=last_name,
        phone=phone,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    date_of_birth: datetime.date | Unset = UNSET,
    email: str | Unset = UNSET,
    first_name: str | Unset = UNSET,
    last_name: str | Unset = UNSET,
    phone: str | Unset = UNSET,
) -> DuplicateCheckEnvelope | Error | ValidationError | None:
    """Check for duplicates before a create

     The clients (archived ones too) a create with this email or phone would duplicate
    (the same list a `POST /clients` answers its 409 with), and those whose lead traveller
    has this first name, last name and date of birth. A date that is not YYYY-MM-DD is a
    422.

    Args:
        date_of_birth (datetime.date | Unset):
        email (str | Unset):
        first_name (str | Unset):
        last_name (str | Unset):
        phone (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DuplicateCheckEnvelope | Error | ValidationError
    """

    return sync_detailed(
        client=client,
        date_of_birth=date_of_birth,
        email=email,
        first_name=first_name,
        last_name=last_name,
        phone=phone,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    date_of_birth: datetime.date | Unset = UNSET,
    email: str | Unset = UNSET,
    first_name: str | Unset = UNSET,
    last_name: str | Unset = UNSET,
    phone: str | Unset = UNSET,
) -> Response[DuplicateCheckEnvelope | Error | ValidationError]:
    """Check for duplicates before a create

     The clients (archived ones too) a create with this email or phone would duplicate
    (the same list a `POST /clients` answers its 409 with), and those whose lead traveller
    has this first name, last name and date of birth. A date that is not YYYY-MM-DD is a
    422.

    Args:
        date_of_birth (datetime.date | Unset):
        email (str | Unset):
        first_name (str | Unset):
        last_name (str | Unset):
        phone (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DuplicateCheckEnvelope | Error | ValidationError]
    """

    kwargs = _get_kwargs(
        date_of_birth=date_of_birth,
        email=email,
        first_name=first_name,
        last_name=last_name,
        phone=phone,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    date_of_birth: datetime.date | Unset = UNSET,
    email: str | Unset = UNSET,
    first_name: str | Unset = UNSET,
    last_name: str | Unset = UNSET,
    phone: str | Unset = UNSET,
) -> DuplicateCheckEnvelope | Error | ValidationError | None:
    """Check for duplicates before a create

     The clients (archived ones too) a create with this email or phone would duplicate
    (the same list a `POST /clients` answers its 409 with), and those whose lead traveller
    has this first name, last name and date of birth. A date that is not YYYY-MM-DD is a
    422.

    Args:
        date_of_birth (datetime.date | Unset):
        email (str | Unset):
        first_name (str | Unset):
        last_name (str | Unset):
        phone (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DuplicateCheckEnvelope | Error | ValidationError
    """

    return (
        await asyncio_detailed(
            client=client,
            date_of_birth=date_of_birth,
            email=email,
            first_name=first_name,
            last_name=last_name,
            phone=phone,
        )
    ).parsed
