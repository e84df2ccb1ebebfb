from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="Route")



@_attrs_define
class Route:
    """ 
        Attributes:
            chat_id (str):  Example: 27821234567@c.us.
     """

    chat_id: str





    def to_dict(self) -> dict[str, Any]:
        chat_id = self.chat_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "chat_id": chat_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        chat_id = d.pop("chat_id")

        route = cls(
            chat_id=chat_id,
        )

        return route

