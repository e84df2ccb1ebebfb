from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.chat_update import ChatUpdate
from ...models.error_envelope import ErrorEnvelope
from ...models.wa_chat_envelope import WaChatEnvelope
from typing import cast
from uuid import UUID



def _get_kwargs(
    chat_id: UUID,
    *,
    body: ChatUpdate,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/wa-bridge/chats/{chat_id}".format(chat_id=quote(str(chat_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | ErrorEnvelope | WaChatEnvelope:
    if response.status_code == 200:
        response_200 = WaChatEnvelope.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = ErrorEnvelope.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = ErrorEnvelope.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = ErrorEnvelope.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = cast(Any, None)
        return response_404

    if response.status_code == 429:
        response_429 = ErrorEnvelope.from_dict(response.json())



        return response_429

    response_default = ErrorEnvelope.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | ErrorEnvelope | WaChatEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    chat_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ChatUpdate,

) -> Response[Any | ErrorEnvelope | WaChatEnvelope]:
    """ Link a chat to a project and/or ticket (or rename it).

    Args:
        chat_id (UUID):
        body (ChatUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | WaChatEnvelope]
     """


    kwargs = _get_kwargs(
        chat_id=chat_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    chat_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ChatUpdate,

) -> Any | ErrorEnvelope | WaChatEnvelope | None:
    """ Link a chat to a project and/or ticket (or rename it).

    Args:
        chat_id (UUID):
        body (ChatUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | WaChatEnvelope
     """


    return sync_detailed(
        chat_id=chat_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    chat_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ChatUpdate,

) -> Response[Any | ErrorEnvelope | WaChatEnvelope]:
    """ Link a chat to a project and/or ticket (or rename it).

    Args:
        chat_id (UUID):
        body (ChatUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | WaChatEnvelope]
     """


    kwargs = _get_kwargs(
        chat_id=chat_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    chat_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ChatUpdate,

) -> Any | ErrorEnvelope | WaChatEnvelope | None:
    """ Link a chat to a project and/or ticket (or rename it).

    Args:
        chat_id (UUID):
        body (ChatUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | WaChatEnvelope
     """


    return (await asyncio_detailed(
        chat_id=chat_id,
client=client,
body=body,

    )).parsed
