from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.q_contact_webhook import QContactWebhook
from ...models.q_contact_webhook_result_envelope import QContactWebhookResultEnvelope
from typing import cast



def _get_kwargs(
    *,
    body: QContactWebhook,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/qcontact/webhook",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | ErrorEnvelope | QContactWebhookResultEnvelope:
    if response.status_code == 200:
        response_200 = QContactWebhookResultEnvelope.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = ErrorEnvelope.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = cast(Any, None)
        return response_401

    if response.status_code == 409:
        response_409 = cast(Any, None)
        return response_409

    if response.status_code == 429:
        response_429 = ErrorEnvelope.from_dict(response.json())



        return response_429

    response_default = ErrorEnvelope.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | ErrorEnvelope | QContactWebhookResultEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: QContactWebhook,

) -> Response[Any | ErrorEnvelope | QContactWebhookResultEnvelope]:
    """ QContact case webhook.

     Called by QContact (no user token). Headers `webhook-id`, `webhook-timestamp` (unix seconds),
    `webhook-signature: v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">` with
    QCONTACT_WEBHOOK_SECRET. `case.updated` syncs that case within seconds.

    Args:
        body (QContactWebhook):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | QContactWebhookResultEnvelope]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    body: QContactWebhook,

) -> Any | ErrorEnvelope | QContactWebhookResultEnvelope | None:
    """ QContact case webhook.

     Called by QContact (no user token). Headers `webhook-id`, `webhook-timestamp` (unix seconds),
    `webhook-signature: v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">` with
    QCONTACT_WEBHOOK_SECRET. `case.updated` syncs that case within seconds.

    Args:
        body (QContactWebhook):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | QContactWebhookResultEnvelope
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: QContactWebhook,

) -> Response[Any | ErrorEnvelope | QContactWebhookResultEnvelope]:
    """ QContact case webhook.

     Called by QContact (no user token). Headers `webhook-id`, `webhook-timestamp` (unix seconds),
    `webhook-signature: v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">` with
    QCONTACT_WEBHOOK_SECRET. `case.updated` syncs that case within seconds.

    Args:
        body (QContactWebhook):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | QContactWebhookResultEnvelope]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: QContactWebhook,

) -> Any | ErrorEnvelope | QContactWebhookResultEnvelope | None:
    """ QContact case webhook.

     Called by QContact (no user token). Headers `webhook-id`, `webhook-timestamp` (unix seconds),
    `webhook-signature: v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">` with
    QCONTACT_WEBHOOK_SECRET. `case.updated` syncs that case within seconds.

    Args:
        body (QContactWebhook):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | QContactWebhookResultEnvelope
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
