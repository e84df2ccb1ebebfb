from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.email_list_envelope import EmailListEnvelope
from ...models.error_envelope import ErrorEnvelope
from ...models.get_email_intake_emails_channel_item import GetEmailIntakeEmailsChannelItem
from ...models.get_email_intake_emails_outcome_item import GetEmailIntakeEmailsOutcomeItem
from ...models.get_email_intake_emails_sort_item import GetEmailIntakeEmailsSortItem
from ...models.get_email_intake_emails_status_item import GetEmailIntakeEmailsStatusItem
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    page: int | Unset = 1,
    limit: int | Unset = 50,
    outcome: list[GetEmailIntakeEmailsOutcomeItem] | Unset = UNSET,
    channel: list[GetEmailIntakeEmailsChannelItem] | Unset = UNSET,
    rule: list[str] | Unset = UNSET,
    status: list[GetEmailIntakeEmailsStatusItem] | Unset = UNSET,
    ticket_uid: str | Unset = UNSET,
    sender: str | Unset = UNSET,
    received_at_from: datetime.datetime | Unset = UNSET,
    received_at_to: datetime.datetime | Unset = UNSET,
    sort: list[GetEmailIntakeEmailsSortItem] | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["page"] = page

    params["limit"] = limit

    json_outcome: list[str] | Unset = UNSET
    if not isinstance(outcome, Unset):
        json_outcome = []
        for outcome_item_data in outcome:
            outcome_item = outcome_item_data.value
            json_outcome.append(outcome_item)


    params["outcome"] = json_outcome

    json_channel: list[str] | Unset = UNSET
    if not isinstance(channel, Unset):
        json_channel = []
        for channel_item_data in channel:
            channel_item = channel_item_data.value
            json_channel.append(channel_item)


    params["channel"] = json_channel

    json_rule: list[str] | Unset = UNSET
    if not isinstance(rule, Unset):
        json_rule = rule


    params["rule"] = json_rule

    json_status: list[str] | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = []
        for status_item_data in status:
            status_item = status_item_data.value
            json_status.append(status_item)


    params["status"] = json_status

    params["ticket_uid"] = ticket_uid

    params["sender"] = sender

    json_received_at_from: str | Unset = UNSET
    if not isinstance(received_at_from, Unset):
        json_received_at_from = received_at_from.isoformat()
    params["received_at_from"] = json_received_at_from

    json_received_at_to: str | Unset = UNSET
    if not isinstance(received_at_to, Unset):
        json_received_at_to = received_at_to.isoformat()
    params["received_at_to"] = json_received_at_to

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
        "url": "/api/email-intake/emails",
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
    outcome: list[GetEmailIntakeEmailsOutcomeItem] | Unset = UNSET,
    channel: list[GetEmailIntakeEmailsChannelItem] | Unset = UNSET,
    rule: list[str] | Unset = UNSET,
    status: list[GetEmailIntakeEmailsStatusItem] | Unset = UNSET,
    ticket_uid: str | Unset = UNSET,
    sender: str | Unset = UNSET,
    received_at_from: datetime.datetime | Unset = UNSET,
    received_at_to: datetime.datetime | Unset = UNSET,
    sort: list[GetEmailIntakeEmailsSortItem] | Unset = UNSET,

) -> Response[EmailListEnvelope | ErrorEnvelope]:
    """ Every inbound email with its decision and reason (filter by outcome, channel, rule, sender, …).

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        outcome (list[GetEmailIntakeEmailsOutcomeItem] | Unset):
        channel (list[GetEmailIntakeEmailsChannelItem] | Unset):
        rule (list[str] | Unset):
        status (list[GetEmailIntakeEmailsStatusItem] | Unset):
        ticket_uid (str | Unset):  Example: EML-0042.
        sender (str | Unset):  Example: thabo@example.co.za.
        received_at_from (datetime.datetime | Unset):
        received_at_to (datetime.datetime | Unset):
        sort (list[GetEmailIntakeEmailsSortItem] | Unset):  Example: ['-received_at'].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmailListEnvelope | ErrorEnvelope]
     """


    kwargs = _get_kwargs(
        page=page,
limit=limit,
outcome=outcome,
channel=channel,
rule=rule,
status=status,
ticket_uid=ticket_uid,
sender=sender,
received_at_from=received_at_from,
received_at_to=received_at_to,
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
    outcome: list[GetEmailIntakeEmailsOutcomeItem] | Unset = UNSET,
    channel: list[GetEmailIntakeEmailsChannelItem] | Unset = UNSET,
    rule: list[str] | Unset = UNSET,
    status: list[GetEmailIntakeEmailsStatusItem] | Unset = UNSET,
    ticket_uid: str | Unset = UNSET,
    sender: str | Unset = UNSET,
    received_at_from: datetime.datetime | Unset = UNSET,
    received_at_to: datetime.datetime | Unset = UNSET,
    sort: list[GetEmailIntakeEmailsSortItem] | Unset = UNSET,

) -> EmailListEnvelope | ErrorEnvelope | None:
    """ Every inbound email with its decision and reason (filter by outcome, channel, rule, sender, …).

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        outcome (list[GetEmailIntakeEmailsOutcomeItem] | Unset):
        channel (list[GetEmailIntakeEmailsChannelItem] | Unset):
        rule (list[str] | Unset):
        status (list[GetEmailIntakeEmailsStatusItem] | Unset):
        ticket_uid (str | Unset):  Example: EML-0042.
        sender (str | Unset):  Example: thabo@example.co.za.
        received_at_from (datetime.datetime | Unset):
        received_at_to (datetime.datetime | Unset):
        sort (list[GetEmailIntakeEmailsSortItem] | Unset):  Example: ['-received_at'].

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
outcome=outcome,
channel=channel,
rule=rule,
status=status,
ticket_uid=ticket_uid,
sender=sender,
received_at_from=received_at_from,
received_at_to=received_at_to,
sort=sort,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    limit: int | Unset = 50,
    outcome: list[GetEmailIntakeEmailsOutcomeItem] | Unset = UNSET,
    channel: list[GetEmailIntakeEmailsChannelItem] | Unset = UNSET,
    rule: list[str] | Unset = UNSET,
    status: list[GetEmailIntakeEmailsStatusItem] | Unset = UNSET,
    ticket_uid: str | Unset = UNSET,
    sender: str | Unset = UNSET,
    received_at_from: datetime.datetime | Unset = UNSET,
    received_at_to: datetime.datetime | Unset = UNSET,
    sort: list[GetEmailIntakeEmailsSortItem] | Unset = UNSET,

) -> Response[EmailListEnvelope | ErrorEnvelope]:
    """ Every inbound email with its decision and reason (filter by outcome, channel, rule, sender, …).

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        outcome (list[GetEmailIntakeEmailsOutcomeItem] | Unset):
        channel (list[GetEmailIntakeEmailsChannelItem] | Unset):
        rule (list[str] | Unset):
        status (list[GetEmailIntakeEmailsStatusItem] | Unset):
        ticket_uid (str | Unset):  Example: EML-0042.
        sender (str | Unset):  Example: thabo@example.co.za.
        received_at_from (datetime.datetime | Unset):
        received_at_to (datetime.datetime | Unset):
        sort (list[GetEmailIntakeEmailsSortItem] | Unset):  Example: ['-received_at'].

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmailListEnvelope | ErrorEnvelope]
     """


    kwargs = _get_kwargs(
        page=page,
limit=limit,
outcome=outcome,
channel=channel,
rule=rule,
status=status,
ticket_uid=ticket_uid,
sender=sender,
received_at_from=received_at_from,
received_at_to=received_at_to,
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
    outcome: list[GetEmailIntakeEmailsOutcomeItem] | Unset = UNSET,
    channel: list[GetEmailIntakeEmailsChannelItem] | Unset = UNSET,
    rule: list[str] | Unset = UNSET,
    status: list[GetEmailIntakeEmailsStatusItem] | Unset = UNSET,
    ticket_uid: str | Unset = UNSET,
    sender: str | Unset = UNSET,
    received_at_from: datetime.datetime | Unset = UNSET,
    received_at_to: datetime.datetime | Unset = UNSET,
    sort: list[GetEmailIntakeEmailsSortItem] | Unset = UNSET,

) -> EmailListEnvelope | ErrorEnvelope | None:
    """ Every inbound email with its decision and reason (filter by outcome, channel, rule, sender, …).

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.
        outcome (list[GetEmailIntakeEmailsOutcomeItem] | Unset):
        channel (list[GetEmailIntakeEmailsChannelItem] | Unset):
        rule (list[str] | Unset):
        status (list[GetEmailIntakeEmailsStatusItem] | Unset):
        ticket_uid (str | Unset):  Example: EML-0042.
        sender (str | Unset):  Example: thabo@example.co.za.
        received_at_from (datetime.datetime | Unset):
        received_at_to (datetime.datetime | Unset):
        sort (list[GetEmailIntakeEmailsSortItem] | Unset):  Example: ['-received_at'].

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
outcome=outcome,
channel=channel,
rule=rule,
status=status,
ticket_uid=ticket_uid,
sender=sender,
received_at_from=received_at_from,
received_at_to=received_at_to,
sort=sort,

    )).parsed
