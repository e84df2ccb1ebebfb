from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.fibertime_webhook import FibertimeWebhook
from ...models.fibertime_webhook_result_envelope import FibertimeWebhookResultEnvelope
from typing import cast



def _get_kwargs(
    *,
    body: FibertimeWebhook,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/tickets/webhook/fibertime",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | ErrorEnvelope | FibertimeWebhookResultEnvelope:
    if response.status_code == 200:
        response_200 = FibertimeWebhookResultEnvelope.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | ErrorEnvelope | FibertimeWebhookResultEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: FibertimeWebhook,

) -> Response[Any | ErrorEnvelope | FibertimeWebhookResultEnvelope]:
    """ Fibertime ticket webhook.

     Called by Fibertime (PRD §11.1, no user token). Header `X-FT-Signature: t=<unix seconds>,v1=<hex
    HMAC-SHA256 of "{t}.{body}">` with FIBERTIME_WEBHOOK_SECRET; stale (5 min) and replayed deliveries
    are refused. Creates the FT ticket, or mirrors a `ticket.updated`.

    Args:
        body (FibertimeWebhook):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | FibertimeWebhookResultEnvelope]
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
    body: FibertimeWebhook,

) -> Any | ErrorEnvelope | FibertimeWebhookResultEnvelope | None:
    """ Fibertime ticket webhook.

     Called by Fibertime (PRD §11.1, no user token). Header `X-FT-Signature: t=<unix seconds>,v1=<hex
    HMAC-SHA256 of "{t}.{body}">` with FIBERTIME_WEBHOOK_SECRET; stale (5 min) and replayed deliveries
    are refused. Creates the FT ticket, or mirrors a `ticket.updated`.

    Args:
        body (FibertimeWebhook):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | FibertimeWebhookResultEnvelope
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: FibertimeWebhook,

) -> Response[Any | ErrorEnvelope | FibertimeWebhookResultEnvelope]:
    """ Fibertime ticket webhook.

     Called by Fibertime (PRD §11.1, no user token). Header `X-FT-Signature: t=<unix seconds>,v1=<hex
    HMAC-SHA256 of "{t}.{body}">` with FIBERTIME_WEBHOOK_SECRET; stale (5 min) and replayed deliveries
    are refused. Creates the FT ticket, or mirrors a `ticket.updated`.

    Args:
        body (FibertimeWebhook):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | FibertimeWebhookResultEnvelope]
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
    body: FibertimeWebhook,

) -> Any | ErrorEnvelope | FibertimeWebhookResultEnvelope | None:
    """ Fibertime ticket webhook.

     Called by Fibertime (PRD §11.1, no user token). Header `X-FT-Signature: t=<unix seconds>,v1=<hex
    HMAC-SHA256 of "{t}.{body}">` with FIBERTIME_WEBHOOK_SECRET; stale (5 min) and replayed deliveries
    are refused. Creates the FT ticket, or mirrors a `ticket.updated`.

    Args:
        body (FibertimeWebhook):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | FibertimeWebhookResultEnvelope
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
