from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.wa_route_envelope import WaRouteEnvelope
from typing import cast



def _get_kwargs(
    ticket_uid: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/wa-bridge/tickets/{ticket_uid}/route".format(ticket_uid=quote(str(ticket_uid), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | ErrorEnvelope | WaRouteEnvelope:
    if response.status_code == 200:
        response_200 = WaRouteEnvelope.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = ErrorEnvelope.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = ErrorEnvelope.from_dict(response.json())



        return response_403

    if response.status_code == 422:
        response_422 = cast(Any, None)
        return response_422

    if response.status_code == 429:
        response_429 = ErrorEnvelope.from_dict(response.json())



        return response_429

    response_default = ErrorEnvelope.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | ErrorEnvelope | WaRouteEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    ticket_uid: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Any | ErrorEnvelope | WaRouteEnvelope]:
    """ Where this ticket's messages go now, and why (override, ticket chat, priority rule).

    Args:
        ticket_uid (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | WaRouteEnvelope]
     """


    kwargs = _get_kwargs(
        ticket_uid=ticket_uid,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    ticket_uid: str,
    *,
    client: AuthenticatedClient | Client,

) -> Any | ErrorEnvelope | WaRouteEnvelope | None:
    """ Where this ticket's messages go now, and why (override, ticket chat, priority rule).

    Args:
        ticket_uid (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | WaRouteEnvelope
     """


    return sync_detailed(
        ticket_uid=ticket_uid,
client=client,

    ).parsed

async def asyncio_detailed(
    ticket_uid: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Any | ErrorEnvelope | WaRouteEnvelope]:
    """ Where this ticket's messages go now, and why (override, ticket chat, priority rule).

    Args:
        ticket_uid (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | WaRouteEnvelope]
     """


    kwargs = _get_kwargs(
        ticket_uid=ticket_uid,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    ticket_uid: str,
    *,
    client: AuthenticatedClient | Client,

) -> Any | ErrorEnvelope | WaRouteEnvelope | None:
    """ Where this ticket's messages go now, and why (override, ticket chat, priority rule).

    Args:
        ticket_uid (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | WaRouteEnvelope
     """


    return (await asyncio_detailed(
        ticket_uid=ticket_uid,
client=client,

    )).parsed
