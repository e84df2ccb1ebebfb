from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.invoice_webhook import InvoiceWebhook
from ...models.webhook_result_envelope import WebhookResultEnvelope
from typing import cast



def _get_kwargs(
    *,
    body: InvoiceWebhook,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/ticketing/webhooks/invoice-status",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | ErrorEnvelope | WebhookResultEnvelope:
    if response.status_code == 200:
        response_200 = WebhookResultEnvelope.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = ErrorEnvelope.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = cast(Any, None)
        return response_401

    if response.status_code == 409:
        response_409 = cast(Any, None)
        return response_409

    if response.status_code == 429:
        response_429 = ErrorEnvelope.from_dict(response.json())



        return response_429

    response_default = ErrorEnvelope.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | ErrorEnvelope | WebhookResultEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: InvoiceWebhook,

) -> Response[Any | ErrorEnvelope | WebhookResultEnvelope]:
    """ Invoice status webhook (``invoice.paid`` marks the invoiced tickets paid).

     Called by the invoicing system (no user token). Signed Standard-Webhooks style: headers `webhook-
    id`, `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">`
    with INVOICING_WEBHOOK_SECRET. Body: PRD §11.6 invoice.paid.

    Args:
        body (InvoiceWebhook):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | WebhookResultEnvelope]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    body: InvoiceWebhook,

) -> Any | ErrorEnvelope | WebhookResultEnvelope | None:
    """ Invoice status webhook (``invoice.paid`` marks the invoiced tickets paid).

     Called by the invoicing system (no user token). Signed Standard-Webhooks style: headers `webhook-
    id`, `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">`
    with INVOICING_WEBHOOK_SECRET. Body: PRD §11.6 invoice.paid.

    Args:
        body (InvoiceWebhook):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | WebhookResultEnvelope
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: InvoiceWebhook,

) -> Response[Any | ErrorEnvelope | WebhookResultEnvelope]:
    """ Invoice status webhook (``invoice.paid`` marks the invoiced tickets paid).

     Called by the invoicing system (no user token). Signed Standard-Webhooks style: headers `webhook-
    id`, `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">`
    with INVOICING_WEBHOOK_SECRET. Body: PRD §11.6 invoice.paid.

    Args:
        body (InvoiceWebhook):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | WebhookResultEnvelope]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: InvoiceWebhook,

) -> Any | ErrorEnvelope | WebhookResultEnvelope | None:
    """ Invoice status webhook (``invoice.paid`` marks the invoiced tickets paid).

     Called by the invoicing system (no user token). Signed Standard-Webhooks style: headers `webhook-
    id`, `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">`
    with INVOICING_WEBHOOK_SECRET. Body: PRD §11.6 invoice.paid.

    Args:
        body (InvoiceWebhook):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | WebhookResultEnvelope
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
