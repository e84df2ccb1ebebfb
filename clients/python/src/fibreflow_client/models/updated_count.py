from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="UpdatedCount")



@_attrs_define
class UpdatedCount:
    """ 
        Attributes:
            updated (int | Unset): how many notifications were marked read Example: 3.
     """

    updated: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        updated = self.updated


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if updated is not UNSET:
            field_dict["updated"] = updated

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        updated = d.pop("updated", UNSET)

        updated_count = cls(
            updated=updated,
        )

        return updated_count

