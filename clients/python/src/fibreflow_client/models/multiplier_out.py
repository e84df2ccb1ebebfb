from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="MultiplierOut")



@_attrs_define
class MultiplierOut:
    """ 
        Attributes:
            multiplier (float | Unset):  Example: 0.25.
            priority (str | Unset):  Example: critical.
     """

    multiplier: float | Unset = UNSET
    priority: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        multiplier = self.multiplier

        priority = self.priority


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if multiplier is not UNSET:
            field_dict["multiplier"] = multiplier
        if priority is not UNSET:
            field_dict["priority"] = priority

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        multiplier = d.pop("multiplier", UNSET)

        priority = d.pop("priority", UNSET)

        multiplier_out = cls(
            multiplier=multiplier,
            priority=priority,
        )

        return multiplier_out

