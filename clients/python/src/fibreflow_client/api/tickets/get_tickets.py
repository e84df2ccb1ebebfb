from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.get_tickets_billing_status_item import GetTicketsBillingStatusItem
from ...models.get_tickets_billing_type_item import GetTicketsBillingTypeItem
from ...models.get_tickets_deleted import GetTicketsDeleted
from ...models.get_tickets_issue_type_item import GetTicketsIssueTypeItem
from ...models.get_tickets_priority_item import GetTicketsPriorityItem
from ...models.get_tickets_sla_state_item import GetTicketsSlaStateItem
from ...models.get_tickets_sort_item import GetTicketsSortItem
from ...models.get_tickets_source_item import GetTicketsSourceItem
from ...models.get_tickets_status_item import GetTicketsStatusItem
from ...models.get_tickets_type_item import GetTicketsTypeItem
from ...models.ticket_list import TicketList
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    page: int | Unset = 1,
    limit: int | Unset = 50,
    status: list[GetTicketsStatusItem] | Unset = UNSET,
    type_: list[GetTicketsTypeItem] | Unset = UNSET,
    priority: list[GetTicketsPriorityItem] | Unset = UNSET,
    source: list[GetTicketsSourceItem] | Unset = UNSET,
    category: list[str] | Unset = UNSET,
    zone: list[str] | Unset = UNSET,
    billing_type: list[GetTicketsBillingTypeItem] | Unset = UNSET,
    billing_status: list[GetTicketsBillingStatusItem] | Unset = UNSET,
    issue_type: list[GetTicketsIssueTypeItem] | Unset = UNSET,
    sla_state: list[GetTicketsSlaStateItem] | Unset = UNSET,
    assigned_to: list[str] | Unset = UNSET,
    assigned_team: list[str] | Unset = UNSET,
    project_id: list[str] | Unset = UNSET,
    tags: list[str] | Unset = UNSET,
    drop_number: str | Unset = UNSET,
    address: str | Unset = UNSET,
    client_phone: str | Unset = UNSET,
    client_name: str | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    sla_breached: bool | Unset = UNSET,
    created_at_from: datetime.datetime | Unset = UNSET,
    created_at_to: datetime.datetime | Unset = UNSET,
    updated_at_from: datetime.datetime | Unset = UNSET,
    updated_at_to: datetime.datetime | Unset = UNSET,
    due_at_from: datetime.datetime | Unset = UNSET,
    due_at_to: datetime.datetime | Unset = UNSET,
    deleted: GetTicketsDeleted | Unset = GetTicketsDeleted.FALSE,
    q: str | Unset = UNSET,
    sort: list[GetTicketsSortItem] | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["page"] = page

    params["limit"] = limit

    json_status: list[str] | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = []
        for status_item_data in status:
            status_item = status_item_data.value
            json_status.append(status_item)


    params["status"] = json_status

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

    json_category: list[str] | Unset = UNSET
    if not isinstance(category, Unset):
        json_category = category


    params["category"] = json_category

    json_zone: list[str] | Unset = UNSET
    if not isinstance(zone, Unset):
        json_zone = zone


    params["zone"] = json_zone

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

    json_issue_type: list[str] | Unset = UNSET
    if not isinstance(issue_type, Unset):
        json_issue_type = []
        for issue_type_item_data in issue_type:
            issue_type_item = issue_type_item_data.value
            json_issue_type.append(issue_type_item)


    params["issue_type"] = json_issue_type

    json_sla_state: list[str] | Unset = UNSET
    if not isinstance(sla_state, Unset):
        json_sla_state = []
        for sla_state_item_data in sla_state:
            sla_state_item = sla_state_item_data.value
            json_sla_state.append(sla_state_item)


    params["sla_state"] = json_sla_state

    json_assigned_to: list[str] | Unset = UNSET
    if not isinstance(assigned_to, Unset):
        json_assigned_to = assigned_to


    params["assigned_to"] = json_assigned_to

    json_assigned_team: list[str] | Unset = UNSET
    if not isinstance(assigned_team, Unset):
        json_assigned_team = assigned_team


    params["assigned_team"] = json_assigned_team

    json_project_id: list[str] | Unset = UNSET
    if not isinstance(project_id, Unset):
        json_project_id = project_id


    params["project_id"] = json_project_id

    json_tags: list[str] | Unset = UNSET
    if not isinstance(tags, Unset):
        json_tags = tags


    params["tags"] = json_tags

    params["drop_number"] = drop_number

    params["address"] = address

    params["client_phone"] = client_phone

    params["client_name"] = client_name

    params["overdue"] = overdue

    params["sla_breached"] = sla_breached

    json_created_at_from: str | Unset = UNSET
    if not isinstance(created_at_from, Unset):
        json_created_at_from = created_at_from.isoformat()
    params["created_at_from"] = json_created_at_from

    json_created_at_to: str | Unset = UNSET
    if not isinstance(created_at_to, Unset):
        json_created_at_to = created_at_to.isoformat()
    params["created_at_to"] = json_created_at_to

    json_updated_at_from: str | Unset = UNSET
    if not isinstance(updated_at_from, Unset):
        json_updated_at_from = updated_at_from.isoformat()
    params["updated_at_from"] = json_updated_at_from

    json_updated_at_to: str | Unset = UNSET
    if not isinstance(updated_at_to, Unset):
        json_updated_at_to = updated_at_to.isoformat()
    params["updated_at_to"] = json_updated_at_to

    json_due_at_from: str | Unset = UNSET
    if not isinstance(due_at_from, Unset):
        json_due_at_from = due_at_from.isoformat()
    params["due_at_from"] = json_due_at_from

    json_due_at_to: str | Unset = UNSET
    if not isinstance(due_at_to, Unset):
        json_due_at_to = due_at_to.isoformat()
    params["due_at_to"] = json_due_at_to

    json_deleted: str | Unset = UNSET
    if not isinstance(deleted, Unset):
        json_deleted = deleted.value

    params["deleted"] = json_deleted

    params["q"] = q

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
        "url": "/api/tickets",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorEnvelope | TicketList:
    if response.status_code == 200:
        response_200 = TicketList.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorEnvelope | TicketList]:
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
    status: list[GetTicketsStatusItem] | Unset = UNSET,
    type_: list[GetTicketsTypeItem] | Unset = UNSET,
    priority: list[GetTicketsPriorityItem] | Unset = UNSET,
    source: list[GetTicketsSourceItem] | Unset = UNSET,
    category: list[str] | Unset = UNSET,
    zone: list[str] | Unset = UNSET,
    billing_type: list[GetTicketsBillingTypeItem] | Unset = UNSET,
    billing_status: list[GetTicketsBillingStatusItem] | Unset = UNSET,
    issue_type: list[GetTicketsIssueTypeItem] | Unset = UNSET,
    sla_state: list[GetTicketsSlaStateItem] | Unset = UNSET,
    assigned_to: list[str] | Unset = UNSET,
    assigned_team: list[str] | Unset = UNSET,
    project_id: list[str] | Unset = UNSET,
    tags: list[str] | Unset = UNSET,
    drop_number: str | Unset = UNSET,
    address: str | Unset = UNSET,
    client_phone: str | Unset = UNSET,
    client_name: str | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    sla_breached: bool | Unset = UNSET,
    created_at_from: datetime.datetime | Unset = UNSET,
    created_at_to: datetime.datetime | Unset = UNSET,
    updated_at_from: datetime.datetime | Unset = UNSET,
    updated_at_to: datetime.datetime | Unset = UNSET,
    due_at_from: datetime.datetime | Unset = UNSET,
    due_at_to: datetime.datetime | Unset = UNSET,
    deleted: GetTicketsDeleted | Unset = GetTicketsDeleted.FALSE,
    q: str | Unset = UNSET,
    sort: list[GetTicketsSortItem] | Unset = UNSET,

) -> Response[ErrorEnvelope | TicketList]:
    """ List and search tickets (FR-040/041): filters, q, sort, page/limit; access rules applied.
    ``pagination.total`` is exact up to 10,000 matches (TICKET_CORE_EXACT_COUNT_LIMIT); above
    that it is PostgreSQL's estimate and ``pagination.total_is_estimate`` is true.

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        status (list[GetTicketsStatusItem] | Unset):
        type_ (list[GetTicketsTypeItem] | Unset):
        priority (list[GetTicketsPriorityItem] | Unset):
        source (list[GetTicketsSourceItem] | Unset):
        category (list[str] | Unset):
        zone (list[str] | Unset):
        billing_type (list[GetTicketsBillingTypeItem] | Unset):
        billing_status (list[GetTicketsBillingStatusItem] | Unset):
        issue_type (list[GetTicketsIssueTypeItem] | Unset):
        sla_state (list[GetTicketsSlaStateItem] | Unset):
        assigned_to (list[str] | Unset):
        assigned_team (list[str] | Unset):
        project_id (list[str] | Unset):
        tags (list[str] | Unset):
        drop_number (str | Unset):
        address (str | Unset):
        client_phone (str | Unset):
        client_name (str | Unset):
        overdue (bool | Unset):
        sla_breached (bool | Unset):
        created_at_from (datetime.datetime | Unset):
        created_at_to (datetime.datetime | Unset):
        updated_at_from (datetime.datetime | Unset):
        updated_at_to (datetime.datetime | Unset):
        due_at_from (datetime.datetime | Unset):
        due_at_to (datetime.datetime | Unset):
        deleted (GetTicketsDeleted | Unset):  Default: GetTicketsDeleted.FALSE.
        q (str | Unset):
        sort (list[GetTicketsSortItem] | Unset):  Example: ['-created_at'].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | TicketList]
     """


    kwargs = _get_kwargs(
        page=page,
limit=limit,
status=status,
type_=type_,
priority=priority,
source=source,
category=category,
zone=zone,
billing_type=billing_type,
billing_status=billing_status,
issue_type=issue_type,
sla_state=sla_state,
assigned_to=assigned_to,
assigned_team=assigned_team,
project_id=project_id,
tags=tags,
drop_number=drop_number,
address=address,
client_phone=client_phone,
client_name=client_name,
overdue=overdue,
sla_breached=sla_breached,
created_at_from=created_at_from,
created_at_to=created_at_to,
updated_at_from=updated_at_from,
updated_at_to=updated_at_to,
due_at_from=due_at_from,
due_at_to=due_at_to,
deleted=deleted,
q=q,
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
    status: list[GetTicketsStatusItem] | Unset = UNSET,
    type_: list[GetTicketsTypeItem] | Unset = UNSET,
    priority: list[GetTicketsPriorityItem] | Unset = UNSET,
    source: list[GetTicketsSourceItem] | Unset = UNSET,
    category: list[str] | Unset = UNSET,
    zone: list[str] | Unset = UNSET,
    billing_type: list[GetTicketsBillingTypeItem] | Unset = UNSET,
    billing_status: list[GetTicketsBillingStatusItem] | Unset = UNSET,
    issue_type: list[GetTicketsIssueTypeItem] | Unset = UNSET,
    sla_state: list[GetTicketsSlaStateItem] | Unset = UNSET,
    assigned_to: list[str] | Unset = UNSET,
    assigned_team: list[str] | Unset = UNSET,
    project_id: list[str] | Unset = UNSET,
    tags: list[str] | Unset = UNSET,
    drop_number: str | Unset = UNSET,
    address: str | Unset = UNSET,
    client_phone: str | Unset = UNSET,
    client_name: str | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    sla_breached: bool | Unset = UNSET,
    created_at_from: datetime.datetime | Unset = UNSET,
    created_at_to: datetime.datetime | Unset = UNSET,
    updated_at_from: datetime.datetime | Unset = UNSET,
    updated_at_to: datetime.datetime | Unset = UNSET,
    due_at_from: datetime.datetime | Unset = UNSET,
    due_at_to: datetime.datetime | Unset = UNSET,
    deleted: GetTicketsDeleted | Unset = GetTicketsDeleted.FALSE,
    q: str | Unset = UNSET,
    sort: list[GetTicketsSortItem] | Unset = UNSET,

) -> ErrorEnvelope | TicketList | None:
    """ List and search tickets (FR-040/041): filters, q, sort, page/limit; access rules applied.
    ``pagination.total`` is exact up to 10,000 matches (TICKET_CORE_EXACT_COUNT_LIMIT); above
    that it is PostgreSQL's estimate and ``pagination.total_is_estimate`` is true.

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        status (list[GetTicketsStatusItem] | Unset):
        type_ (list[GetTicketsTypeItem] | Unset):
        priority (list[GetTicketsPriorityItem] | Unset):
        source (list[GetTicketsSourceItem] | Unset):
        category (list[str] | Unset):
        zone (list[str] | Unset):
        billing_type (list[GetTicketsBillingTypeItem] | Unset):
        billing_status (list[GetTicketsBillingStatusItem] | Unset):
        issue_type (list[GetTicketsIssueTypeItem] | Unset):
        sla_state (list[GetTicketsSlaStateItem] | Unset):
        assigned_to (list[str] | Unset):
        assigned_team (list[str] | Unset):
        project_id (list[str] | Unset):
        tags (list[str] | Unset):
        drop_number (str | Unset):
        address (str | Unset):
        client_phone (str | Unset):
        client_name (str | Unset):
        overdue (bool | Unset):
        sla_breached (bool | Unset):
        created_at_from (datetime.datetime | Unset):
        created_at_to (datetime.datetime | Unset):
        updated_at_from (datetime.datetime | Unset):
        updated_at_to (datetime.datetime | Unset):
        due_at_from (datetime.datetime | Unset):
        due_at_to (datetime.datetime | Unset):
        deleted (GetTicketsDeleted | Unset):  Default: GetTicketsDeleted.FALSE.
        q (str | Unset):
        sort (list[GetTicketsSortItem] | Unset):  Example: ['-created_at'].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | TicketList
     """


    return sync_detailed(
        client=client,
page=page,
limit=limit,
status=status,
type_=type_,
priority=priority,
source=source,
category=category,
zone=zone,
billing_type=billing_type,
billing_status=billing_status,
issue_type=issue_type,
sla_state=sla_state,
assigned_to=assigned_to,
assigned_team=assigned_team,
project_id=project_id,
tags=tags,
drop_number=drop_number,
address=address,
client_phone=client_phone,
client_name=client_name,
overdue=overdue,
sla_breached=sla_breached,
created_at_from=created_at_from,
created_at_to=created_at_to,
updated_at_from=updated_at_from,
updated_at_to=updated_at_to,
due_at_from=due_at_from,
due_at_to=due_at_to,
deleted=deleted,
q=q,
sort=sort,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    limit: int | Unset = 50,
    status: list[GetTicketsStatusItem] | Unset = UNSET,
    type_: list[GetTicketsTypeItem] | Unset = UNSET,
    priority: list[GetTicketsPriorityItem] | Unset = UNSET,
    source: list[GetTicketsSourceItem] | Unset = UNSET,
    category: list[str] | Unset = UNSET,
    zone: list[str] | Unset = UNSET,
    billing_type: list[GetTicketsBillingTypeItem] | Unset = UNSET,
    billing_status: list[GetTicketsBillingStatusItem] | Unset = UNSET,
    issue_type: list[GetTicketsIssueTypeItem] | Unset = UNSET,
    sla_state: list[GetTicketsSlaStateItem] | Unset = UNSET,
    assigned_to: list[str] | Unset = UNSET,
    assigned_team: list[str] | Unset = UNSET,
    project_id: list[str] | Unset = UNSET,
    tags: list[str] | Unset = UNSET,
    drop_number: str | Unset = UNSET,
    address: str | Unset = UNSET,
    client_phone: str | Unset = UNSET,
    client_name: str | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    sla_breached: bool | Unset = UNSET,
    created_at_from: datetime.datetime | Unset = UNSET,
    created_at_to: datetime.datetime | Unset = UNSET,
    updated_at_from: datetime.datetime | Unset = UNSET,
    updated_at_to: datetime.datetime | Unset = UNSET,
    due_at_from: datetime.datetime | Unset = UNSET,
    due_at_to: datetime.datetime | Unset = UNSET,
    deleted: GetTicketsDeleted | Unset = GetTicketsDeleted.FALSE,
    q: str | Unset = UNSET,
    sort: list[GetTicketsSortItem] | Unset = UNSET,

) -> Response[ErrorEnvelope | TicketList]:
    """ List and search tickets (FR-040/041): filters, q, sort, page/limit; access rules applied.
    ``pagination.total`` is exact up to 10,000 matches (TICKET_CORE_EXACT_COUNT_LIMIT); above
    that it is PostgreSQL's estimate and ``pagination.total_is_estimate`` is true.

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        status (list[GetTicketsStatusItem] | Unset):
        type_ (list[GetTicketsTypeItem] | Unset):
        priority (list[GetTicketsPriorityItem] | Unset):
        source (list[GetTicketsSourceItem] | Unset):
        category (list[str] | Unset):
        zone (list[str] | Unset):
        billing_type (list[GetTicketsBillingTypeItem] | Unset):
        billing_status (list[GetTicketsBillingStatusItem] | Unset):
        issue_type (list[GetTicketsIssueTypeItem] | Unset):
        sla_state (list[GetTicketsSlaStateItem] | Unset):
        assigned_to (list[str] | Unset):
        assigned_team (list[str] | Unset):
        project_id (list[str] | Unset):
        tags (list[str] | Unset):
        drop_number (str | Unset):
        address (str | Unset):
        client_phone (str | Unset):
        client_name (str | Unset):
        overdue (bool | Unset):
        sla_breached (bool | Unset):
        created_at_from (datetime.datetime | Unset):
        created_at_to (datetime.datetime | Unset):
        updated_at_from (datetime.datetime | Unset):
        updated_at_to (datetime.datetime | Unset):
        due_at_from (datetime.datetime | Unset):
        due_at_to (datetime.datetime | Unset):
        deleted (GetTicketsDeleted | Unset):  Default: GetTicketsDeleted.FALSE.
        q (str | Unset):
        sort (list[GetTicketsSortItem] | Unset):  Example: ['-created_at'].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | TicketList]
     """


    kwargs = _get_kwargs(
        page=page,
limit=limit,
status=status,
type_=type_,
priority=priority,
source=source,
category=category,
zone=zone,
billing_type=billing_type,
billing_status=billing_status,
issue_type=issue_type,
sla_state=sla_state,
assigned_to=assigned_to,
assigned_team=assigned_team,
project_id=project_id,
tags=tags,
drop_number=drop_number,
address=address,
client_phone=client_phone,
client_name=client_name,
overdue=overdue,
sla_breached=sla_breached,
created_at_from=created_at_from,
created_at_to=created_at_to,
updated_at_from=updated_at_from,
updated_at_to=updated_at_to,
due_at_from=due_at_from,
due_at_to=due_at_to,
deleted=deleted,
q=q,
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
    status: list[GetTicketsStatusItem] | Unset = UNSET,
    type_: list[GetTicketsTypeItem] | Unset = UNSET,
    priority: list[GetTicketsPriorityItem] | Unset = UNSET,
    source: list[GetTicketsSourceItem] | Unset = UNSET,
    category: list[str] | Unset = UNSET,
    zone: list[str] | Unset = UNSET,
    billing_type: list[GetTicketsBillingTypeItem] | Unset = UNSET,
    billing_status: list[GetTicketsBillingStatusItem] | Unset = UNSET,
    issue_type: list[GetTicketsIssueTypeItem] | Unset = UNSET,
    sla_state: list[GetTicketsSlaStateItem] | Unset = UNSET,
    assigned_to: list[str] | Unset = UNSET,
    assigned_team: list[str] | Unset = UNSET,
    project_id: list[str] | Unset = UNSET,
    tags: list[str] | Unset = UNSET,
    drop_number: str | Unset = UNSET,
    address: str | Unset = UNSET,
    client_phone: str | Unset = UNSET,
    client_name: str | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    sla_breached: bool | Unset = UNSET,
    created_at_from: datetime.datetime | Unset = UNSET,
    created_at_to: datetime.datetime | Unset = UNSET,
    updated_at_from: datetime.datetime | Unset = UNSET,
    updated_at_to: datetime.datetime | Unset = UNSET,
    due_at_from: datetime.datetime | Unset = UNSET,
    due_at_to: datetime.datetime | Unset = UNSET,
    deleted: GetTicketsDeleted | Unset = GetTicketsDeleted.FALSE,
    q: str | Unset = UNSET,
    sort: list[GetTicketsSortItem] | Unset = UNSET,

) -> ErrorEnvelope | TicketList | None:
    """ List and search tickets (FR-040/041): filters, q, sort, page/limit; access rules applied.
    ``pagination.total`` is exact up to 10,000 matches (TICKET_CORE_EXACT_COUNT_LIMIT); above
    that it is PostgreSQL's estimate and ``pagination.total_is_estimate`` is true.

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        status (list[GetTicketsStatusItem] | Unset):
        type_ (list[GetTicketsTypeItem] | Unset):
        priority (list[GetTicketsPriorityItem] | Unset):
        source (list[GetTicketsSourceItem] | Unset):
        category (list[str] | Unset):
        zone (list[str] | Unset):
        billing_type (list[GetTicketsBillingTypeItem] | Unset):
        billing_status (list[GetTicketsBillingStatusItem] | Unset):
        issue_type (list[GetTicketsIssueTypeItem] | Unset):
        sla_state (list[GetTicketsSlaStateItem] | Unset):
        assigned_to (list[str] | Unset):
        assigned_team (list[str] | Unset):
        project_id (list[str] | Unset):
        tags (list[str] | Unset):
        drop_number (str | Unset):
        address (str | Unset):
        client_phone (str | Unset):
        client_name (str | Unset):
        overdue (bool | Unset):
        sla_breached (bool | Unset):
        created_at_from (datetime.datetime | Unset):
        created_at_to (datetime.datetime | Unset):
        updated_at_from (datetime.datetime | Unset):
        updated_at_to (datetime.datetime | Unset):
        due_at_from (datetime.datetime | Unset):
        due_at_to (datetime.datetime | Unset):
        deleted (GetTicketsDeleted | Unset):  Default: GetTicketsDeleted.FALSE.
        q (str | Unset):
        sort (list[GetTicketsSortItem] | Unset):  Example: ['-created_at'].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | TicketList
     """


    return (await asyncio_detailed(
        client=client,
page=page,
limit=limit,
status=status,
type_=type_,
priority=priority,
source=source,
category=category,
zone=zone,
billing_type=billing_type,
billing_status=billing_status,
issue_type=issue_type,
sla_state=sla_state,
assigned_to=assigned_to,
assigned_team=assigned_team,
project_id=project_id,
tags=tags,
drop_number=drop_number,
address=address,
client_phone=client_phone,
client_name=client_name,
overdue=overdue,
sla_breached=sla_breached,
created_at_from=created_at_from,
created_at_to=created_at_to,
updated_at_from=updated_at_from,
updated_at_to=updated_at_to,
due_at_from=due_at_from,
due_at_to=due_at_to,
deleted=deleted,
q=q,
sort=sort,

    )).parsed
