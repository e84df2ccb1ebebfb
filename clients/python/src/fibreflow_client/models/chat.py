from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.chat_contact_type_0_type_0 import ChatContactType0Type0
  from ..models.contact import Contact





T = TypeVar("T", bound="Chat")



@_attrs_define
class Chat:
    """ 
        Attributes:
            contact (ChatContactType0Type0 | Contact | None | Unset):
            id (UUID | Unset):
            is_group (bool | Unset):
            jid (str | Unset):
            last_message_at (datetime.datetime | None | Unset):
            name (None | str | Unset):
            participant_count (int | Unset):
            project_id (None | str | Unset):
            project_name (None | str | Unset):
            ticket_uid (None | str | Unset):
     """

    contact: ChatContactType0Type0 | Contact | None | Unset = UNSET
    id: UUID | Unset = UNSET
    is_group: bool | Unset = UNSET
    jid: str | Unset = UNSET
    last_message_at: datetime.datetime | None | Unset = UNSET
    name: None | str | Unset = UNSET
    participant_count: int | Unset = UNSET
    project_id: None | str | Unset = UNSET
    project_name: None | str | Unset = UNSET
    ticket_uid: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.chat_contact_type_0_type_0 import ChatContactType0Type0 # noqa: PLC0415
        from ..models.contact import Contact # noqa: PLC0415
        contact: dict[str, Any] | None | Unset
        if isinstance(self.contact, Unset):
            contact = UNSET
        elif isinstance(self.contact, ChatContactType0Type0):
            contact = self.contact.to_dict()
        elif isinstance(self.contact, Contact):
            contact = self.contact.to_dict()
        else:
            contact = self.contact

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        is_group = self.is_group

        jid = self.jid

        last_message_at: None | str | Unset
        if isinstance(self.last_message_at, Unset):
            last_message_at = UNSET
        elif isinstance(self.last_message_at, datetime.datetime):
            last_message_at = self.last_message_at.isoformat()
        else:
            last_message_at = self.last_message_at

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        participant_count = self.participant_count

        project_id: None | str | Unset
        if isinstance(self.project_id, Unset):
            project_id = UNSET
        else:
            project_id = self.project_id

        project_name: None | str | Unset
        if isinstance(self.project_name, Unset):
            project_name = UNSET
        else:
            project_name = self.project_name

        ticket_uid: None | str | Unset
        if isinstance(self.ticket_uid, Unset):
            ticket_uid = UNSET
        else:
            ticket_uid = self.ticket_uid


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if contact is not UNSET:
            field_dict["contact"] = contact
        if id is not UNSET:
            field_dict["id"] = id
        if is_group is not UNSET:
            field_dict["is_group"] = is_group
        if jid is not UNSET:
            field_dict["jid"] = jid
        if last_message_at is not UNSET:
            field_dict["last_message_at"] = last_message_at
        if name is not UNSET:
            field_dict["name"] = name
        if participant_count is not UNSET:
            field_dict["participant_count"] = participant_count
        if project_id is not UNSET:
            field_dict["project_id"] = project_id
        if project_name is not UNSET:
            field_dict["project_name"] = project_name
        if ticket_uid is not UNSET:
            field_dict["ticket_uid"] = ticket_uid

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.chat_contact_type_0_type_0 import ChatContactType0Type0 # noqa: PLC0415
        from ..models.contact import Contact # noqa: PLC0415
        d = dict(src_dict)
        def _parse_contact(data: object) -> ChatContactType0Type0 | Contact | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                contact_type_0_type_0 = ChatContactType0Type0.from_dict(data)



                return contact_type_0_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                contact_type_1 = Contact.from_dict(data)



                return contact_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChatContactType0Type0 | Contact | None | Unset, data)

        contact = _parse_contact(d.pop("contact", UNSET))


        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id,  Unset):
            id = UNSET
        else:
            id = UUID(_id)




        is_group = d.pop("is_group", UNSET)

        jid = d.pop("jid", UNSET)

        def _parse_last_message_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_message_at_type_0 = datetime.datetime.fromisoformat(data)



                return last_message_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_message_at = _parse_last_message_at(d.pop("last_message_at", UNSET))


        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))


        participant_count = d.pop("participant_count", UNSET)

        def _parse_project_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        project_id = _parse_project_id(d.pop("project_id", UNSET))


        def _parse_project_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        project_name = _parse_project_name(d.pop("project_name", UNSET))


        def _parse_ticket_uid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ticket_uid = _parse_ticket_uid(d.pop("ticket_uid", UNSET))


        chat = cls(
            contact=contact,
            id=id,
            is_group=is_group,
            jid=jid,
            last_message_at=last_message_at,
            name=name,
            participant_count=participant_count,
            project_id=project_id,
            project_name=project_name,
            ticket_uid=ticket_uid,
        )

        return chat

