from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="BulkResult")



@_attrs_define
class BulkResult:
    """ 
        Attributes:
            count (int | Unset):  Example: 2.
            updated (list[str] | Unset):  Example: ['FF-0041', 'FF-0042'].
     """

    count: int | Unset = UNSET
    updated: list[str] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        count = self.count

        updated: list[str] | Unset = UNSET
        if not isinstance(self.updated, Unset):
            updated = self.updated




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if count is not UNSET:
            field_dict["count"] = count
        if updated is not UNSET:
            field_dict["updated"] = updated

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        count = d.pop("count", UNSET)

        updated = cast(list[str], d.pop("updated", UNSET))


        bulk_result = cls(
            count=count,
            updated=updated,
        )

        return bulk_result

