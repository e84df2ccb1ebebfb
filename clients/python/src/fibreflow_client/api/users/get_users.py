from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.get_users_roles_item import GetUsersRolesItem
from ...models.get_users_sort_item import GetUsersSortItem
from ...models.user_page_envelope import UserPageEnvelope
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    page: int | Unset = 1,
    limit: int | Unset = 50,
    roles: list[GetUsersRolesItem] | Unset = UNSET,
    active: bool | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: list[GetUsersSortItem] | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["page"] = page

    params["limit"] = limit

    json_roles: list[str] | Unset = UNSET
    if not isinstance(roles, Unset):
        json_roles = []
        for roles_item_data in roles:
            roles_item = roles_item_data.value
            json_roles.append(roles_item)


    params["roles"] = json_roles

    params["active"] = active

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
        "url": "/api/users",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorEnvelope | UserPageEnvelope:
    if response.status_code == 200:
        response_200 = UserPageEnvelope.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorEnvelope | UserPageEnvelope]:
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
    roles: list[GetUsersRolesItem] | Unset = UNSET,
    active: bool | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: list[GetUsersSortItem] | Unset = UNSET,

) -> Response[ErrorEnvelope | UserPageEnvelope]:
    """ List users. Team leads may call it with `roles=` and get active users, brief fields only.

     `role=` is the old name of `roles=` (answered with a `Deprecation` header).

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        roles (list[GetUsersRolesItem] | Unset):  Example: ['technician'].
        active (bool | Unset):
        q (str | Unset):
        sort (list[GetUsersSortItem] | Unset):  Example: ['username'].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | UserPageEnvelope]
     """


    kwargs = _get_kwargs(
        page=page,
limit=limit,
roles=roles,
active=active,
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
    roles: list[GetUsersRolesItem] | Unset = UNSET,
    active: bool | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: list[GetUsersSortItem] | Unset = UNSET,

) -> ErrorEnvelope | UserPageEnvelope | None:
    """ List users. Team leads may call it with `roles=` and get active users, brief fields only.

     `role=` is the old name of `roles=` (answered with a `Deprecation` header).

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        roles (list[GetUsersRolesItem] | Unset):  Example: ['technician'].
        active (bool | Unset):
        q (str | Unset):
        sort (list[GetUsersSortItem] | Unset):  Example: ['username'].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | UserPageEnvelope
     """


    return sync_detailed(
        client=client,
page=page,
limit=limit,
roles=roles,
active=active,
q=q,
sort=sort,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    limit: int | Unset = 50,
    roles: list[GetUsersRolesItem] | Unset = UNSET,
    active: bool | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: list[GetUsersSortItem] | Unset = UNSET,

) -> Response[ErrorEnvelope | UserPageEnvelope]:
    """ List users. Team leads may call it with `roles=` and get active users, brief fields only.

     `role=` is the old name of `roles=` (answered with a `Deprecation` header).

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        roles (list[GetUsersRolesItem] | Unset):  Example: ['technician'].
        active (bool | Unset):
        q (str | Unset):
        sort (list[GetUsersSortItem] | Unset):  Example: ['username'].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | UserPageEnvelope]
     """


    kwargs = _get_kwargs(
        page=page,
limit=limit,
roles=roles,
active=active,
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
    roles: list[GetUsersRolesItem] | Unset = UNSET,
    active: bool | Unset = UNSET,
    q: str | Unset = UNSET,
    sort: list[GetUsersSortItem] | Unset = UNSET,

) -> ErrorEnvelope | UserPageEnvelope | None:
    """ List users. Team leads may call it with `roles=` and get active users, brief fields only.

     `role=` is the old name of `roles=` (answered with a `Deprecation` header).

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        roles (list[GetUsersRolesItem] | Unset):  Example: ['technician'].
        active (bool | Unset):
        q (str | Unset):
        sort (list[GetUsersSortItem] | Unset):  Example: ['username'].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | UserPageEnvelope
     """


    return (await asyncio_detailed(
        client=client,
page=page,
limit=limit,
roles=roles,
active=active,
q=q,
sort=sort,

    )).parsed
