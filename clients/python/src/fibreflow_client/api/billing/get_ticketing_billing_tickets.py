from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.get_ticketing_billing_tickets_billing_status_item import GetTicketingBillingTicketsBillingStatusItem
from ...models.get_ticketing_billing_tickets_billing_type_item import GetTicketingBillingTicketsBillingTypeItem
from ...models.get_ticketing_billing_tickets_sort_item import GetTicketingBillingTicketsSortItem
from ...models.ticket_billing_list_envelope import TicketBillingListEnvelope
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    page: int | Unset = 1,
    limit: int | Unset = 50,
    billing_type: list[GetTicketingBillingTicketsBillingTypeItem] | Unset = UNSET,
    billing_status: list[GetTicketingBillingTicketsBillingStatusItem] | Unset = UNSET,
    project_id: list[str] | Unset = UNSET,
    sort: list[GetTicketingBillingTicketsSortItem] | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["page"] = page

    params["limit"] = limit

    json_billing_type: list[str] | Unset = UNSET
    if not isinstance(billing_type, Unset):
        json_billing_type = []
        for billing_type_item_data in billing_type:
            billing_type_item = billing_type_item_data.value
            json_billing_type.append(billing_type_item)


    params["billing_type"] = json_billing_type

    json_billing_status: list[str] | Unset = UNSET
    if not isinstance(billing_status, Unset):
        json_billing_status = []
        for billing_status_item_data in billing_status:
            billing_status_item = billing_status_item_data.value
            json_billing_status.append(billing_status_item)


    params["billing_status"] = json_billing_status

    json_project_id: list[str] | Unset = UNSET
    if not isinstance(project_id, Unset):
        json_project_id = project_id


    params["project_id"] = json_project_id

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
        "url": "/api/ticketing/billing/tickets",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorEnvelope | TicketBillingListEnvelope:
    if response.status_code == 200:
        response_200 = TicketBillingListEnvelope.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorEnvelope | TicketBillingListEnvelope]:
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
    billing_type: list[GetTicketingBillingTicketsBillingTypeItem] | Unset = UNSET,
    billing_status: list[GetTicketingBillingTicketsBillingStatusItem] | Unset = UNSET,
    project_id: list[str] | Unset = UNSET,
    sort: list[GetTicketingBillingTicketsSortItem] | Unset = UNSET,

) -> Response[ErrorEnvelope | TicketBillingListEnvelope]:
    """ Billing records of tickets, filtered by billing type/status and project.

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        billing_type (list[GetTicketingBillingTicketsBillingTypeItem] | Unset):
        billing_status (list[GetTicketingBillingTicketsBillingStatusItem] | Unset):
        project_id (list[str] | Unset):
        sort (list[GetTicketingBillingTicketsSortItem] | Unset):  Example: ['-ticket_created_at'].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | TicketBillingListEnvelope]
     """


    kwargs = _get_kwargs(
        page=page,
limit=limit,
billing_type=billing_type,
billing_status=billing_status,
project_id=project_id,
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
    billing_type: list[GetTicketingBillingTicketsBillingTypeItem] | Unset = UNSET,
    billing_status: list[GetTicketingBillingTicketsBillingStatusItem] | Unset = UNSET,
    project_id: list[str] | Unset = UNSET,
    sort: list[GetTicketingBillingTicketsSortItem] | Unset = UNSET,

) -> ErrorEnvelope | TicketBillingListEnvelope | None:
    """ Billing records of tickets, filtered by billing type/status and project.

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        billing_type (list[GetTicketingBillingTicketsBillingTypeItem] | Unset):
        billing_status (list[GetTicketingBillingTicketsBillingStatusItem] | Unset):
        project_id (list[str] | Unset):
        sort (list[GetTicketingBillingTicketsSortItem] | Unset):  Example: ['-ticket_created_at'].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | TicketBillingListEnvelope
     """


    return sync_detailed(
        client=client,
page=page,
limit=limit,
billing_type=billing_type,
billing_status=billing_status,
project_id=project_id,
sort=sort,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    limit: int | Unset = 50,
    billing_type: list[GetTicketingBillingTicketsBillingTypeItem] | Unset = UNSET,
    billing_status: list[GetTicketingBillingTicketsBillingStatusItem] | Unset = UNSET,
    project_id: list[str] | Unset = UNSET,
    sort: list[GetTicketingBillingTicketsSortItem] | Unset = UNSET,

) -> Response[ErrorEnvelope | TicketBillingListEnvelope]:
    """ Billing records of tickets, filtered by billing type/status and project.

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        billing_type (list[GetTicketingBillingTicketsBillingTypeItem] | Unset):
        billing_status (list[GetTicketingBillingTicketsBillingStatusItem] | Unset):
        project_id (list[str] | Unset):
        sort (list[GetTicketingBillingTicketsSortItem] | Unset):  Example: ['-ticket_created_at'].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | TicketBillingListEnvelope]
     """


    kwargs = _get_kwargs(
        page=page,
limit=limit,
billing_type=billing_type,
billing_status=billing_status,
project_id=project_id,
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
    billing_type: list[GetTicketingBillingTicketsBillingTypeItem] | Unset = UNSET,
    billing_status: list[GetTicketingBillingTicketsBillingStatusItem] | Unset = UNSET,
    project_id: list[str] | Unset = UNSET,
    sort: list[GetTicketingBillingTicketsSortItem] | Unset = UNSET,

) -> ErrorEnvelope | TicketBillingListEnvelope | None:
    """ Billing records of tickets, filtered by billing type/status and project.

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        billing_type (list[GetTicketingBillingTicketsBillingTypeItem] | Unset):
        billing_status (list[GetTicketingBillingTicketsBillingStatusItem] | Unset):
        project_id (list[str] | Unset):
        sort (list[GetTicketingBillingTicketsSortItem] | Unset):  Example: ['-ticket_created_at'].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | TicketBillingListEnvelope
     """


    return (await asyncio_detailed(
        client=client,
page=page,
limit=limit,
billing_type=billing_type,
billing_status=billing_status,
project_id=project_id,
sort=sort,

    )).parsed
