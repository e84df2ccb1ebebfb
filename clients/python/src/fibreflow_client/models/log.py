from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.log_new_value_type_0 import LogNewValueType0
  from ..models.log_old_value_type_0 import LogOldValueType0





T = TypeVar("T", bound="Log")



@_attrs_define
class Log:
    """ 
        Attributes:
            action (str | Unset):  Example: status_sync.
            case_id (None | str | Unset):
            created_at (str | Unset):
            direction (str | Unset):  Example: ff_to_qc.
            error_message (None | str | Unset):
            id (int | Unset):
            new_value (LogNewValueType0 | None | Unset):
            old_value (LogOldValueType0 | None | Unset):
            success (bool | Unset):
            ticket_uid (None | str | Unset):
     """

    action: str | Unset = UNSET
    case_id: None | str | Unset = UNSET
    created_at: str | Unset = UNSET
    direction: str | Unset = UNSET
    error_message: None | str | Unset = UNSET
    id: int | Unset = UNSET
    new_value: LogNewValueType0 | None | Unset = UNSET
    old_value: LogOldValueType0 | None | Unset = UNSET
    success: bool | Unset = UNSET
    ticket_uid: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.log_new_value_type_0 import LogNewValueType0 # noqa: PLC0415
        from ..models.log_old_value_type_0 import LogOldValueType0 # noqa: PLC0415
        action = self.action

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

        id = self.id

        new_value: dict[str, Any] | None | Unset
        if isinstance(self.new_value, Unset):
            new_value = UNSET
        elif isinstance(self.new_value, LogNewValueType0):
            new_value = self.new_value.to_dict()
        else:
            new_value = self.new_value

        old_value: dict[str, Any] | None | Unset
        if isinstance(self.old_value, Unset):
            old_value = UNSET
        elif isinstance(self.old_value, LogOldValueType0):
            old_value = self.old_value.to_dict()
        else:
            old_value = self.old_value

        success = self.success

        ticket_uid: None | str | Unset
        if isinstance(self.ticket_uid, Unset):
            ticket_uid = UNSET
        else:
            ticket_uid = self.ticket_uid


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if action is not UNSET:
            field_dict["action"] = action
        if case_id is not UNSET:
            field_dict["case_id"] = case_id
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if direction is not UNSET:
            field_dict["direction"] = direction
        if error_message is not UNSET:
            field_dict["error_message"] = error_message
        if id is not UNSET:
            field_dict["id"] = id
        if new_value is not UNSET:
            field_dict["new_value"] = new_value
        if old_value is not UNSET:
            field_dict["old_value"] = old_value
        if success is not UNSET:
            field_dict["success"] = success
        if ticket_uid is not UNSET:
            field_dict["ticket_uid"] = ticket_uid

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.log_new_value_type_0 import LogNewValueType0 # noqa: PLC0415
        from ..models.log_old_value_type_0 import LogOldValueType0 # noqa: PLC0415
        d = dict(src_dict)
        action = d.pop("action", UNSET)

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


        id = d.pop("id", UNSET)

        def _parse_new_value(data: object) -> LogNewValueType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                new_value_type_0 = LogNewValueType0.from_dict(data)



                return new_value_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LogNewValueType0 | None | Unset, data)

        new_value = _parse_new_value(d.pop("new_value", UNSET))


        def _parse_old_value(data: object) -> LogOldValueType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                old_value_type_0 = LogOldValueType0.from_dict(data)



                return old_value_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LogOldValueType0 | None | Unset, data)

        old_value = _parse_old_value(d.pop("old_value", UNSET))


        success = d.pop("success", UNSET)

        def _parse_ticket_uid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ticket_uid = _parse_ticket_uid(d.pop("ticket_uid", UNSET))


        log = cls(
            action=action,
            case_id=case_id,
            created_at=created_at,
            direction=direction,
            error_message=error_message,
            id=id,
            new_value=new_value,
            old_value=old_value,
            success=success,
            ticket_uid=ticket_uid,
        )

        return log

