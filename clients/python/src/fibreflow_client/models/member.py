from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from uuid import UUID






T = TypeVar("T", bound="Member")



@_attrs_define
class Member:
    """ 
        Attributes:
            user_id (UUID):  Example: 9b2d6f1e-4c3a-4e8b-8f1a-2d3c4b5a6e7f.
            is_lead (bool | Unset):  Default: False. Example: False.
     """

    user_id: UUID
    is_lead: bool | Unset = False





    def to_dict(self) -> dict[str, Any]:
        user_id = str(self.user_id)

        is_lead = self.is_lead


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "user_id": user_id,
        })
        if is_lead is not UNSET:
            field_dict["is_lead"] = is_lead

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        user_id = UUID(d.pop("user_id"))




        is_lead = d.pop("is_lead", UNSET)

        member = cls(
            user_id=user_id,
            is_lead=is_lead,
        )

        return member

