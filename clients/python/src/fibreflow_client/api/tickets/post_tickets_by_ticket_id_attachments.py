from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.attachment_envelope import AttachmentEnvelope
from ...models.error_envelope import ErrorEnvelope
from ...models.post_tickets_by_ticket_id_attachments_body import PostTicketsByTicketIdAttachmentsBody
from typing import cast



def _get_kwargs(
    ticket_id: str,
    *,
    body: PostTicketsByTicketIdAttachmentsBody,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/tickets/{ticket_id}/attachments".format(ticket_id=quote(str(ticket_id), safe=""),),
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | AttachmentEnvelope | ErrorEnvelope:
    if response.status_code == 201:
        response_201 = AttachmentEnvelope.from_dict(response.json())



        return response_201

    if response.status_code == 400:
        response_400 = ErrorEnvelope.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = ErrorEnvelope.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = ErrorEnvelope.from_dict(response.json())



        return response_403

    if response.status_code == 413:
        response_413 = cast(Any, None)
        return response_413

    if response.status_code == 415:
        response_415 = cast(Any, None)
        return response_415

    if response.status_code == 429:
        response_429 = ErrorEnvelope.from_dict(response.json())



        return response_429

    if response.status_code == 503:
        response_503 = cast(Any, None)
        return response_503

    response_default = ErrorEnvelope.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | AttachmentEnvelope | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    ticket_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PostTicketsByTicketIdAttachmentsBody,

) -> Response[Any | AttachmentEnvelope | ErrorEnvelope]:
    """ Upload one file (multipart field ``file``).

    Args:
        ticket_id (str):
        body (PostTicketsByTicketIdAttachmentsBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | AttachmentEnvelope | ErrorEnvelope]
     """


    kwargs = _get_kwargs(
        ticket_id=ticket_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    ticket_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PostTicketsByTicketIdAttachmentsBody,

) -> Any | AttachmentEnvelope | ErrorEnvelope | None:
    """ Upload one file (multipart field ``file``).

    Args:
        ticket_id (str):
        body (PostTicketsByTicketIdAttachmentsBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | AttachmentEnvelope | ErrorEnvelope
     """


    return sync_detailed(
        ticket_id=ticket_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    ticket_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PostTicketsByTicketIdAttachmentsBody,

) -> Response[Any | AttachmentEnvelope | ErrorEnvelope]:
    """ Upload one file (multipart field ``file``).

    Args:
        ticket_id (str):
        body (PostTicketsByTicketIdAttachmentsBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | AttachmentEnvelope | ErrorEnvelope]
     """


    kwargs = _get_kwargs(
        ticket_id=ticket_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    ticket_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PostTicketsByTicketIdAttachmentsBody,

) -> Any | AttachmentEnvelope | ErrorEnvelope | None:
    """ Upload one file (multipart field ``file``).

    Args:
        ticket_id (str):
        body (PostTicketsByTicketIdAttachmentsBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | AttachmentEnvelope | ErrorEnvelope
     """


    return (await asyncio_detailed(
        ticket_id=ticket_id,
client=client,
body=body,

    )).parsed
