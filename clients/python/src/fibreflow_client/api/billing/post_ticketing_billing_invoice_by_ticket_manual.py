from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.manual_invoice import ManualInvoice
from ...models.ticket_billing_envelope import TicketBillingEnvelope
from typing import cast



def _get_kwargs(
    ticket: str,
    *,
    body: ManualInvoice,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/ticketing/billing/invoice/{ticket}/manual".format(ticket=quote(str(ticket), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | ErrorEnvelope | TicketBillingEnvelope:
    if response.status_code == 200:
        response_200 = TicketBillingEnvelope.from_dict(response.json())



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

    if response.status_code == 409:
        response_409 = cast(Any, None)
        return response_409

    if response.status_code == 422:
        response_422 = cast(Any, None)
        return response_422

    if response.status_code == 429:
        response_429 = ErrorEnvelope.from_dict(response.json())



        return response_429

    response_default = ErrorEnvelope.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | ErrorEnvelope | TicketBillingEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    ticket: str,
    *,
    client: AuthenticatedClient | Client,
    body: ManualInvoice,

) -> Response[Any | ErrorEnvelope | TicketBillingEnvelope]:
    """ Record an invoice created by hand in the invoicing system (manual override).

    Args:
        ticket (str):
        body (ManualInvoice):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | TicketBillingEnvelope]
     """


    kwargs = _get_kwargs(
        ticket=ticket,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    ticket: str,
    *,
    client: AuthenticatedClient | Client,
    body: ManualInvoice,

) -> Any | ErrorEnvelope | TicketBillingEnvelope | None:
    """ Record an invoice created by hand in the invoicing system (manual override).

    Args:
        ticket (str):
        body (ManualInvoice):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | TicketBillingEnvelope
     """


    return sync_detailed(
        ticket=ticket,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    ticket: str,
    *,
    client: AuthenticatedClient | Client,
    body: ManualInvoice,

) -> Response[Any | ErrorEnvelope | TicketBillingEnvelope]:
    """ Record an invoice created by hand in the invoicing system (manual override).

    Args:
        ticket (str):
        body (ManualInvoice):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | TicketBillingEnvelope]
     """


    kwargs = _get_kwargs(
        ticket=ticket,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    ticket: str,
    *,
    client: AuthenticatedClient | Client,
    body: ManualInvoice,

) -> Any | ErrorEnvelope | TicketBillingEnvelope | None:
    """ Record an invoice created by hand in the invoicing system (manual override).

    Args:
        ticket (str):
        body (ManualInvoice):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | TicketBillingEnvelope
     """


    return (await asyncio_detailed(
        ticket=ticket,
client=client,
body=body,

    )).parsed
