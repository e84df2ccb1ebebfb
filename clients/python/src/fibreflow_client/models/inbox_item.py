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






T = TypeVar("T", bound="InboxItem")



@_attrs_define
class InboxItem:
    """ 
        Attributes:
            created_at (datetime.datetime | Unset):
            id (UUID | Unset):
            is_read (bool | Unset):  Example: True.
            message (str | Unset):  Example: FF-0042 (No signal in Zone A) was assigned to you by Sarah..
            read_at (datetime.datetime | None | Unset):
            ticket_id (None | Unset | UUID):
            ticket_uid (None | str | Unset):  Example: FF-0042.
            title (str | Unset):  Example: Assigned: FF-0042.
            type_ (str | Unset):  Example: ticket_assigned.
     """

    created_at: datetime.datetime | Unset = UNSET
    id: UUID | Unset = UNSET
    is_read: bool | Unset = UNSET
    message: str | Unset = UNSET
    read_at: datetime.datetime | None | Unset = UNSET
    ticket_id: None | Unset | UUID = UNSET
    ticket_uid: None | str | Unset = UNSET
    title: str | Unset = UNSET
    type_: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        is_read = self.is_read

        message = self.message

        read_at: None | str | Unset
        if isinstance(self.read_at, Unset):
            read_at = UNSET
        elif isinstance(self.read_at, datetime.datetime):
            read_at = self.read_at.isoformat()
        else:
            read_at = self.read_at

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

        title = self.title

        type_ = self.type_


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if id is not UNSET:
            field_dict["id"] = id
        if is_read is not UNSET:
            field_dict["is_read"] = is_read
        if message is not UNSET:
            field_dict["message"] = message
        if read_at is not UNSET:
            field_dict["read_at"] = read_at
        if ticket_id is not UNSET:
            field_dict["ticket_id"] = ticket_id
        if ticket_uid is not UNSET:
            field_dict["ticket_uid"] = ticket_uid
        if title is not UNSET:
            field_dict["title"] = title
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at,  Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)




        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id,  Unset):
            id = UNSET
        else:
            id = UUID(_id)




        is_read = d.pop("is_read", UNSET)

        message = d.pop("message", UNSET)

        def _parse_read_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                read_at_type_0 = datetime.datetime.fromisoformat(data)



                return read_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        read_at = _parse_read_at(d.pop("read_at", UNSET))


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


        title = d.pop("title", UNSET)

        type_ = d.pop("type", UNSET)

        inbox_item = cls(
            created_at=created_at,
            id=id,
            is_read=is_read,
            message=message,
            read_at=read_at,
            ticket_id=ticket_id,
            ticket_uid=ticket_uid,
            title=title,
            type_=type_,
        )

        return inbox_item

