from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.api_key_rotate import ApiKeyRotate
from ...models.error_envelope import ErrorEnvelope
from ...models.issued_api_key_envelope import IssuedApiKeyEnvelope
from typing import cast
from uuid import UUID



def _get_kwargs(
    key_id: UUID,
    *,
    body: ApiKeyRotate,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/api-keys/{key_id}/rotate".format(key_id=quote(str(key_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorEnvelope | IssuedApiKeyEnvelope:
    if response.status_code == 201:
        response_201 = IssuedApiKeyEnvelope.from_dict(response.json())



        return response_201

    if response.status_code == 400:
        response_400 = ErrorEnvelope.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = ErrorEnvelope.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = ErrorEnvelope.from_dict(response.json())



        return response_403

    if response.status_code == 429:
        response_429 = ErrorEnvelope.from_dict(response.json())



        return response_429

    response_default = ErrorEnvelope.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorEnvelope | IssuedApiKeyEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    key_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ApiKeyRotate,

) -> Response[ErrorEnvelope | IssuedApiKeyEnvelope]:
    """ A successor key (secret shown once); the old one keeps working for `overlap_seconds`.

    Args:
        key_id (UUID):
        body (ApiKeyRotate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | IssuedApiKeyEnvelope]
     """


    kwargs = _get_kwargs(
        key_id=key_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    key_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ApiKeyRotate,

) -> ErrorEnvelope | IssuedApiKeyEnvelope | None:
    """ A successor key (secret shown once); the old one keeps working for `overlap_seconds`.

    Args:
        key_id (UUID):
        body (ApiKeyRotate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | IssuedApiKeyEnvelope
     """


    return sync_detailed(
        key_id=key_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    key_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ApiKeyRotate,

) -> Response[ErrorEnvelope | IssuedApiKeyEnvelope]:
    """ A successor key (secret shown once); the old one keeps working for `overlap_seconds`.

    Args:
        key_id (UUID):
        body (ApiKeyRotate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | IssuedApiKeyEnvelope]
     """


    kwargs = _get_kwargs(
        key_id=key_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    key_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ApiKeyRotate,

) -> ErrorEnvelope | IssuedApiKeyEnvelope | None:
    """ A successor key (secret shown once); the old one keeps working for `overlap_seconds`.

    Args:
        key_id (UUID):
        body (ApiKeyRotate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | IssuedApiKeyEnvelope
     """


    return (await asyncio_detailed(
        key_id=key_id,
client=client,
body=body,

    )).parsed
