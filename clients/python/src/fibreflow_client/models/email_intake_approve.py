from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.email_intake_approve_priority import EmailIntakeApprovePriority
from ..models.email_intake_approve_type import EmailIntakeApproveType
from ..types import UNSET, Unset






T = TypeVar("T", bound="EmailIntakeApprove")



@_attrs_define
class EmailIntakeApprove:
    """ 
        Attributes:
            description (str | Unset):
            drop_number (str | Unset):  Example: DR1234.
            note (str | Unset):
            priority (EmailIntakeApprovePriority | Unset):  Example: high.
            ticket_uid (str | Unset): approve as a note on this ticket instead of a new ticket Example: EML-0042.
            title (str | Unset):  Example: No internet at DR1234.
            type_ (EmailIntakeApproveType | Unset):  Example: fault.
     """

    description: str | Unset = UNSET
    drop_number: str | Unset = UNSET
    note: str | Unset = UNSET
    priority: EmailIntakeApprovePriority | Unset = UNSET
    ticket_uid: str | Unset = UNSET
    title: str | Unset = UNSET
    type_: EmailIntakeApproveType | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        description = self.description

        drop_number = self.drop_number

        note = self.note

        priority: str | Unset = UNSET
        if not isinstance(self.priority, Unset):
            priority = self.priority.value


        ticket_uid = self.ticket_uid

        title = self.title

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value



        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if description is not UNSET:
            field_dict["description"] = description
        if drop_number is not UNSET:
            field_dict["drop_number"] = drop_number
        if note is not UNSET:
            field_dict["note"] = note
        if priority is not UNSET:
            field_dict["priority"] = priority
        if ticket_uid is not UNSET:
            field_dict["ticket_uid"] = ticket_uid
        if title is not UNSET:
            field_dict["title"] = title
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        description = d.pop("description", UNSET)

        drop_number = d.pop("drop_number", UNSET)

        note = d.pop("note", UNSET)

        _priority = d.pop("priority", UNSET)
        priority: EmailIntakeApprovePriority | Unset
        if isinstance(_priority,  Unset):
            priority = UNSET
        else:
            priority = EmailIntakeApprovePriority(_priority)




        ticket_uid = d.pop("ticket_uid", UNSET)

        title = d.pop("title", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: EmailIntakeApproveType | Unset
        if isinstance(_type_,  Unset):
            type_ = UNSET
        else:
            type_ = EmailIntakeApproveType(_type_)




        email_intake_approve = cls(
            description=description,
            drop_number=drop_number,
            note=note,
            priority=priority,
            ticket_uid=ticket_uid,
            title=title,
            type_=type_,
        )

        return email_intake_approve

