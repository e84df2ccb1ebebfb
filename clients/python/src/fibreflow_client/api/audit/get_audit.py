from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.audit_page_envelope import AuditPageEnvelope
from ...models.error_envelope import ErrorEnvelope
from ...models.get_audit_action_item import GetAuditActionItem
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    page: int | Unset = 1,
    limit: int | Unset = 50,
    action: list[GetAuditActionItem] | Unset = UNSET,
    service: str | Unset = UNSET,
    actor_id: str | Unset = UNSET,
    target_type: str | Unset = UNSET,
    target_id: str | Unset = UNSET,
    request_id: str | Unset = UNSET,
    occurred_at_from: datetime.datetime | Unset = UNSET,
    occurred_at_to: datetime.datetime | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["page"] = page

    params["limit"] = limit

    json_action: list[str] | Unset = UNSET
    if not isinstance(action, Unset):
        json_action = []
        for action_item_data in action:
            action_item = action_item_data.value
            json_action.append(action_item)


    params["action"] = json_action

    params["service"] = service

    params["actor_id"] = actor_id

    params["target_type"] = target_type

    params["target_id"] = target_id

    params["request_id"] = request_id

    json_occurred_at_from: str | Unset = UNSET
    if not isinstance(occurred_at_from, Unset):
        json_occurred_at_from = occurred_at_from.isoformat()
    params["occurred_at_from"] = json_occurred_at_from

    json_occurred_at_to: str | Unset = UNSET
    if not isinstance(occurred_at_to, Unset):
        json_occurred_at_to = occurred_at_to.isoformat()
    params["occurred_at_to"] = json_occurred_at_to


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/audit",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AuditPageEnvelope | ErrorEnvelope:
    if response.status_code == 200:
        response_200 = AuditPageEnvelope.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AuditPageEnvelope | ErrorEnvelope]:
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
    action: list[GetAuditActionItem] | Unset = UNSET,
    service: str | Unset = UNSET,
    actor_id: str | Unset = UNSET,
    target_type: str | Unset = UNSET,
    target_id: str | Unset = UNSET,
    request_id: str | Unset = UNSET,
    occurred_at_from: datetime.datetime | Unset = UNSET,
    occurred_at_to: datetime.datetime | Unset = UNSET,

) -> Response[AuditPageEnvelope | ErrorEnvelope]:
    """ Audit records, newest first, filtered by action, service, actor, target, request or time.

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        action (list[GetAuditActionItem] | Unset):
        service (str | Unset):
        actor_id (str | Unset):
        target_type (str | Unset):
        target_id (str | Unset):
        request_id (str | Unset):
        occurred_at_from (datetime.datetime | Unset):
        occurred_at_to (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditPageEnvelope | ErrorEnvelope]
     """


    kwargs = _get_kwargs(
        page=page,
limit=limit,
action=action,
service=service,
actor_id=actor_id,
target_type=target_type,
target_id=target_id,
request_id=request_id,
occurred_at_from=occurred_at_from,
occurred_at_to=occurred_at_to,

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
    action: list[GetAuditActionItem] | Unset = UNSET,
    service: str | Unset = UNSET,
    actor_id: str | Unset = UNSET,
    target_type: str | Unset = UNSET,
    target_id: str | Unset = UNSET,
    request_id: str | Unset = UNSET,
    occurred_at_from: datetime.datetime | Unset = UNSET,
    occurred_at_to: datetime.datetime | Unset = UNSET,

) -> AuditPageEnvelope | ErrorEnvelope | None:
    """ Audit records, newest first, filtered by action, service, actor, target, request or time.

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        action (list[GetAuditActionItem] | Unset):
        service (str | Unset):
        actor_id (str | Unset):
        target_type (str | Unset):
        target_id (str | Unset):
        request_id (str | Unset):
        occurred_at_from (datetime.datetime | Unset):
        occurred_at_to (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditPageEnvelope | ErrorEnvelope
     """


    return sync_detailed(
        client=client,
page=page,
limit=limit,
action=action,
service=service,
actor_id=actor_id,
target_type=target_type,
target_id=target_id,
request_id=request_id,
occurred_at_from=occurred_at_from,
occurred_at_to=occurred_at_to,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    limit: int | Unset = 50,
    action: list[GetAuditActionItem] | Unset = UNSET,
    service: str | Unset = UNSET,
    actor_id: str | Unset = UNSET,
    target_type: str | Unset = UNSET,
    target_id: str | Unset = UNSET,
    request_id: str | Unset = UNSET,
    occurred_at_from: datetime.datetime | Unset = UNSET,
    occurred_at_to: datetime.datetime | Unset = UNSET,

) -> Response[AuditPageEnvelope | ErrorEnvelope]:
    """ Audit records, newest first, filtered by action, service, actor, target, request or time.

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        action (list[GetAuditActionItem] | Unset):
        service (str | Unset):
        actor_id (str | Unset):
        target_type (str | Unset):
        target_id (str | Unset):
        request_id (str | Unset):
        occurred_at_from (datetime.datetime | Unset):
        occurred_at_to (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditPageEnvelope | ErrorEnvelope]
     """


    kwargs = _get_kwargs(
        page=page,
limit=limit,
action=action,
service=service,
actor_id=actor_id,
target_type=target_type,
target_id=target_id,
request_id=request_id,
occurred_at_from=occurred_at_from,
occurred_at_to=occurred_at_to,

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
    action: list[GetAuditActionItem] | Unset = UNSET,
    service: str | Unset = UNSET,
    actor_id: str | Unset = UNSET,
    target_type: str | Unset = UNSET,
    target_id: str | Unset = UNSET,
    request_id: str | Unset = UNSET,
    occurred_at_from: datetime.datetime | Unset = UNSET,
    occurred_at_to: datetime.datetime | Unset = UNSET,

) -> AuditPageEnvelope | ErrorEnvelope | None:
    """ Audit records, newest first, filtered by action, service, actor, target, request or time.

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        action (list[GetAuditActionItem] | Unset):
        service (str | Unset):
        actor_id (str | Unset):
        target_type (str | Unset):
        target_id (str | Unset):
        request_id (str | Unset):
        occurred_at_from (datetime.datetime | Unset):
        occurred_at_to (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditPageEnvelope | ErrorEnvelope
     """


    return (await asyncio_detailed(
        client=client,
page=page,
limit=limit,
action=action,
service=service,
actor_id=actor_id,
target_type=target_type,
target_id=target_id,
request_id=request_id,
occurred_at_from=occurred_at_from,
occurred_at_to=occurred_at_to,

    )).parsed
