from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.get_qcontact_log_action_item import GetQcontactLogActionItem
from ...models.get_qcontact_log_direction_item import GetQcontactLogDirectionItem
from ...models.q_contact_log_list_envelope import QContactLogListEnvelope
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    page: int | Unset = 1,
    limit: int | Unset = 50,
    case_id: str | Unset = UNSET,
    ticket_uid: str | Unset = UNSET,
    action: list[GetQcontactLogActionItem] | Unset = UNSET,
    direction: list[GetQcontactLogDirectionItem] | Unset = UNSET,
    success: bool | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["page"] = page

    params["limit"] = limit

    params["case_id"] = case_id

    params["ticket_uid"] = ticket_uid

    json_action: list[str] | Unset = UNSET
    if not isinstance(action, Unset):
        json_action = []
        for action_item_data in action:
            action_item = action_item_data.value
            json_action.append(action_item)


    params["action"] = json_action

    json_direction: list[str] | Unset = UNSET
    if not isinstance(direction, Unset):
        json_direction = []
        for direction_item_data in direction:
            direction_item = direction_item_data.value
            json_direction.append(direction_item)


    params["direction"] = json_direction

    params["success"] = success


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/qcontact/log",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorEnvelope | QContactLogListEnvelope:
    if response.status_code == 200:
        response_200 = QContactLogListEnvelope.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorEnvelope | QContactLogListEnvelope]:
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
    case_id: str | Unset = UNSET,
    ticket_uid: str | Unset = UNSET,
    action: list[GetQcontactLogActionItem] | Unset = UNSET,
    direction: list[GetQcontactLogDirectionItem] | Unset = UNSET,
    success: bool | Unset = UNSET,

) -> Response[ErrorEnvelope | QContactLogListEnvelope]:
    """ The sync log, newest first (``action=conflict`` lists the conflicts QContact won).

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        case_id (str | Unset):
        ticket_uid (str | Unset):
        action (list[GetQcontactLogActionItem] | Unset):
        direction (list[GetQcontactLogDirectionItem] | Unset):
        success (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | QContactLogListEnvelope]
     """


    kwargs = _get_kwargs(
        page=page,
limit=limit,
case_id=case_id,
ticket_uid=ticket_uid,
action=action,
direction=direction,
success=success,

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
    case_id: str | Unset = UNSET,
    ticket_uid: str | Unset = UNSET,
    action: list[GetQcontactLogActionItem] | Unset = UNSET,
    direction: list[GetQcontactLogDirectionItem] | Unset = UNSET,
    success: bool | Unset = UNSET,

) -> ErrorEnvelope | QContactLogListEnvelope | None:
    """ The sync log, newest first (``action=conflict`` lists the conflicts QContact won).

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        case_id (str | Unset):
        ticket_uid (str | Unset):
        action (list[GetQcontactLogActionItem] | Unset):
        direction (list[GetQcontactLogDirectionItem] | Unset):
        success (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | QContactLogListEnvelope
     """


    return sync_detailed(
        client=client,
page=page,
limit=limit,
case_id=case_id,
ticket_uid=ticket_uid,
action=action,
direction=direction,
success=success,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    limit: int | Unset = 50,
    case_id: str | Unset = UNSET,
    ticket_uid: str | Unset = UNSET,
    action: list[GetQcontactLogActionItem] | Unset = UNSET,
    direction: list[GetQcontactLogDirectionItem] | Unset = UNSET,
    success: bool | Unset = UNSET,

) -> Response[ErrorEnvelope | QContactLogListEnvelope]:
    """ The sync log, newest first (``action=conflict`` lists the conflicts QContact won).

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        case_id (str | Unset):
        ticket_uid (str | Unset):
        action (list[GetQcontactLogActionItem] | Unset):
        direction (list[GetQcontactLogDirectionItem] | Unset):
        success (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | QContactLogListEnvelope]
     """


    kwargs = _get_kwargs(
        page=page,
limit=limit,
case_id=case_id,
ticket_uid=ticket_uid,
action=action,
direction=direction,
success=success,

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
    case_id: str | Unset = UNSET,
    ticket_uid: str | Unset = UNSET,
    action: list[GetQcontactLogActionItem] | Unset = UNSET,
    direction: list[GetQcontactLogDirectionItem] | Unset = UNSET,
    success: bool | Unset = UNSET,

) -> ErrorEnvelope | QContactLogListEnvelope | None:
    """ The sync log, newest first (``action=conflict`` lists the conflicts QContact won).

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        case_id (str | Unset):
        ticket_uid (str | Unset):
        action (list[GetQcontactLogActionItem] | Unset):
        direction (list[GetQcontactLogDirectionItem] | Unset):
        success (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | QContactLogListEnvelope
     """


    return (await asyncio_detailed(
        client=client,
page=page,
limit=limit,
case_id=case_id,
ticket_uid=ticket_uid,
action=action,
direction=direction,
success=success,

    )).parsed
