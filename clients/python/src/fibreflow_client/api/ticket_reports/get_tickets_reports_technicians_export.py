from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.get_tickets_reports_technicians_export_format import GetTicketsReportsTechniciansExportFormat
from ...models.get_tickets_reports_technicians_export_priority_item import GetTicketsReportsTechniciansExportPriorityItem
from ...models.get_tickets_reports_technicians_export_source_item import GetTicketsReportsTechniciansExportSourceItem
from ...models.get_tickets_reports_technicians_export_type_item import GetTicketsReportsTechniciansExportTypeItem
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    format_: GetTicketsReportsTechniciansExportFormat | Unset = GetTicketsReportsTechniciansExportFormat.CSV,
    period_from: datetime.date | Unset = UNSET,
    period_to: datetime.date | Unset = UNSET,
    type_: list[GetTicketsReportsTechniciansExportTypeItem] | Unset = UNSET,
    priority: list[GetTicketsReportsTechniciansExportPriorityItem] | Unset = UNSET,
    source: list[GetTicketsReportsTechniciansExportSourceItem] | Unset = UNSET,
    zone: list[str] | Unset = UNSET,
    assigned_team: list[str] | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

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


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/tickets/reports/technicians/export",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorEnvelope | str:
    if response.status_code == 200:
        response_200 = response.text
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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorEnvelope | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    format_: GetTicketsReportsTechniciansExportFormat | Unset = GetTicketsReportsTechniciansExportFormat.CSV,
    period_from: datetime.date | Unset = UNSET,
    period_to: datetime.date | Unset = UNSET,
    type_: list[GetTicketsReportsTechniciansExportTypeItem] | Unset = UNSET,
    priority: list[GetTicketsReportsTechniciansExportPriorityItem] | Unset = UNSET,
    source: list[GetTicketsReportsTechniciansExportSourceItem] | Unset = UNSET,
    zone: list[str] | Unset = UNSET,
    assigned_team: list[str] | Unset = UNSET,

) -> Response[ErrorEnvelope | str]:
    """ Technician performance: tickets resolved in the period, average and median resolution time, SLA
    compliance, open tickets now (CSV, XLSX or PDF)

    Args:
        format_ (GetTicketsReportsTechniciansExportFormat | Unset):  Default:
            GetTicketsReportsTechniciansExportFormat.CSV.
        period_from (datetime.date | Unset):  Example: 2026-11-01.
        period_to (datetime.date | Unset):  Example: 2026-12-01.
        type_ (list[GetTicketsReportsTechniciansExportTypeItem] | Unset):
        priority (list[GetTicketsReportsTechniciansExportPriorityItem] | Unset):
        source (list[GetTicketsReportsTechniciansExportSourceItem] | Unset):
        zone (list[str] | Unset):
        assigned_team (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | str]
     """


    kwargs = _get_kwargs(
        format_=format_,
period_from=period_from,
period_to=period_to,
type_=type_,
priority=priority,
source=source,
zone=zone,
assigned_team=assigned_team,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    format_: GetTicketsReportsTechniciansExportFormat | Unset = GetTicketsReportsTechniciansExportFormat.CSV,
    period_from: datetime.date | Unset = UNSET,
    period_to: datetime.date | Unset = UNSET,
    type_: list[GetTicketsReportsTechniciansExportTypeItem] | Unset = UNSET,
    priority: list[GetTicketsReportsTechniciansExportPriorityItem] | Unset = UNSET,
    source: list[GetTicketsReportsTechniciansExportSourceItem] | Unset = UNSET,
    zone: list[str] | Unset = UNSET,
    assigned_team: list[str] | Unset = UNSET,

) -> ErrorEnvelope | str | None:
    """ Technician performance: tickets resolved in the period, average and median resolution time, SLA
    compliance, open tickets now (CSV, XLSX or PDF)

    Args:
        format_ (GetTicketsReportsTechniciansExportFormat | Unset):  Default:
            GetTicketsReportsTechniciansExportFormat.CSV.
        period_from (datetime.date | Unset):  Example: 2026-11-01.
        period_to (datetime.date | Unset):  Example: 2026-12-01.
        type_ (list[GetTicketsReportsTechniciansExportTypeItem] | Unset):
        priority (list[GetTicketsReportsTechniciansExportPriorityItem] | Unset):
        source (list[GetTicketsReportsTechniciansExportSourceItem] | Unset):
        zone (list[str] | Unset):
        assigned_team (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | str
     """


    return sync_detailed(
        client=client,
format_=format_,
period_from=period_from,
period_to=period_to,
type_=type_,
priority=priority,
source=source,
zone=zone,
assigned_team=assigned_team,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    format_: GetTicketsReportsTechniciansExportFormat | Unset = GetTicketsReportsTechniciansExportFormat.CSV,
    period_from: datetime.date | Unset = UNSET,
    period_to: datetime.date | Unset = UNSET,
    type_: list[GetTicketsReportsTechniciansExportTypeItem] | Unset = UNSET,
    priority: list[GetTicketsReportsTechniciansExportPriorityItem] | Unset = UNSET,
    source: list[GetTicketsReportsTechniciansExportSourceItem] | Unset = UNSET,
    zone: list[str] | Unset = UNSET,
    assigned_team: list[str] | Unset = UNSET,

) -> Response[ErrorEnvelope | str]:
    """ Technician performance: tickets resolved in the period, average and median resolution time, SLA
    compliance, open tickets now (CSV, XLSX or PDF)

    Args:
        format_ (GetTicketsReportsTechniciansExportFormat | Unset):  Default:
            GetTicketsReportsTechniciansExportFormat.CSV.
        period_from (datetime.date | Unset):  Example: 2026-11-01.
        period_to (datetime.date | Unset):  Example: 2026-12-01.
        type_ (list[GetTicketsReportsTechniciansExportTypeItem] | Unset):
        priority (list[GetTicketsReportsTechniciansExportPriorityItem] | Unset):
        source (list[GetTicketsReportsTechniciansExportSourceItem] | Unset):
        zone (list[str] | Unset):
        assigned_team (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | str]
     """


    kwargs = _get_kwargs(
        format_=format_,
period_from=period_from,
period_to=period_to,
type_=type_,
priority=priority,
source=source,
zone=zone,
assigned_team=assigned_team,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    format_: GetTicketsReportsTechniciansExportFormat | Unset = GetTicketsReportsTechniciansExportFormat.CSV,
    period_from: datetime.date | Unset = UNSET,
    period_to: datetime.date | Unset = UNSET,
    type_: list[GetTicketsReportsTechniciansExportTypeItem] | Unset = UNSET,
    priority: list[GetTicketsReportsTechniciansExportPriorityItem] | Unset = UNSET,
    source: list[GetTicketsReportsTechniciansExportSourceItem] | Unset = UNSET,
    zone: list[str] | Unset = UNSET,
    assigned_team: list[str] | Unset = UNSET,

) -> ErrorEnvelope | str | None:
    """ Technician performance: tickets resolved in the period, average and median resolution time, SLA
    compliance, open tickets now (CSV, XLSX or PDF)

    Args:
        format_ (GetTicketsReportsTechniciansExportFormat | Unset):  Default:
            GetTicketsReportsTechniciansExportFormat.CSV.
        period_from (datetime.date | Unset):  Example: 2026-11-01.
        period_to (datetime.date | Unset):  Example: 2026-12-01.
        type_ (list[GetTicketsReportsTechniciansExportTypeItem] | Unset):
        priority (list[GetTicketsReportsTechniciansExportPriorityItem] | Unset):
        source (list[GetTicketsReportsTechniciansExportSourceItem] | Unset):
        zone (list[str] | Unset):
        assigned_team (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | str
     """


    return (await asyncio_detailed(
        client=client,
format_=format_,
period_from=period_from,
period_to=period_to,
type_=type_,
priority=priority,
source=source,
zone=zone,
assigned_team=assigned_team,

    )).parsed
