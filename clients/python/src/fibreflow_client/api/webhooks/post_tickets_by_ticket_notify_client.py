from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.notify_client import NotifyClient
from ...models.notify_client_envelope import NotifyClientEnvelope
from typing import cast



def _get_kwargs(
    ticket: str,
    *,
    body: NotifyClient,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/tickets/{ticket}/notify-client".format(ticket=quote(str(ticket), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | ErrorEnvelope | NotifyClientEnvelope:
    if response.status_code == 202:
        response_202 = NotifyClientEnvelope.from_dict(response.json())



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

    if response.status_code == 429:
        response_429 = ErrorEnvelope.from_dict(response.json())



        return response_429

    if response.status_code == 503:
        response_503 = cast(Any, None)
        return response_503

    response_default = ErrorEnvelope.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | ErrorEnvelope | NotifyClientEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    ticket: str,
    *,
    client: AuthenticatedClient | Client,
    body: NotifyClient,

) -> Response[Any | ErrorEnvelope | NotifyClientEnvelope]:
    """ Send a custom message to the client (FR-031.2); it is recorded on the ticket as a note.

    Args:
        ticket (str):
        body (NotifyClient):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | NotifyClientEnvelope]
     """


    kwargs = _get_kwargs(
        ticket=ticket,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    ticket: str,
    *,
    client: AuthenticatedClient | Client,
    body: NotifyClient,

) -> Any | ErrorEnvelope | NotifyClientEnvelope | None:
    """ Send a custom message to the client (FR-031.2); it is recorded on the ticket as a note.

    Args:
        ticket (str):
        body (NotifyClient):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | NotifyClientEnvelope
     """


    return sync_detailed(
        ticket=ticket,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    ticket: str,
    *,
    client: AuthenticatedClient | Client,
    body: NotifyClient,

) -> Response[Any | ErrorEnvelope | NotifyClientEnvelope]:
    """ Send a custom message to the client (FR-031.2); it is recorded on the ticket as a note.

    Args:
        ticket (str):
        body (NotifyClient):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | NotifyClientEnvelope]
     """


    kwargs = _get_kwargs(
        ticket=ticket,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    ticket: str,
    *,
    client: AuthenticatedClient | Client,
    body: NotifyClient,

) -> Any | ErrorEnvelope | NotifyClientEnvelope | None:
    """ Send a custom message to the client (FR-031.2); it is recorded on the ticket as a note.

    Args:
        ticket (str):
        body (NotifyClient):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | NotifyClientEnvelope
     """


    return (await asyncio_detailed(
        ticket=ticket,
client=client,
body=body,

    )).parsed
