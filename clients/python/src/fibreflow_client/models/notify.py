from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Notify")



@_attrs_define
class Notify:
    """ 
        Attributes:
            client_ref (str):  Example: notification:2f1c….
            text (str):  Example: SLA breached: FF-0042.
            to (str):  Example: +27821234567.
            ticket_uid (None | str | Unset):
     """

    client_ref: str
    text: str
    to: str
    ticket_uid: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        client_ref = self.client_ref

        text = self.text

        to = self.to

        ticket_uid: None | str | Unset
        if isinstance(self.ticket_uid, Unset):
            ticket_uid = UNSET
        else:
            ticket_uid = self.ticket_uid


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "client_ref": client_ref,
            "text": text,
            "to": to,
        })
        if ticket_uid is not UNSET:
            field_dict["ticket_uid"] = ticket_uid

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        client_ref = d.pop("client_ref")

        text = d.pop("text")

        to = d.pop("to")

        def _parse_ticket_uid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ticket_uid = _parse_ticket_uid(d.pop("ticket_uid", UNSET))


        notify = cls(
            client_ref=client_ref,
            text=text,
            to=to,
            ticket_uid=ticket_uid,
        )

        return notify

