from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.client_list_envelope import ClientListEnvelope
from ...models.error_envelope import ErrorEnvelope
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    page: int | Unset = 1,
    limit: int | Unset = 50,
    q: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["page"] = page

    params["limit"] = limit

    params["q"] = q


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/ticketing/clients",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ClientListEnvelope | ErrorEnvelope:
    if response.status_code == 200:
        response_200 = ClientListEnvelope.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ClientListEnvelope | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    limit: int | Unset = 50,
    q: str | Unset = UNSET,

) -> Response[ClientListEnvelope | ErrorEnvelope]:
    """ Client directory with auto-suggest (``q``: name word prefixes, phone, email, account id).

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        q (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClientListEnvelope | ErrorEnvelope]
     """


    kwargs = _get_kwargs(
        page=page,
limit=limit,
q=q,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    limit: int | Unset = 50,
    q: str | Unset = UNSET,

) -> ClientListEnvelope | ErrorEnvelope | None:
    """ Client directory with auto-suggest (``q``: name word prefixes, phone, email, account id).

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        q (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClientListEnvelope | ErrorEnvelope
     """


    return sync_detailed(
        client=client,
page=page,
limit=limit,
q=q,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    limit: int | Unset = 50,
    q: str | Unset = UNSET,

) -> Response[ClientListEnvelope | ErrorEnvelope]:
    """ Client directory with auto-suggest (``q``: name word prefixes, phone, email, account id).

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        q (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClientListEnvelope | ErrorEnvelope]
     """


    kwargs = _get_kwargs(
        page=page,
limit=limit,
q=q,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    limit: int | Unset = 50,
    q: str | Unset = UNSET,

) -> ClientListEnvelope | ErrorEnvelope | None:
    """ Client directory with auto-suggest (``q``: name word prefixes, phone, email, account id).

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        q (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClientListEnvelope | ErrorEnvelope
     """


    return (await asyncio_detailed(
        client=client,
page=page,
limit=limit,
q=q,

    )).parsed
