from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.drop_envelope import DropEnvelope
from ...models.error_envelope import ErrorEnvelope
from typing import cast



def _get_kwargs(
    drop_number: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/tickets/lookup/drop/{drop_number}".format(drop_number=quote(str(drop_number), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DropEnvelope | ErrorEnvelope:
    if response.status_code == 200:
        response_200 = DropEnvelope.from_dict(response.json())



        return response_200

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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[DropEnvelope | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    drop_number: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[DropEnvelope | ErrorEnvelope]:
    """ Drop details by DR number (project, pole, zone, address, PON, coordinates, install date).

    Args:
        drop_number (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DropEnvelope | ErrorEnvelope]
     """


    kwargs = _get_kwargs(
        drop_number=drop_number,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    drop_number: str,
    *,
    client: AuthenticatedClient | Client,

) -> DropEnvelope | ErrorEnvelope | None:
    """ Drop details by DR number (project, pole, zone, address, PON, coordinates, install date).

    Args:
        drop_number (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DropEnvelope | ErrorEnvelope
     """


    return sync_detailed(
        drop_number=drop_number,
client=client,

    ).parsed

async def asyncio_detailed(
    drop_number: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[DropEnvelope | ErrorEnvelope]:
    """ Drop details by DR number (project, pole, zone, address, PON, coordinates, install date).

    Args:
        drop_number (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DropEnvelope | ErrorEnvelope]
     """


    kwargs = _get_kwargs(
        drop_number=drop_number,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    drop_number: str,
    *,
    client: AuthenticatedClient | Client,

) -> DropEnvelope | ErrorEnvelope | None:
    """ Drop details by DR number (project, pole, zone, address, PON, coordinates, install date).

    Args:
        drop_number (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DropEnvelope | ErrorEnvelope
     """


    return (await asyncio_detailed(
        drop_number=drop_number,
client=client,

    )).parsed
