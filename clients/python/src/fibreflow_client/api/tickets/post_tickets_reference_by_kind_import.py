from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.import_result_envelope import ImportResultEnvelope
from ...models.post_tickets_reference_by_kind_import_json_body_item import PostTicketsReferenceByKindImportJsonBodyItem
from typing import cast



def _get_kwargs(
    kind: str,
    *,
    body: list[PostTicketsReferenceByKindImportJsonBodyItem],

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/tickets/reference/{kind}/import".format(kind=quote(str(kind), safe=""),),
    }

    _kwargs["json"] = []
    for body_item_data in body:
        body_item = body_item_data.to_dict()
        _kwargs["json"].append(body_item)



    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorEnvelope | ImportResultEnvelope:
    if response.status_code == 200:
        response_200 = ImportResultEnvelope.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorEnvelope | ImportResultEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    kind: str,
    *,
    client: AuthenticatedClient | Client,
    body: list[PostTicketsReferenceByKindImportJsonBodyItem],

) -> Response[ErrorEnvelope | ImportResultEnvelope]:
    """ Upsert projects, poles or drops from a JSON list or CSV (all rows valid, or none written).

    Args:
        kind (str):
        body (list[PostTicketsReferenceByKindImportJsonBodyItem]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ImportResultEnvelope]
     """


    kwargs = _get_kwargs(
        kind=kind,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    kind: str,
    *,
    client: AuthenticatedClient | Client,
    body: list[PostTicketsReferenceByKindImportJsonBodyItem],

) -> ErrorEnvelope | ImportResultEnvelope | None:
    """ Upsert projects, poles or drops from a JSON list or CSV (all rows valid, or none written).

    Args:
        kind (str):
        body (list[PostTicketsReferenceByKindImportJsonBodyItem]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ImportResultEnvelope
     """


    return sync_detailed(
        kind=kind,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    kind: str,
    *,
    client: AuthenticatedClient | Client,
    body: list[PostTicketsReferenceByKindImportJsonBodyItem],

) -> Response[ErrorEnvelope | ImportResultEnvelope]:
    """ Upsert projects, poles or drops from a JSON list or CSV (all rows valid, or none written).

    Args:
        kind (str):
        body (list[PostTicketsReferenceByKindImportJsonBodyItem]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ImportResultEnvelope]
     """


    kwargs = _get_kwargs(
        kind=kind,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    kind: str,
    *,
    client: AuthenticatedClient | Client,
    body: list[PostTicketsReferenceByKindImportJsonBodyItem],

) -> ErrorEnvelope | ImportResultEnvelope | None:
    """ Upsert projects, poles or drops from a JSON list or CSV (all rows valid, or none written).

    Args:
        kind (str):
        body (list[PostTicketsReferenceByKindImportJsonBodyItem]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ImportResultEnvelope
     """


    return (await asyncio_detailed(
        kind=kind,
client=client,
body=body,

    )).parsed
