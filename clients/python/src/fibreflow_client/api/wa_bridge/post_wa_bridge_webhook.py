from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.post_wa_bridge_webhook_body import PostWaBridgeWebhookBody
from ...models.wa_webhook_envelope import WaWebhookEnvelope
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: PostWaBridgeWebhookBody,
    x_webhook_hmac: str | Unset = UNSET,
    x_webhook_timestamp: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_webhook_hmac, Unset):
        headers["X-Webhook-Hmac"] = x_webhook_hmac

    if not isinstance(x_webhook_timestamp, Unset):
        headers["X-Webhook-Timestamp"] = x_webhook_timestamp



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/wa-bridge/webhook",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | ErrorEnvelope | WaWebhookEnvelope:
    if response.status_code == 200:
        response_200 = WaWebhookEnvelope.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = cast(Any, None)
        return response_400

    if response.status_code == 403:
        response_403 = cast(Any, None)
        return response_403

    if response.status_code == 429:
        response_429 = ErrorEnvelope.from_dict(response.json())



        return response_429

    response_default = ErrorEnvelope.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | ErrorEnvelope | WaWebhookEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PostWaBridgeWebhookBody,
    x_webhook_hmac: str | Unset = UNSET,
    x_webhook_timestamp: str | Unset = UNSET,

) -> Response[Any | ErrorEnvelope | WaWebhookEnvelope]:
    """ WAHA's webhook: message / message.any (stored once per WAHA id), message.ack, session.status.

    Args:
        x_webhook_hmac (str | Unset):
        x_webhook_timestamp (str | Unset):
        body (PostWaBridgeWebhookBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | WaWebhookEnvelope]
     """


    kwargs = _get_kwargs(
        body=body,
x_webhook_hmac=x_webhook_hmac,
x_webhook_timestamp=x_webhook_timestamp,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    body: PostWaBridgeWebhookBody,
    x_webhook_hmac: str | Unset = UNSET,
    x_webhook_timestamp: str | Unset = UNSET,

) -> Any | ErrorEnvelope | WaWebhookEnvelope | None:
    """ WAHA's webhook: message / message.any (stored once per WAHA id), message.ack, session.status.

    Args:
        x_webhook_hmac (str | Unset):
        x_webhook_timestamp (str | Unset):
        body (PostWaBridgeWebhookBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | WaWebhookEnvelope
     """


    return sync_detailed(
        client=client,
body=body,
x_webhook_hmac=x_webhook_hmac,
x_webhook_timestamp=x_webhook_timestamp,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PostWaBridgeWebhookBody,
    x_webhook_hmac: str | Unset = UNSET,
    x_webhook_timestamp: str | Unset = UNSET,

) -> Response[Any | ErrorEnvelope | WaWebhookEnvelope]:
    """ WAHA's webhook: message / message.any (stored once per WAHA id), message.ack, session.status.

    Args:
        x_webhook_hmac (str | Unset):
        x_webhook_timestamp (str | Unset):
        body (PostWaBridgeWebhookBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | WaWebhookEnvelope]
     """


    kwargs = _get_kwargs(
        body=body,
x_webhook_hmac=x_webhook_hmac,
x_webhook_timestamp=x_webhook_timestamp,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: PostWaBridgeWebhookBody,
    x_webhook_hmac: str | Unset = UNSET,
    x_webhook_timestamp: str | Unset = UNSET,

) -> Any | ErrorEnvelope | WaWebhookEnvelope | None:
    """ WAHA's webhook: message / message.any (stored once per WAHA id), message.ack, session.status.

    Args:
        x_webhook_hmac (str | Unset):
        x_webhook_timestamp (str | Unset):
        body (PostWaBridgeWebhookBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | WaWebhookEnvelope
     """


    return (await asyncio_detailed(
        client=client,
body=body,
x_webhook_hmac=x_webhook_hmac,
x_webhook_timestamp=x_webhook_timestamp,

    )).parsed
