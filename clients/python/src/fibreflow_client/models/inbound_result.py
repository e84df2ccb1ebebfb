from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from uuid import UUID






T = TypeVar("T", bound="InboundResult")



@_attrs_define
class InboundResult:
    """ 
        Attributes:
            duplicate (bool | Unset):
            id (UUID | Unset):
            outcome (str | Unset): the decision, or duplicate / received Example: ticket.
     """

    duplicate: bool | Unset = UNSET
    id: UUID | Unset = UNSET
    outcome: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        duplicate = self.duplicate

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        outcome = self.outcome


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if duplicate is not UNSET:
            field_dict["duplicate"] = duplicate
        if id is not UNSET:
            field_dict["id"] = id
        if outcome is not UNSET:
            field_dict["outcome"] = outcome

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        duplicate = d.pop("duplicate", UNSET)

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id,  Unset):
            id = UNSET
        else:
            id = UUID(_id)




        outcome = d.pop("outcome", UNSET)

        inbound_result = cls(
            duplicate=duplicate,
            id=id,
            outcome=outcome,
        )

        return inbound_result

