from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="Attach")



@_attrs_define
class Attach:
    """ 
        Attributes:
            ticket_uid (str):  Example: FF-0042.
            link_chat (bool | Unset): also link the chat to the ticket Default: False.
     """

    ticket_uid: str
    link_chat: bool | Unset = False





    def to_dict(self) -> dict[str, Any]:
        ticket_uid = self.ticket_uid

        link_chat = self.link_chat


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "ticket_uid": ticket_uid,
        })
        if link_chat is not UNSET:
            field_dict["link_chat"] = link_chat

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ticket_uid = d.pop("ticket_uid")

        link_chat = d.pop("link_chat", UNSET)

        attach = cls(
            ticket_uid=ticket_uid,
            link_chat=link_chat,
        )

        return attach

