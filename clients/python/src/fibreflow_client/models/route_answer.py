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





T = TypeVar("T", bound="RouteAnswer")



@_attrs_define
class RouteAnswer:
    """ 
        Attributes:
            chat (Chat | Unset):
            reason (str | Unset):  Example: override.
            ticket_uid (str | Unset):
     """

    chat: Chat | Unset = UNSET
    reason: str | Unset = UNSET
    ticket_uid: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.chat import Chat # noqa: PLC0415
        chat: dict[str, Any] | Unset = UNSET
        if not isinstance(self.chat, Unset):
            chat = self.chat.to_dict()

        reason = self.reason

        ticket_uid = self.ticket_uid


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if chat is not UNSET:
            field_dict["chat"] = chat
        if reason is not UNSET:
            field_dict["reason"] = reason
        if ticket_uid is not UNSET:
            field_dict["ticket_uid"] = ticket_uid

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.chat import Chat # noqa: PLC0415
        d = dict(src_dict)
        _chat = d.pop("chat", UNSET)
        chat: Chat | Unset
        if isinstance(_chat,  Unset):
            chat = UNSET
        else:
            chat = Chat.from_dict(_chat)




        reason = d.pop("reason", UNSET)

        ticket_uid = d.pop("ticket_uid", UNSET)

        route_answer = cls(
            chat=chat,
            reason=reason,
            ticket_uid=ticket_uid,
        )

        return route_answer

