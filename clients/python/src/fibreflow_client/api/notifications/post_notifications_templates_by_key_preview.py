from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.preview_envelope import PreviewEnvelope
from ...models.template_preview import TemplatePreview
from typing import cast



def _get_kwargs(
    key: str,
    *,
    body: TemplatePreview,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/notifications/templates/{key}/preview".format(key=quote(str(key), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | ErrorEnvelope | PreviewEnvelope:
    if response.status_code == 200:
        response_200 = PreviewEnvelope.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | ErrorEnvelope | PreviewEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    key: str,
    *,
    client: AuthenticatedClient | Client,
    body: TemplatePreview,

) -> Response[Any | ErrorEnvelope | PreviewEnvelope]:
    """ Render the stored template, or the one in the body, with sample data (+ `context`);
    SMS previews show encoding and segment count (400 when it does not render).

    Args:
        key (str):
        body (TemplatePreview):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | PreviewEnvelope]
     """


    kwargs = _get_kwargs(
        key=key,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    key: str,
    *,
    client: AuthenticatedClient | Client,
    body: TemplatePreview,

) -> Any | ErrorEnvelope | PreviewEnvelope | None:
    """ Render the stored template, or the one in the body, with sample data (+ `context`);
    SMS previews show encoding and segment count (400 when it does not render).

    Args:
        key (str):
        body (TemplatePreview):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | PreviewEnvelope
     """


    return sync_detailed(
        key=key,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    key: str,
    *,
    client: AuthenticatedClient | Client,
    body: TemplatePreview,

) -> Response[Any | ErrorEnvelope | PreviewEnvelope]:
    """ Render the stored template, or the one in the body, with sample data (+ `context`);
    SMS previews show encoding and segment count (400 when it does not render).

    Args:
        key (str):
        body (TemplatePreview):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | PreviewEnvelope]
     """


    kwargs = _get_kwargs(
        key=key,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    key: str,
    *,
    client: AuthenticatedClient | Client,
    body: TemplatePreview,

) -> Any | ErrorEnvelope | PreviewEnvelope | None:
    """ Render the stored template, or the one in the body, with sample data (+ `context`);
    SMS previews show encoding and segment count (400 when it does not render).

    Args:
        key (str):
        body (TemplatePreview):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | PreviewEnvelope
     """


    return (await asyncio_detailed(
        key=key,
client=client,
body=body,

    )).parsed
