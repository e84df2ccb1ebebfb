from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.get_wa_bridge_sessions_by_name_qr_format import GetWaBridgeSessionsByNameQrFormat
from ...models.wa_qr_envelope import WaQrEnvelope
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    name: str,
    *,
    format_: GetWaBridgeSessionsByNameQrFormat | Unset = GetWaBridgeSessionsByNameQrFormat.JSON,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/wa-bridge/sessions/{name}/qr".format(name=quote(str(name), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | ErrorEnvelope | WaQrEnvelope:
    if response.status_code == 200:
        response_200 = WaQrEnvelope.from_dict(response.json())



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

    if response.status_code == 422:
        response_422 = cast(Any, None)
        return response_422

    if response.status_code == 429:
        response_429 = ErrorEnvelope.from_dict(response.json())



        return response_429

    response_default = ErrorEnvelope.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | ErrorEnvelope | WaQrEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    name: str,
    *,
    client: AuthenticatedClient | Client,
    format_: GetWaBridgeSessionsByNameQrFormat | Unset = GetWaBridgeSessionsByNameQrFormat.JSON,

) -> Response[Any | ErrorEnvelope | WaQrEnvelope]:
    """ The QR to scan, as base64 PNG (default) or as the PNG itself (`format=png`).

    Args:
        name (str):
        format_ (GetWaBridgeSessionsByNameQrFormat | Unset):  Default:
            GetWaBridgeSessionsByNameQrFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | WaQrEnvelope]
     """


    kwargs = _get_kwargs(
        name=name,
format_=format_,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    name: str,
    *,
    client: AuthenticatedClient | Client,
    format_: GetWaBridgeSessionsByNameQrFormat | Unset = GetWaBridgeSessionsByNameQrFormat.JSON,

) -> Any | ErrorEnvelope | WaQrEnvelope | None:
    """ The QR to scan, as base64 PNG (default) or as the PNG itself (`format=png`).

    Args:
        name (str):
        format_ (GetWaBridgeSessionsByNameQrFormat | Unset):  Default:
            GetWaBridgeSessionsByNameQrFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | WaQrEnvelope
     """


    return sync_detailed(
        name=name,
client=client,
format_=format_,

    ).parsed

async def asyncio_detailed(
    name: str,
    *,
    client: AuthenticatedClient | Client,
    format_: GetWaBridgeSessionsByNameQrFormat | Unset = GetWaBridgeSessionsByNameQrFormat.JSON,

) -> Response[Any | ErrorEnvelope | WaQrEnvelope]:
    """ The QR to scan, as base64 PNG (default) or as the PNG itself (`format=png`).

    Args:
        name (str):
        format_ (GetWaBridgeSessionsByNameQrFormat | Unset):  Default:
            GetWaBridgeSessionsByNameQrFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | WaQrEnvelope]
     """


    kwargs = _get_kwargs(
        name=name,
format_=format_,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    name: str,
    *,
    client: AuthenticatedClient | Client,
    format_: GetWaBridgeSessionsByNameQrFormat | Unset = GetWaBridgeSessionsByNameQrFormat.JSON,

) -> Any | ErrorEnvelope | WaQrEnvelope | None:
    """ The QR to scan, as base64 PNG (default) or as the PNG itself (`format=png`).

    Args:
        name (str):
        format_ (GetWaBridgeSessionsByNameQrFormat | Unset):  Default:
            GetWaBridgeSessionsByNameQrFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | WaQrEnvelope
     """


    return (await asyncio_detailed(
        name=name,
client=client,
format_=format_,

    )).parsed
