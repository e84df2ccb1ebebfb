from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.get_notifications_log_channel_item import GetNotificationsLogChannelItem
from ...models.get_notifications_log_sort_item import GetNotificationsLogSortItem
from ...models.get_notifications_log_status_item import GetNotificationsLogStatusItem
from ...models.log_envelope import LogEnvelope
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    *,
    page: int | Unset = 1,
    limit: int | Unset = 50,
    ticket_uid: str | Unset = UNSET,
    ticket_id: UUID | Unset = UNSET,
    channel: list[GetNotificationsLogChannelItem] | Unset = UNSET,
    status: list[GetNotificationsLogStatusItem] | Unset = UNSET,
    recipient: str | Unset = UNSET,
    sort: list[GetNotificationsLogSortItem] | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["page"] = page

    params["limit"] = limit

    params["ticket_uid"] = ticket_uid

    json_ticket_id: str | Unset = UNSET
    if not isinstance(ticket_id, Unset):
        json_ticket_id = str(ticket_id)
    params["ticket_id"] = json_ticket_id

    json_channel: list[str] | Unset = UNSET
    if not isinstance(channel, Unset):
        json_channel = []
        for channel_item_data in channel:
            channel_item = channel_item_data.value
            json_channel.append(channel_item)


    params["channel"] = json_channel

    json_status: list[str] | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = []
        for status_item_data in status:
            status_item = status_item_data.value
            json_status.append(status_item)


    params["status"] = json_status

    params["recipient"] = recipient

    json_sort: list[str] | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = []
        for sort_item_data in sort:
            sort_item = sort_item_data.value
            json_sort.append(sort_item)


    params["sort"] = json_sort


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/notifications/log",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorEnvelope | LogEnvelope:
    if response.status_code == 200:
        response_200 = LogEnvelope.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorEnvelope | LogEnvelope]:
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
    ticket_uid: str | Unset = UNSET,
    ticket_id: UUID | Unset = UNSET,
    channel: list[GetNotificationsLogChannelItem] | Unset = UNSET,
    status: list[GetNotificationsLogStatusItem] | Unset = UNSET,
    recipient: str | Unset = UNSET,
    sort: list[GetNotificationsLogSortItem] | Unset = UNSET,

) -> Response[ErrorEnvelope | LogEnvelope]:
    """ Every notification (queued → sent → delivered/failed), filterable by ticket, channel,
    status and recipient.

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        ticket_uid (str | Unset):  Example: BILL-20261122-0001.
        ticket_id (UUID | Unset):
        channel (list[GetNotificationsLogChannelItem] | Unset):
        status (list[GetNotificationsLogStatusItem] | Unset):
        recipient (str | Unset):  Example: +27821234567.
        sort (list[GetNotificationsLogSortItem] | Unset):  Example: ['-created_at'].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | LogEnvelope]
     """


    kwargs = _get_kwargs(
        page=page,
limit=limit,
ticket_uid=ticket_uid,
ticket_id=ticket_id,
channel=channel,
status=status,
recipient=recipient,
sort=sort,

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
    ticket_uid: str | Unset = UNSET,
    ticket_id: UUID | Unset = UNSET,
    channel: list[GetNotificationsLogChannelItem] | Unset = UNSET,
    status: list[GetNotificationsLogStatusItem] | Unset = UNSET,
    recipient: str | Unset = UNSET,
    sort: list[GetNotificationsLogSortItem] | Unset = UNSET,

) -> ErrorEnvelope | LogEnvelope | None:
    """ Every notification (queued → sent → delivered/failed), filterable by ticket, channel,
    status and recipient.

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        ticket_uid (str | Unset):  Example: BILL-20261122-0001.
        ticket_id (UUID | Unset):
        channel (list[GetNotificationsLogChannelItem] | Unset):
        status (list[GetNotificationsLogStatusItem] | Unset):
        recipient (str | Unset):  Example: +27821234567.
        sort (list[GetNotificationsLogSortItem] | Unset):  Example: ['-created_at'].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | LogEnvelope
     """


    return sync_detailed(
        client=client,
page=page,
limit=limit,
ticket_uid=ticket_uid,
ticket_id=ticket_id,
channel=channel,
status=status,
recipient=recipient,
sort=sort,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    limit: int | Unset = 50,
    ticket_uid: str | Unset = UNSET,
    ticket_id: UUID | Unset = UNSET,
    channel: list[GetNotificationsLogChannelItem] | Unset = UNSET,
    status: list[GetNotificationsLogStatusItem] | Unset = UNSET,
    recipient: str | Unset = UNSET,
    sort: list[GetNotificationsLogSortItem] | Unset = UNSET,

) -> Response[ErrorEnvelope | LogEnvelope]:
    """ Every notification (queued → sent → delivered/failed), filterable by ticket, channel,
    status and recipient.

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        ticket_uid (str | Unset):  Example: BILL-20261122-0001.
        ticket_id (UUID | Unset):
        channel (list[GetNotificationsLogChannelItem] | Unset):
        status (list[GetNotificationsLogStatusItem] | Unset):
        recipient (str | Unset):  Example: +27821234567.
        sort (list[GetNotificationsLogSortItem] | Unset):  Example: ['-created_at'].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | LogEnvelope]
     """


    kwargs = _get_kwargs(
        page=page,
limit=limit,
ticket_uid=ticket_uid,
ticket_id=ticket_id,
channel=channel,
status=status,
recipient=recipient,
sort=sort,

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
    ticket_uid: str | Unset = UNSET,
    ticket_id: UUID | Unset = UNSET,
    channel: list[GetNotificationsLogChannelItem] | Unset = UNSET,
    status: list[GetNotificationsLogStatusItem] | Unset = UNSET,
    recipient: str | Unset = UNSET,
    sort: list[GetNotificationsLogSortItem] | Unset = UNSET,

) -> ErrorEnvelope | LogEnvelope | None:
    """ Every notification (queued → sent → delivered/failed), filterable by ticket, channel,
    status and recipient.

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        ticket_uid (str | Unset):  Example: BILL-20261122-0001.
        ticket_id (UUID | Unset):
        channel (list[GetNotificationsLogChannelItem] | Unset):
        status (list[GetNotificationsLogStatusItem] | Unset):
        recipient (str | Unset):  Example: +27821234567.
        sort (list[GetNotificationsLogSortItem] | Unset):  Example: ['-created_at'].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | LogEnvelope
     """


    return (await asyncio_detailed(
        client=client,
page=page,
limit=limit,
ticket_uid=ticket_uid,
ticket_id=ticket_id,
channel=channel,
status=status,
recipient=recipient,
sort=sort,

    )).parsed
