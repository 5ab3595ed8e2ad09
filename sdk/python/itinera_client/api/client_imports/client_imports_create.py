from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.client_import_envelope import ClientImportEnvelope
from ...models.conflict import Conflict
from ...models.error import Error
from ...models.import_upload_request import ImportUploadRequest
from ...models.validation_error import ValidationError
from ...types import Response


def _get_kwargs(
    *,
    body: ImportUploadRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/client-imports",
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ClientImportEnvelope | Conflict | Error | ValidationError | None:
    if response.status_code == 201:
        response_201 = ClientImportEnvelope.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 409:
        response_409 = Conflict.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Error.from_dict(response.json())

        return response_415

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
) -> Response[ClientImportEnvelope | Conflict | Error | ValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ImportUploadRequest,
) -> Response[ClientImportEnvelope | Conflict | Error | ValidationError]:
    """Create a client import

     Upload the file (stored in chunks; nothing is imported yet) as `multipart/form-data`, field `file`.
    A file has at most 200 MB (209715200 bytes; the 1 MB limit of other bodies,
    DATA_UPLOAD_MAX_MEMORY_SIZE, does not apply to it); a bigger one is a `413` whose `message` names
    the maximum, and creates nothing. The file is CSV text: one that holds binary data (a NUL byte: an
    image, a spreadsheet) or whose first line names no column is a `422` saying so (what a file holds is
    beyond what its schema, `format: binary`, can state).

    Args:
        body (ImportUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClientImportEnvelope | Conflict | Error | ValidationError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: ImportUploadRequest,
) -> ClientImportEnvelope | Conflict | Error | ValidationError | None:
    """Create a client import

     Upload the file (stored in chunks; nothing is imported yet) as `multipart/form-data`, field `file`.
    A file has at most 200 MB (209715200 bytes; the 1 MB limit of other bodies,
    DATA_UPLOAD_MAX_MEMORY_SIZE, does not apply to it); a bigger one is a `413` whose `message` names
    the maximum, and creates nothing. The file is CSV text: one that holds binary data (a NUL byte: an
    image, a spreadsheet) or whose first line names no column is a `422` saying so (what a file holds is
    beyond what its schema, `format: binary`, can state).

    Args:
        body (ImportUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClientImportEnvelope | Conflict | Error | ValidationError
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ImportUploadRequest,
) -> Response[ClientImportEnvelope | Conflict | Error | ValidationError]:
    """Create a client import

     Upload the file (stored in chunks; nothing is imported yet) as `multipart/form-data`, field `file`.
    A file has at most 200 MB (209715200 bytes; the 1 MB limit of other bodies,
    DATA_UPLOAD_MAX_MEMORY_SIZE, does not apply to it); a bigger one is a `413` whose `message` names
    the maximum, and creates nothing. The file is CSV text: one that holds binary data (a NUL byte: an
    image, a spreadsheet) or whose first line names no column is a `422` saying so (what a file holds is
    beyond what its schema, `format: binary`, can state).

    Args:
        body (ImportUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClientImportEnvelope | Conflict | Error | ValidationError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ImportUploadRequest,
) -> ClientImportEnvelope | Conflict | Error | ValidationError | None:
    """Create a client import

     Upload the file (stored in chunks; nothing is imported yet) as `multipart/form-data`, field `file`.
    A file has at most 200 MB (209715200 bytes; the 1 MB limit of other bodies,
    DATA_UPLOAD_MAX_MEMORY_SIZE, does not apply to it); a bigger one is a `413` whose `message` names
    the maximum, and creates nothing. The file is CSV text: one that holds binary data (a NUL byte: an
    image, a spreadsheet) or whose first line names no column is a `422` saying so (what a file holds is
    beyond what its schema, `format: binary`, can state).

    Args:
        body (ImportUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClientImportEnvelope | Conflict | Error | ValidationError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
