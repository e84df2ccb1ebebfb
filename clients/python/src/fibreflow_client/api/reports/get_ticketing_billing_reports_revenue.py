from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.get_ticketing_billing_reports_revenue_format import GetTicketingBillingReportsRevenueFormat
from ...models.revenue_report_envelope import RevenueReportEnvelope
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    format_: GetTicketingBillingReportsRevenueFormat | Unset = GetTicketingBillingReportsRevenueFormat.JSON,
    period_from: datetime.date | Unset = UNSET,
    period_to: datetime.date | Unset = UNSET,

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


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/ticketing/billing/reports/revenue",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorEnvelope | RevenueReportEnvelope:
    if response.status_code == 200:
        response_200 = RevenueReportEnvelope.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorEnvelope | RevenueReportEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    format_: GetTicketingBillingReportsRevenueFormat | Unset = GetTicketingBillingReportsRevenueFormat.JSON,
    period_from: datetime.date | Unset = UNSET,
    period_to: datetime.date | Unset = UNSET,

) -> Response[ErrorEnvelope | RevenueReportEnvelope]:
    """ Invoiced and paid amounts by month

     Invoiced and paid amounts by month. CSV: GET /api/ticketing/billing/reports/revenue/export.

    Args:
        format_ (GetTicketingBillingReportsRevenueFormat | Unset):  Default:
            GetTicketingBillingReportsRevenueFormat.JSON.
        period_from (datetime.date | Unset):  Example: 2026-11-01.
        period_to (datetime.date | Unset):  Example: 2026-12-01.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | RevenueReportEnvelope]
     """


    kwargs = _get_kwargs(
        format_=format_,
period_from=period_from,
period_to=period_to,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    format_: GetTicketingBillingReportsRevenueFormat | Unset = GetTicketingBillingReportsRevenueFormat.JSON,
    period_from: datetime.date | Unset = UNSET,
    period_to: datetime.date | Unset = UNSET,

) -> ErrorEnvelope | RevenueReportEnvelope | None:
    """ Invoiced and paid amounts by month

     Invoiced and paid amounts by month. CSV: GET /api/ticketing/billing/reports/revenue/export.

    Args:
        format_ (GetTicketingBillingReportsRevenueFormat | Unset):  Default:
            GetTicketingBillingReportsRevenueFormat.JSON.
        period_from (datetime.date | Unset):  Example: 2026-11-01.
        period_to (datetime.date | Unset):  Example: 2026-12-01.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | RevenueReportEnvelope
     """


    return sync_detailed(
        client=client,
format_=format_,
period_from=period_from,
period_to=period_to,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    format_: GetTicketingBillingReportsRevenueFormat | Unset = GetTicketingBillingReportsRevenueFormat.JSON,
    period_from: datetime.date | Unset = UNSET,
    period_to: datetime.date | Unset = UNSET,

) -> Response[ErrorEnvelope | RevenueReportEnvelope]:
    """ Invoiced and paid amounts by month

     Invoiced and paid amounts by month. CSV: GET /api/ticketing/billing/reports/revenue/export.

    Args:
        format_ (GetTicketingBillingReportsRevenueFormat | Unset):  Default:
            GetTicketingBillingReportsRevenueFormat.JSON.
        period_from (datetime.date | Unset):  Example: 2026-11-01.
        period_to (datetime.date | Unset):  Example: 2026-12-01.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | RevenueReportEnvelope]
     """


    kwargs = _get_kwargs(
        format_=format_,
period_from=period_from,
period_to=period_to,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    format_: GetTicketingBillingReportsRevenueFormat | Unset = GetTicketingBillingReportsRevenueFormat.JSON,
    period_from: datetime.date | Unset = UNSET,
    period_to: datetime.date | Unset = UNSET,

) -> ErrorEnvelope | RevenueReportEnvelope | None:
    """ Invoiced and paid amounts by month

     Invoiced and paid amounts by month. CSV: GET /api/ticketing/billing/reports/revenue/export.

    Args:
        format_ (GetTicketingBillingReportsRevenueFormat | Unset):  Default:
            GetTicketingBillingReportsRevenueFormat.JSON.
        period_from (datetime.date | Unset):  Example: 2026-11-01.
        period_to (datetime.date | Unset):  Example: 2026-12-01.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | RevenueReportEnvelope
     """


    return (await asyncio_detailed(
        client=client,
format_=format_,
period_from=period_from,
period_to=period_to,

    )).parsed
