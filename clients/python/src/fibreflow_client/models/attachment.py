from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from uuid import UUID






T = TypeVar("T", bound="Attachment")



@_attrs_define
class Attachment:
    """ 
        Attributes:
            accepted (bool | Unset):
            content_type (str | Unset):  Example: image/jpeg.
            filename (str | Unset):  Example: photo.jpg.
            id (UUID | Unset):
            reason (str | Unset):  Example: kept.
            size (int | Unset):  Example: 20480.
     """

    accepted: bool | Unset = UNSET
    content_type: str | Unset = UNSET
    filename: str | Unset = UNSET
    id: UUID | Unset = UNSET
    reason: str | Unset = UNSET
    size: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        accepted = self.accepted

        content_type = self.content_type

        filename = self.filename

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        reason = self.reason

        size = self.size


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if accepted is not UNSET:
            field_dict["accepted"] = accepted
        if content_type is not UNSET:
            field_dict["content_type"] = content_type
        if filename is not UNSET:
            field_dict["filename"] = filename
        if id is not UNSET:
            field_dict["id"] = id
        if reason is not UNSET:
            field_dict["reason"] = reason
        if size is not UNSET:
            field_dict["size"] = size

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accepted = d.pop("accepted", UNSET)

        content_type = d.pop("content_type", UNSET)

        filename = d.pop("filename", UNSET)

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id,  Unset):
            id = UNSET
        else:
            id = UUID(_id)




        reason = d.pop("reason", UNSET)

        size = d.pop("size", UNSET)

        attachment = cls(
            accepted=accepted,
            content_type=content_type,
            filename=filename,
            id=id,
            reason=reason,
            size=size,
        )

        return attachment

