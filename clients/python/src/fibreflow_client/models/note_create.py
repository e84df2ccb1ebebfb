from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="NoteCreate")



@_attrs_define
class NoteCreate:
    """ 
        Attributes:
            content (str):  Example: @thabo found water damage in the splice closure.
            is_internal (bool | Unset):  Default: True. Example: True.
     """

    content: str
    is_internal: bool | Unset = True





    def to_dict(self) -> dict[str, Any]:
        content = self.content

        is_internal = self.is_internal


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "content": content,
        })
        if is_internal is not UNSET:
            field_dict["is_internal"] = is_internal

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        content = d.pop("content")

        is_internal = d.pop("is_internal", UNSET)

        note_create = cls(
            content=content,
            is_internal=is_internal,
        )

        return note_create

