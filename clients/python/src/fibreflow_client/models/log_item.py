from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.log_item_channel import LogItemChannel
from ..models.log_item_status import LogItemStatus
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="LogItem")



@_attrs_define
class LogItem:
    """ 
        Attributes:
            attempts (int | Unset):  Example: 0.
            body (str | Unset):  Example: FibreFlow: billing complaint logged. Ref BILL-20261122-0001. Reply STATUS
                BILL-20261122-0001 for updates.
            channel (LogItemChannel | Unset):  Example: sms.
            created_at (datetime.datetime | Unset):
            critical (bool | Unset):  Example: False.
            delivered_at (datetime.datetime | None | Unset):
            error (None | str | Unset):
            failed_at (datetime.datetime | None | Unset):
            id (UUID | Unset):
            next_attempt_at (datetime.datetime | None | Unset):
            provider (None | str | Unset):  Example: twilio.
            provider_id (None | str | Unset):  Example: SM0f6c2b1e8a9d4c3b2a1f0e9d8c7b6a5f.
            recipient (str | Unset):  Example: +27821234567.
            recipient_user_id (None | Unset | UUID):
            sent_at (datetime.datetime | None | Unset):
            status (LogItemStatus | Unset):  Example: queued.
            subject (str | Unset):
            ticket_id (None | Unset | UUID):
            ticket_uid (None | str | Unset):  Example: BILL-20261122-0001.
            trigger_event_id (str | Unset):
            trigger_event_type (str | Unset):  Example: ticket.created.
            type_ (str | Unset): template key, e.g. billing_created.sms Example: billing_created.sms.
     """

    attempts: int | Unset = UNSET
    body: str | Unset = UNSET
    channel: LogItemChannel | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    critical: bool | Unset = UNSET
    delivered_at: datetime.datetime | None | Unset = UNSET
    error: None | str | Unset = UNSET
    failed_at: datetime.datetime | None | Unset = UNSET
    id: UUID | Unset = UNSET
    next_attempt_at: datetime.datetime | None | Unset = UNSET
    provider: None | str | Unset = UNSET
    provider_id: None | str | Unset = UNSET
    recipient: str | Unset = UNSET
    recipient_user_id: None | Unset | UUID = UNSET
    sent_at: datetime.datetime | None | Unset = UNSET
    status: LogItemStatus | Unset = UNSET
    subject: str | Unset = UNSET
    ticket_id: None | Unset | UUID = UNSET
    ticket_uid: None | str | Unset = UNSET
    trigger_event_id: str | Unset = UNSET
    trigger_event_type: str | Unset = UNSET
    type_: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        attempts = self.attempts

        body = self.body

        channel: str | Unset = UNSET
        if not isinstance(self.channel, Unset):
            channel = self.channel.value


        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        critical = self.critical

        delivered_at: None | str | Unset
        if isinstance(self.delivered_at, Unset):
            delivered_at = UNSET
        elif isinstance(self.delivered_at, datetime.datetime):
            delivered_at = self.delivered_at.isoformat()
        else:
            delivered_at = self.delivered_at

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        failed_at: None | str | Unset
        if isinstance(self.failed_at, Unset):
            failed_at = UNSET
        elif isinstance(self.failed_at, datetime.datetime):
            failed_at = self.failed_at.isoformat()
        else:
            failed_at = self.failed_at

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        next_attempt_at: None | str | Unset
        if isinstance(self.next_attempt_at, Unset):
            next_attempt_at = UNSET
        elif isinstance(self.next_attempt_at, datetime.datetime):
            next_attempt_at = self.next_attempt_at.isoformat()
        else:
            next_attempt_at = self.next_attempt_at

        provider: None | str | Unset
        if isinstance(self.provider, Unset):
            provider = UNSET
        else:
            provider = self.provider

        provider_id: None | str | Unset
        if isinstance(self.provider_id, Unset):
            provider_id = UNSET
        else:
            provider_id = self.provider_id

        recipient = self.recipient

        recipient_user_id: None | str | Unset
        if isinstance(self.recipient_user_id, Unset):
            recipient_user_id = UNSET
        elif isinstance(self.recipient_user_id, UUID):
            recipient_user_id = str(self.recipient_user_id)
        else:
            recipient_user_id = self.recipient_user_id

        sent_at: None | str | Unset
        if isinstance(self.sent_at, Unset):
            sent_at = UNSET
        elif isinstance(self.sent_at, datetime.datetime):
            sent_at = self.sent_at.isoformat()
        else:
            sent_at = self.sent_at

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value


        subject = self.subject

        ticket_id: None | str | Unset
        if isinstance(self.ticket_id, Unset):
            ticket_id = UNSET
        elif isinstance(self.ticket_id, UUID):
            ticket_id = str(self.ticket_id)
        else:
            ticket_id = self.ticket_id

        ticket_uid: None | str | Unset
        if isinstance(self.ticket_uid, Unset):
            ticket_uid = UNSET
        else:
            ticket_uid = self.ticket_uid

        trigger_event_id = self.trigger_event_id

        trigger_event_type = self.trigger_event_type

        type_ = self.type_


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if attempts is not UNSET:
            field_dict["attempts"] = attempts
        if body is not UNSET:
            field_dict["body"] = body
        if channel is not UNSET:
            field_dict["channel"] = channel
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if critical is not UNSET:
            field_dict["critical"] = critical
        if delivered_at is not UNSET:
            field_dict["delivered_at"] = delivered_at
        if error is not UNSET:
            field_dict["error"] = error
        if failed_at is not UNSET:
            field_dict["failed_at"] = failed_at
        if id is not UNSET:
            field_dict["id"] = id
        if next_attempt_at is not UNSET:
            field_dict["next_attempt_at"] = next_attempt_at
        if provider is not UNSET:
            field_dict["provider"] = provider
        if provider_id is not UNSET:
            field_dict["provider_id"] = provider_id
        if recipient is not UNSET:
            field_dict["recipient"] = recipient
        if recipient_user_id is not UNSET:
            field_dict["recipient_user_id"] = recipient_user_id
        if sent_at is not UNSET:
            field_dict["sent_at"] = sent_at
        if status is not UNSET:
            field_dict["status"] = status
        if subject is not UNSET:
            field_dict["subject"] = subject
        if ticket_id is not UNSET:
            field_dict["ticket_id"] = ticket_id
        if ticket_uid is not UNSET:
            field_dict["ticket_uid"] = ticket_uid
        if trigger_event_id is not UNSET:
            field_dict["trigger_event_id"] = trigger_event_id
        if trigger_event_type is not UNSET:
            field_dict["trigger_event_type"] = trigger_event_type
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        attempts = d.pop("attempts", UNSET)

        body = d.pop("body", UNSET)

        _channel = d.pop("channel", UNSET)
        channel: LogItemChannel | Unset
        if isinstance(_channel,  Unset):
            channel = UNSET
        else:
            channel = LogItemChannel(_channel)




        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at,  Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)




        critical = d.pop("critical", UNSET)

        def _parse_delivered_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                delivered_at_type_0 = datetime.datetime.fromisoformat(data)



                return delivered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        delivered_at = _parse_delivered_at(d.pop("delivered_at", UNSET))


        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))


        def _parse_failed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                failed_at_type_0 = datetime.datetime.fromisoformat(data)



                return failed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        failed_at = _parse_failed_at(d.pop("failed_at", UNSET))


        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id,  Unset):
            id = UNSET
        else:
            id = UUID(_id)




        def _parse_next_attempt_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_attempt_at_type_0 = datetime.datetime.fromisoformat(data)



                return next_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        next_attempt_at = _parse_next_attempt_at(d.pop("next_attempt_at", UNSET))


        def _parse_provider(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        provider = _parse_provider(d.pop("provider", UNSET))


        def _parse_provider_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        provider_id = _parse_provider_id(d.pop("provider_id", UNSET))


        recipient = d.pop("recipient", UNSET)

        def _parse_recipient_user_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                recipient_user_id_type_0 = UUID(data)



                return recipient_user_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        recipient_user_id = _parse_recipient_user_id(d.pop("recipient_user_id", UNSET))


        def _parse_sent_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sent_at_type_0 = datetime.datetime.fromisoformat(data)



                return sent_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        sent_at = _parse_sent_at(d.pop("sent_at", UNSET))


        _status = d.pop("status", UNSET)
        status: LogItemStatus | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = LogItemStatus(_status)




        subject = d.pop("subject", UNSET)

        def _parse_ticket_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ticket_id_type_0 = UUID(data)



                return ticket_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        ticket_id = _parse_ticket_id(d.pop("ticket_id", UNSET))


        def _parse_ticket_uid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ticket_uid = _parse_ticket_uid(d.pop("ticket_uid", UNSET))


        trigger_event_id = d.pop("trigger_event_id", UNSET)

        trigger_event_type = d.pop("trigger_event_type", UNSET)

        type_ = d.pop("type", UNSET)

        log_item = cls(
            attempts=attempts,
            body=body,
            channel=channel,
            created_at=created_at,
            critical=critical,
            delivered_at=delivered_at,
            error=error,
            failed_at=failed_at,
            id=id,
            next_attempt_at=next_attempt_at,
            provider=provider,
            provider_id=provider_id,
            recipient=recipient,
            recipient_user_id=recipient_user_id,
            sent_at=sent_at,
            status=status,
            subject=subject,
            ticket_id=ticket_id,
            ticket_uid=ticket_uid,
            trigger_event_id=trigger_event_id,
            trigger_event_type=trigger_event_type,
            type_=type_,
        )

        return log_item

