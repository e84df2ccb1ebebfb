from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.calculation_envelope import CalculationEnvelope
from ...models.error_envelope import ErrorEnvelope
from ...models.get_ticketing_billing_calculate_priority import GetTicketingBillingCalculatePriority
from ...models.get_ticketing_billing_calculate_source import GetTicketingBillingCalculateSource
from ...models.get_ticketing_billing_calculate_ticket_type import GetTicketingBillingCalculateTicketType
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    ticket_uid: str | Unset = UNSET,
    ticket_type: GetTicketingBillingCalculateTicketType | Unset = UNSET,
    priority: GetTicketingBillingCalculatePriority | Unset = GetTicketingBillingCalculatePriority.MEDIUM,
    source: GetTicketingBillingCalculateSource | Unset = GetTicketingBillingCalculateSource.ADHOC,
    project_id: str | Unset = UNSET,
    drop_number: str | Unset = UNSET,
    install_date: datetime.date | Unset = UNSET,
    client_account_id: str | Unset = UNSET,
    date: datetime.date | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["ticket_uid"] = ticket_uid

    json_ticket_type: str | Unset = UNSET
    if not isinstance(ticket_type, Unset):
        json_ticket_type = ticket_type.value

    params["ticket_type"] = json_ticket_type

    json_priority: str | Unset = UNSET
    if not isinstance(priority, Unset):
        json_priority = priority.value

    params["priority"] = json_priority

    json_source: str | Unset = UNSET
    if not isinstance(source, Unset):
        json_source = source.value

    params["source"] = json_source

    params["project_id"] = project_id

    params["drop_number"] = drop_number

    json_install_date: str | Unset = UNSET
    if not isinstance(install_date, Unset):
        json_install_date = install_date.isoformat()
    params["install_date"] = json_install_date

    params["client_account_id"] = client_account_id

    json_date: str | Unset = UNSET
    if not isinstance(date, Unset):
        json_date = date.isoformat()
    params["date"] = json_date


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/ticketing/billing/calculate",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | CalculationEnvelope | ErrorEnvelope:
    if response.status_code == 200:
        response_200 = CalculationEnvelope.from_dict(response.json())



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

    if response.status_code == 404:
        response_404 = cast(Any, None)
        return response_404

    if response.status_code == 429:
        response_429 = ErrorEnvelope.from_dict(response.json())



        return response_429

    response_default = ErrorEnvelope.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | CalculationEnvelope | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    ticket_uid: str | Unset = UNSET,
    ticket_type: GetTicketingBillingCalculateTicketType | Unset = UNSET,
    priority: GetTicketingBillingCalculatePriority | Unset = GetTicketingBillingCalculatePriority.MEDIUM,
    source: GetTicketingBillingCalculateSource | Unset = GetTicketingBillingCalculateSource.ADHOC,
    project_id: str | Unset = UNSET,
    drop_number: str | Unset = UNSET,
    install_date: datetime.date | Unset = UNSET,
    client_account_id: str | Unset = UNSET,
    date: datetime.date | Unset = UNSET,

) -> Response[Any | CalculationEnvelope | ErrorEnvelope]:
    """ Preview the classification of a ticket (known by UID or UUID, or described by its facts).

    Args:
        ticket_uid (str | Unset):
        ticket_type (GetTicketingBillingCalculateTicketType | Unset):
        priority (GetTicketingBillingCalculatePriority | Unset):  Default:
            GetTicketingBillingCalculatePriority.MEDIUM.
        source (GetTicketingBillingCalculateSource | Unset):  Default:
            GetTicketingBillingCalculateSource.ADHOC.
        project_id (str | Unset):
        drop_number (str | Unset):
        install_date (datetime.date | Unset):
        client_account_id (str | Unset):
        date (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | CalculationEnvelope | ErrorEnvelope]
     """


    kwargs = _get_kwargs(
        ticket_uid=ticket_uid,
ticket_type=ticket_type,
priority=priority,
source=source,
project_id=project_id,
drop_number=drop_number,
install_date=install_date,
client_account_id=client_account_id,
date=date,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    ticket_uid: str | Unset = UNSET,
    ticket_type: GetTicketingBillingCalculateTicketType | Unset = UNSET,
    priority: GetTicketingBillingCalculatePriority | Unset = GetTicketingBillingCalculatePriority.MEDIUM,
    source: GetTicketingBillingCalculateSource | Unset = GetTicketingBillingCalculateSource.ADHOC,
    project_id: str | Unset = UNSET,
    drop_number: str | Unset = UNSET,
    install_date: datetime.date | Unset = UNSET,
    client_account_id: str | Unset = UNSET,
    date: datetime.date | Unset = UNSET,

) -> Any | CalculationEnvelope | ErrorEnvelope | None:
    """ Preview the classification of a ticket (known by UID or UUID, or described by its facts).

    Args:
        ticket_uid (str | Unset):
        ticket_type (GetTicketingBillingCalculateTicketType | Unset):
        priority (GetTicketingBillingCalculatePriority | Unset):  Default:
            GetTicketingBillingCalculatePriority.MEDIUM.
        source (GetTicketingBillingCalculateSource | Unset):  Default:
            GetTicketingBillingCalculateSource.ADHOC.
        project_id (str | Unset):
        drop_number (str | Unset):
        install_date (datetime.date | Unset):
        client_account_id (str | Unset):
        date (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | CalculationEnvelope | ErrorEnvelope
     """


    return sync_detailed(
        client=client,
ticket_uid=ticket_uid,
ticket_type=ticket_type,
priority=priority,
source=source,
project_id=project_id,
drop_number=drop_number,
install_date=install_date,
client_account_id=client_account_id,
date=date,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    ticket_uid: str | Unset = UNSET,
    ticket_type: GetTicketingBillingCalculateTicketType | Unset = UNSET,
    priority: GetTicketingBillingCalculatePriority | Unset = GetTicketingBillingCalculatePriority.MEDIUM,
    source: GetTicketingBillingCalculateSource | Unset = GetTicketingBillingCalculateSource.ADHOC,
    project_id: str | Unset = UNSET,
    drop_number: str | Unset = UNSET,
    install_date: datetime.date | Unset = UNSET,
    client_account_id: str | Unset = UNSET,
    date: datetime.date | Unset = UNSET,

) -> Response[Any | CalculationEnvelope | ErrorEnvelope]:
    """ Preview the classification of a ticket (known by UID or UUID, or described by its facts).

    Args:
        ticket_uid (str | Unset):
        ticket_type (GetTicketingBillingCalculateTicketType | Unset):
        priority (GetTicketingBillingCalculatePriority | Unset):  Default:
            GetTicketingBillingCalculatePriority.MEDIUM.
        source (GetTicketingBillingCalculateSource | Unset):  Default:
            GetTicketingBillingCalculateSource.ADHOC.
        project_id (str | Unset):
        drop_number (str | Unset):
        install_date (datetime.date | Unset):
        client_account_id (str | Unset):
        date (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | CalculationEnvelope | ErrorEnvelope]
     """


    kwargs = _get_kwargs(
        ticket_uid=ticket_uid,
ticket_type=ticket_type,
priority=priority,
source=source,
project_id=project_id,
drop_number=drop_number,
install_date=install_date,
client_account_id=client_account_id,
date=date,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    ticket_uid: str | Unset = UNSET,
    ticket_type: GetTicketingBillingCalculateTicketType | Unset = UNSET,
    priority: GetTicketingBillingCalculatePriority | Unset = GetTicketingBillingCalculatePriority.MEDIUM,
    source: GetTicketingBillingCalculateSource | Unset = GetTicketingBillingCalculateSource.ADHOC,
    project_id: str | Unset = UNSET,
    drop_number: str | Unset = UNSET,
    install_date: datetime.date | Unset = UNSET,
    client_account_id: str | Unset = UNSET,
    date: datetime.date | Unset = UNSET,

) -> Any | CalculationEnvelope | ErrorEnvelope | None:
    """ Preview the classification of a ticket (known by UID or UUID, or described by its facts).

    Args:
        ticket_uid (str | Unset):
        ticket_type (GetTicketingBillingCalculateTicketType | Unset):
        priority (GetTicketingBillingCalculatePriority | Unset):  Default:
            GetTicketingBillingCalculatePriority.MEDIUM.
        source (GetTicketingBillingCalculateSource | Unset):  Default:
            GetTicketingBillingCalculateSource.ADHOC.
        project_id (str | Unset):
        drop_number (str | Unset):
        install_date (datetime.date | Unset):
        client_account_id (str | Unset):
        date (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | CalculationEnvelope | ErrorEnvelope
     """


    return (await asyncio_detailed(
        client=client,
ticket_uid=ticket_uid,
ticket_type=ticket_type,
priority=priority,
source=source,
project_id=project_id,
drop_number=drop_number,
install_date=install_date,
client_account_id=client_account_id,
date=date,

    )).parsed
