from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.get_tickets_reports_summary_group_by import GetTicketsReportsSummaryGroupBy
from ...models.get_tickets_reports_summary_priority_item import GetTicketsReportsSummaryPriorityItem
from ...models.get_tickets_reports_summary_source_item import GetTicketsReportsSummarySourceItem
from ...models.get_tickets_reports_summary_type_item import GetTicketsReportsSummaryTypeItem
from ...models.ticket_summary_report import TicketSummaryReport
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    period_from: datetime.date | Unset = UNSET,
    period_to: datetime.date | Unset = UNSET,
    type_: list[GetTicketsReportsSummaryTypeItem] | Unset = UNSET,
    priority: list[GetTicketsReportsSummaryPriorityItem] | Unset = UNSET,
    source: list[GetTicketsReportsSummarySourceItem] | Unset = UNSET,
    zone: list[str] | Unset = UNSET,
    assigned_team: list[str] | Unset = UNSET,
    group_by: GetTicketsReportsSummaryGroupBy | Unset = GetTicketsReportsSummaryGroupBy.STATUS,

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

    json_type_: list[str] | Unset = UNSET
    if not isinstance(type_, Unset):
        json_type_ = []
        for type_item_data in type_:
            type_item = type_item_data.value
            json_type_.append(type_item)


    params["type"] = json_type_

    json_priority: list[str] | Unset = UNSET
    if not isinstance(priority, Unset):
        json_priority = []
        for priority_item_data in priority:
            priority_item = priority_item_data.value
            json_priority.append(priority_item)


    params["priority"] = json_priority

    json_source: list[str] | Unset = UNSET
    if not isinstance(source, Unset):
        json_source = []
        for source_item_data in source:
            source_item = source_item_data.value
            json_source.append(source_item)


    params["source"] = json_source

    json_zone: list[str] | Unset = UNSET
    if not isinstance(zone, Unset):
        json_zone = zone


    params["zone"] = json_zone

    json_assigned_team: list[str] | Unset = UNSET
    if not isinstance(assigned_team, Unset):
        json_assigned_team = assigned_team


    params["assigned_team"] = json_assigned_team

    json_group_by: str | Unset = UNSET
    if not isinstance(group_by, Unset):
        json_group_by = group_by.value

    params["group_by"] = json_group_by


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/tickets/reports/summary",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorEnvelope | TicketSummaryReport:
    if response.status_code == 200:
        response_200 = TicketSummaryReport.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorEnvelope | TicketSummaryReport]:
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
    type_: list[GetTicketsReportsSummaryTypeItem] | Unset = UNSET,
    priority: list[GetTicketsReportsSummaryPriorityItem] | Unset = UNSET,
    source: list[GetTicketsReportsSummarySourceItem] | Unset = UNSET,
    zone: list[str] | Unset = UNSET,
    assigned_team: list[str] | Unset = UNSET,
    group_by: GetTicketsReportsSummaryGroupBy | Unset = GetTicketsReportsSummaryGroupBy.STATUS,

) -> Response[ErrorEnvelope | TicketSummaryReport]:
    """ Ticket summary: tickets created in the period by status, type, priority, source, zone, project or
    team

     Ticket summary: tickets created in the period by status, type, priority, source, zone, project or
    team. Export: GET /api/tickets/reports/summary/export.

    Args:
        period_from (datetime.date | Unset):  Example: 2026-11-01.
        period_to (datetime.date | Unset):  Example: 2026-12-01.
        type_ (list[GetTicketsReportsSummaryTypeItem] | Unset):
        priority (list[GetTicketsReportsSummaryPriorityItem] | Unset):
        source (list[GetTicketsReportsSummarySourceItem] | Unset):
        zone (list[str] | Unset):
        assigned_team (list[str] | Unset):
        group_by (GetTicketsReportsSummaryGroupBy | Unset):  Default:
            GetTicketsReportsSummaryGroupBy.STATUS.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | TicketSummaryReport]
     """


    kwargs = _get_kwargs(
        period_from=period_from,
period_to=period_to,
type_=type_,
priority=priority,
source=source,
zone=zone,
assigned_team=assigned_team,
group_by=group_by,

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
    type_: list[GetTicketsReportsSummaryTypeItem] | Unset = UNSET,
    priority: list[GetTicketsReportsSummaryPriorityItem] | Unset = UNSET,
    source: list[GetTicketsReportsSummarySourceItem] | Unset = UNSET,
    zone: list[str] | Unset = UNSET,
    assigned_team: list[str] | Unset = UNSET,
    group_by: GetTicketsReportsSummaryGroupBy | Unset = GetTicketsReportsSummaryGroupBy.STATUS,

) -> ErrorEnvelope | TicketSummaryReport | None:
    """ Ticket summary: tickets created in the period by status, type, priority, source, zone, project or
    team

     Ticket summary: tickets created in the period by status, type, priority, source, zone, project or
    team. Export: GET /api/tickets/reports/summary/export.

    Args:
        period_from (datetime.date | Unset):  Example: 2026-11-01.
        period_to (datetime.date | Unset):  Example: 2026-12-01.
        type_ (list[GetTicketsReportsSummaryTypeItem] | Unset):
        priority (list[GetTicketsReportsSummaryPriorityItem] | Unset):
        source (list[GetTicketsReportsSummarySourceItem] | Unset):
        zone (list[str] | Unset):
        assigned_team (list[str] | Unset):
        group_by (GetTicketsReportsSummaryGroupBy | Unset):  Default:
            GetTicketsReportsSummaryGroupBy.STATUS.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | TicketSummaryReport
     """


    return sync_detailed(
        client=client,
period_from=period_from,
period_to=period_to,
type_=type_,
priority=priority,
source=source,
zone=zone,
assigned_team=assigned_team,
group_by=group_by,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    period_from: datetime.date | Unset = UNSET,
    period_to: datetime.date | Unset = UNSET,
    type_: list[GetTicketsReportsSummaryTypeItem] | Unset = UNSET,
    priority: list[GetTicketsReportsSummaryPriorityItem] | Unset = UNSET,
    source: list[GetTicketsReportsSummarySourceItem] | Unset = UNSET,
    zone: list[str] | Unset = UNSET,
    assigned_team: list[str] | Unset = UNSET,
    group_by: GetTicketsReportsSummaryGroupBy | Unset = GetTicketsReportsSummaryGroupBy.STATUS,

) -> Response[ErrorEnvelope | TicketSummaryReport]:
    """ Ticket summary: tickets created in the period by status, type, priority, source, zone, project or
    team

     Ticket summary: tickets created in the period by status, type, priority, source, zone, project or
    team. Export: GET /api/tickets/reports/summary/export.

    Args:
        period_from (datetime.date | Unset):  Example: 2026-11-01.
        period_to (datetime.date | Unset):  Example: 2026-12-01.
        type_ (list[GetTicketsReportsSummaryTypeItem] | Unset):
        priority (list[GetTicketsReportsSummaryPriorityItem] | Unset):
        source (list[GetTicketsReportsSummarySourceItem] | Unset):
        zone (list[str] | Unset):
        assigned_team (list[str] | Unset):
        group_by (GetTicketsReportsSummaryGroupBy | Unset):  Default:
            GetTicketsReportsSummaryGroupBy.STATUS.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | TicketSummaryReport]
     """


    kwargs = _get_kwargs(
        period_from=period_from,
period_to=period_to,
type_=type_,
priority=priority,
source=source,
zone=zone,
assigned_team=assigned_team,
group_by=group_by,

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
    type_: list[GetTicketsReportsSummaryTypeItem] | Unset = UNSET,
    priority: list[GetTicketsReportsSummaryPriorityItem] | Unset = UNSET,
    source: list[GetTicketsReportsSummarySourceItem] | Unset = UNSET,
    zone: list[str] | Unset = UNSET,
    assigned_team: list[str] | Unset = UNSET,
    group_by: GetTicketsReportsSummaryGroupBy | Unset = GetTicketsReportsSummaryGroupBy.STATUS,

) -> ErrorEnvelope | TicketSummaryReport | None:
    """ Ticket summary: tickets created in the period by status, type, priority, source, zone, project or
    team

     Ticket summary: tickets created in the period by status, type, priority, source, zone, project or
    team. Export: GET /api/tickets/reports/summary/export.

    Args:
        period_from (datetime.date | Unset):  Example: 2026-11-01.
        period_to (datetime.date | Unset):  Example: 2026-12-01.
        type_ (list[GetTicketsReportsSummaryTypeItem] | Unset):
        priority (list[GetTicketsReportsSummaryPriorityItem] | Unset):
        source (list[GetTicketsReportsSummarySourceItem] | Unset):
        zone (list[str] | Unset):
        assigned_team (list[str] | Unset):
        group_by (GetTicketsReportsSummaryGroupBy | Unset):  Default:
            GetTicketsReportsSummaryGroupBy.STATUS.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | TicketSummaryReport
     """


    return (await asyncio_detailed(
        client=client,
period_from=period_from,
period_to=period_to,
type_=type_,
priority=priority,
source=source,
zone=zone,
assigned_team=assigned_team,
group_by=group_by,

    )).parsed
