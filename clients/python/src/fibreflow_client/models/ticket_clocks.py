from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.clock import Clock





T = TypeVar("T", bound="TicketClocks")



@_attrs_define
class TicketClocks:
    """ 
        Attributes:
            clocks (list[Clock] | Unset):
            ticket_id (UUID | Unset):
            ticket_uid (str | Unset):
     """

    clocks: list[Clock] | Unset = UNSET
    ticket_id: UUID | Unset = UNSET
    ticket_uid: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.clock import Clock # noqa: PLC0415
        clocks: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.clocks, Unset):
            clocks = []
            for clocks_item_data in self.clocks:
                clocks_item = clocks_item_data.to_dict()
                clocks.append(clocks_item)



        ticket_id: str | Unset = UNSET
        if not isinstance(self.ticket_id, Unset):
            ticket_id = str(self.ticket_id)

        ticket_uid = self.ticket_uid


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if clocks is not UNSET:
            field_dict["clocks"] = clocks
        if ticket_id is not UNSET:
            field_dict["ticket_id"] = ticket_id
        if ticket_uid is not UNSET:
            field_dict["ticket_uid"] = ticket_uid

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.clock import Clock # noqa: PLC0415
        d = dict(src_dict)
        _clocks = d.pop("clocks", UNSET)
        clocks: list[Clock] | Unset = UNSET
        if _clocks is not UNSET:
            clocks = []
            for clocks_item_data in _clocks:
                clocks_item = Clock.from_dict(clocks_item_data)



                clocks.append(clocks_item)


        _ticket_id = d.pop("ticket_id", UNSET)
        ticket_id: UUID | Unset
        if isinstance(_ticket_id,  Unset):
            ticket_id = UNSET
        else:
            ticket_id = UUID(_ticket_id)




        ticket_uid = d.pop("ticket_uid", UNSET)

        ticket_clocks = cls(
            clocks=clocks,
            ticket_id=ticket_id,
            ticket_uid=ticket_uid,
        )

        return ticket_clocks

