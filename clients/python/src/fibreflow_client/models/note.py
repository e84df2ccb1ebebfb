from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.note_channel import NoteChannel
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="Note")



@_attrs_define
class Note:
    """ 
        Attributes:
            author_name (None | str | Unset):
            channel (NoteChannel | Unset):
            content (str | Unset):
            created_at (datetime.datetime | Unset):
            created_by (UUID | Unset):
            external_id (None | str | Unset):
            id (UUID | Unset):
            is_internal (bool | Unset):
            mentions (list[UUID] | Unset):
            ticket_id (UUID | Unset):
            unresolved_mentions (list[str] | Unset):
     """

    author_name: None | str | Unset = UNSET
    channel: NoteChannel | Unset = UNSET
    content: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    created_by: UUID | Unset = UNSET
    external_id: None | str | Unset = UNSET
    id: UUID | Unset = UNSET
    is_internal: bool | Unset = UNSET
    mentions: list[UUID] | Unset = UNSET
    ticket_id: UUID | Unset = UNSET
    unresolved_mentions: list[str] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        author_name: None | str | Unset
        if isinstance(self.author_name, Unset):
            author_name = UNSET
        else:
            author_name = self.author_name

        channel: str | Unset = UNSET
        if not isinstance(self.channel, Unset):
            channel = self.channel.value


        content = self.content

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        created_by: str | Unset = UNSET
        if not isinstance(self.created_by, Unset):
            created_by = str(self.created_by)

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        is_internal = self.is_internal

        mentions: list[str] | Unset = UNSET
        if not isinstance(self.mentions, Unset):
            mentions = []
            for mentions_item_data in self.mentions:
                mentions_item = str(mentions_item_data)
                mentions.append(mentions_item)



        ticket_id: str | Unset = UNSET
        if not isinstance(self.ticket_id, Unset):
            ticket_id = str(self.ticket_id)

        unresolved_mentions: list[str] | Unset = UNSET
        if not isinstance(self.unresolved_mentions, Unset):
            unresolved_mentions = self.unresolved_mentions




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if author_name is not UNSET:
            field_dict["author_name"] = author_name
        if channel is not UNSET:
            field_dict["channel"] = channel
        if content is not UNSET:
            field_dict["content"] = content
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if created_by is not UNSET:
            field_dict["created_by"] = created_by
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if id is not UNSET:
            field_dict["id"] = id
        if is_internal is not UNSET:
            field_dict["is_internal"] = is_internal
        if mentions is not UNSET:
            field_dict["mentions"] = mentions
        if ticket_id is not UNSET:
            field_dict["ticket_id"] = ticket_id
        if unresolved_mentions is not UNSET:
            field_dict["unresolved_mentions"] = unresolved_mentions

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_author_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        author_name = _parse_author_name(d.pop("author_name", UNSET))


        _channel = d.pop("channel", UNSET)
        channel: NoteChannel | Unset
        if isinstance(_channel,  Unset):
            channel = UNSET
        else:
            channel = NoteChannel(_channel)




        content = d.pop("content", UNSET)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at,  Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)




        _created_by = d.pop("created_by", UNSET)
        created_by: UUID | Unset
        if isinstance(_created_by,  Unset):
            created_by = UNSET
        else:
            created_by = UUID(_created_by)




        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))


        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id,  Unset):
            id = UNSET
        else:
            id = UUID(_id)




        is_internal = d.pop("is_internal", UNSET)

        _mentions = d.pop("mentions", UNSET)
        mentions: list[UUID] | Unset = UNSET
        if _mentions is not UNSET:
            mentions = []
            for mentions_item_data in _mentions:
                mentions_item = UUID(mentions_item_data)



                mentions.append(mentions_item)


        _ticket_id = d.pop("ticket_id", UNSET)
        ticket_id: UUID | Unset
        if isinstance(_ticket_id,  Unset):
            ticket_id = UNSET
        else:
            ticket_id = UUID(_ticket_id)




        unresolved_mentions = cast(list[str], d.pop("unresolved_mentions", UNSET))


        note = cls(
            author_name=author_name,
            channel=channel,
            content=content,
            created_at=created_at,
            created_by=created_by,
            external_id=external_id,
            id=id,
            is_internal=is_internal,
            mentions=mentions,
            ticket_id=ticket_id,
            unresolved_mentions=unresolved_mentions,
        )

        return note

