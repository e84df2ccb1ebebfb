from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.get_ticketing_billing_reports_pending_ageing_export_format import GetTicketingBillingReportsPendingAgeingExportFormat
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    format_: GetTicketingBillingReportsPendingAgeingExportFormat | Unset = GetTicketingBillingReportsPendingAgeingExportFormat.CSV,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/ticketing/billing/reports/pending-ageing/export",
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
    format_: GetTicketingBillingReportsPendingAgeingExportFormat | Unset = GetTicketingBillingReportsPendingAgeingExportFormat.CSV,

) -> Response[ErrorEnvelope | str]:
    """ How long billable tickets have waited for approval, in buckets (CSV, XLSX or PDF)

     Same filters as the JSON report; a header row of its field names, then one line per row.

    Args:
        format_ (GetTicketingBillingReportsPendingAgeingExportFormat | Unset):  Default:
            GetTicketingBillingReportsPendingAgeingExportFormat.CSV.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | str]
     """


    kwargs = _get_kwargs(
        format_=format_,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    format_: GetTicketingBillingReportsPendingAgeingExportFormat | Unset = GetTicketingBillingReportsPendingAgeingExportFormat.CSV,

) -> ErrorEnvelope | str | None:
    """ How long billable tickets have waited for approval, in buckets (CSV, XLSX or PDF)

     Same filters as the JSON report; a header row of its field names, then one line per row.

    Args:
        format_ (GetTicketingBillingReportsPendingAgeingExportFormat | Unset):  Default:
            GetTicketingBillingReportsPendingAgeingExportFormat.CSV.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | str
     """


    return sync_detailed(
        client=client,
format_=format_,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    format_: GetTicketingBillingReportsPendingAgeingExportFormat | Unset = GetTicketingBillingReportsPendingAgeingExportFormat.CSV,

) -> Response[ErrorEnvelope | str]:
    """ How long billable tickets have waited for approval, in buckets (CSV, XLSX or PDF)

     Same filters as the JSON report; a header row of its field names, then one line per row.

    Args:
        format_ (GetTicketingBillingReportsPendingAgeingExportFormat | Unset):  Default:
            GetTicketingBillingReportsPendingAgeingExportFormat.CSV.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | str]
     """


    kwargs = _get_kwargs(
        format_=format_,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    format_: GetTicketingBillingReportsPendingAgeingExportFormat | Unset = GetTicketingBillingReportsPendingAgeingExportFormat.CSV,

) -> ErrorEnvelope | str | None:
    """ How long billable tickets have waited for approval, in buckets (CSV, XLSX or PDF)

     Same filters as the JSON report; a header row of its field names, then one line per row.

    Args:
        format_ (GetTicketingBillingReportsPendingAgeingExportFormat | Unset):  Default:
            GetTicketingBillingReportsPendingAgeingExportFormat.CSV.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | str
     """


    return (await asyncio_detailed(
        client=client,
format_=format_,

    )).parsed
