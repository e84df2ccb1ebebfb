from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.notify import Notify
from ...models.wa_message_envelope import WaMessageEnvelope
from typing import cast



def _get_kwargs(
    *,
    body: Notify,
    x_service_key: str,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["X-Service-Key"] = x_service_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/wa-bridge/notify",
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

    if response.status_code == 403:
        response_403 = cast(Any, None)
        return response_403

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
    body: Notify,
    x_service_key: str,

) -> Response[Any | ErrorEnvelope | WaMessageEnvelope]:
    """ For other services (notifications' WhatsApp channel): send a text to a phone number,
    once per `client_ref`.

    Args:
        x_service_key (str):
        body (Notify):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | WaMessageEnvelope]
     """


    kwargs = _get_kwargs(
        body=body,
x_service_key=x_service_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    body: Notify,
    x_service_key: str,

) -> Any | ErrorEnvelope | WaMessageEnvelope | None:
    """ For other services (notifications' WhatsApp channel): send a text to a phone number,
    once per `client_ref`.

    Args:
        x_service_key (str):
        body (Notify):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | WaMessageEnvelope
     """


    return sync_detailed(
        client=client,
body=body,
x_service_key=x_service_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: Notify,
    x_service_key: str,

) -> Response[Any | ErrorEnvelope | WaMessageEnvelope]:
    """ For other services (notifications' WhatsApp channel): send a text to a phone number,
    once per `client_ref`.

    Args:
        x_service_key (str):
        body (Notify):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | WaMessageEnvelope]
     """


    kwargs = _get_kwargs(
        body=body,
x_service_key=x_service_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: Notify,
    x_service_key: str,

) -> Any | ErrorEnvelope | WaMessageEnvelope | None:
    """ For other services (notifications' WhatsApp channel): send a text to a phone number,
    once per `client_ref`.

    Args:
        x_service_key (str):
        body (Notify):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | WaMessageEnvelope
     """


    return (await asyncio_detailed(
        client=client,
body=body,
x_service_key=x_service_key,

    )).parsed
