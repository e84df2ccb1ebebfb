from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.get_qcontact_cases_origin import GetQcontactCasesOrigin
from ...models.get_qcontact_cases_qc_status_item import GetQcontactCasesQcStatusItem
from ...models.q_contact_case_list_envelope import QContactCaseListEnvelope
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    page: int | Unset = 1,
    limit: int | Unset = 50,
    qc_status: list[GetQcontactCasesQcStatusItem] | Unset = UNSET,
    origin: GetQcontactCasesOrigin | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["page"] = page

    params["limit"] = limit

    json_qc_status: list[str] | Unset = UNSET
    if not isinstance(qc_status, Unset):
        json_qc_status = []
        for qc_status_item_data in qc_status:
            qc_status_item = qc_status_item_data.value
            json_qc_status.append(qc_status_item)


    params["qc_status"] = json_qc_status

    json_origin: str | Unset = UNSET
    if not isinstance(origin, Unset):
        json_origin = origin.value

    params["origin"] = json_origin


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/qcontact/cases",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorEnvelope | QContactCaseListEnvelope:
    if response.status_code == 200:
        response_200 = QContactCaseListEnvelope.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorEnvelope | QContactCaseListEnvelope]:
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
    qc_status: list[GetQcontactCasesQcStatusItem] | Unset = UNSET,
    origin: GetQcontactCasesOrigin | Unset = UNSET,

) -> Response[ErrorEnvelope | QContactCaseListEnvelope]:
    """ The case mirror (case id ↔ FT ticket, last values agreed), newest change first.

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        qc_status (list[GetQcontactCasesQcStatusItem] | Unset):
        origin (GetQcontactCasesOrigin | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | QContactCaseListEnvelope]
     """


    kwargs = _get_kwargs(
        page=page,
limit=limit,
qc_status=qc_status,
origin=origin,

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
    qc_status: list[GetQcontactCasesQcStatusItem] | Unset = UNSET,
    origin: GetQcontactCasesOrigin | Unset = UNSET,

) -> ErrorEnvelope | QContactCaseListEnvelope | None:
    """ The case mirror (case id ↔ FT ticket, last values agreed), newest change first.

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        qc_status (list[GetQcontactCasesQcStatusItem] | Unset):
        origin (GetQcontactCasesOrigin | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | QContactCaseListEnvelope
     """


    return sync_detailed(
        client=client,
page=page,
limit=limit,
qc_status=qc_status,
origin=origin,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    limit: int | Unset = 50,
    qc_status: list[GetQcontactCasesQcStatusItem] | Unset = UNSET,
    origin: GetQcontactCasesOrigin | Unset = UNSET,

) -> Response[ErrorEnvelope | QContactCaseListEnvelope]:
    """ The case mirror (case id ↔ FT ticket, last values agreed), newest change first.

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        qc_status (list[GetQcontactCasesQcStatusItem] | Unset):
        origin (GetQcontactCasesOrigin | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | QContactCaseListEnvelope]
     """


    kwargs = _get_kwargs(
        page=page,
limit=limit,
qc_status=qc_status,
origin=origin,

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
    qc_status: list[GetQcontactCasesQcStatusItem] | Unset = UNSET,
    origin: GetQcontactCasesOrigin | Unset = UNSET,

) -> ErrorEnvelope | QContactCaseListEnvelope | None:
    """ The case mirror (case id ↔ FT ticket, last values agreed), newest change first.

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        qc_status (list[GetQcontactCasesQcStatusItem] | Unset):
        origin (GetQcontactCasesOrigin | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | QContactCaseListEnvelope
     """


    return (await asyncio_detailed(
        client=client,
page=page,
limit=limit,
qc_status=qc_status,
origin=origin,

    )).parsed
