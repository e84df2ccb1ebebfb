from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="UnreadCount")



@_attrs_define
class UnreadCount:
    """ 
        Attributes:
            unread_count (int | Unset):  Example: 3.
     """

    unread_count: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        unread_count = self.unread_count


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if unread_count is not UNSET:
            field_dict["unread_count"] = unread_count

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        unread_count = d.pop("unread_count", UNSET)

        unread_count = cls(
            unread_count=unread_count,
        )

        return unread_count

