from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.contract_list_envelope import ContractListEnvelope
from ...models.error_envelope import ErrorEnvelope
from ...models.get_ticketing_contracts_contract_type_item import GetTicketingContractsContractTypeItem
from ...models.get_ticketing_contracts_sort_item import GetTicketingContractsSortItem
from ...models.get_ticketing_contracts_status_item import GetTicketingContractsStatusItem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    page: int | Unset = 1,
    limit: int | Unset = 50,
    client_id: list[str] | Unset = UNSET,
    status: list[GetTicketingContractsStatusItem] | Unset = UNSET,
    contract_type: list[GetTicketingContractsContractTypeItem] | Unset = UNSET,
    q: str | Unset = UNSET,
    include_archived: bool | Unset = False,
    sort: list[GetTicketingContractsSortItem] | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["page"] = page

    params["limit"] = limit

    json_client_id: list[str] | Unset = UNSET
    if not isinstance(client_id, Unset):
        json_client_id = client_id


    params["client_id"] = json_client_id

    json_status: list[str] | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = []
        for status_item_data in status:
            status_item = status_item_data.value
            json_status.append(status_item)


    params["status"] = json_status

    json_contract_type: list[str] | Unset = UNSET
    if not isinstance(contract_type, Unset):
        json_contract_type = []
        for contract_type_item_data in contract_type:
            contract_type_item = contract_type_item_data.value
            json_contract_type.append(contract_type_item)


    params["contract_type"] = json_contract_type

    params["q"] = q

    params["include_archived"] = include_archived

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
        "url": "/api/ticketing/contracts",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ContractListEnvelope | ErrorEnvelope:
    if response.status_code == 200:
        response_200 = ContractListEnvelope.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ContractListEnvelope | ErrorEnvelope]:
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
    client_id: list[str] | Unset = UNSET,
    status: list[GetTicketingContractsStatusItem] | Unset = UNSET,
    contract_type: list[GetTicketingContractsContractTypeItem] | Unset = UNSET,
    q: str | Unset = UNSET,
    include_archived: bool | Unset = False,
    sort: list[GetTicketingContractsSortItem] | Unset = UNSET,

) -> Response[ContractListEnvelope | ErrorEnvelope]:
    """ Client contracts, filtered by client, status (expiry applied), type, number.

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        client_id (list[str] | Unset):
        status (list[GetTicketingContractsStatusItem] | Unset):
        contract_type (list[GetTicketingContractsContractTypeItem] | Unset):
        q (str | Unset):
        include_archived (bool | Unset):  Default: False.
        sort (list[GetTicketingContractsSortItem] | Unset):  Example: ['-created_at'].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContractListEnvelope | ErrorEnvelope]
     """


    kwargs = _get_kwargs(
        page=page,
limit=limit,
client_id=client_id,
status=status,
contract_type=contract_type,
q=q,
include_archived=include_archived,
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
    client_id: list[str] | Unset = UNSET,
    status: list[GetTicketingContractsStatusItem] | Unset = UNSET,
    contract_type: list[GetTicketingContractsContractTypeItem] | Unset = UNSET,
    q: str | Unset = UNSET,
    include_archived: bool | Unset = False,
    sort: list[GetTicketingContractsSortItem] | Unset = UNSET,

) -> ContractListEnvelope | ErrorEnvelope | None:
    """ Client contracts, filtered by client, status (expiry applied), type, number.

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        client_id (list[str] | Unset):
        status (list[GetTicketingContractsStatusItem] | Unset):
        contract_type (list[GetTicketingContractsContractTypeItem] | Unset):
        q (str | Unset):
        include_archived (bool | Unset):  Default: False.
        sort (list[GetTicketingContractsSortItem] | Unset):  Example: ['-created_at'].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContractListEnvelope | ErrorEnvelope
     """


    return sync_detailed(
        client=client,
page=page,
limit=limit,
client_id=client_id,
status=status,
contract_type=contract_type,
q=q,
include_archived=include_archived,
sort=sort,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    limit: int | Unset = 50,
    client_id: list[str] | Unset = UNSET,
    status: list[GetTicketingContractsStatusItem] | Unset = UNSET,
    contract_type: list[GetTicketingContractsContractTypeItem] | Unset = UNSET,
    q: str | Unset = UNSET,
    include_archived: bool | Unset = False,
    sort: list[GetTicketingContractsSortItem] | Unset = UNSET,

) -> Response[ContractListEnvelope | ErrorEnvelope]:
    """ Client contracts, filtered by client, status (expiry applied), type, number.

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        client_id (list[str] | Unset):
        status (list[GetTicketingContractsStatusItem] | Unset):
        contract_type (list[GetTicketingContractsContractTypeItem] | Unset):
        q (str | Unset):
        include_archived (bool | Unset):  Default: False.
        sort (list[GetTicketingContractsSortItem] | Unset):  Example: ['-created_at'].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContractListEnvelope | ErrorEnvelope]
     """


    kwargs = _get_kwargs(
        page=page,
limit=limit,
client_id=client_id,
status=status,
contract_type=contract_type,
q=q,
include_archived=include_archived,
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
    client_id: list[str] | Unset = UNSET,
    status: list[GetTicketingContractsStatusItem] | Unset = UNSET,
    contract_type: list[GetTicketingContractsContractTypeItem] | Unset = UNSET,
    q: str | Unset = UNSET,
    include_archived: bool | Unset = False,
    sort: list[GetTicketingContractsSortItem] | Unset = UNSET,

) -> ContractListEnvelope | ErrorEnvelope | None:
    """ Client contracts, filtered by client, status (expiry applied), type, number.

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        client_id (list[str] | Unset):
        status (list[GetTicketingContractsStatusItem] | Unset):
        contract_type (list[GetTicketingContractsContractTypeItem] | Unset):
        q (str | Unset):
        include_archived (bool | Unset):  Default: False.
        sort (list[GetTicketingContractsSortItem] | Unset):  Example: ['-created_at'].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContractListEnvelope | ErrorEnvelope
     """


    return (await asyncio_detailed(
        client=client,
page=page,
limit=limit,
client_id=client_id,
status=status,
contract_type=contract_type,
q=q,
include_archived=include_archived,
sort=sort,

    )).parsed
