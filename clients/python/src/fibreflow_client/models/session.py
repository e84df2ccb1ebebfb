from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.session_status import SessionStatus
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="Session")



@_attrs_define
class Session:
    """ 
        Attributes:
            last_error (None | str | Unset):
            last_seen_at (datetime.datetime | None | Unset):
            name (str | Unset):  Example: default.
            needs_attention (bool | Unset):
            phone (None | str | Unset):
            push_name (None | str | Unset):
            reconciled_at (datetime.datetime | None | Unset):
            reconnect_count (int | Unset):
            status (SessionStatus | Unset):  Example: WORKING.
            updated_at (datetime.datetime | None | Unset):
     """

    last_error: None | str | Unset = UNSET
    last_seen_at: datetime.datetime | None | Unset = UNSET
    name: str | Unset = UNSET
    needs_attention: bool | Unset = UNSET
    phone: None | str | Unset = UNSET
    push_name: None | str | Unset = UNSET
    reconciled_at: datetime.datetime | None | Unset = UNSET
    reconnect_count: int | Unset = UNSET
    status: SessionStatus | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        last_error: None | str | Unset
        if isinstance(self.last_error, Unset):
            last_error = UNSET
        else:
            last_error = self.last_error

        last_seen_at: None | str | Unset
        if isinstance(self.last_seen_at, Unset):
            last_seen_at = UNSET
        elif isinstance(self.last_seen_at, datetime.datetime):
            last_seen_at = self.last_seen_at.isoformat()
        else:
            last_seen_at = self.last_seen_at

        name = self.name

        needs_attention = self.needs_attention

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        push_name: None | str | Unset
        if isinstance(self.push_name, Unset):
            push_name = UNSET
        else:
            push_name = self.push_name

        reconciled_at: None | str | Unset
        if isinstance(self.reconciled_at, Unset):
            reconciled_at = UNSET
        elif isinstance(self.reconciled_at, datetime.datetime):
            reconciled_at = self.reconciled_at.isoformat()
        else:
            reconciled_at = self.reconciled_at

        reconnect_count = self.reconnect_count

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value


        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if last_error is not UNSET:
            field_dict["last_error"] = last_error
        if last_seen_at is not UNSET:
            field_dict["last_seen_at"] = last_seen_at
        if name is not UNSET:
            field_dict["name"] = name
        if needs_attention is not UNSET:
            field_dict["needs_attention"] = needs_attention
        if phone is not UNSET:
            field_dict["phone"] = phone
        if push_name is not UNSET:
            field_dict["push_name"] = push_name
        if reconciled_at is not UNSET:
            field_dict["reconciled_at"] = reconciled_at
        if reconnect_count is not UNSET:
            field_dict["reconnect_count"] = reconnect_count
        if status is not UNSET:
            field_dict["status"] = status
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_last_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_error = _parse_last_error(d.pop("last_error", UNSET))


        def _parse_last_seen_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_seen_at_type_0 = datetime.datetime.fromisoformat(data)



                return last_seen_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_seen_at = _parse_last_seen_at(d.pop("last_seen_at", UNSET))


        name = d.pop("name", UNSET)

        needs_attention = d.pop("needs_attention", UNSET)

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))


        def _parse_push_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        push_name = _parse_push_name(d.pop("push_name", UNSET))


        def _parse_reconciled_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reconciled_at_type_0 = datetime.datetime.fromisoformat(data)



                return reconciled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        reconciled_at = _parse_reconciled_at(d.pop("reconciled_at", UNSET))


        reconnect_count = d.pop("reconnect_count", UNSET)

        _status = d.pop("status", UNSET)
        status: SessionStatus | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = SessionStatus(_status)




        def _parse_updated_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)



                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        updated_at = _parse_updated_at(d.pop("updated_at", UNSET))


        session = cls(
            last_error=last_error,
            last_seen_at=last_seen_at,
            name=name,
            needs_attention=needs_attention,
            phone=phone,
            push_name=push_name,
            reconciled_at=reconciled_at,
            reconnect_count=reconnect_count,
            status=status,
            updated_at=updated_at,
        )

        return session

