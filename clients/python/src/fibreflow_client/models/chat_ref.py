from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="ChatRef")



@_attrs_define
class ChatRef:
    """ 
        Attributes:
            id (UUID | Unset):
            is_group (bool | Unset):
            jid (str | Unset):  Example: 120363025246125888@g.us.
            name (None | str | Unset):
     """

    id: UUID | Unset = UNSET
    is_group: bool | Unset = UNSET
    jid: str | Unset = UNSET
    name: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        is_group = self.is_group

        jid = self.jid

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if is_group is not UNSET:
            field_dict["is_group"] = is_group
        if jid is not UNSET:
            field_dict["jid"] = jid
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id,  Unset):
            id = UNSET
        else:
            id = UUID(_id)




        is_group = d.pop("is_group", UNSET)

        jid = d.pop("jid", UNSET)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))


        chat_ref = cls(
            id=id,
            is_group=is_group,
            jid=jid,
            name=name,
        )

        return chat_ref

