from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.email_channel import EmailChannel
from ..models.email_outcome_type_1 import EmailOutcomeType1
from ..models.email_outcome_type_2_type_1 import EmailOutcomeType2Type1
from ..models.email_outcome_type_3_type_1 import EmailOutcomeType3Type1
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.verdicts import Verdicts





T = TypeVar("T", bound="Email")



@_attrs_define
class Email:
    """ 
        Attributes:
            acknowledged_at (datetime.datetime | None | Unset):
            channel (EmailChannel | Unset):  Example: smtp.
            deliveries (int | Unset):  Example: 1.
            error (None | str | Unset):
            id (UUID | Unset):
            message_id (None | str | Unset):  Example: CAF=abc123@mail.gmail.com.
            outcome (EmailOutcomeType1 | EmailOutcomeType2Type1 | EmailOutcomeType3Type1 | None | Unset):  Example: ticket.
            reason (None | str | Unset):  Example: new ticket.
            received_at (datetime.datetime | Unset):
            review_note (None | str | Unset):
            reviewed_at (datetime.datetime | None | Unset):
            rule (None | str | Unset):  Example: new_ticket.
            sender (None | str | Unset):  Example: thabo@example.co.za.
            sender_name (None | str | Unset):  Example: Thabo Nkosi.
            status (str | Unset):  Example: processed.
            subject (str | Unset):  Example: No internet at DR1234.
            ticket_uid (None | str | Unset):  Example: EML-0042.
            verdicts (Verdicts | Unset):
     """

    acknowledged_at: datetime.datetime | None | Unset = UNSET
    channel: EmailChannel | Unset = UNSET
    deliveries: int | Unset = UNSET
    error: None | str | Unset = UNSET
    id: UUID | Unset = UNSET
    message_id: None | str | Unset = UNSET
    outcome: EmailOutcomeType1 | EmailOutcomeType2Type1 | EmailOutcomeType3Type1 | None | Unset = UNSET
    reason: None | str | Unset = UNSET
    received_at: datetime.datetime | Unset = UNSET
    review_note: None | str | Unset = UNSET
    reviewed_at: datetime.datetime | None | Unset = UNSET
    rule: None | str | Unset = UNSET
    sender: None | str | Unset = UNSET
    sender_name: None | str | Unset = UNSET
    status: str | Unset = UNSET
    subject: str | Unset = UNSET
    ticket_uid: None | str | Unset = UNSET
    verdicts: Verdicts | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.verdicts import Verdicts # noqa: PLC0415
        acknowledged_at: None | str | Unset
        if isinstance(self.acknowledged_at, Unset):
            acknowledged_at = UNSET
        elif isinstance(self.acknowledged_at, datetime.datetime):
            acknowledged_at = self.acknowledged_at.isoformat()
        else:
            acknowledged_at = self.acknowledged_at

        channel: str | Unset = UNSET
        if not isinstance(self.channel, Unset):
            channel = self.channel.value


        deliveries = self.deliveries

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        message_id: None | str | Unset
        if isinstance(self.message_id, Unset):
            message_id = UNSET
        else:
            message_id = self.message_id

        outcome: None | str | Unset
        if isinstance(self.outcome, Unset):
            outcome = UNSET
        elif isinstance(self.outcome, EmailOutcomeType1):
            outcome = self.outcome.value
        elif isinstance(self.outcome, EmailOutcomeType2Type1):
            outcome = self.outcome.value
        elif isinstance(self.outcome, EmailOutcomeType3Type1):
            outcome = self.outcome.value
        else:
            outcome = self.outcome

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        received_at: str | Unset = UNSET
        if not isinstance(self.received_at, Unset):
            received_at = self.received_at.isoformat()

        review_note: None | str | Unset
        if isinstance(self.review_note, Unset):
            review_note = UNSET
        else:
            review_note = self.review_note

        reviewed_at: None | str | Unset
        if isinstance(self.reviewed_at, Unset):
            reviewed_at = UNSET
        elif isinstance(self.reviewed_at, datetime.datetime):
            reviewed_at = self.reviewed_at.isoformat()
        else:
            reviewed_at = self.reviewed_at

        rule: None | str | Unset
        if isinstance(self.rule, Unset):
            rule = UNSET
        else:
            rule = self.rule

        sender: None | str | Unset
        if isinstance(self.sender, Unset):
            sender = UNSET
        else:
            sender = self.sender

        sender_name: None | str | Unset
        if isinstance(self.sender_name, Unset):
            sender_name = UNSET
        else:
            sender_name = self.sender_name

        status = self.status

        subject = self.subject

        ticket_uid: None | str | Unset
        if isinstance(self.ticket_uid, Unset):
            ticket_uid = UNSET
        else:
            ticket_uid = self.ticket_uid

        verdicts: dict[str, Any] | Unset = UNSET
        if not isinstance(self.verdicts, Unset):
            verdicts = self.verdicts.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if acknowledged_at is not UNSET:
            field_dict["acknowledged_at"] = acknowledged_at
        if channel is not UNSET:
            field_dict["channel"] = channel
        if deliveries is not UNSET:
            field_dict["deliveries"] = deliveries
        if error is not UNSET:
            field_dict["error"] = error
        if id is not UNSET:
            field_dict["id"] = id
        if message_id is not UNSET:
            field_dict["message_id"] = message_id
        if outcome is not UNSET:
            field_dict["outcome"] = outcome
        if reason is not UNSET:
            field_dict["reason"] = reason
        if received_at is not UNSET:
            field_dict["received_at"] = received_at
        if review_note is not UNSET:
            field_dict["review_note"] = review_note
        if reviewed_at is not UNSET:
            field_dict["reviewed_at"] = reviewed_at
        if rule is not UNSET:
            field_dict["rule"] = rule
        if sender is not UNSET:
            field_dict["sender"] = sender
        if sender_name is not UNSET:
            field_dict["sender_name"] = sender_name
        if status is not UNSET:
            field_dict["status"] = status
        if subject is not UNSET:
            field_dict["subject"] = subject
        if ticket_uid is not UNSET:
            field_dict["ticket_uid"] = ticket_uid
        if verdicts is not UNSET:
            field_dict["verdicts"] = verdicts

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.verdicts import Verdicts # noqa: PLC0415
        d = dict(src_dict)
        def _parse_acknowledged_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                acknowledged_at_type_0 = datetime.datetime.fromisoformat(data)



                return acknowledged_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        acknowledged_at = _parse_acknowledged_at(d.pop("acknowledged_at", UNSET))


        _channel = d.pop("channel", UNSET)
        channel: EmailChannel | Unset
        if isinstance(_channel,  Unset):
            channel = UNSET
        else:
            channel = EmailChannel(_channel)




        deliveries = d.pop("deliveries", UNSET)

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))


        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id,  Unset):
            id = UNSET
        else:
            id = UUID(_id)




        def _parse_message_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message_id = _parse_message_id(d.pop("message_id", UNSET))


        def _parse_outcome(data: object) -> EmailOutcomeType1 | EmailOutcomeType2Type1 | EmailOutcomeType3Type1 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outcome_type_1 = EmailOutcomeType1(data)



                return outcome_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outcome_type_2_type_1 = EmailOutcomeType2Type1(data)



                return outcome_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outcome_type_3_type_1 = EmailOutcomeType3Type1(data)



                return outcome_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EmailOutcomeType1 | EmailOutcomeType2Type1 | EmailOutcomeType3Type1 | None | Unset, data)

        outcome = _parse_outcome(d.pop("outcome", UNSET))


        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        _received_at = d.pop("received_at", UNSET)
        received_at: datetime.datetime | Unset
        if isinstance(_received_at,  Unset):
            received_at = UNSET
        else:
            received_at = datetime.datetime.fromisoformat(_received_at)




        def _parse_review_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        review_note = _parse_review_note(d.pop("review_note", UNSET))


        def _parse_reviewed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reviewed_at_type_0 = datetime.datetime.fromisoformat(data)



                return reviewed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        reviewed_at = _parse_reviewed_at(d.pop("reviewed_at", UNSET))


        def _parse_rule(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        rule = _parse_rule(d.pop("rule", UNSET))


        def _parse_sender(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sender = _parse_sender(d.pop("sender", UNSET))


        def _parse_sender_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sender_name = _parse_sender_name(d.pop("sender_name", UNSET))


        status = d.pop("status", UNSET)

        subject = d.pop("subject", UNSET)

        def _parse_ticket_uid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ticket_uid = _parse_ticket_uid(d.pop("ticket_uid", UNSET))


        _verdicts = d.pop("verdicts", UNSET)
        verdicts: Verdicts | Unset
        if isinstance(_verdicts,  Unset):
            verdicts = UNSET
        else:
            verdicts = Verdicts.from_dict(_verdicts)




        email = cls(
            acknowledged_at=acknowledged_at,
            channel=channel,
            deliveries=deliveries,
            error=error,
            id=id,
            message_id=message_id,
            outcome=outcome,
            reason=reason,
            received_at=received_at,
            review_note=review_note,
            reviewed_at=reviewed_at,
            rule=rule,
            sender=sender,
            sender_name=sender_name,
            status=status,
            subject=subject,
            ticket_uid=ticket_uid,
            verdicts=verdicts,
        )

        return email

