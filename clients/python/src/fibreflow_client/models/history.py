from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="History")



@_attrs_define
class History:
    """ 
        Attributes:
            changed_at (datetime.datetime | Unset):
            changed_by (UUID | Unset):
            field_changed (str | Unset):
            id (int | Unset):
            new_value (None | str | Unset):
            old_value (None | str | Unset):
            origin (None | str | Unset):
            reason (None | str | Unset):
            ticket_id (UUID | Unset):
     """

    changed_at: datetime.datetime | Unset = UNSET
    changed_by: UUID | Unset = UNSET
    field_changed: str | Unset = UNSET
    id: int | Unset = UNSET
    new_value: None | str | Unset = UNSET
    old_value: None | str | Unset = UNSET
    origin: None | str | Unset = UNSET
    reason: None | str | Unset = UNSET
    ticket_id: UUID | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        changed_at: str | Unset = UNSET
        if not isinstance(self.changed_at, Unset):
            changed_at = self.changed_at.isoformat()

        changed_by: str | Unset = UNSET
        if not isinstance(self.changed_by, Unset):
            changed_by = str(self.changed_by)

        field_changed = self.field_changed

        id = self.id

        new_value: None | str | Unset
        if isinstance(self.new_value, Unset):
            new_value = UNSET
        else:
            new_value = self.new_value

        old_value: None | str | Unset
        if isinstance(self.old_value, Unset):
            old_value = UNSET
        else:
            old_value = self.old_value

        origin: None | str | Unset
        if isinstance(self.origin, Unset):
            origin = UNSET
        else:
            origin = self.origin

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        ticket_id: str | Unset = UNSET
        if not isinstance(self.ticket_id, Unset):
            ticket_id = str(self.ticket_id)


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if changed_at is not UNSET:
            field_dict["changed_at"] = changed_at
        if changed_by is not UNSET:
            field_dict["changed_by"] = changed_by
        if field_changed is not UNSET:
            field_dict["field_changed"] = field_changed
        if id is not UNSET:
            field_dict["id"] = id
        if new_value is not UNSET:
            field_dict["new_value"] = new_value
        if old_value is not UNSET:
            field_dict["old_value"] = old_value
        if origin is not UNSET:
            field_dict["origin"] = origin
        if reason is not UNSET:
            field_dict["reason"] = reason
        if ticket_id is not UNSET:
            field_dict["ticket_id"] = ticket_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _changed_at = d.pop("changed_at", UNSET)
        changed_at: datetime.datetime | Unset
        if isinstance(_changed_at,  Unset):
            changed_at = UNSET
        else:
            changed_at = datetime.datetime.fromisoformat(_changed_at)




        _changed_by = d.pop("changed_by", UNSET)
        changed_by: UUID | Unset
        if isinstance(_changed_by,  Unset):
            changed_by = UNSET
        else:
            changed_by = UUID(_changed_by)




        field_changed = d.pop("field_changed", UNSET)

        id = d.pop("id", UNSET)

        def _parse_new_value(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        new_value = _parse_new_value(d.pop("new_value", UNSET))


        def _parse_old_value(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        old_value = _parse_old_value(d.pop("old_value", UNSET))


        def _parse_origin(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        origin = _parse_origin(d.pop("origin", UNSET))


        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        _ticket_id = d.pop("ticket_id", UNSET)
        ticket_id: UUID | Unset
        if isinstance(_ticket_id,  Unset):
            ticket_id = UNSET
        else:
            ticket_id = UUID(_ticket_id)




        history = cls(
            changed_at=changed_at,
            changed_by=changed_by,
            field_changed=field_changed,
            id=id,
            new_value=new_value,
            old_value=old_value,
            origin=origin,
            reason=reason,
            ticket_id=ticket_id,
        )

        return history

