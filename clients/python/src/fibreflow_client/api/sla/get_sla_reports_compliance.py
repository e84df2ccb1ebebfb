from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.compliance_envelope import ComplianceEnvelope
from ...models.error_envelope import ErrorEnvelope
from ...models.get_sla_reports_compliance_clock import GetSlaReportsComplianceClock
from ...models.get_sla_reports_compliance_period import GetSlaReportsCompliancePeriod
from ...models.get_sla_reports_compliance_priority_item import GetSlaReportsCompliancePriorityItem
from ...models.get_sla_reports_compliance_ticket_type_item import GetSlaReportsComplianceTicketTypeItem
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    period_from: datetime.date | Unset = UNSET,
    period_to: datetime.date | Unset = UNSET,
    period: GetSlaReportsCompliancePeriod | Unset = GetSlaReportsCompliancePeriod.WEEK,
    clock: GetSlaReportsComplianceClock | Unset = GetSlaReportsComplianceClock.RESOLUTION,
    ticket_type: list[GetSlaReportsComplianceTicketTypeItem] | Unset = UNSET,
    priority: list[GetSlaReportsCompliancePriorityItem] | Unset = UNSET,
    assigned_team: list[str] | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_period_from: str | Unset = UNSET
    if not isinstance(period_from, Unset):
        json_period_from = period_from.isoformat()
    params["period_from"] = json_period_from

    json_period_to: str | Unset = UNSET
    if not isinstance(period_to, Unset):
        json_period_to = period_to.isoformat()
    params["period_to"] = json_period_to

    json_period: str | Unset = UNSET
    if not isinstance(period, Unset):
        json_period = period.value

    params["period"] = json_period

    json_clock: str | Unset = UNSET
    if not isinstance(clock, Unset):
        json_clock = clock.value

    params["clock"] = json_clock

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

    json_assigned_team: list[str] | Unset = UNSET
    if not isinstance(assigned_team, Unset):
        json_assigned_team = assigned_team


    params["assigned_team"] = json_assigned_team


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/sla/reports/compliance",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ComplianceEnvelope | ErrorEnvelope:
    if response.status_code == 200:
        response_200 = ComplianceEnvelope.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ComplianceEnvelope | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    period_from: datetime.date | Unset = UNSET,
    period_to: datetime.date | Unset = UNSET,
    period: GetSlaReportsCompliancePeriod | Unset = GetSlaReportsCompliancePeriod.WEEK,
    clock: GetSlaReportsComplianceClock | Unset = GetSlaReportsComplianceClock.RESOLUTION,
    ticket_type: list[GetSlaReportsComplianceTicketTypeItem] | Unset = UNSET,
    priority: list[GetSlaReportsCompliancePriorityItem] | Unset = UNSET,
    assigned_team: list[str] | Unset = UNSET,

) -> Response[ComplianceEnvelope | ErrorEnvelope]:
    """ Percent of tickets closed within SLA by week or month, type, priority and team, and the
    breached list (at most 200, latest due first).

    Args:
        period_from (datetime.date | Unset):
        period_to (datetime.date | Unset):
        period (GetSlaReportsCompliancePeriod | Unset):  Default:
            GetSlaReportsCompliancePeriod.WEEK.
        clock (GetSlaReportsComplianceClock | Unset):  Default:
            GetSlaReportsComplianceClock.RESOLUTION.
        ticket_type (list[GetSlaReportsComplianceTicketTypeItem] | Unset):
        priority (list[GetSlaReportsCompliancePriorityItem] | Unset):
        assigned_team (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ComplianceEnvelope | ErrorEnvelope]
     """


    kwargs = _get_kwargs(
        period_from=period_from,
period_to=period_to,
period=period,
clock=clock,
ticket_type=ticket_type,
priority=priority,
assigned_team=assigned_team,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    period_from: datetime.date | Unset = UNSET,
    period_to: datetime.date | Unset = UNSET,
    period: GetSlaReportsCompliancePeriod | Unset = GetSlaReportsCompliancePeriod.WEEK,
    clock: GetSlaReportsComplianceClock | Unset = GetSlaReportsComplianceClock.RESOLUTION,
    ticket_type: list[GetSlaReportsComplianceTicketTypeItem] | Unset = UNSET,
    priority: list[GetSlaReportsCompliancePriorityItem] | Unset = UNSET,
    assigned_team: list[str] | Unset = UNSET,

) -> ComplianceEnvelope | ErrorEnvelope | None:
    """ Percent of tickets closed within SLA by week or month, type, priority and team, and the
    breached list (at most 200, latest due first).

    Args:
        period_from (datetime.date | Unset):
        period_to (datetime.date | Unset):
        period (GetSlaReportsCompliancePeriod | Unset):  Default:
            GetSlaReportsCompliancePeriod.WEEK.
        clock (GetSlaReportsComplianceClock | Unset):  Default:
            GetSlaReportsComplianceClock.RESOLUTION.
        ticket_type (list[GetSlaReportsComplianceTicketTypeItem] | Unset):
        priority (list[GetSlaReportsCompliancePriorityItem] | Unset):
        assigned_team (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ComplianceEnvelope | ErrorEnvelope
     """


    return sync_detailed(
        client=client,
period_from=period_from,
period_to=period_to,
period=period,
clock=clock,
ticket_type=ticket_type,
priority=priority,
assigned_team=assigned_team,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    period_from: datetime.date | Unset = UNSET,
    period_to: datetime.date | Unset = UNSET,
    period: GetSlaReportsCompliancePeriod | Unset = GetSlaReportsCompliancePeriod.WEEK,
    clock: GetSlaReportsComplianceClock | Unset = GetSlaReportsComplianceClock.RESOLUTION,
    ticket_type: list[GetSlaReportsComplianceTicketTypeItem] | Unset = UNSET,
    priority: list[GetSlaReportsCompliancePriorityItem] | Unset = UNSET,
    assigned_team: list[str] | Unset = UNSET,

) -> Response[ComplianceEnvelope | ErrorEnvelope]:
    """ Percent of tickets closed within SLA by week or month, type, priority and team, and the
    breached list (at most 200, latest due first).

    Args:
        period_from (datetime.date | Unset):
        period_to (datetime.date | Unset):
        period (GetSlaReportsCompliancePeriod | Unset):  Default:
            GetSlaReportsCompliancePeriod.WEEK.
        clock (GetSlaReportsComplianceClock | Unset):  Default:
            GetSlaReportsComplianceClock.RESOLUTION.
        ticket_type (list[GetSlaReportsComplianceTicketTypeItem] | Unset):
        priority (list[GetSlaReportsCompliancePriorityItem] | Unset):
        assigned_team (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ComplianceEnvelope | ErrorEnvelope]
     """


    kwargs = _get_kwargs(
        period_from=period_from,
period_to=period_to,
period=period,
clock=clock,
ticket_type=ticket_type,
priority=priority,
assigned_team=assigned_team,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    period_from: datetime.date | Unset = UNSET,
    period_to: datetime.date | Unset = UNSET,
    period: GetSlaReportsCompliancePeriod | Unset = GetSlaReportsCompliancePeriod.WEEK,
    clock: GetSlaReportsComplianceClock | Unset = GetSlaReportsComplianceClock.RESOLUTION,
    ticket_type: list[GetSlaReportsComplianceTicketTypeItem] | Unset = UNSET,
    priority: list[GetSlaReportsCompliancePriorityItem] | Unset = UNSET,
    assigned_team: list[str] | Unset = UNSET,

) -> ComplianceEnvelope | ErrorEnvelope | None:
    """ Percent of tickets closed within SLA by week or month, type, priority and team, and the
    breached list (at most 200, latest due first).

    Args:
        period_from (datetime.date | Unset):
        period_to (datetime.date | Unset):
        period (GetSlaReportsCompliancePeriod | Unset):  Default:
            GetSlaReportsCompliancePeriod.WEEK.
        clock (GetSlaReportsComplianceClock | Unset):  Default:
            GetSlaReportsComplianceClock.RESOLUTION.
        ticket_type (list[GetSlaReportsComplianceTicketTypeItem] | Unset):
        priority (list[GetSlaReportsCompliancePriorityItem] | Unset):
        assigned_team (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ComplianceEnvelope | ErrorEnvelope
     """


    return (await asyncio_detailed(
        client=client,
period_from=period_from,
period_to=period_to,
period=period,
clock=clock,
ticket_type=ticket_type,
priority=priority,
assigned_team=assigned_team,

    )).parsed
