from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.inbound_envelope import InboundEnvelope
from ...models.post_email_intake_inbound_mailgun_body import PostEmailIntakeInboundMailgunBody
from typing import cast



def _get_kwargs(
    *,
    body: PostEmailIntakeInboundMailgunBody,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/email-intake/inbound/mailgun",
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | ErrorEnvelope | InboundEnvelope:
    if response.status_code == 200:
        response_200 = InboundEnvelope.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = ErrorEnvelope.from_dict(response.json())



        return response_400

    if response.status_code == 403:
        response_403 = cast(Any, None)
        return response_403

    if response.status_code == 409:
        response_409 = cast(Any, None)
        return response_409

    if response.status_code == 429:
        response_429 = ErrorEnvelope.from_dict(response.json())



        return response_429

    response_default = ErrorEnvelope.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | ErrorEnvelope | InboundEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PostEmailIntakeInboundMailgunBody,

) -> Response[Any | ErrorEnvelope | InboundEnvelope]:
    """ Mailgun route (raw body-mime or parsed fields)

     signature = hex HMAC-SHA256(signing key, timestamp + token); each token once

    Args:
        body (PostEmailIntakeInboundMailgunBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | InboundEnvelope]
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
    body: PostEmailIntakeInboundMailgunBody,

) -> Any | ErrorEnvelope | InboundEnvelope | None:
    """ Mailgun route (raw body-mime or parsed fields)

     signature = hex HMAC-SHA256(signing key, timestamp + token); each token once

    Args:
        body (PostEmailIntakeInboundMailgunBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | InboundEnvelope
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PostEmailIntakeInboundMailgunBody,

) -> Response[Any | ErrorEnvelope | InboundEnvelope]:
    """ Mailgun route (raw body-mime or parsed fields)

     signature = hex HMAC-SHA256(signing key, timestamp + token); each token once

    Args:
        body (PostEmailIntakeInboundMailgunBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | InboundEnvelope]
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
    body: PostEmailIntakeInboundMailgunBody,

) -> Any | ErrorEnvelope | InboundEnvelope | None:
    """ Mailgun route (raw body-mime or parsed fields)

     signature = hex HMAC-SHA256(signing key, timestamp + token); each token once

    Args:
        body (PostEmailIntakeInboundMailgunBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | InboundEnvelope
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
