from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.send_message import SendMessage
from ...models.wa_message_envelope import WaMessageEnvelope
from typing import cast



def _get_kwargs(
    *,
    body: SendMessage,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/wa-bridge/send-message",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | ErrorEnvelope | WaMessageEnvelope:
    if response.status_code == 202:
        response_202 = WaMessageEnvelope.from_dict(response.json())



        return response_202

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

    if response.status_code == 413:
        response_413 = cast(Any, None)
        return response_413

    if response.status_code == 422:
        response_422 = cast(Any, None)
        return response_422

    if response.status_code == 429:
        response_429 = ErrorEnvelope.from_dict(response.json())



        return response_429

    response_default = ErrorEnvelope.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | ErrorEnvelope | WaMessageEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SendMessage,

) -> Response[Any | ErrorEnvelope | WaMessageEnvelope]:
    """ Queue a WhatsApp message (text, image, video, audio, document, reply); answers the pending
    message; its status moves sent → delivered → read as WAHA acks it. Technicians send on
    the tickets assigned to them.

    Args:
        body (SendMessage):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | WaMessageEnvelope]
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
    client: AuthenticatedClient | Client,
    body: SendMessage,

) -> Any | ErrorEnvelope | WaMessageEnvelope | None:
    """ Queue a WhatsApp message (text, image, video, audio, document, reply); answers the pending
    message; its status moves sent → delivered → read as WAHA acks it. Technicians send on
    the tickets assigned to them.

    Args:
        body (SendMessage):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | WaMessageEnvelope
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SendMessage,

) -> Response[Any | ErrorEnvelope | WaMessageEnvelope]:
    """ Queue a WhatsApp message (text, image, video, audio, document, reply); answers the pending
    message; its status moves sent → delivered → read as WAHA acks it. Technicians send on
    the tickets assigned to them.

    Args:
        body (SendMessage):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | WaMessageEnvelope]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: SendMessage,

) -> Any | ErrorEnvelope | WaMessageEnvelope | None:
    """ Queue a WhatsApp message (text, image, video, audio, document, reply); answers the pending
    message; its status moves sent → delivered → read as WAHA acks it. Technicians send on
    the tickets assigned to them.

    Args:
        body (SendMessage):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | WaMessageEnvelope
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
