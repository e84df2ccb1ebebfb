from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.send_message_kind import SendMessageKind
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.media import Media





T = TypeVar("T", bound="SendMessage")



@_attrs_define
class SendMessage:
    """ 
        Attributes:
            chat_id (str | Unset): our chat id or a WAHA chat id Example: 27821234567@c.us.
            client_ref (str | Unset): idempotency key: the same ref sends once
            kind (SendMessageKind | Unset):  Example: text.
            media (Media | Unset):
            reply_to (UUID | Unset): our id of the message replied to
            text (str | Unset):  Example: On our way to P-4521..
            ticket_uid (str | Unset): routes by override, linked chat, then priority Example: DR1234-01.
            to (str | Unset):  Example: +27821234567.
     """

    chat_id: str | Unset = UNSET
    client_ref: str | Unset = UNSET
    kind: SendMessageKind | Unset = UNSET
    media: Media | Unset = UNSET
    reply_to: UUID | Unset = UNSET
    text: str | Unset = UNSET
    ticket_uid: str | Unset = UNSET
    to: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.media import Media # noqa: PLC0415
        chat_id = self.chat_id

        client_ref = self.client_ref

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value


        media: dict[str, Any] | Unset = UNSET
        if not isinstance(self.media, Unset):
            media = self.media.to_dict()

        reply_to: str | Unset = UNSET
        if not isinstance(self.reply_to, Unset):
            reply_to = str(self.reply_to)

        text = self.text

        ticket_uid = self.ticket_uid

        to = self.to


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if chat_id is not UNSET:
            field_dict["chat_id"] = chat_id
        if client_ref is not UNSET:
            field_dict["client_ref"] = client_ref
        if kind is not UNSET:
            field_dict["kind"] = kind
        if media is not UNSET:
            field_dict["media"] = media
        if reply_to is not UNSET:
            field_dict["reply_to"] = reply_to
        if text is not UNSET:
            field_dict["text"] = text
        if ticket_uid is not UNSET:
            field_dict["ticket_uid"] = ticket_uid
        if to is not UNSET:
            field_dict["to"] = to

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.media import Media # noqa: PLC0415
        d = dict(src_dict)
        chat_id = d.pop("chat_id", UNSET)

        client_ref = d.pop("client_ref", UNSET)

        _kind = d.pop("kind", UNSET)
        kind: SendMessageKind | Unset
        if isinstance(_kind,  Unset):
            kind = UNSET
        else:
            kind = SendMessageKind(_kind)




        _media = d.pop("media", UNSET)
        media: Media | Unset
        if isinstance(_media,  Unset):
            media = UNSET
        else:
            media = Media.from_dict(_media)




        _reply_to = d.pop("reply_to", UNSET)
        reply_to: UUID | Unset
        if isinstance(_reply_to,  Unset):
            reply_to = UNSET
        else:
            reply_to = UUID(_reply_to)




        text = d.pop("text", UNSET)

        ticket_uid = d.pop("ticket_uid", UNSET)

        to = d.pop("to", UNSET)

        send_message = cls(
            chat_id=chat_id,
            client_ref=client_ref,
            kind=kind,
            media=media,
            reply_to=reply_to,
            text=text,
            ticket_uid=ticket_uid,
            to=to,
        )

        return send_message

