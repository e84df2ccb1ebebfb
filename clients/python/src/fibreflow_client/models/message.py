from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.message_status import MessageStatus
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.chat_ref import ChatRef
  from ..models.contact import Contact
  from ..models.media_info import MediaInfo
  from ..models.message_chat_type_0_type_0 import MessageChatType0Type0
  from ..models.message_contact_type_0_type_0 import MessageContactType0Type0
  from ..models.message_media_type_0_type_0 import MessageMediaType0Type0
  from ..models.message_reply_to_type_0_type_0 import MessageReplyToType0Type0
  from ..models.quoted import Quoted





T = TypeVar("T", bound="Message")



@_attrs_define
class Message:
    """ 
        Attributes:
            ack (int | None | Unset):
            ack_name (None | str | Unset):  Example: READ.
            attempts (int | Unset):
            body (str | Unset):
            chat (ChatRef | MessageChatType0Type0 | None | Unset):
            contact (Contact | MessageContactType0Type0 | None | Unset):
            created_at (datetime.datetime | Unset):
            delivered_at (datetime.datetime | None | Unset):
            direction (str | Unset):  Example: out.
            error (None | str | Unset):
            failed_at (datetime.datetime | None | Unset):
            id (UUID | Unset):
            kind (str | Unset):  Example: text.
            link_method (None | str | Unset):  Example: uid.
            media (MediaInfo | MessageMediaType0Type0 | None | Unset):
            origin (str | Unset):
            read_at (datetime.datetime | None | Unset):
            reply_to (MessageReplyToType0Type0 | None | Quoted | Unset):
            sender_name (None | str | Unset):
            sender_user_id (None | Unset | UUID):
            sent_at (datetime.datetime | None | Unset):
            status (MessageStatus | Unset):  Example: read.
            ticket_uid (None | str | Unset):  Example: DR1234-01.
            waha_id (None | str | Unset):  Example: true_27821234567@c.us_3EB0C767D26A1D.
     """

    ack: int | None | Unset = UNSET
    ack_name: None | str | Unset = UNSET
    attempts: int | Unset = UNSET
    body: str | Unset = UNSET
    chat: ChatRef | MessageChatType0Type0 | None | Unset = UNSET
    contact: Contact | MessageContactType0Type0 | None | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    delivered_at: datetime.datetime | None | Unset = UNSET
    direction: str | Unset = UNSET
    error: None | str | Unset = UNSET
    failed_at: datetime.datetime | None | Unset = UNSET
    id: UUID | Unset = UNSET
    kind: str | Unset = UNSET
    link_method: None | str | Unset = UNSET
    media: MediaInfo | MessageMediaType0Type0 | None | Unset = UNSET
    origin: str | Unset = UNSET
    read_at: datetime.datetime | None | Unset = UNSET
    reply_to: MessageReplyToType0Type0 | None | Quoted | Unset = UNSET
    sender_name: None | str | Unset = UNSET
    sender_user_id: None | Unset | UUID = UNSET
    sent_at: datetime.datetime | None | Unset = UNSET
    status: MessageStatus | Unset = UNSET
    ticket_uid: None | str | Unset = UNSET
    waha_id: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.chat_ref import ChatRef # noqa: PLC0415
        from ..models.contact import Contact # noqa: PLC0415
        from ..models.media_info import MediaInfo # noqa: PLC0415
        from ..models.message_chat_type_0_type_0 import MessageChatType0Type0 # noqa: PLC0415
        from ..models.message_contact_type_0_type_0 import MessageContactType0Type0 # noqa: PLC0415
        from ..models.message_media_type_0_type_0 import MessageMediaType0Type0 # noqa: PLC0415
        from ..models.message_reply_to_type_0_type_0 import MessageReplyToType0Type0 # noqa: PLC0415
        from ..models.quoted import Quoted # noqa: PLC0415
        ack: int | None | Unset
        if isinstance(self.ack, Unset):
            ack = UNSET
        else:
            ack = self.ack

        ack_name: None | str | Unset
        if isinstance(self.ack_name, Unset):
            ack_name = UNSET
        else:
            ack_name = self.ack_name

        attempts = self.attempts

        body = self.body

        chat: dict[str, Any] | None | Unset
        if isinstance(self.chat, Unset):
            chat = UNSET
        elif isinstance(self.chat, MessageChatType0Type0):
            chat = self.chat.to_dict()
        elif isinstance(self.chat, ChatRef):
            chat = self.chat.to_dict()
        else:
            chat = self.chat

        contact: dict[str, Any] | None | Unset
        if isinstance(self.contact, Unset):
            contact = UNSET
        elif isinstance(self.contact, MessageContactType0Type0):
            contact = self.contact.to_dict()
        elif isinstance(self.contact, Contact):
            contact = self.contact.to_dict()
        else:
            contact = self.contact

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        delivered_at: None | str | Unset
        if isinstance(self.delivered_at, Unset):
            delivered_at = UNSET
        elif isinstance(self.delivered_at, datetime.datetime):
            delivered_at = self.delivered_at.isoformat()
        else:
            delivered_at = self.delivered_at

        direction = self.direction

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        failed_at: None | str | Unset
        if isinstance(self.failed_at, Unset):
            failed_at = UNSET
        elif isinstance(self.failed_at, datetime.datetime):
            failed_at = self.failed_at.isoformat()
        else:
            failed_at = self.failed_at

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        kind = self.kind

        link_method: None | str | Unset
        if isinstance(self.link_method, Unset):
            link_method = UNSET
        else:
            link_method = self.link_method

        media: dict[str, Any] | None | Unset
        if isinstance(self.media, Unset):
            media = UNSET
        elif isinstance(self.media, MessageMediaType0Type0):
            media = self.media.to_dict()
        elif isinstance(self.media, MediaInfo):
            media = self.media.to_dict()
        else:
            media = self.media

        origin = self.origin

        read_at: None | str | Unset
        if isinstance(self.read_at, Unset):
            read_at = UNSET
        elif isinstance(self.read_at, datetime.datetime):
            read_at = self.read_at.isoformat()
        else:
            read_at = self.read_at

        reply_to: dict[str, Any] | None | Unset
        if isinstance(self.reply_to, Unset):
            reply_to = UNSET
        elif isinstance(self.reply_to, MessageReplyToType0Type0):
            reply_to = self.reply_to.to_dict()
        elif isinstance(self.reply_to, Quoted):
            reply_to = self.reply_to.to_dict()
        else:
            reply_to = self.reply_to

        sender_name: None | str | Unset
        if isinstance(self.sender_name, Unset):
            sender_name = UNSET
        else:
            sender_name = self.sender_name

        sender_user_id: None | str | Unset
        if isinstance(self.sender_user_id, Unset):
            sender_user_id = UNSET
        elif isinstance(self.sender_user_id, UUID):
            sender_user_id = str(self.sender_user_id)
        else:
            sender_user_id = self.sender_user_id

        sent_at: None | str | Unset
        if isinstance(self.sent_at, Unset):
            sent_at = UNSET
        elif isinstance(self.sent_at, datetime.datetime):
            sent_at = self.sent_at.isoformat()
        else:
            sent_at = self.sent_at

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value


        ticket_uid: None | str | Unset
        if isinstance(self.ticket_uid, Unset):
            ticket_uid = UNSET
        else:
            ticket_uid = self.ticket_uid

        waha_id: None | str | Unset
        if isinstance(self.waha_id, Unset):
            waha_id = UNSET
        else:
            waha_id = self.waha_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if ack is not UNSET:
            field_dict["ack"] = ack
        if ack_name is not UNSET:
            field_dict["ack_name"] = ack_name
        if attempts is not UNSET:
            field_dict["attempts"] = attempts
        if body is not UNSET:
            field_dict["body"] = body
        if chat is not UNSET:
            field_dict["chat"] = chat
        if contact is not UNSET:
            field_dict["contact"] = contact
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if delivered_at is not UNSET:
            field_dict["delivered_at"] = delivered_at
        if direction is not UNSET:
            field_dict["direction"] = direction
        if error is not UNSET:
            field_dict["error"] = error
        if failed_at is not UNSET:
            field_dict["failed_at"] = failed_at
        if id is not UNSET:
            field_dict["id"] = id
        if kind is not UNSET:
            field_dict["kind"] = kind
        if link_method is not UNSET:
            field_dict["link_method"] = link_method
        if media is not UNSET:
            field_dict["media"] = media
        if origin is not UNSET:
            field_dict["origin"] = origin
        if read_at is not UNSET:
            field_dict["read_at"] = read_at
        if reply_to is not UNSET:
            field_dict["reply_to"] = reply_to
        if sender_name is not UNSET:
            field_dict["sender_name"] = sender_name
        if sender_user_id is not UNSET:
            field_dict["sender_user_id"] = sender_user_id
        if sent_at is not UNSET:
            field_dict["sent_at"] = sent_at
        if status is not UNSET:
            field_dict["status"] = status
        if ticket_uid is not UNSET:
            field_dict["ticket_uid"] = ticket_uid
        if waha_id is not UNSET:
            field_dict["waha_id"] = waha_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.chat_ref import ChatRef # noqa: PLC0415
        from ..models.contact import Contact # noqa: PLC0415
        from ..models.media_info import MediaInfo # noqa: PLC0415
        from ..models.message_chat_type_0_type_0 import MessageChatType0Type0 # noqa: PLC0415
        from ..models.message_contact_type_0_type_0 import MessageContactType0Type0 # noqa: PLC0415
        from ..models.message_media_type_0_type_0 import MessageMediaType0Type0 # noqa: PLC0415
        from ..models.message_reply_to_type_0_type_0 import MessageReplyToType0Type0 # noqa: PLC0415
        from ..models.quoted import Quoted # noqa: PLC0415
        d = dict(src_dict)
        def _parse_ack(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        ack = _parse_ack(d.pop("ack", UNSET))


        def _parse_ack_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ack_name = _parse_ack_name(d.pop("ack_name", UNSET))


        attempts = d.pop("attempts", UNSET)

        body = d.pop("body", UNSET)

        def _parse_chat(data: object) -> ChatRef | MessageChatType0Type0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                chat_type_0_type_0 = MessageChatType0Type0.from_dict(data)



                return chat_type_0_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                chat_type_1 = ChatRef.from_dict(data)



                return chat_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChatRef | MessageChatType0Type0 | None | Unset, data)

        chat = _parse_chat(d.pop("chat", UNSET))


        def _parse_contact(data: object) -> Contact | MessageContactType0Type0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                contact_type_0_type_0 = MessageContactType0Type0.from_dict(data)



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
            return cast(Contact | MessageContactType0Type0 | None | Unset, data)

        contact = _parse_contact(d.pop("contact", UNSET))


        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at,  Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)




        def _parse_delivered_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                delivered_at_type_0 = datetime.datetime.fromisoformat(data)



                return delivered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        delivered_at = _parse_delivered_at(d.pop("delivered_at", UNSET))


        direction = d.pop("direction", UNSET)

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))


        def _parse_failed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                failed_at_type_0 = datetime.datetime.fromisoformat(data)



                return failed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        failed_at = _parse_failed_at(d.pop("failed_at", UNSET))


        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id,  Unset):
            id = UNSET
        else:
            id = UUID(_id)




        kind = d.pop("kind", UNSET)

        def _parse_link_method(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        link_method = _parse_link_method(d.pop("link_method", UNSET))


        def _parse_media(data: object) -> MediaInfo | MessageMediaType0Type0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                media_type_0_type_0 = MessageMediaType0Type0.from_dict(data)



                return media_type_0_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                media_type_1 = MediaInfo.from_dict(data)



                return media_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MediaInfo | MessageMediaType0Type0 | None | Unset, data)

        media = _parse_media(d.pop("media", UNSET))


        origin = d.pop("origin", UNSET)

        def _parse_read_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                read_at_type_0 = datetime.datetime.fromisoformat(data)



                return read_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        read_at = _parse_read_at(d.pop("read_at", UNSET))


        def _parse_reply_to(data: object) -> MessageReplyToType0Type0 | None | Quoted | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                reply_to_type_0_type_0 = MessageReplyToType0Type0.from_dict(data)



                return reply_to_type_0_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                reply_to_type_1 = Quoted.from_dict(data)



                return reply_to_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MessageReplyToType0Type0 | None | Quoted | Unset, data)

        reply_to = _parse_reply_to(d.pop("reply_to", UNSET))


        def _parse_sender_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sender_name = _parse_sender_name(d.pop("sender_name", UNSET))


        def _parse_sender_user_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sender_user_id_type_0 = UUID(data)



                return sender_user_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        sender_user_id = _parse_sender_user_id(d.pop("sender_user_id", UNSET))


        def _parse_sent_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sent_at_type_0 = datetime.datetime.fromisoformat(data)



                return sent_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        sent_at = _parse_sent_at(d.pop("sent_at", UNSET))


        _status = d.pop("status", UNSET)
        status: MessageStatus | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = MessageStatus(_status)




        def _parse_ticket_uid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ticket_uid = _parse_ticket_uid(d.pop("ticket_uid", UNSET))


        def _parse_waha_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        waha_id = _parse_waha_id(d.pop("waha_id", UNSET))


        message = cls(
            ack=ack,
            ack_name=ack_name,
            attempts=attempts,
            body=body,
            chat=chat,
            contact=contact,
            created_at=created_at,
            delivered_at=delivered_at,
            direction=direction,
            error=error,
            failed_at=failed_at,
            id=id,
            kind=kind,
            link_method=link_method,
            media=media,
            origin=origin,
            read_at=read_at,
            reply_to=reply_to,
            sender_name=sender_name,
            sender_user_id=sender_user_id,
            sent_at=sent_at,
            status=status,
            ticket_uid=ticket_uid,
            waha_id=waha_id,
        )

        return message

