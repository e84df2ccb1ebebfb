from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.get_webhooks_by_subscription_id_deliveries_event_type_item import GetWebhooksBySubscriptionIdDeliveriesEventTypeItem
from ...models.get_webhooks_by_subscription_id_deliveries_status_item import GetWebhooksBySubscriptionIdDeliveriesStatusItem
from ...models.webhook_delivery_page_envelope import WebhookDeliveryPageEnvelope
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    subscription_id: UUID,
    *,
    page: int | Unset = 1,
    limit: int | Unset = 50,
    status: list[GetWebhooksBySubscriptionIdDeliveriesStatusItem] | Unset = UNSET,
    event_type: list[GetWebhooksBySubscriptionIdDeliveriesEventTypeItem] | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["page"] = page

    params["limit"] = limit

    json_status: list[str] | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = []
        for status_item_data in status:
            status_item = status_item_data.value
            json_status.append(status_item)


    params["status"] = json_status

    json_event_type: list[str] | Unset = UNSET
    if not isinstance(event_type, Unset):
        json_event_type = []
        for event_type_item_data in event_type:
            event_type_item = event_type_item_data.value
            json_event_type.append(event_type_item)


    params["event_type"] = json_event_type


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/webhooks/{subscription_id}/deliveries".format(subscription_id=quote(str(subscription_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorEnvelope | WebhookDeliveryPageEnvelope:
    if response.status_code == 200:
        response_200 = WebhookDeliveryPageEnvelope.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorEnvelope | WebhookDeliveryPageEnvelope]:
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
    page: int | Unset = 1,
    limit: int | Unset = 50,
    status: list[GetWebhooksBySubscriptionIdDeliveriesStatusItem] | Unset = UNSET,
    event_type: list[GetWebhooksBySubscriptionIdDeliveriesEventTypeItem] | Unset = UNSET,

) -> Response[ErrorEnvelope | WebhookDeliveryPageEnvelope]:
    """ The delivery log of a subscription, newest first (status, attempts, last response code).

    Args:
        subscription_id (UUID):
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        status (list[GetWebhooksBySubscriptionIdDeliveriesStatusItem] | Unset):
        event_type (list[GetWebhooksBySubscriptionIdDeliveriesEventTypeItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | WebhookDeliveryPageEnvelope]
     """


    kwargs = _get_kwargs(
        subscription_id=subscription_id,
page=page,
limit=limit,
status=status,
event_type=event_type,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    limit: int | Unset = 50,
    status: list[GetWebhooksBySubscriptionIdDeliveriesStatusItem] | Unset = UNSET,
    event_type: list[GetWebhooksBySubscriptionIdDeliveriesEventTypeItem] | Unset = UNSET,

) -> ErrorEnvelope | WebhookDeliveryPageEnvelope | None:
    """ The delivery log of a subscription, newest first (status, attempts, last response code).

    Args:
        subscription_id (UUID):
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        status (list[GetWebhooksBySubscriptionIdDeliveriesStatusItem] | Unset):
        event_type (list[GetWebhooksBySubscriptionIdDeliveriesEventTypeItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | WebhookDeliveryPageEnvelope
     """


    return sync_detailed(
        subscription_id=subscription_id,
client=client,
page=page,
limit=limit,
status=status,
event_type=event_type,

    ).parsed

async def asyncio_detailed(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    limit: int | Unset = 50,
    status: list[GetWebhooksBySubscriptionIdDeliveriesStatusItem] | Unset = UNSET,
    event_type: list[GetWebhooksBySubscriptionIdDeliveriesEventTypeItem] | Unset = UNSET,

) -> Response[ErrorEnvelope | WebhookDeliveryPageEnvelope]:
    """ The delivery log of a subscription, newest first (status, attempts, last response code).

    Args:
        subscription_id (UUID):
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        status (list[GetWebhooksBySubscriptionIdDeliveriesStatusItem] | Unset):
        event_type (list[GetWebhooksBySubscriptionIdDeliveriesEventTypeItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | WebhookDeliveryPageEnvelope]
     """


    kwargs = _get_kwargs(
        subscription_id=subscription_id,
page=page,
limit=limit,
status=status,
event_type=event_type,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    limit: int | Unset = 50,
    status: list[GetWebhooksBySubscriptionIdDeliveriesStatusItem] | Unset = UNSET,
    event_type: list[GetWebhooksBySubscriptionIdDeliveriesEventTypeItem] | Unset = UNSET,

) -> ErrorEnvelope | WebhookDeliveryPageEnvelope | None:
    """ The delivery log of a subscription, newest first (status, attempts, last response code).

    Args:
        subscription_id (UUID):
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        status (list[GetWebhooksBySubscriptionIdDeliveriesStatusItem] | Unset):
        event_type (list[GetWebhooksBySubscriptionIdDeliveriesEventTypeItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | WebhookDeliveryPageEnvelope
     """


    return (await asyncio_detailed(
        subscription_id=subscription_id,
client=client,
page=page,
limit=limit,
status=status,
event_type=event_type,

    )).parsed
