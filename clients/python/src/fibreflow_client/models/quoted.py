from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from uuid import UUID






T = TypeVar("T", bound="Quoted")



@_attrs_define
class Quoted:
    """ 
        Attributes:
            body (str | Unset):
            direction (str | Unset):
            id (UUID | Unset):
            kind (str | Unset):
     """

    body: str | Unset = UNSET
    direction: str | Unset = UNSET
    id: UUID | Unset = UNSET
    kind: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        body = self.body

        direction = self.direction

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        kind = self.kind


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if body is not UNSET:
            field_dict["body"] = body
        if direction is not UNSET:
            field_dict["direction"] = direction
        if id is not UNSET:
            field_dict["id"] = id
        if kind is not UNSET:
            field_dict["kind"] = kind

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        body = d.pop("body", UNSET)

        direction = d.pop("direction", UNSET)

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id,  Unset):
            id = UNSET
        else:
            id = UUID(_id)




        kind = d.pop("kind", UNSET)

        quoted = cls(
            body=body,
            direction=direction,
            id=id,
            kind=kind,
        )

        return quoted

