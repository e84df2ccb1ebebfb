from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.status import Status
from ...models.ticket_envelope import TicketEnvelope
from typing import cast



def _get_kwargs(
    ticket_id: str,
    *,
    body: Status,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/tickets/{ticket_id}/status".format(ticket_id=quote(str(ticket_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorEnvelope | TicketEnvelope:
    if response.status_code == 200:
        response_200 = TicketEnvelope.from_dict(response.json())



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

    if response.status_code == 429:
        response_429 = ErrorEnvelope.from_dict(response.json())



        return response_429

    response_default = ErrorEnvelope.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorEnvelope | TicketEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    ticket_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: Status,

) -> Response[ErrorEnvelope | TicketEnvelope]:
    """ Change status (FR-005); an illegal transition is 422 naming the allowed ones.

    Args:
        ticket_id (str):
        body (Status):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | TicketEnvelope]
     """


    kwargs = _get_kwargs(
        ticket_id=ticket_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    ticket_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: Status,

) -> ErrorEnvelope | TicketEnvelope | None:
    """ Change status (FR-005); an illegal transition is 422 naming the allowed ones.

    Args:
        ticket_id (str):
        body (Status):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | TicketEnvelope
     """


    return sync_detailed(
        ticket_id=ticket_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    ticket_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: Status,

) -> Response[ErrorEnvelope | TicketEnvelope]:
    """ Change status (FR-005); an illegal transition is 422 naming the allowed ones.

    Args:
        ticket_id (str):
        body (Status):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | TicketEnvelope]
     """


    kwargs = _get_kwargs(
        ticket_id=ticket_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    ticket_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: Status,

) -> ErrorEnvelope | TicketEnvelope | None:
    """ Change status (FR-005); an illegal transition is 422 naming the allowed ones.

    Args:
        ticket_id (str):
        body (Status):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | TicketEnvelope
     """


    return (await asyncio_detailed(
        ticket_id=ticket_id,
client=client,
body=body,

    )).parsed
