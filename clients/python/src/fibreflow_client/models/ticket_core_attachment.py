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






T = TypeVar("T", bound="TicketCoreAttachment")



@_attrs_define
class TicketCoreAttachment:
    """ 
        Attributes:
            created_at (datetime.datetime | Unset):
            created_by (UUID | Unset):
            file_name (str | Unset):
            file_size (int | Unset):
            file_type (str | Unset):
            file_url (str | Unset):
            id (UUID | Unset):
            sha256 (str | Unset):
            ticket_id (UUID | Unset):
     """

    created_at: datetime.datetime | Unset = UNSET
    created_by: UUID | Unset = UNSET
    file_name: str | Unset = UNSET
    file_size: int | Unset = UNSET
    file_type: str | Unset = UNSET
    file_url: str | Unset = UNSET
    id: UUID | Unset = UNSET
    sha256: str | Unset = UNSET
    ticket_id: UUID | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        created_by: str | Unset = UNSET
        if not isinstance(self.created_by, Unset):
            created_by = str(self.created_by)

        file_name = self.file_name

        file_size = self.file_size

        file_type = self.file_type

        file_url = self.file_url

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        sha256 = self.sha256

        ticket_id: str | Unset = UNSET
        if not isinstance(self.ticket_id, Unset):
            ticket_id = str(self.ticket_id)


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if created_by is not UNSET:
            field_dict["created_by"] = created_by
        if file_name is not UNSET:
            field_dict["file_name"] = file_name
        if file_size is not UNSET:
            field_dict["file_size"] = file_size
        if file_type is not UNSET:
            field_dict["file_type"] = file_type
        if file_url is not UNSET:
            field_dict["file_url"] = file_url
        if id is not UNSET:
            field_dict["id"] = id
        if sha256 is not UNSET:
            field_dict["sha256"] = sha256
        if ticket_id is not UNSET:
            field_dict["ticket_id"] = ticket_id

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




        _created_by = d.pop("created_by", UNSET)
        created_by: UUID | Unset
        if isinstance(_created_by,  Unset):
            created_by = UNSET
        else:
            created_by = UUID(_created_by)




        file_name = d.pop("file_name", UNSET)

        file_size = d.pop("file_size", UNSET)

        file_type = d.pop("file_type", UNSET)

        file_url = d.pop("file_url", UNSET)

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id,  Unset):
            id = UNSET
        else:
            id = UUID(_id)




        sha256 = d.pop("sha256", UNSET)

        _ticket_id = d.pop("ticket_id", UNSET)
        ticket_id: UUID | Unset
        if isinstance(_ticket_id,  Unset):
            ticket_id = UNSET
        else:
            ticket_id = UUID(_ticket_id)




        ticket_core_attachment = cls(
            created_at=created_at,
            created_by=created_by,
            file_name=file_name,
            file_size=file_size,
            file_type=file_type,
            file_url=file_url,
            id=id,
            sha256=sha256,
            ticket_id=ticket_id,
        )

        return ticket_core_attachment

