from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="Failure")



@_attrs_define
class Failure:
    """ 
        Attributes:
            case_id (None | str | Unset):
            created_at (str | Unset):
            direction (str | Unset):
            error_message (None | str | Unset):
            gave_up_at (None | str | Unset):
            id (UUID | Unset):
            max_attempts (int | Unset):
            next_retry_at (None | str | Unset):
            operation (str | Unset):  Example: export.
            resolved_at (None | str | Unset):
            retry_count (int | Unset):
            state (str | Unset): retrying, gave_up or resolved Example: retrying.
            subject (str | Unset):
            ticket_uid (None | str | Unset):
            updated_at (str | Unset):
     """

    case_id: None | str | Unset = UNSET
    created_at: str | Unset = UNSET
    direction: str | Unset = UNSET
    error_message: None | str | Unset = UNSET
    gave_up_at: None | str | Unset = UNSET
    id: UUID | Unset = UNSET
    max_attempts: int | Unset = UNSET
    next_retry_at: None | str | Unset = UNSET
    operation: str | Unset = UNSET
    resolved_at: None | str | Unset = UNSET
    retry_count: int | Unset = UNSET
    state: str | Unset = UNSET
    subject: str | Unset = UNSET
    ticket_uid: None | str | Unset = UNSET
    updated_at: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        case_id: None | str | Unset
        if isinstance(self.case_id, Unset):
            case_id = UNSET
        else:
            case_id = self.case_id

        created_at = self.created_at

        direction = self.direction

        error_message: None | str | Unset
        if isinstance(self.error_message, Unset):
            error_message = UNSET
        else:
            error_message = self.error_message

        gave_up_at: None | str | Unset
        if isinstance(self.gave_up_at, Unset):
            gave_up_at = UNSET
        else:
            gave_up_at = self.gave_up_at

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        max_attempts = self.max_attempts

        next_retry_at: None | str | Unset
        if isinstance(self.next_retry_at, Unset):
            next_retry_at = UNSET
        else:
            next_retry_at = self.next_retry_at

        operation = self.operation

        resolved_at: None | str | Unset
        if isinstance(self.resolved_at, Unset):
            resolved_at = UNSET
        else:
            resolved_at = self.resolved_at

        retry_count = self.retry_count

        state = self.state

        subject = self.subject

        ticket_uid: None | str | Unset
        if isinstance(self.ticket_uid, Unset):
            ticket_uid = UNSET
        else:
            ticket_uid = self.ticket_uid

        updated_at = self.updated_at


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if case_id is not UNSET:
            field_dict["case_id"] = case_id
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if direction is not UNSET:
            field_dict["direction"] = direction
        if error_message is not UNSET:
            field_dict["error_message"] = error_message
        if gave_up_at is not UNSET:
            field_dict["gave_up_at"] = gave_up_at
        if id is not UNSET:
            field_dict["id"] = id
        if max_attempts is not UNSET:
            field_dict["max_attempts"] = max_attempts
        if next_retry_at is not UNSET:
            field_dict["next_retry_at"] = next_retry_at
        if operation is not UNSET:
            field_dict["operation"] = operation
        if resolved_at is not UNSET:
            field_dict["resolved_at"] = resolved_at
        if retry_count is not UNSET:
            field_dict["retry_count"] = retry_count
        if state is not UNSET:
            field_dict["state"] = state
        if subject is not UNSET:
            field_dict["subject"] = subject
        if ticket_uid is not UNSET:
            field_dict["ticket_uid"] = ticket_uid
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_case_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        case_id = _parse_case_id(d.pop("case_id", UNSET))


        created_at = d.pop("created_at", UNSET)

        direction = d.pop("direction", UNSET)

        def _parse_error_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_message = _parse_error_message(d.pop("error_message", UNSET))


        def _parse_gave_up_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        gave_up_at = _parse_gave_up_at(d.pop("gave_up_at", UNSET))


        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id,  Unset):
            id = UNSET
        else:
            id = UUID(_id)




        max_attempts = d.pop("max_attempts", UNSET)

        def _parse_next_retry_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_retry_at = _parse_next_retry_at(d.pop("next_retry_at", UNSET))


        operation = d.pop("operation", UNSET)

        def _parse_resolved_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        resolved_at = _parse_resolved_at(d.pop("resolved_at", UNSET))


        retry_count = d.pop("retry_count", UNSET)

        state = d.pop("state", UNSET)

        subject = d.pop("subject", UNSET)

        def _parse_ticket_uid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ticket_uid = _parse_ticket_uid(d.pop("ticket_uid", UNSET))


        updated_at = d.pop("updated_at", UNSET)

        failure = cls(
            case_id=case_id,
            created_at=created_at,
            direction=direction,
            error_message=error_message,
            gave_up_at=gave_up_at,
            id=id,
            max_attempts=max_attempts,
            next_retry_at=next_retry_at,
            operation=operation,
            resolved_at=resolved_at,
            retry_count=retry_count,
            state=state,
            subject=subject,
            ticket_uid=ticket_uid,
            updated_at=updated_at,
        )

        return failure

