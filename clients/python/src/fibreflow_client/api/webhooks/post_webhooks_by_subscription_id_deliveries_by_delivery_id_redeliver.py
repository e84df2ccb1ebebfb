from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.webhook_delivery_envelope import WebhookDeliveryEnvelope
from typing import cast
from uuid import UUID



def _get_kwargs(
    subscription_id: UUID,
    delivery_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/webhooks/{subscription_id}/deliveries/{delivery_id}/redeliver".format(subscription_id=quote(str(subscription_id), safe=""),delivery_id=quote(str(delivery_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorEnvelope | WebhookDeliveryEnvelope:
    if response.status_code == 200:
        response_200 = WebhookDeliveryEnvelope.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorEnvelope | WebhookDeliveryEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    subscription_id: UUID,
    delivery_id: UUID,
    *,
    client: AuthenticatedClient | Client,

) -> Response[ErrorEnvelope | WebhookDeliveryEnvelope]:
    """ Queue a delivery again (same webhook-id); its retry schedule starts over.

    Args:
        subscription_id (UUID):
        delivery_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | WebhookDeliveryEnvelope]
     """


    kwargs = _get_kwargs(
        subscription_id=subscription_id,
delivery_id=delivery_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    subscription_id: UUID,
    delivery_id: UUID,
    *,
    client: AuthenticatedClient | Client,

) -> ErrorEnvelope | WebhookDeliveryEnvelope | None:
    """ Queue a delivery again (same webhook-id); its retry schedule starts over.

    Args:
        subscription_id (UUID):
        delivery_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | WebhookDeliveryEnvelope
     """


    return sync_detailed(
        subscription_id=subscription_id,
delivery_id=delivery_id,
client=client,

    ).parsed

async def asyncio_detailed(
    subscription_id: UUID,
    delivery_id: UUID,
    *,
    client: AuthenticatedClient | Client,

) -> Response[ErrorEnvelope | WebhookDeliveryEnvelope]:
    """ Queue a delivery again (same webhook-id); its retry schedule starts over.

    Args:
        subscription_id (UUID):
        delivery_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | WebhookDeliveryEnvelope]
     """


    kwargs = _get_kwargs(
        subscription_id=subscription_id,
delivery_id=delivery_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    subscription_id: UUID,
    delivery_id: UUID,
    *,
    client: AuthenticatedClient | Client,

) -> ErrorEnvelope | WebhookDeliveryEnvelope | None:
    """ Queue a delivery again (same webhook-id); its retry schedule starts over.

    Args:
        subscription_id (UUID):
        delivery_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | WebhookDeliveryEnvelope
     """


    return (await asyncio_detailed(
        subscription_id=subscription_id,
delivery_id=delivery_id,
client=client,

    )).parsed
