from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.post_notifications_webhooks_sms_status_body import PostNotificationsWebhooksSmsStatusBody
from typing import cast



def _get_kwargs(
    *,
    body: PostNotificationsWebhooksSmsStatusBody,
    x_twilio_signature: str,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["X-Twilio-Signature"] = x_twilio_signature



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/notifications/webhooks/sms/status",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | ErrorEnvelope:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PostNotificationsWebhooksSmsStatusBody,
    x_twilio_signature: str,

) -> Response[Any | ErrorEnvelope]:
    """ SMS status callback (Twilio format, signed with X-Twilio-Signature)

    Args:
        x_twilio_signature (str):
        body (PostNotificationsWebhooksSmsStatusBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope]
     """


    kwargs = _get_kwargs(
        body=body,
x_twilio_signature=x_twilio_signature,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    body: PostNotificationsWebhooksSmsStatusBody,
    x_twilio_signature: str,

) -> Any | ErrorEnvelope | None:
    """ SMS status callback (Twilio format, signed with X-Twilio-Signature)

    Args:
        x_twilio_signature (str):
        body (PostNotificationsWebhooksSmsStatusBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope
     """


    return sync_detailed(
        client=client,
body=body,
x_twilio_signature=x_twilio_signature,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PostNotificationsWebhooksSmsStatusBody,
    x_twilio_signature: str,

) -> Response[Any | ErrorEnvelope]:
    """ SMS status callback (Twilio format, signed with X-Twilio-Signature)

    Args:
        x_twilio_signature (str):
        body (PostNotificationsWebhooksSmsStatusBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope]
     """


    kwargs = _get_kwargs(
        body=body,
x_twilio_signature=x_twilio_signature,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: PostNotificationsWebhooksSmsStatusBody,
    x_twilio_signature: str,

) -> Any | ErrorEnvelope | None:
    """ SMS status callback (Twilio format, signed with X-Twilio-Signature)

    Args:
        x_twilio_signature (str):
        body (PostNotificationsWebhooksSmsStatusBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope
     """


    return (await asyncio_detailed(
        client=client,
body=body,
x_twilio_signature=x_twilio_signature,

    )).parsed
