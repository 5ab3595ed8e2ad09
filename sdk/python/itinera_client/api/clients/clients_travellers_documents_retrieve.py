from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.traveller_documents_envelope import TravellerDocumentsEnvelope
from ...models.validation_error import ValidationError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    client_id: int,
    id: int,
    *,
    fields: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["fields"] = fields

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/clients/{client_id}/travellers/{id}/documents".format(
            client_id=quote(str(client_id), safe=""),
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | TravellerDocumentsEnvelope | ValidationError | None:
    if response.status_code == 200:
        response_200 = TravellerDocumentsEnvelope.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

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
) -> Response[Error | TravellerDocumentsEnvelope | ValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    client_id: int,
    id: int,
    *,
    client: AuthenticatedClient,
    fields: str | Unset = UNSET,
) -> Response[Error | TravellerDocumentsEnvelope | ValidationError]:
    """Reveal a traveller's document numbers

     The full passport, known traveller and redress numbers. Owners, admins and the agent assigned to the
    client only (anyone else: 403). Every call is recorded in the client's history as
    `traveller.documents_revealed` (who, which fields; never the values). The answer is sent with
    `Cache-Control: no-store`.

    Args:
        client_id (int):
        id (int):
        fields (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TravellerDocumentsEnvelope | ValidationError]
    """

    kwargs = _get_kwargs(
        client_id=client_id,
        id=id,
        fields=fields,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    client_id: int,
    id: int,
    *,
    client: AuthenticatedClient,
    fields: str | Unset = UNSET,
) -> Error | TravellerDocumentsEnvelope | ValidationError | None:
    """Reveal a traveller's document numbers

     The full passport, known traveller and redress numbers. Owners, admins and the agent assigned to the
    client only (anyone else: 403). Every call is recorded in the client's history as
    `traveller.documents_revealed` (who, which fields; never the values). The answer is sent with
    `Cache-Control: no-store`.

    Args:
        client_id (int):
        id (int):
        fields (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TravellerDocumentsEnvelope | ValidationError
    """

    return sync_detailed(
        client_id=client_id,
        id=id,
        client=client,
        fields=fields,
    ).parsed


async def asyncio_detailed(
    client_id: int,
    id: int,
    *,
    client: AuthenticatedClient,
    fields: str | Unset = UNSET,
) -> Response[Error | TravellerDocumentsEnvelope | ValidationError]:
    """Reveal a traveller's document numbers

     The full passport, known traveller and redress numbers. Owners, admins and the agent assigned to the
    client only (anyone else: 403). Every call is recorded in the client's history as
    `traveller.documents_revealed` (who, which fields; never the values). The answer is sent with
    `Cache-Control: no-store`.

    Args:
        client_id (int):
        id (int):
        fields (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TravellerDocumentsEnvelope | ValidationError]
    """

    kwargs = _get_kwargs(
        client_id=client_id,
        id=id,
        fields=fields,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    client_id: int,
    id: int,
    *,
    client: AuthenticatedClient,
    fields: str | Unset = UNSET,
) -> Error | TravellerDocumentsEnvelope | ValidationError | None:
    """Reveal a traveller's document numbers

     The full passport, known traveller and redress numbers. Owners, admins and the agent assigned to the
    client only (anyone else: 403). Every call is recorded in the client's history as
    `traveller.documents_revealed` (who, which fields; never the values). The answer is sent with
    `Cache-Control: no-store`.

    Args:
        client_id (int):
        id (int):
        fields (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TravellerDocumentsEnvelope | ValidationError
    """

    return (
        await asyncio_detailed(
            client_id=client_id,
            id=id,
            client=client,
            fields=fields,
        )
    ).parsed
