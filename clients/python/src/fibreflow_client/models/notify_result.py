from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="NotifyResult")



@_attrs_define
class NotifyResult:
    """ 
        Attributes:
            message (str | Unset):
            post_id (int | Unset):
            reference (str | Unset):
            state (str | Unset):  Example: pending.
            ticket_uid (str | Unset):  Example: FT10001.
     """

    message: str | Unset = UNSET
    post_id: int | Unset = UNSET
    reference: str | Unset = UNSET
    state: str | Unset = UNSET
    ticket_uid: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        message = self.message

        post_id = self.post_id

        reference = self.reference

        state = self.state

        ticket_uid = self.ticket_uid


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if message is not UNSET:
            field_dict["message"] = message
        if post_id is not UNSET:
            field_dict["post_id"] = post_id
        if reference is not UNSET:
            field_dict["reference"] = reference
        if state is not UNSET:
            field_dict["state"] = state
        if ticket_uid is not UNSET:
            field_dict["ticket_uid"] = ticket_uid

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        message = d.pop("message", UNSET)

        post_id = d.pop("post_id", UNSET)

        reference = d.pop("reference", UNSET)

        state = d.pop("state", UNSET)

        ticket_uid = d.pop("ticket_uid", UNSET)

        notify_result = cls(
            message=message,
            post_id=post_id,
            reference=reference,
            state=state,
            ticket_uid=ticket_uid,
        )

        return notify_result

