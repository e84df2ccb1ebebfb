from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.ticket import Ticket
  from ..models.ticket_pagination import TicketPagination





T = TypeVar("T", bound="TicketListData")



@_attrs_define
class TicketListData:
    """ 
        Attributes:
            pagination (TicketPagination | Unset):
            tickets (list[Ticket] | Unset):
     """

    pagination: TicketPagination | Unset = UNSET
    tickets: list[Ticket] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.ticket import Ticket # noqa: PLC0415
        from ..models.ticket_pagination import TicketPagination # noqa: PLC0415
        pagination: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pagination, Unset):
            pagination = self.pagination.to_dict()

        tickets: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tickets, Unset):
            tickets = []
            for tickets_item_data in self.tickets:
                tickets_item = tickets_item_data.to_dict()
                tickets.append(tickets_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if pagination is not UNSET:
            field_dict["pagination"] = pagination
        if tickets is not UNSET:
            field_dict["tickets"] = tickets

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ticket import Ticket # noqa: PLC0415
        from ..models.ticket_pagination import TicketPagination # noqa: PLC0415
        d = dict(src_dict)
        _pagination = d.pop("pagination", UNSET)
        pagination: TicketPagination | Unset
        if isinstance(_pagination,  Unset):
            pagination = UNSET
        else:
            pagination = TicketPagination.from_dict(_pagination)




        _tickets = d.pop("tickets", UNSET)
        tickets: list[Ticket] | Unset = UNSET
        if _tickets is not UNSET:
            tickets = []
            for tickets_item_data in _tickets:
                tickets_item = Ticket.from_dict(tickets_item_data)



                tickets.append(tickets_item)


        ticket_list_data = cls(
            pagination=pagination,
            tickets=tickets,
        )

        return ticket_list_data

