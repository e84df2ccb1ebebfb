from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.get_qcontact_failures_operation_item import GetQcontactFailuresOperationItem
from ...models.get_qcontact_failures_state_item import GetQcontactFailuresStateItem
from ...models.q_contact_failure_list_envelope import QContactFailureListEnvelope
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    page: int | Unset = 1,
    limit: int | Unset = 50,
    state: list[GetQcontactFailuresStateItem] | Unset = UNSET,
    operation: list[GetQcontactFailuresOperationItem] | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["page"] = page

    params["limit"] = limit

    json_state: list[str] | Unset = UNSET
    if not isinstance(state, Unset):
        json_state = []
        for state_item_data in state:
            state_item = state_item_data.value
            json_state.append(state_item)


    params["state"] = json_state

    json_operation: list[str] | Unset = UNSET
    if not isinstance(operation, Unset):
        json_operation = []
        for operation_item_data in operation:
            operation_item = operation_item_data.value
            json_operation.append(operation_item)


    params["operation"] = json_operation


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/qcontact/failures",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorEnvelope | QContactFailureListEnvelope:
    if response.status_code == 200:
        response_200 = QContactFailureListEnvelope.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorEnvelope | QContactFailureListEnvelope]:
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
    state: list[GetQcontactFailuresStateItem] | Unset = UNSET,
    operation: list[GetQcontactFailuresOperationItem] | Unset = UNSET,

) -> Response[ErrorEnvelope | QContactFailureListEnvelope]:
    """ Sync failures (default: the unresolved ones, retrying or given up).

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        state (list[GetQcontactFailuresStateItem] | Unset):
        operation (list[GetQcontactFailuresOperationItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | QContactFailureListEnvelope]
     """


    kwargs = _get_kwargs(
        page=page,
limit=limit,
state=state,
operation=operation,

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
    state: list[GetQcontactFailuresStateItem] | Unset = UNSET,
    operation: list[GetQcontactFailuresOperationItem] | Unset = UNSET,

) -> ErrorEnvelope | QContactFailureListEnvelope | None:
    """ Sync failures (default: the unresolved ones, retrying or given up).

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        state (list[GetQcontactFailuresStateItem] | Unset):
        operation (list[GetQcontactFailuresOperationItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | QContactFailureListEnvelope
     """


    return sync_detailed(
        client=client,
page=page,
limit=limit,
state=state,
operation=operation,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    limit: int | Unset = 50,
    state: list[GetQcontactFailuresStateItem] | Unset = UNSET,
    operation: list[GetQcontactFailuresOperationItem] | Unset = UNSET,

) -> Response[ErrorEnvelope | QContactFailureListEnvelope]:
    """ Sync failures (default: the unresolved ones, retrying or given up).

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        state (list[GetQcontactFailuresStateItem] | Unset):
        operation (list[GetQcontactFailuresOperationItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | QContactFailureListEnvelope]
     """


    kwargs = _get_kwargs(
        page=page,
limit=limit,
state=state,
operation=operation,

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
    state: list[GetQcontactFailuresStateItem] | Unset = UNSET,
    operation: list[GetQcontactFailuresOperationItem] | Unset = UNSET,

) -> ErrorEnvelope | QContactFailureListEnvelope | None:
    """ Sync failures (default: the unresolved ones, retrying or given up).

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        state (list[GetQcontactFailuresStateItem] | Unset):
        operation (list[GetQcontactFailuresOperationItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | QContactFailureListEnvelope
     """


    return (await asyncio_detailed(
        client=client,
page=page,
limit=limit,
state=state,
operation=operation,

    )).parsed
