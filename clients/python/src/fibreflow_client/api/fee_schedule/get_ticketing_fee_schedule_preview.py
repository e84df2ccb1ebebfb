from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.fee_preview_envelope import FeePreviewEnvelope
from ...models.get_ticketing_fee_schedule_preview_fee_source import GetTicketingFeeSchedulePreviewFeeSource
from ...models.get_ticketing_fee_schedule_preview_priority import GetTicketingFeeSchedulePreviewPriority
from ...models.get_ticketing_fee_schedule_preview_ticket_type import GetTicketingFeeSchedulePreviewTicketType
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    ticket_type: GetTicketingFeeSchedulePreviewTicketType,
    priority: GetTicketingFeeSchedulePreviewPriority,
    on: datetime.date | Unset = UNSET,
    hours_worked: float | Unset = UNSET,
    fee_source: GetTicketingFeeSchedulePreviewFeeSource | Unset = UNSET,
    manual_fee_amount: float | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_ticket_type = ticket_type.value
    params["ticket_type"] = json_ticket_type

    json_priority = priority.value
    params["priority"] = json_priority

    json_on: str | Unset = UNSET
    if not isinstance(on, Unset):
        json_on = on.isoformat()
    params["on"] = json_on

    params["hours_worked"] = hours_worked

    json_fee_source: str | Unset = UNSET
    if not isinstance(fee_source, Unset):
        json_fee_source = fee_source.value

    params["fee_source"] = json_fee_source

    params["manual_fee_amount"] = manual_fee_amount


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/ticketing/fee-schedule/preview",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorEnvelope | FeePreviewEnvelope:
    if response.status_code == 200:
        response_200 = FeePreviewEnvelope.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorEnvelope | FeePreviewEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    ticket_type: GetTicketingFeeSchedulePreviewTicketType,
    priority: GetTicketingFeeSchedulePreviewPriority,
    on: datetime.date | Unset = UNSET,
    hours_worked: float | Unset = UNSET,
    fee_source: GetTicketingFeeSchedulePreviewFeeSource | Unset = UNSET,
    manual_fee_amount: float | Unset = UNSET,

) -> Response[ErrorEnvelope | FeePreviewEnvelope]:
    """ Preview calculator: the fee in force and the cost it gives (optionally hourly or manual).

    Args:
        ticket_type (GetTicketingFeeSchedulePreviewTicketType):
        priority (GetTicketingFeeSchedulePreviewPriority):
        on (datetime.date | Unset):
        hours_worked (float | Unset):
        fee_source (GetTicketingFeeSchedulePreviewFeeSource | Unset):
        manual_fee_amount (float | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | FeePreviewEnvelope]
     """


    kwargs = _get_kwargs(
        ticket_type=ticket_type,
priority=priority,
on=on,
hours_worked=hours_worked,
fee_source=fee_source,
manual_fee_amount=manual_fee_amount,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    ticket_type: GetTicketingFeeSchedulePreviewTicketType,
    priority: GetTicketingFeeSchedulePreviewPriority,
    on: datetime.date | Unset = UNSET,
    hours_worked: float | Unset = UNSET,
    fee_source: GetTicketingFeeSchedulePreviewFeeSource | Unset = UNSET,
    manual_fee_amount: float | Unset = UNSET,

) -> ErrorEnvelope | FeePreviewEnvelope | None:
    """ Preview calculator: the fee in force and the cost it gives (optionally hourly or manual).

    Args:
        ticket_type (GetTicketingFeeSchedulePreviewTicketType):
        priority (GetTicketingFeeSchedulePreviewPriority):
        on (datetime.date | Unset):
        hours_worked (float | Unset):
        fee_source (GetTicketingFeeSchedulePreviewFeeSource | Unset):
        manual_fee_amount (float | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | FeePreviewEnvelope
     """


    return sync_detailed(
        client=client,
ticket_type=ticket_type,
priority=priority,
on=on,
hours_worked=hours_worked,
fee_source=fee_source,
manual_fee_amount=manual_fee_amount,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    ticket_type: GetTicketingFeeSchedulePreviewTicketType,
    priority: GetTicketingFeeSchedulePreviewPriority,
    on: datetime.date | Unset = UNSET,
    hours_worked: float | Unset = UNSET,
    fee_source: GetTicketingFeeSchedulePreviewFeeSource | Unset = UNSET,
    manual_fee_amount: float | Unset = UNSET,

) -> Response[ErrorEnvelope | FeePreviewEnvelope]:
    """ Preview calculator: the fee in force and the cost it gives (optionally hourly or manual).

    Args:
        ticket_type (GetTicketingFeeSchedulePreviewTicketType):
        priority (GetTicketingFeeSchedulePreviewPriority):
        on (datetime.date | Unset):
        hours_worked (float | Unset):
        fee_source (GetTicketingFeeSchedulePreviewFeeSource | Unset):
        manual_fee_amount (float | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | FeePreviewEnvelope]
     """


    kwargs = _get_kwargs(
        ticket_type=ticket_type,
priority=priority,
on=on,
hours_worked=hours_worked,
fee_source=fee_source,
manual_fee_amount=manual_fee_amount,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    ticket_type: GetTicketingFeeSchedulePreviewTicketType,
    priority: GetTicketingFeeSchedulePreviewPriority,
    on: datetime.date | Unset = UNSET,
    hours_worked: float | Unset = UNSET,
    fee_source: GetTicketingFeeSchedulePreviewFeeSource | Unset = UNSET,
    manual_fee_amount: float | Unset = UNSET,

) -> ErrorEnvelope | FeePreviewEnvelope | None:
    """ Preview calculator: the fee in force and the cost it gives (optionally hourly or manual).

    Args:
        ticket_type (GetTicketingFeeSchedulePreviewTicketType):
        priority (GetTicketingFeeSchedulePreviewPriority):
        on (datetime.date | Unset):
        hours_worked (float | Unset):
        fee_source (GetTicketingFeeSchedulePreviewFeeSource | Unset):
        manual_fee_amount (float | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | FeePreviewEnvelope
     """


    return (await asyncio_detailed(
        client=client,
ticket_type=ticket_type,
priority=priority,
on=on,
hours_worked=hours_worked,
fee_source=fee_source,
manual_fee_amount=manual_fee_amount,

    )).parsed
