from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.multiplier_priority import MultiplierPriority






T = TypeVar("T", bound="Multiplier")



@_attrs_define
class Multiplier:
    """ 
        Attributes:
            multiplier (float):  Example: 0.25.
            priority (MultiplierPriority):  Example: critical.
     """

    multiplier: float
    priority: MultiplierPriority





    def to_dict(self) -> dict[str, Any]:
        multiplier = self.multiplier

        priority = self.priority.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "multiplier": multiplier,
            "priority": priority,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        multiplier = d.pop("multiplier")

        priority = MultiplierPriority(d.pop("priority"))




        multiplier = cls(
            multiplier=multiplier,
            priority=priority,
        )

        return multiplier

