from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="LoggedOut")



@_attrs_define
class LoggedOut:
    """ 
        Attributes:
            logged_out (bool | Unset):  Example: True.
     """

    logged_out: bool | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        logged_out = self.logged_out


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if logged_out is not UNSET:
            field_dict["logged_out"] = logged_out

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        logged_out = d.pop("logged_out", UNSET)

        logged_out = cls(
            logged_out=logged_out,
        )

        return logged_out

