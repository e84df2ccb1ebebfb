from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.chat import Chat
  from ..models.context_contact import ContextContact
  from ..models.context_location import ContextLocation
  from ..models.context_related_tickets_item import ContextRelatedTicketsItem
  from ..models.context_ticket import ContextTicket
  from ..models.message import Message





T = TypeVar("T", bound="Context")



@_attrs_define
class Context:
    """ 
        Attributes:
            chats (list[Chat] | Unset):
            contact (ContextContact | Unset):
            history (list[Message] | Unset):
            location (ContextLocation | Unset):
            message_count (int | Unset):
            related_tickets (list[ContextRelatedTicketsItem] | Unset):
            ticket (ContextTicket | Unset):
     """

    chats: list[Chat] | Unset = UNSET
    contact: ContextContact | Unset = UNSET
    history: list[Message] | Unset = UNSET
    location: ContextLocation | Unset = UNSET
    message_count: int | Unset = UNSET
    related_tickets: list[ContextRelatedTicketsItem] | Unset = UNSET
    ticket: ContextTicket | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.chat import Chat # noqa: PLC0415
        from ..models.context_contact import ContextContact # noqa: PLC0415
        from ..models.context_location import ContextLocation # noqa: PLC0415
        from ..models.context_related_tickets_item import ContextRelatedTicketsItem # noqa: PLC0415
        from ..models.context_ticket import ContextTicket # noqa: PLC0415
        from ..models.message import Message # noqa: PLC0415
        chats: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.chats, Unset):
            chats = []
            for chats_item_data in self.chats:
                chats_item = chats_item_data.to_dict()
                chats.append(chats_item)



        contact: dict[str, Any] | Unset = UNSET
        if not isinstance(self.contact, Unset):
            contact = self.contact.to_dict()

        history: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.history, Unset):
            history = []
            for history_item_data in self.history:
                history_item = history_item_data.to_dict()
                history.append(history_item)



        location: dict[str, Any] | Unset = UNSET
        if not isinstance(self.location, Unset):
            location = self.location.to_dict()

        message_count = self.message_count

        related_tickets: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.related_tickets, Unset):
            related_tickets = []
            for related_tickets_item_data in self.related_tickets:
                related_tickets_item = related_tickets_item_data.to_dict()
                related_tickets.append(related_tickets_item)



        ticket: dict[str, Any] | Unset = UNSET
        if not isinstance(self.ticket, Unset):
            ticket = self.ticket.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if chats is not UNSET:
            field_dict["chats"] = chats
        if contact is not UNSET:
            field_dict["contact"] = contact
        if history is not UNSET:
            field_dict["history"] = history
        if location is not UNSET:
            field_dict["location"] = location
        if message_count is not UNSET:
            field_dict["message_count"] = message_count
        if related_tickets is not UNSET:
            field_dict["related_tickets"] = related_tickets
        if ticket is not UNSET:
            field_dict["ticket"] = ticket

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.chat import Chat # noqa: PLC0415
        from ..models.context_contact import ContextContact # noqa: PLC0415
        from ..models.context_location import ContextLocation # noqa: PLC0415
        from ..models.context_related_tickets_item import ContextRelatedTicketsItem # noqa: PLC0415
        from ..models.context_ticket import ContextTicket # noqa: PLC0415
        from ..models.message import Message # noqa: PLC0415
        d = dict(src_dict)
        _chats = d.pop("chats", UNSET)
        chats: list[Chat] | Unset = UNSET
        if _chats is not UNSET:
            chats = []
            for chats_item_data in _chats:
                chats_item = Chat.from_dict(chats_item_data)



                chats.append(chats_item)


        _contact = d.pop("contact", UNSET)
        contact: ContextContact | Unset
        if isinstance(_contact,  Unset):
            contact = UNSET
        else:
            contact = ContextContact.from_dict(_contact)




        _history = d.pop("history", UNSET)
        history: list[Message] | Unset = UNSET
        if _history is not UNSET:
            history = []
            for history_item_data in _history:
                history_item = Message.from_dict(history_item_data)



                history.append(history_item)


        _location = d.pop("location", UNSET)
        location: ContextLocation | Unset
        if isinstance(_location,  Unset):
            location = UNSET
        else:
            location = ContextLocation.from_dict(_location)




        message_count = d.pop("message_count", UNSET)

        _related_tickets = d.pop("related_tickets", UNSET)
        related_tickets: list[ContextRelatedTicketsItem] | Unset = UNSET
        if _related_tickets is not UNSET:
            related_tickets = []
            for related_tickets_item_data in _related_tickets:
                related_tickets_item = ContextRelatedTicketsItem.from_dict(related_tickets_item_data)



                related_tickets.append(related_tickets_item)


        _ticket = d.pop("ticket", UNSET)
        ticket: ContextTicket | Unset
        if isinstance(_ticket,  Unset):
            ticket = UNSET
        else:
            ticket = ContextTicket.from_dict(_ticket)




        context = cls(
            chats=chats,
            contact=contact,
            history=history,
            location=location,
            message_count=message_count,
            related_tickets=related_tickets,
            ticket=ticket,
        )

        return context

