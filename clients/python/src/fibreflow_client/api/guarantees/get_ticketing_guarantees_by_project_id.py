from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.guarantee_envelope import GuaranteeEnvelope
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    project_id: str,
    *,
    install_date: datetime.date | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_install_date: str | Unset = UNSET
    if not isinstance(install_date, Unset):
        json_install_date = install_date.isoformat()
    params["install_date"] = json_install_date


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/ticketing/guarantees/{project_id}".format(project_id=quote(str(project_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | ErrorEnvelope | GuaranteeEnvelope:
    if response.status_code == 200:
        response_200 = GuaranteeEnvelope.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | ErrorEnvelope | GuaranteeEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    project_id: str,
    *,
    client: AuthenticatedClient | Client,
    install_date: datetime.date | Unset = UNSET,

) -> Response[Any | ErrorEnvelope | GuaranteeEnvelope]:
    """ A project's guarantee; with ``install_date`` also the expiry it gives.

    Args:
        project_id (str):
        install_date (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | GuaranteeEnvelope]
     """


    kwargs = _get_kwargs(
        project_id=project_id,
install_date=install_date,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    project_id: str,
    *,
    client: AuthenticatedClient | Client,
    install_date: datetime.date | Unset = UNSET,

) -> Any | ErrorEnvelope | GuaranteeEnvelope | None:
    """ A project's guarantee; with ``install_date`` also the expiry it gives.

    Args:
        project_id (str):
        install_date (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | GuaranteeEnvelope
     """


    return sync_detailed(
        project_id=project_id,
client=client,
install_date=install_date,

    ).parsed

async def asyncio_detailed(
    project_id: str,
    *,
    client: AuthenticatedClient | Client,
    install_date: datetime.date | Unset = UNSET,

) -> Response[Any | ErrorEnvelope | GuaranteeEnvelope]:
    """ A project's guarantee; with ``install_date`` also the expiry it gives.

    Args:
        project_id (str):
        install_date (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | GuaranteeEnvelope]
     """


    kwargs = _get_kwargs(
        project_id=project_id,
install_date=install_date,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    project_id: str,
    *,
    client: AuthenticatedClient | Client,
    install_date: datetime.date | Unset = UNSET,

) -> Any | ErrorEnvelope | GuaranteeEnvelope | None:
    """ A project's guarantee; with ``install_date`` also the expiry it gives.

    Args:
        project_id (str):
        install_date (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | GuaranteeEnvelope
     """


    return (await asyncio_detailed(
        project_id=project_id,
client=client,
install_date=install_date,

    )).parsed
