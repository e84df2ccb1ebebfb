from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.get_ticketing_billing_reports_guarantee_work_billing_type_item import GetTicketingBillingReportsGuaranteeWorkBillingTypeItem
from ...models.get_ticketing_billing_reports_guarantee_work_format import GetTicketingBillingReportsGuaranteeWorkFormat
from ...models.get_ticketing_billing_reports_guarantee_work_group_by import GetTicketingBillingReportsGuaranteeWorkGroupBy
from ...models.work_report_envelope import WorkReportEnvelope
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    format_: GetTicketingBillingReportsGuaranteeWorkFormat | Unset = GetTicketingBillingReportsGuaranteeWorkFormat.JSON,
    period_from: datetime.date | Unset = UNSET,
    period_to: datetime.date | Unset = UNSET,
    group_by: GetTicketingBillingReportsGuaranteeWorkGroupBy | Unset = GetTicketingBillingReportsGuaranteeWorkGroupBy.PROJECT,
    billing_type: list[GetTicketingBillingReportsGuaranteeWorkBillingTypeItem] | Unset = UNSET,
    project_id: list[str] | Unset = UNSET,

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

    json_group_by: str | Unset = UNSET
    if not isinstance(group_by, Unset):
        json_group_by = group_by.value

    params["group_by"] = json_group_by

    json_billing_type: list[str] | Unset = UNSET
    if not isinstance(billing_type, Unset):
        json_billing_type = []
        for billing_type_item_data in billing_type:
            billing_type_item = billing_type_item_data.value
            json_billing_type.append(billing_type_item)


    params["billing_type"] = json_billing_type

    json_project_id: list[str] | Unset = UNSET
    if not isinstance(project_id, Unset):
        json_project_id = project_id


    params["project_id"] = json_project_id


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/ticketing/billing/reports/guarantee-work",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorEnvelope | WorkReportEnvelope:
    if response.status_code == 200:
        response_200 = WorkReportEnvelope.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorEnvelope | WorkReportEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    format_: GetTicketingBillingReportsGuaranteeWorkFormat | Unset = GetTicketingBillingReportsGuaranteeWorkFormat.JSON,
    period_from: datetime.date | Unset = UNSET,
    period_to: datetime.date | Unset = UNSET,
    group_by: GetTicketingBillingReportsGuaranteeWorkGroupBy | Unset = GetTicketingBillingReportsGuaranteeWorkGroupBy.PROJECT,
    billing_type: list[GetTicketingBillingReportsGuaranteeWorkBillingTypeItem] | Unset = UNSET,
    project_id: list[str] | Unset = UNSET,

) -> Response[ErrorEnvelope | WorkReportEnvelope]:
    """ Guarantee work by project or contractor (quality tracking)

     Guarantee work by project or contractor (quality tracking). CSV: GET
    /api/ticketing/billing/reports/guarantee-work/export.

    Args:
        format_ (GetTicketingBillingReportsGuaranteeWorkFormat | Unset):  Default:
            GetTicketingBillingReportsGuaranteeWorkFormat.JSON.
        period_from (datetime.date | Unset):  Example: 2026-11-01.
        period_to (datetime.date | Unset):  Example: 2026-12-01.
        group_by (GetTicketingBillingReportsGuaranteeWorkGroupBy | Unset):  Default:
            GetTicketingBillingReportsGuaranteeWorkGroupBy.PROJECT.
        billing_type (list[GetTicketingBillingReportsGuaranteeWorkBillingTypeItem] | Unset):
        project_id (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | WorkReportEnvelope]
     """


    kwargs = _get_kwargs(
        format_=format_,
period_from=period_from,
period_to=period_to,
group_by=group_by,
billing_type=billing_type,
project_id=project_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    format_: GetTicketingBillingReportsGuaranteeWorkFormat | Unset = GetTicketingBillingReportsGuaranteeWorkFormat.JSON,
    period_from: datetime.date | Unset = UNSET,
    period_to: datetime.date | Unset = UNSET,
    group_by: GetTicketingBillingReportsGuaranteeWorkGroupBy | Unset = GetTicketingBillingReportsGuaranteeWorkGroupBy.PROJECT,
    billing_type: list[GetTicketingBillingReportsGuaranteeWorkBillingTypeItem] | Unset = UNSET,
    project_id: list[str] | Unset = UNSET,

) -> ErrorEnvelope | WorkReportEnvelope | None:
    """ Guarantee work by project or contractor (quality tracking)

     Guarantee work by project or contractor (quality tracking). CSV: GET
    /api/ticketing/billing/reports/guarantee-work/export.

    Args:
        format_ (GetTicketingBillingReportsGuaranteeWorkFormat | Unset):  Default:
            GetTicketingBillingReportsGuaranteeWorkFormat.JSON.
        period_from (datetime.date | Unset):  Example: 2026-11-01.
        period_to (datetime.date | Unset):  Example: 2026-12-01.
        group_by (GetTicketingBillingReportsGuaranteeWorkGroupBy | Unset):  Default:
            GetTicketingBillingReportsGuaranteeWorkGroupBy.PROJECT.
        billing_type (list[GetTicketingBillingReportsGuaranteeWorkBillingTypeItem] | Unset):
        project_id (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | WorkReportEnvelope
     """


    return sync_detailed(
        client=client,
format_=format_,
period_from=period_from,
period_to=period_to,
group_by=group_by,
billing_type=billing_type,
project_id=project_id,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    format_: GetTicketingBillingReportsGuaranteeWorkFormat | Unset = GetTicketingBillingReportsGuaranteeWorkFormat.JSON,
    period_from: datetime.date | Unset = UNSET,
    period_to: datetime.date | Unset = UNSET,
    group_by: GetTicketingBillingReportsGuaranteeWorkGroupBy | Unset = GetTicketingBillingReportsGuaranteeWorkGroupBy.PROJECT,
    billing_type: list[GetTicketingBillingReportsGuaranteeWorkBillingTypeItem] | Unset = UNSET,
    project_id: list[str] | Unset = UNSET,

) -> Response[ErrorEnvelope | WorkReportEnvelope]:
    """ Guarantee work by project or contractor (quality tracking)

     Guarantee work by project or contractor (quality tracking). CSV: GET
    /api/ticketing/billing/reports/guarantee-work/export.

    Args:
        format_ (GetTicketingBillingReportsGuaranteeWorkFormat | Unset):  Default:
            GetTicketingBillingReportsGuaranteeWorkFormat.JSON.
        period_from (datetime.date | Unset):  Example: 2026-11-01.
        period_to (datetime.date | Unset):  Example: 2026-12-01.
        group_by (GetTicketingBillingReportsGuaranteeWorkGroupBy | Unset):  Default:
            GetTicketingBillingReportsGuaranteeWorkGroupBy.PROJECT.
        billing_type (list[GetTicketingBillingReportsGuaranteeWorkBillingTypeItem] | Unset):
        project_id (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | WorkReportEnvelope]
     """


    kwargs = _get_kwargs(
        format_=format_,
period_from=period_from,
period_to=period_to,
group_by=group_by,
billing_type=billing_type,
project_id=project_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    format_: GetTicketingBillingReportsGuaranteeWorkFormat | Unset = GetTicketingBillingReportsGuaranteeWorkFormat.JSON,
    period_from: datetime.date | Unset = UNSET,
    period_to: datetime.date | Unset = UNSET,
    group_by: GetTicketingBillingReportsGuaranteeWorkGroupBy | Unset = GetTicketingBillingReportsGuaranteeWorkGroupBy.PROJECT,
    billing_type: list[GetTicketingBillingReportsGuaranteeWorkBillingTypeItem] | Unset = UNSET,
    project_id: list[str] | Unset = UNSET,

) -> ErrorEnvelope | WorkReportEnvelope | None:
    """ Guarantee work by project or contractor (quality tracking)

     Guarantee work by project or contractor (quality tracking). CSV: GET
    /api/ticketing/billing/reports/guarantee-work/export.

    Args:
        format_ (GetTicketingBillingReportsGuaranteeWorkFormat | Unset):  Default:
            GetTicketingBillingReportsGuaranteeWorkFormat.JSON.
        period_from (datetime.date | Unset):  Example: 2026-11-01.
        period_to (datetime.date | Unset):  Example: 2026-12-01.
        group_by (GetTicketingBillingReportsGuaranteeWorkGroupBy | Unset):  Default:
            GetTicketingBillingReportsGuaranteeWorkGroupBy.PROJECT.
        billing_type (list[GetTicketingBillingReportsGuaranteeWorkBillingTypeItem] | Unset):
        project_id (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | WorkReportEnvelope
     """


    return (await asyncio_detailed(
        client=client,
format_=format_,
period_from=period_from,
period_to=period_to,
group_by=group_by,
billing_type=billing_type,
project_id=project_id,

    )).parsed
