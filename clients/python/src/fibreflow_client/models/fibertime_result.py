from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="FibertimeResult")



@_attrs_define
class FibertimeResult:
    """ 
        Attributes:
            created (bool | Unset):
            ticket_uid (str | Unset):  Example: FT202512345.
     """

    created: bool | Unset = UNSET
    ticket_uid: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        created = self.created

        ticket_uid = self.ticket_uid


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if created is not UNSET:
            field_dict["created"] = created
        if ticket_uid is not UNSET:
            field_dict["ticket_uid"] = ticket_uid

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created = d.pop("created", UNSET)

        ticket_uid = d.pop("ticket_uid", UNSET)

        fibertime_result = cls(
            created=created,
            ticket_uid=ticket_uid,
        )

        return fibertime_result

