from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.email_list_envelope import EmailListEnvelope
from ...models.error_envelope import ErrorEnvelope
from ...models.get_email_intake_review_sort_item import GetEmailIntakeReviewSortItem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    page: int | Unset = 1,
    limit: int | Unset = 50,
    sort: list[GetEmailIntakeReviewSortItem] | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["page"] = page

    params["limit"] = limit

    json_sort: list[str] | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = []
        for sort_item_data in sort:
            sort_item = sort_item_data.value
            json_sort.append(sort_item)


    params["sort"] = json_sort


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/email-intake/review",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> EmailListEnvelope | ErrorEnvelope:
    if response.status_code == 200:
        response_200 = EmailListEnvelope.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[EmailListEnvelope | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    limit: int | Unset = 50,
    sort: list[GetEmailIntakeReviewSortItem] | Unset = UNSET,

) -> Response[EmailListEnvelope | ErrorEnvelope]:
    """ Emails waiting for a person (oldest first), each with the reason it waits.

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        sort (list[GetEmailIntakeReviewSortItem] | Unset):  Example: ['received_at'].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmailListEnvelope | ErrorEnvelope]
     """


    kwargs = _get_kwargs(
        page=page,
limit=limit,
sort=sort,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    limit: int | Unset = 50,
    sort: list[GetEmailIntakeReviewSortItem] | Unset = UNSET,

) -> EmailListEnvelope | ErrorEnvelope | None:
    """ Emails waiting for a person (oldest first), each with the reason it waits.

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        sort (list[GetEmailIntakeReviewSortItem] | Unset):  Example: ['received_at'].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmailListEnvelope | ErrorEnvelope
     """


    return sync_detailed(
        client=client,
page=page,
limit=limit,
sort=sort,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    limit: int | Unset = 50,
    sort: list[GetEmailIntakeReviewSortItem] | Unset = UNSET,

) -> Response[EmailListEnvelope | ErrorEnvelope]:
    """ Emails waiting for a person (oldest first), each with the reason it waits.

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        sort (list[GetEmailIntakeReviewSortItem] | Unset):  Example: ['received_at'].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmailListEnvelope | ErrorEnvelope]
     """


    kwargs = _get_kwargs(
        page=page,
limit=limit,
sort=sort,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    limit: int | Unset = 50,
    sort: list[GetEmailIntakeReviewSortItem] | Unset = UNSET,

) -> EmailListEnvelope | ErrorEnvelope | None:
    """ Emails waiting for a person (oldest first), each with the reason it waits.

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        sort (list[GetEmailIntakeReviewSortItem] | Unset):  Example: ['received_at'].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmailListEnvelope | ErrorEnvelope
     """


    return (await asyncio_detailed(
        client=client,
page=page,
limit=limit,
sort=sort,

    )).parsed
