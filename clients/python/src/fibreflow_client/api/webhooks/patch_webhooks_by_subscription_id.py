from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.subscription_update import SubscriptionUpdate
from ...models.webhook_subscription_envelope import WebhookSubscriptionEnvelope
from typing import cast
from uuid import UUID



def _get_kwargs(
    subscription_id: UUID,
    *,
    body: SubscriptionUpdate,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/webhooks/{subscription_id}".format(subscription_id=quote(str(subscription_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorEnvelope | WebhookSubscriptionEnvelope:
    if response.status_code == 200:
        response_200 = WebhookSubscriptionEnvelope.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorEnvelope | WebhookSubscriptionEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: SubscriptionUpdate,

) -> Response[ErrorEnvelope | WebhookSubscriptionEnvelope]:
    """ Change URL, event types, secret, description or the active flag.

    Args:
        subscription_id (UUID):
        body (SubscriptionUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | WebhookSubscriptionEnvelope]
     """


    kwargs = _get_kwargs(
        subscription_id=subscription_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: SubscriptionUpdate,

) -> ErrorEnvelope | WebhookSubscriptionEnvelope | None:
    """ Change URL, event types, secret, description or the active flag.

    Args:
        subscription_id (UUID):
        body (SubscriptionUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | WebhookSubscriptionEnvelope
     """


    return sync_detailed(
        subscription_id=subscription_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: SubscriptionUpdate,

) -> Response[ErrorEnvelope | WebhookSubscriptionEnvelope]:
    """ Change URL, event types, secret, description or the active flag.

    Args:
        subscription_id (UUID):
        body (SubscriptionUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | WebhookSubscriptionEnvelope]
     """


    kwargs = _get_kwargs(
        subscription_id=subscription_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: SubscriptionUpdate,

) -> ErrorEnvelope | WebhookSubscriptionEnvelope | None:
    """ Change URL, event types, secret, description or the active flag.

    Args:
        subscription_id (UUID):
        body (SubscriptionUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | WebhookSubscriptionEnvelope
     """


    return (await asyncio_detailed(
        subscription_id=subscription_id,
client=client,
body=body,

    )).parsed
