from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="Resync")



@_attrs_define
class Resync:
    """ 
        Attributes:
            case_id (str | Unset): one case; leave out to re-import all Example: 10001.
     """

    case_id: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        case_id = self.case_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if case_id is not UNSET:
            field_dict["case_id"] = case_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        case_id = d.pop("case_id", UNSET)

        resync = cls(
            case_id=case_id,
        )

        return resync

