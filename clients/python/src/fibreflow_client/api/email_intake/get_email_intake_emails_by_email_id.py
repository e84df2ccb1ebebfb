from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.email_envelope import EmailEnvelope
from ...models.error_envelope import ErrorEnvelope
from typing import cast
from uuid import UUID



def _get_kwargs(
    email_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/email-intake/emails/{email_id}".format(email_id=quote(str(email_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | EmailEnvelope | ErrorEnvelope:
    if response.status_code == 200:
        response_200 = EmailEnvelope.from_dict(response.json())



        return response_200

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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | EmailEnvelope | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    email_id: UUID,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Any | EmailEnvelope | ErrorEnvelope]:
    """ One email: decision, extracted fields, cleaned and original text, attachments.

    Args:
        email_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | EmailEnvelope | ErrorEnvelope]
     """


    kwargs = _get_kwargs(
        email_id=email_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    email_id: UUID,
    *,
    client: AuthenticatedClient | Client,

) -> Any | EmailEnvelope | ErrorEnvelope | None:
    """ One email: decision, extracted fields, cleaned and original text, attachments.

    Args:
        email_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | EmailEnvelope | ErrorEnvelope
     """


    return sync_detailed(
        email_id=email_id,
client=client,

    ).parsed

async def asyncio_detailed(
    email_id: UUID,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Any | EmailEnvelope | ErrorEnvelope]:
    """ One email: decision, extracted fields, cleaned and original text, attachments.

    Args:
        email_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | EmailEnvelope | ErrorEnvelope]
     """


    kwargs = _get_kwargs(
        email_id=email_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    email_id: UUID,
    *,
    client: AuthenticatedClient | Client,

) -> Any | EmailEnvelope | ErrorEnvelope | None:
    """ One email: decision, extracted fields, cleaned and original text, attachments.

    Args:
        email_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | EmailEnvelope | ErrorEnvelope
     """


    return (await asyncio_detailed(
        email_id=email_id,
client=client,

    )).parsed
