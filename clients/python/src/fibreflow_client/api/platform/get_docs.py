from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_envelope import ErrorEnvelope
from ...models.get_docs_response_200 import GetDocsResponse200
from typing import cast



def _get_kwargs(
    
) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/docs",
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorEnvelope | GetDocsResponse200:
    if response.status_code == 200:
        response_200 = GetDocsResponse200.from_dict(response.json())



        return response_200

    if response.status_code == 429:
        response_429 = ErrorEnvelope.from_dict(response.json())



        return response_429

    response_default = ErrorEnvelope.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorEnvelope | GetDocsResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,

) -> Response[ErrorEnvelope | GetDocsResponse200]:
    """ The whole public API: the gateway's own spec merged with every reachable service's.

     Returned as a plain OpenAPI document (not enveloped) so Swagger UI can load it (the
    reference page is /api/docs/ui); ``x-fibreflow-services.missing`` lists services that are
    down or not deployed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | GetDocsResponse200]
     """


    kwargs = _get_kwargs(
        
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,

) -> ErrorEnvelope | GetDocsResponse200 | None:
    """ The whole public API: the gateway's own spec merged with every reachable service's.

     Returned as a plain OpenAPI document (not enveloped) so Swagger UI can load it (the
    reference page is /api/docs/ui); ``x-fibreflow-services.missing`` lists services that are
    down or not deployed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | GetDocsResponse200
     """


    return sync_detailed(
        client=client,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,

) -> Response[ErrorEnvelope | GetDocsResponse200]:
    """ The whole public API: the gateway's own spec merged with every reachable service's.

     Returned as a plain OpenAPI document (not enveloped) so Swagger UI can load it (the
    reference page is /api/docs/ui); ``x-fibreflow-services.missing`` lists services that are
    down or not deployed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | GetDocsResponse200]
     """


    kwargs = _get_kwargs(
        
    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,

) -> ErrorEnvelope | GetDocsResponse200 | None:
    """ The whole public API: the gateway's own spec merged with every reachable service's.

     Returned as a plain OpenAPI document (not enveloped) so Swagger UI can load it (the
    reference page is /api/docs/ui); ``x-fibreflow-services.missing`` lists services that are
    down or not deployed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | GetDocsResponse200
     """


    return (await asyncio_detailed(
        client=client,

    )).parsed
