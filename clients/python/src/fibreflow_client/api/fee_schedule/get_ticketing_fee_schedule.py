from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.fee_list_envelope import FeeListEnvelope
from ...models.get_ticketing_fee_schedule_priority_item import GetTicketingFeeSchedulePriorityItem
from ...models.get_ticketing_fee_schedule_ticket_type_item import GetTicketingFeeScheduleTicketTypeItem
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    page: int | Unset = 1,
    limit: int | Unset = 50,
    ticket_type: list[GetTicketingFeeScheduleTicketTypeItem] | Unset = UNSET,
    priority: list[GetTicketingFeeSchedulePriorityItem] | Unset = UNSET,
    on: datetime.date | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["page"] = page

    params["limit"] = limit

    json_ticket_type: list[str] | Unset = UNSET
    if not isinstance(ticket_type, Unset):
        json_ticket_type = []
        for ticket_type_item_data in ticket_type:
            ticket_type_item = ticket_type_item_data.value
            json_ticket_type.append(ticket_type_item)


    params["ticket_type"] = json_ticket_type

    json_priority: list[str] | Unset = UNSET
    if not isinstance(priority, Unset):
        json_priority = []
        for priority_item_data in priority:
            priority_item = priority_item_data.value
            json_priority.append(priority_item)


    params["priority"] = json_priority

    json_on: str | Unset = UNSET
    if not isinstance(on, Unset):
        json_on = on.isoformat()
    params["on"] = json_on


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/ticketing/fee-schedule",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorEnvelope | FeeListEnvelope:
    if response.status_code == 200:
        response_200 = FeeListEnvelope.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorEnvelope | FeeListEnvelope]:
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
    ticket_type: list[GetTicketingFeeScheduleTicketTypeItem] | Unset = UNSET,
    priority: list[GetTicketingFeeSchedulePriorityItem] | Unset = UNSET,
    on: datetime.date | Unset = UNSET,

) -> Response[ErrorEnvelope | FeeListEnvelope]:
    """ Fee schedule with its full history (``on`` = only fees in force that day).

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        ticket_type (list[GetTicketingFeeScheduleTicketTypeItem] | Unset):
        priority (list[GetTicketingFeeSchedulePriorityItem] | Unset):
        on (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | FeeListEnvelope]
     """


    kwargs = _get_kwargs(
        page=page,
limit=limit,
ticket_type=ticket_type,
priority=priority,
on=on,

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
    ticket_type: list[GetTicketingFeeScheduleTicketTypeItem] | Unset = UNSET,
    priority: list[GetTicketingFeeSchedulePriorityItem] | Unset = UNSET,
    on: datetime.date | Unset = UNSET,

) -> ErrorEnvelope | FeeListEnvelope | None:
    """ Fee schedule with its full history (``on`` = only fees in force that day).

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        ticket_type (list[GetTicketingFeeScheduleTicketTypeItem] | Unset):
        priority (list[GetTicketingFeeSchedulePriorityItem] | Unset):
        on (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | FeeListEnvelope
     """


    return sync_detailed(
        client=client,
page=page,
limit=limit,
ticket_type=ticket_type,
priority=priority,
on=on,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    limit: int | Unset = 50,
    ticket_type: list[GetTicketingFeeScheduleTicketTypeItem] | Unset = UNSET,
    priority: list[GetTicketingFeeSchedulePriorityItem] | Unset = UNSET,
    on: datetime.date | Unset = UNSET,

) -> Response[ErrorEnvelope | FeeListEnvelope]:
    """ Fee schedule with its full history (``on`` = only fees in force that day).

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        ticket_type (list[GetTicketingFeeScheduleTicketTypeItem] | Unset):
        priority (list[GetTicketingFeeSchedulePriorityItem] | Unset):
        on (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | FeeListEnvelope]
     """


    kwargs = _get_kwargs(
        page=page,
limit=limit,
ticket_type=ticket_type,
priority=priority,
on=on,

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
    ticket_type: list[GetTicketingFeeScheduleTicketTypeItem] | Unset = UNSET,
    priority: list[GetTicketingFeeSchedulePriorityItem] | Unset = UNSET,
    on: datetime.date | Unset = UNSET,

) -> ErrorEnvelope | FeeListEnvelope | None:
    """ Fee schedule with its full history (``on`` = only fees in force that day).

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        ticket_type (list[GetTicketingFeeScheduleTicketTypeItem] | Unset):
        priority (list[GetTicketingFeeSchedulePriorityItem] | Unset):
        on (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | FeeListEnvelope
     """


    return (await asyncio_detailed(
        client=client,
page=page,
limit=limit,
ticket_type=ticket_type,
priority=priority,
on=on,

    )).parsed
