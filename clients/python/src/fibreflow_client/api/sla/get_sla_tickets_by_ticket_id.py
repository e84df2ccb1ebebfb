from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.ticket_clocks_envelope import TicketClocksEnvelope
from typing import cast



def _get_kwargs(
    ticket_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/sla/tickets/{ticket_id}".format(ticket_id=quote(str(ticket_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | ErrorEnvelope | TicketClocksEnvelope:
    if response.status_code == 200:
        response_200 = TicketClocksEnvelope.from_dict(response.json())



        return response_200

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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | ErrorEnvelope | TicketClocksEnvelope]:
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

) -> Response[Any | ErrorEnvelope | TicketClocksEnvelope]:
    """ The SLA clocks of one ticket: percent elapsed, time remaining (business time when
    configured), pauses and alerts sent. A technician sees only tickets assigned to them
    or their teams.

    Args:
        ticket_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | TicketClocksEnvelope]
     """


    kwargs = _get_kwargs(
        ticket_id=ticket_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    ticket_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Any | ErrorEnvelope | TicketClocksEnvelope | None:
    """ The SLA clocks of one ticket: percent elapsed, time remaining (business time when
    configured), pauses and alerts sent. A technician sees only tickets assigned to them
    or their teams.

    Args:
        ticket_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | TicketClocksEnvelope
     """


    return sync_detailed(
        ticket_id=ticket_id,
client=client,

    ).parsed

async def asyncio_detailed(
    ticket_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Any | ErrorEnvelope | TicketClocksEnvelope]:
    """ The SLA clocks of one ticket: percent elapsed, time remaining (business time when
    configured), pauses and alerts sent. A technician sees only tickets assigned to them
    or their teams.

    Args:
        ticket_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | TicketClocksEnvelope]
     """


    kwargs = _get_kwargs(
        ticket_id=ticket_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    ticket_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Any | ErrorEnvelope | TicketClocksEnvelope | None:
    """ The SLA clocks of one ticket: percent elapsed, time remaining (business time when
    configured), pauses and alerts sent. A technician sees only tickets assigned to them
    or their teams.

    Args:
        ticket_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | TicketClocksEnvelope
     """


    return (await asyncio_detailed(
        ticket_id=ticket_id,
client=client,

    )).parsed
